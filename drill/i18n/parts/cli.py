"""Catalogue: the command line's text, printed in both languages side by side."""

from __future__ import annotations

CLI: dict[str, tuple[str, str]] = {
    "cli.about": (
        "Drill: tabletop emergency drills for resilient communities.",
        "社区应急桌面推演：政府、社区居委会、社会组织和居民一起应对灾害。",
    ),
    # scores in `drill simulate`, `drill balance` and `drill demo`
    "cli.score.overall": ("overall", "总分"),
    "cli.score.coordination": ("coordination", "协同"),
    "cli.score.recovery": ("recovery", "恢复"),
    "cli.score.equity": ("equity", "公平"),
    "cli.scores": ("Scores (0–100)", "得分"),
    "cli.objective_ratings": ("Objective ratings (HSEEP)", "目标评级"),
    # `drill balance`
    "balance.verdict": ("Verdict", "结论"),
    "balance.objective_ratings": ("Objective ratings (HSEEP), share of runs", "目标评级"),
    "balance.never_met": ("Expected responses almost never met", "难以达成"),
    "balance.never_chosen": ("Actions the greedy bots never choose", "贪心机器人从不选择的行动"),
    "balance.flags": ("Flags", "提示"),
    # `drill demo`
    "demo.title": ("tabletop emergency drill", "社区应急桌面推演"),
    "demo.teams": (
        "Two bot teams play this drill (seed {seed}): 'greedy' shares information and acts\n"
        "jointly like a thoughtful team; 'random' plays any legal order.",
        "两支机器人队伍演练同一剧本（随机种子 {seed}）：greedy 队会共享信息、联合行动，"
        "random 队随意出牌。",
    ),
    "demo.q": ("community functionality (0–100), the weighted mean of its sectors.", "社区功能"),
    "demo.turn_by_turn": ("Turn by turn", "逐轮情况"),
    "demo.time": ("time", "时间"),
    "demo.scores": ("scores (0–100)", "得分"),
    "demo.response": ("response to injects", "响应"),
    "demo.information": ("information used", "信息"),
    "demo.joint": ("joint action", "联合"),
    "demo.cohesion": ("cohesion", "凝聚"),
    "demo.self_organisation": ("self-organisation", "自组织"),
    "demo.robustness": ("robustness", "最低功能"),
    "demo.rapidity": ("rapidity (turns)", "恢复用时"),
    "demo.equity": ("equity (vulnerable groups)", "公平"),
    "demo.objectives": ("objectives (P S M U)", "目标评级"),
    "demo.next_steps": ("Next steps", "下一步"),
    "demo.next_info": ("what is in the scenario", "剧本详情"),
    "demo.next_simulate": ("scores over 100 bot drills", "多次模拟"),
    "demo.next_validate": ("check scenario files", "检查剧本"),
}

"""The report's own words in Chinese and English: headings, score names, ratings, outcomes."""

from __future__ import annotations

from drill.i18n.capabilities import capability_name
from drill.scenario.text import Lang

_WORDS: dict[str, tuple[str, str]] = {
    "title": ("After-action report", "演练评估报告"),
    "subtitle": ("and improvement plan (HSEEP AAR/IP)", "及改进计划（HSEEP AAR/IP）"),
    "compare.title": ("Drills side by side", "演练对比"),
    "overview": ("Exercise overview", "演练概况"),
    "summary": ("Executive summary", "执行摘要"),
    "scores": ("Scores", "评分"),
    "objectives": ("Objectives and core capabilities", "目标与核心能力"),
    "analysis": ("Strengths and areas for improvement", "优势与待改进领域"),
    "plan": ("Improvement plan", "改进计划"),
    "timeline": ("Timeline", "时间线"),
    "roles": ("Contribution of each role", "各角色贡献"),
    "charts": ("Charts", "图表"),
    "hotwash": ("Hot-wash notes", "现场讲评记录"),
    "scenario": ("Scenario", "情景"),
    "drill": ("Drill", "演练"),
    "date": ("Date", "日期"),
    "hazard": ("Hazard", "灾害"),
    "turns": ("Turns played", "已进行轮次"),
    "turn": ("Turn", "轮次"),
    "seed": ("Seed", "随机种子"),
    "mode": ("Mode", "模式"),
    "branch": ("Branched from", "分支自"),
    "role": ("Role", "角色"),
    "team": ("Team", "团队"),
    "participants": ("Participants", "参与者"),
    "bot": ("bot", "机器人"),
    "score": ("Score", "得分"),
    "weight": ("Weight", "权重"),
    "part": ("Part", "分项"),
    "not_measured": ("not measured", "无可测量"),
    "never": ("never", "未恢复"),
    "turns_unit": ("turns", "轮"),
    "overall": ("Overall", "总分"),
    "coordination": ("Coordination", "协同"),
    "response": ("Response", "响应"),
    "information": ("Information", "信息"),
    "joint": ("Joint action", "联合行动"),
    "cohesion": ("Cohesion", "凝聚度"),
    "self_organisation": ("Self-organisation", "自组织"),
    "recovery": ("Recovery", "恢复"),
    "robustness": ("Robustness (lowest functionality)", "鲁棒性（最低功能）"),
    "rapidity": ("Rapidity (turns back to 90%)", "快速性（恢复至90%所需轮数）"),
    "equity": ("Equity", "公平"),
    "group": ("Vulnerable group", "脆弱群体"),
    "assisted": ("Assisted by deadline", "期限内获助"),
    "deadline": ("Deadline turn", "期限轮次"),
    "objective": ("Objective", "目标"),
    "capability": ("Capability", "核心能力"),
    "rating": ("Rating", "评级"),
    "inject": ("Inject", "情景注入"),
    "released": ("Released", "发布轮次"),
    "expected": ("Expected action", "期望行动"),
    "by": ("By", "由"),
    "within": ("Within", "时限"),
    "status": ("Status", "状态"),
    "met_by": ("Met by", "完成者"),
    "met_in": ("In turn", "完成轮次"),
    "evidence": ("Evidence", "依据"),
    "strengths": ("Strengths", "优势"),
    "improvements": ("Areas for improvement", "待改进领域"),
    "notes": ("Notes", "备注"),
    "from_hotwash": ("from the hot wash", "来自现场讲评"),
    "action": ("Corrective action", "纠正措施"),
    "responsible": ("Responsible role", "负责角色"),
    "due": ("Due", "完成期限"),
    "proposed": (
        "Proposed from the missed responses (no plan was written in the hot wash):",
        "根据未完成的响应提出的建议（现场讲评中未填写改进计划）：",
    ),
    "event": ("What happened", "事件"),
    "actions": ("Actions", "行动数"),
    "responses_met": ("Responses met", "完成响应"),
    "shared": ("Information shared", "共享信息"),
    "joint_actions": ("Joint actions", "联合行动数"),
    "chart.functionality": (
        "Functionality per sector; shaded: functionality lost",
        "各领域功能随时间变化（阴影为功能损失）",
    ),
    "chart.network": ("Coordination network of the roles", "角色协同网络"),
    "chart.scores": ("Score parts", "评分分项"),
    "chart.compare": ("Community functionality Q(t) of each drill", "各次演练的社区功能 Q(t)"),
    "axis.turn": ("turn", "轮次"),
    "axis.functionality": ("functionality", "功能"),
    "community": ("community Q(t)", "社区整体 Q(t)"),
    "none": ("none", "无"),
    "rating.P": ("P — performed without challenges", "P — 顺利完成"),
    "rating.S": ("S — performed with some challenges", "S — 完成但有一些困难"),
    "rating.M": ("M — performed with major challenges", "M — 完成但困难重大"),
    "rating.U": ("U — unable to be performed", "U — 未能完成"),
    "rating.-": ("- — nothing was expected", "- — 无期望响应"),
    "status.on_time": ("on time", "按时"),
    "status.late": ("late", "迟到"),
    "status.missed": ("missed", "未完成"),
    "status.not_released": ("not released", "未发布"),
    "outcome.done": ("done", "完成"),
    "outcome.failed": ("failed", "失败"),
    "outcome.refused": ("refused", "被拒"),
    "outcome.requested": ("sent for approval", "待审批"),
    "outcome.alone": ("no partner joined", "无人联合"),
    "tl.inject": ("Inject: {title} (to {to})", "情景注入：{title}（发给 {to}）"),
    "tl.adhoc": ("Ad-hoc inject: {title} (to {to})", "临时注入：{title}（发给 {to}）"),
    "tl.phase": ("Hazard phase: {phase}", "灾害阶段：{phase}"),
    "tl.override": ("Facilitator override: {reason}", "主持人干预：{reason}"),
    "tl.held": ("Facilitator held inject: {title}", "主持人暂缓注入：{title}"),
    "tl.skipped": ("Facilitator skipped inject: {title}", "主持人跳过注入：{title}"),
    "tl.institution": ("Institution in force: {what} ({role})", "制度建立：{what}（{role}）"),
    "tl.contingency": (
        "Expected response missed; contingency next: {title}",
        "期望响应未完成，下一轮触发应急注入：{title}",
    ),
    "tl.message": ("{role} on the platform: {text}", "{role} 在平台发布：{text}"),
    "tl.paused": ("Facilitator paused the drill", "主持人暂停演练"),
    "tl.jointly": (" (jointly)", "（联合）"),
    "tl.platform": ("the platform", "社区平台"),
    "kind.inject": ("inject", "注入"),
    "kind.action": ("action", "行动"),
    "kind.phase": ("phase", "阶段"),
    "kind.override": ("override", "干预"),
    "kind.facilitator": ("facilitator", "主持人"),
    "kind.institution": ("institution", "制度"),
    "kind.message": ("message", "消息"),
    "find.part_strong": ("{part} scored {value} of 100.", "{part}得分 {value}（满分100）。"),
    "find.part_weak": (
        "{part} scored only {value} of 100.",
        "{part}得分仅 {value}（满分100）。",
    ),
    "find.objective": (
        "{text} ({capability}): rated {rating}.",
        "{text}（{capability}）：评级 {rating}。",
    ),
    "find.missed": (" Missed: {items}.", "未完成：{items}。"),
    "find.missed_item": ("{action} ({inject})", "{action}（{inject}）"),
    "list.sep": ("; ", "；"),
    "plan.practise": (
        "Practise '{action}' in answer to '{inject}', within {within} turn(s)",
        "演练在「{inject}」后 {within} 轮内完成「{action}」",
    ),
    "sum.scores": (
        "{title}: {played} of {turns} turns played. Overall score {overall} of 100 "
        "(coordination {coordination}, recovery {recovery}, equity {equity}).",
        "{title}：共 {turns} 轮，已进行 {played} 轮。总分 {overall}（满分100；"
        "协同 {coordination}，恢复 {recovery}，公平 {equity}）。",
    ),
    "sum.recovered": (
        "Community functionality fell from {q0} to {low} and was back to 90% of its start "
        "{turns} turn(s) after its lowest point.",
        "社区功能从 {q0} 降至 {low}，在最低点之后 {turns} 轮恢复到初始水平的90%。",
    ),
    "sum.held": (
        "Community functionality started at {q0}, fell no lower than {low} and never below "
        "90% of its start.",
        "社区功能初始为 {q0}，最低为 {low}，始终未低于初始水平的90%。",
    ),
    "sum.not_recovered": (
        "Community functionality fell from {q0} to {low} and did not return to 90% of its start.",
        "社区功能从 {q0} 降至 {low}，未能恢复到初始水平的90%。",
    ),
    "sum.objectives": ("{count} objectives rated: {counts}.", "共评定 {count} 个目标：{counts}。"),
    "sum.unrated": (
        " {count} not rated (nothing expected of them was released).",
        "另有 {count} 个目标未评级（相关情景注入未发布）。",
    ),
    "sum.extremes": (
        " Strongest part: {best} ({best_value}); weakest: {worst} ({worst_value}).",
        "最强分项：{best}（{best_value}）；最弱分项：{worst}（{worst_value}）。",
    ),
    "mode.facilitated": ("facilitated", "主持人引导"),
    "mode.hotseat": ("hot-seat", "轮流操作"),
}


def w(key: str, lang: Lang) -> str:
    """The report's word for `key` in `lang` (the key itself if unknown)."""
    pair = _WORDS.get(key)
    if pair is None:
        return key
    return pair[1] if lang == "zh" else pair[0]


def short(label: str) -> str:
    """A label without its explanation in brackets: 'Committee (grid workers)' → 'Committee'."""
    for bracket in (" (", "（", "("):
        head = label.split(bracket, 1)[0].strip()
        if head and head != label:
            return head
    return label


def has(key: str) -> bool:
    """Whether the report has a word for `key`."""
    return key in _WORDS


def capability(capability_id: str, lang: Lang) -> str:
    """An HSEEP core capability id in words, starting with a capital (any other id: spaced)."""
    name = capability_name(capability_id, lang)
    return name[:1].upper() + name[1:]

"""`drill demo`: two bot teams play the reference scenario; the drill is shown turn by turn."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import click

from drill.authoring.describe import clock
from drill.cli.common import SEED, fail, say
from drill.engine.drill import Drill
from drill.engine.events import Event, FunctionalityRecorded, PhaseChanged
from drill.engine.policies import POLICIES
from drill.engine.rules import Rules, compile_rules
from drill.engine.scoring import Scores, score
from drill.engine.simulate import play
from drill.report.tables import Row, both, number, table, wrap_wide
from drill.scenario.problems import ScenarioError
from drill.scenario.text import Text, pick
from drill.store.files import SCENARIOS_DIR, load_bundle

REFERENCE = "flood_old_community.yaml"
TEAMS = ("greedy", "random")
BAR = 10


@dataclass(frozen=True)
class Moment:
    """The drill at the end of a turn (turn 0: the start): hazard phase and functionality."""

    turn: int
    phase: str
    q: float


@dataclass(frozen=True)
class Played:
    """One demo drill: who played, what happened, how it scored."""

    policy: str
    timeline: list[Moment]
    scores: Scores


def reference_path() -> Path:
    """The reference scenario shipped with Drill."""
    return SCENARIOS_DIR / REFERENCE


def timeline(rules: Rules, log: Iterable[Event]) -> list[Moment]:
    """Phase and Q(t) at the start and at the end of every turn, read from the event log."""
    weights = [s.weight for s in rules.sectors.values()]
    phase = rules.scenario.hazard.initial
    start = rules.functionality({s.id: s.start for s in rules.sectors.values()})
    moments = [Moment(0, phase, start)]
    for event in log:
        if isinstance(event, PhaseChanged):
            phase = event.phase
        elif isinstance(event, FunctionalityRecorded):
            q = sum(w * v for w, v in zip(weights, event.values, strict=True)) / rules.weight_total
            moments.append(Moment(event.turn, phase, q))
    return moments


def play_team(rules: Rules, policy: str, seed: int) -> Played:
    """One complete drill with `policy` in every seat."""
    drill: Drill = play(rules, seed, POLICIES[policy])
    return Played(policy, timeline(rules, drill.log), score(rules, drill.state))


def bar(q: float) -> str:
    """Functionality 0–100 as a bar of ten blocks."""
    filled = max(0, min(BAR, round(q / 100 * BAR)))
    return "█" * filled + "·" * (BAR - filled)


def _phase_label(rules: Rules, phase: str) -> str:
    found = rules.phases.get(phase)
    return both(found.label) if found is not None else phase


def turn_table(rules: Rules, teams: list[Played]) -> str:
    """Turn, time and, for each team, the hazard phase and Q(t) with a bar."""
    head = ["turn 轮次", "time 时间"]
    for team in teams:
        head += [f"{team.policy} · 阶段 phase", "Q(t)", ""]
    rows: list[Row] = [head]
    for turn in range(max(len(team.timeline) for team in teams)):
        row = [str(turn), clock(rules.scenario.meta, turn + 1)]
        for team in teams:
            at = team.timeline[turn] if turn < len(team.timeline) else None
            row += ["", "", ""] if at is None else [_phase_label(rules, at.phase), f"{at.q:.1f}"]
            row += [bar(at.q)] if at is not None else []
        rows.append(row)
    return table(rows, right=(0, 3, 6))


SCORE_ROWS: tuple[tuple[str, str], ...] = (
    ("overall", "总分 overall"),
    ("coordination", "协同 coordination"),
    ("response", "  响应 response to injects"),
    ("information", "  信息 information used"),
    ("joint", "  联合 joint action"),
    ("cohesion", "  凝聚 cohesion"),
    ("self_organisation", "  自组织 self-organisation"),
    ("recovery", "恢复 recovery"),
    ("robustness", "  最低功能 robustness"),
    ("rapidity", "  恢复用时 rapidity (turns)"),
    ("equity", "公平 equity (vulnerable groups)"),
)


def score_table(rules: Rules, teams: list[Played]) -> str:
    """The final scores of every team side by side, then objective ratings."""
    rows: list[Row] = [["得分 scores (0–100)", *[t.policy for t in teams]]]
    for name, label in SCORE_ROWS:
        rows.append([label, *[number(getattr(t.scores, name)) for t in teams]])
    rows.append(["目标评级 objectives (P S M U)", *["" for _ in teams]])
    for objective in rules.objectives.values():
        ratings = [t.scores.objectives.get(objective.id, "-") for t in teams]
        rows.append([f"  {objective.id}", *ratings])
    return table(rows, right=tuple(range(1, len(teams) + 1)))


def _wrapped(text: Text | None) -> str:
    zh, en = wrap_wide(pick(text, "zh"), 88), textwrap.fill(pick(text, "en"), 88)
    return zh if pick(text, "zh") == pick(text, "en") else f"{zh}\n\n{en}"


def introduction(rules: Rules, seed: int) -> str:
    """The title, the story and what the demo is about to show."""
    meta = rules.scenario.meta
    title = f"{pick(meta.title, 'zh')}\n{pick(meta.title, 'en')}"
    return "\n\n".join(
        [
            "Drill · 社区应急桌面推演 / tabletop emergency drill",
            title + "\n" + "═" * max(len(pick(meta.title, "en")), 2 * len(pick(meta.title, "zh"))),
            _wrapped(meta.summary),
            f"两支机器人队伍演练同一剧本（随机种子 {seed}）：greedy 队会共享信息、联合行动，"
            "random 队随意出牌。\n"
            f"Two bot teams play this drill (seed {seed}): 'greedy' shares information and acts\n"
            "jointly like a thoughtful team; 'random' plays any legal order.\n"
            "Q(t) = 社区功能 community functionality (0–100), the weighted mean of its sectors.",
        ]
    )


NEXT_STEPS = """下一步 Next steps:
  .venv/bin/drill info scenarios/flood_old_community.yaml        剧本详情 what is in the scenario
  .venv/bin/drill simulate scenarios/flood_old_community.yaml    多次模拟 scores over 100 bot drills
  .venv/bin/drill validate scenarios/*.yaml                      检查剧本 check scenario files"""


def demo(path: Path | None = None, seed: int | None = None) -> str:
    """The whole demo text: both teams play the reference scenario (ScenarioError if broken)."""
    bundle = load_bundle(path or reference_path())
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    seed = bundle.scenario.meta.seed if seed is None else seed
    teams = [play_team(rules, policy, seed) for policy in TEAMS]
    return "\n\n".join(
        [
            introduction(rules, seed),
            "逐轮情况 Turn by turn\n" + turn_table(rules, teams),
            score_table(rules, teams),
            NEXT_STEPS,
        ]
    )


@click.command("demo")
@click.option("--seed", type=SEED, help="Seed of both drills (default: the scenario's seed).")
def demo_command(seed: int | None) -> None:
    """Two bot teams play the reference flood scenario; see what Drill does."""
    try:
        say(demo(seed=seed))
    except ScenarioError as error:
        fail(error.problems, str(reference_path()))

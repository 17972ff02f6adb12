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
from drill.i18n import side_by_side, t
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
    head = [side_by_side("word.turn"), side_by_side("demo.time")]
    for team in teams:
        head += [f"{team.policy} · {side_by_side('report.kind.phase', zh_first=True)}", "Q(t)", ""]
    rows: list[Row] = [head]
    for turn in range(max(len(team.timeline) for team in teams)):
        row = [str(turn), clock(rules.scenario.meta, turn + 1)]
        for team in teams:
            at = team.timeline[turn] if turn < len(team.timeline) else None
            row += ["", "", ""] if at is None else [_phase_label(rules, at.phase), f"{at.q:.1f}"]
            row += [bar(at.q)] if at is not None else []
        rows.append(row)
    return table(rows, right=(0, 3, 6))


SCORE_ROWS: tuple[tuple[str, str, int], ...] = (
    ("overall", "cli.score.overall", 0),
    ("coordination", "cli.score.coordination", 0),
    ("response", "demo.response", 1),
    ("information", "demo.information", 1),
    ("joint", "demo.joint", 1),
    ("cohesion", "demo.cohesion", 1),
    ("self_organisation", "demo.self_organisation", 1),
    ("recovery", "cli.score.recovery", 0),
    ("robustness", "demo.robustness", 1),
    ("rapidity", "demo.rapidity", 1),
    ("equity", "demo.equity", 0),
)
"""Each score, the catalogue key of its label and its depth (parts are indented)."""


def score_table(rules: Rules, teams: list[Played]) -> str:
    """The final scores of every team side by side, then objective ratings."""
    rows: list[Row] = [[side_by_side("demo.scores", zh_first=True), *[t.policy for t in teams]]]
    for name, key, depth in SCORE_ROWS:
        label = "  " * depth + side_by_side(key, zh_first=True)
        rows.append([label, *[number(getattr(t.scores, name)) for t in teams]])
    rows.append([side_by_side("demo.objectives", zh_first=True), *["" for _ in teams]])
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
            f"Drill · {t('demo.title', 'zh')} / {t('demo.title', 'en')}",
            title + "\n" + "═" * max(len(pick(meta.title, "en")), 2 * len(pick(meta.title, "zh"))),
            _wrapped(meta.summary),
            t("demo.teams", "zh", seed=seed) + "\n" + t("demo.teams", "en", seed=seed) + "\n"
            "Q(t) = " + side_by_side("demo.q", zh_first=True),
        ]
    )


NEXT_STEPS = (
    ("info scenarios/flood_old_community.yaml        ", "demo.next_info"),
    ("simulate scenarios/flood_old_community.yaml    ", "demo.next_simulate"),
    ("validate scenarios/*.yaml                      ", "demo.next_validate"),
)
"""What to try after the demo: a command and the catalogue key of what it does."""


def next_steps() -> str:
    """The closing lines: what to try next, in both languages."""
    lines = [side_by_side("demo.next_steps", zh_first=True) + ":"]
    lines += [
        f"  .venv/bin/drill {command}{side_by_side(key, zh_first=True)}"
        for command, key in NEXT_STEPS
    ]
    return "\n".join(lines)


def demo(path: Path | None = None, seed: int | None = None) -> str:
    """The whole demo text: both teams play the reference scenario (ScenarioError if broken)."""
    bundle = load_bundle(path or reference_path())
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    seed = bundle.scenario.meta.seed if seed is None else seed
    teams = [play_team(rules, policy, seed) for policy in TEAMS]
    return "\n\n".join(
        [
            introduction(rules, seed),
            side_by_side("demo.turn_by_turn", zh_first=True) + "\n" + turn_table(rules, teams),
            score_table(rules, teams),
            next_steps(),
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

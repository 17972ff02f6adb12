"""The human summary of `drill simulate`: how the scores spread, how objectives were rated."""

from __future__ import annotations

from drill.i18n import side_by_side
from drill.report.tables import Row, number, table
from drill.scenario.models import Scenario
from drill.scenario.text import Lang, pick
from drill.session.simulation import RATINGS, SCORE_NAMES, Batch, Summary


def header(batch: Batch, scenario: Scenario, seed: int, lang: Lang) -> str:
    """What was played, how fast."""
    meta = scenario.meta
    runs = batch.runs
    seeds = f"seed {seed}" if runs == 1 else f"seeds {seed}–{seed + runs - 1}"
    return (
        f"{pick(meta.title, lang)} ({meta.id})\n"
        f"{runs} drills, {batch.policy} policy, {seeds}; "
        f"{batch.seconds:.2f} s on {batch.jobs} process(es), "
        f"{batch.drills_per_second:.0f} drills/s"
    )


def score_table(summary: Summary) -> str:
    """Mean, min, max and standard deviation of each score."""
    rows: list[Row] = [["score", "mean", "min", "max", "stdev", "measured"]]
    for name in SCORE_NAMES:
        spread = summary.scores[name]
        rows.append(
            [
                side_by_side(f"cli.score.{name}"),
                number(spread.mean),
                number(spread.min),
                number(spread.max),
                number(spread.stdev),
                f"{spread.measured}/{summary.runs}",
            ]
        )
    return table(rows, right=(1, 2, 3, 4, 5))


def objective_table(summary: Summary, scenario: Scenario, lang: Lang) -> str:
    """How often each objective was rated P, S, M, U or not rated (-)."""
    capability = {o.id: o.capability for o in scenario.objectives}
    rows: list[Row] = [["objective", *RATINGS, "capability"]]
    for objective, counts in summary.objectives.items():
        cells = [_share(counts.get(r, 0), summary.runs) for r in RATINGS]
        rows.append([objective, *cells, capability.get(objective, "")])
    return table(rows, right=tuple(range(1, len(RATINGS) + 1)))


def _share(count: int, runs: int) -> str:
    return "0" if count == 0 else f"{100 * count / runs:.0f}%"


def report(batch: Batch, summary: Summary, scenario: Scenario, seed: int, lang: Lang) -> str:
    """The whole human summary."""
    legend = "P performed · S some challenges · M major challenges · U unable · - not rated"
    return "\n\n".join(
        [
            header(batch, scenario, seed, lang),
            side_by_side("cli.scores") + "\n" + score_table(summary),
            side_by_side("cli.objective_ratings") + "\n" + objective_table(summary, scenario, lang),
            "  " + legend,
        ]
    )

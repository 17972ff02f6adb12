"""The human report of `drill balance`: spreads, ratings, hard responses, unused actions."""

from __future__ import annotations

from drill.authoring.balance import (
    EASY_SCORE,
    HARD_SCORE,
    POLICIES,
    RARE_SHARE,
    TIE_MARGIN,
    Balance,
    Response,
)
from drill.i18n import side_by_side, t
from drill.report.tables import Row, number, table
from drill.scenario.models import Scenario
from drill.scenario.text import Lang, pick
from drill.session.simulation import RATINGS, SCORE_NAMES

LEGEND = "P performed · S some challenges · M major challenges · U unable · - not rated"


def header(result: Balance, scenario: Scenario, lang: Lang) -> str:
    """What was played and the verdict."""
    runs, seed = result.runs, result.seed
    seconds = sum(batch.seconds for batch in result.batches.values())
    jobs = max(batch.jobs for batch in result.batches.values())
    return (
        f"Balance of {pick(scenario.meta.title, lang)} ({scenario.meta.id})\n"
        f"{runs} random + {runs} greedy drills, seeds {seed}–{seed + runs - 1}; "
        f"{seconds:.1f} s on {jobs} process(es)\n"
        f"{side_by_side('balance.verdict')}: {result.verdict.upper()}"
    )


def score_table(result: Balance) -> str:
    """Mean, spread and range of every score, for each policy."""
    rows: list[Row] = [["score", "policy", "mean", "stdev", "min", "max"]]
    for name in SCORE_NAMES:
        for policy in POLICIES:
            spread = result.summaries[policy].scores[name]
            first = name if policy == POLICIES[0] else ""
            cells = [spread.mean, spread.stdev, spread.min, spread.max]
            rows.append([first, policy, *(number(v) for v in cells)])
    return table(rows, right=(2, 3, 4, 5))


def rating_table(result: Balance) -> str:
    """How often each objective got each rating, by policy, as shares of the runs."""
    rows: list[Row] = [["objective", "policy", *RATINGS]]
    for objective in result.summaries["greedy"].objectives:
        for policy in POLICIES:
            counts = result.summaries[policy].objectives.get(objective, {})
            cells = [_share(counts.get(rating, 0), result.runs) for rating in RATINGS]
            rows.append([objective if policy == POLICIES[0] else "", policy, *cells])
    return table(rows, right=tuple(range(2, 2 + len(RATINGS))))


def _share(count: int, runs: int) -> str:
    return "0" if count == 0 else f"{100 * count / runs:.0f}%"


def _met(response: Response, policy: str) -> str:
    share = response.share(policy)
    return "not released" if share is None else f"{100 * share:.0f}% of {response.released[policy]}"


def response_table(responses: list[Response]) -> str:
    """Expected responses with how often each policy met them."""
    rows: list[Row] = [["inject", "expects", "by", "random met", "greedy met"]]
    for r in responses:
        where = f"{r.inject} #{r.index + 1}"
        rows.append([where, r.action, ", ".join(r.by), _met(r, "random"), _met(r, "greedy")])
    return table(rows)


def response_sections(result: Balance) -> list[str]:
    """Responses almost never met, missed by greedy bots, or never released."""
    rare = [r for r in result.responses if r.rare]
    misses = [r for r in result.responses if r.greedy_misses]
    unreleased = [r for r in result.responses if r.never_released]
    share = f"{100 * RARE_SHARE:.0f}%"
    sections = []
    en, zh = t("balance.never_met", "en"), t("balance.never_met", "zh")
    title = f"{en} (under {share}, even by greedy bots) {zh}"
    sections.append(title + "\n" + (response_table(rare) if rare else "  none"))
    if misses:
        title = f"Met by random bots but by greedy ones under {share} of the time (check them)"
        sections.append(title + "\n" + response_table(misses))
    if unreleased:
        names = ", ".join(sorted({f"{r.inject}" for r in unreleased}))
        sections.append(f"Injects with expected responses never released in any run: {names}")
    return sections


def action_section(result: Balance) -> str:
    """Actions the greedy bots never chose."""
    title = side_by_side("balance.never_chosen")
    if not result.never_chosen:
        return title + "\n  none"
    rows: list[Row] = [["action", "random orders"]]
    rows += [[name, str(count)] for name, count in result.never_chosen.items()]
    return title + "\n" + table(rows, right=(1,))


def flag_section(result: Balance) -> str:
    """The reasons behind the verdict, and the rule of each flag."""
    lines = [side_by_side("balance.flags")]
    lines += [f"  TRIVIALLY WON: {reason}" for reason in result.trivial]
    lines += [f"  UNWINNABLE: {reason}" for reason in result.unwinnable]
    if len(lines) == 1:
        lines.append("  none: greedy bots clearly beat random ones, and can win every objective")
    lines.append(
        f"  (trivially won: random mean within {TIE_MARGIN:g} of greedy, or ≥ {EASY_SCORE:g}; "
        f"unwinnable: greedy mean < {HARD_SCORE:g}, or an objective never P/S)"
    )
    return "\n".join(lines)


def report(result: Balance, scenario: Scenario, lang: Lang) -> str:
    """The whole report."""
    return "\n\n".join(
        [
            header(result, scenario, lang),
            side_by_side("cli.scores") + "\n" + score_table(result),
            side_by_side("balance.objective_ratings") + "\n" + rating_table(result),
            "  " + LEGEND,
            *response_sections(result),
            action_section(result),
            flag_section(result),
        ]
    )

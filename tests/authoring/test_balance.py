"""`drill balance`: both policies' spreads, hard responses, unused actions and the verdict."""

from __future__ import annotations

from drill.authoring.balance import (
    Balance,
    Response,
    balance,
    trivial_reasons,
    unwinnable_reasons,
)
from drill.authoring.balance_text import report
from drill.session.simulation import RunScore, Summary, summarise
from tests.authoring.support import bundle_of, scenario_data


def small() -> Balance:
    return balance(bundle_of(scenario_data()), runs=6, seed=3)


def test_a_small_balance_run_reads_both_policies() -> None:
    result = small()
    assert set(result.batches) == {"random", "greedy"}
    assert all(len(batch.scores) == 6 for batch in result.batches.values())
    assert [r.seed for r in result.batches["greedy"].scores] == list(range(3, 9))
    assert {(r.inject, r.index) for r in result.responses} == {
        ("rain_warning", 0),
        ("water_rising", 0),
        ("water_rising", 1),
    }
    assert result.verdict in {"balanced", "trivially won", "unwinnable"} or "both" in result.verdict


def test_the_same_seed_gives_the_same_reading_on_any_number_of_processes() -> None:
    one = balance(bundle_of(scenario_data()), runs=4, seed=3, jobs=1)
    two = balance(bundle_of(scenario_data()), runs=4, seed=3, jobs=2)
    assert one.summaries == two.summaries
    assert one.responses == two.responses
    assert one.never_chosen == two.never_chosen


def test_the_report_has_every_section() -> None:
    result = small()
    text = report(result, bundle_of(scenario_data()).scenario, "zh")
    assert text.startswith("Balance of 迷你内涝演练 (mini_flood)")
    for part in ("6 random + 6 greedy drills, seeds 3–8", "Verdict", "overall", "warn_public"):
        assert part in text
    for part in ("almost never met", "greedy bots never choose", "Flags"):
        assert part in text


def run(seed: int, overall: float, objectives: dict[str, str]) -> RunScore:
    return RunScore(seed, overall, None, overall, None, objectives)


def summaries(random: list[RunScore], greedy: list[RunScore]) -> dict[str, Summary]:
    return {"random": summarise(random, ["a"]), "greedy": summarise(greedy, ["a"])}


def test_random_as_good_as_greedy_is_trivially_won() -> None:
    found = summaries([run(1, 70, {"a": "P"})], [run(1, 71, {"a": "P"})])
    assert trivial_reasons(found) == ["random bots score as well as greedy ones (70.0 vs 71.0)"]
    assert unwinnable_reasons(found) == []


def test_random_scoring_ninety_is_trivially_won() -> None:
    found = summaries([run(1, 92, {"a": "P"})], [run(1, 99, {"a": "P"})])
    assert trivial_reasons(found) == ["random bots score 92.0 on average (≥ 90)"]


def test_greedy_below_fifty_or_an_objective_never_met_is_unwinnable() -> None:
    found = summaries([run(1, 20, {"a": "U"})], [run(1, 40, {"a": "M"})])
    assert unwinnable_reasons(found) == [
        "greedy bots score only 40.0 on average (< 50)",
        "objective 'a' is never rated P or S",
    ]
    assert trivial_reasons(found) == []


def test_a_clear_gap_and_objectives_met_is_balanced() -> None:
    found = summaries([run(1, 55, {"a": "U"})], [run(1, 85, {"a": "S"})])
    assert trivial_reasons(found) == unwinnable_reasons(found) == []


def test_response_shares() -> None:
    rare = Response("i", 0, "act", ("r",), {"random": 10, "greedy": 10}, {"random": 0, "greedy": 0})
    assert rare.rare and not rare.greedy_misses and not rare.never_released
    missed = Response(
        "i", 0, "act", ("r",), {"random": 10, "greedy": 10}, {"random": 5, "greedy": 0}
    )
    assert missed.greedy_misses and not missed.rare
    unreleased = Response(
        "i", 0, "act", ("r",), {"random": 0, "greedy": 0}, {"random": 0, "greedy": 0}
    )
    assert unreleased.never_released and not unreleased.rare
    assert unreleased.share("random") is None


def test_actions_the_greedy_bots_never_order_are_listed_with_random_counts() -> None:
    result = small()
    greedy_orders = {name for r in result.batches["greedy"].scores for name in r.orders}
    assert not set(result.never_chosen) & greedy_orders
    assert all(count >= 0 for count in result.never_chosen.values())

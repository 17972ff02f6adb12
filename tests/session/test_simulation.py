"""drill.session.simulation: chunks, spreads and rating counts behind `drill simulate`."""

from __future__ import annotations

import gc

import pytest

from drill.session.simulation import (
    RunScore,
    Spread,
    chunks,
    policy_named,
    rare_collections,
    simulate,
    summarise,
)
from drill.store.files import SCENARIOS_DIR, load_bundle


def test_chunks_cover_every_seed_once_in_order() -> None:
    seeds = list(range(100, 237))
    for jobs in (1, 2, 3, 8):
        assert [s for chunk in chunks(seeds, jobs) for s in chunk] == seeds


def test_spread_of_known_values() -> None:
    spread = Spread.of([1.0, 2.0, 3.0, 4.0])
    assert (spread.measured, spread.mean, spread.min, spread.max) == (4, 2.5, 1.0, 4.0)
    assert spread.stdev == pytest.approx(1.118033988)


def test_spread_of_nothing_is_empty() -> None:
    assert Spread.of([]) == Spread(0, None, None, None, None)


def test_summary_skips_unmeasured_scores_and_counts_ratings() -> None:
    runs = [
        RunScore(1, 50.0, None, 80.0, 10.0, {"a": "P", "b": "-"}),
        RunScore(2, 70.0, 60.0, 90.0, None, {"a": "U", "b": "-"}),
    ]
    summary = summarise(runs, ["a", "b", "c"])
    assert summary.scores["overall"].mean == 60.0
    assert summary.scores["coordination"].measured == 1
    assert summary.objectives["a"] == {"P": 1, "S": 0, "M": 0, "U": 1, "-": 0}
    assert summary.objectives["b"]["-"] == 2
    assert sum(summary.objectives["c"].values()) == 0


def test_unknown_policy_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="greedy"):
        policy_named("clever")


def test_a_batch_collects_cycles_rarely_and_then_as_before() -> None:
    bundle = load_bundle(SCENARIOS_DIR / "flood_old_community.yaml")
    before = gc.get_threshold()
    during: list[int] = []
    batch = simulate(
        bundle.ruleset,
        bundle.scenario,
        runs=3,
        seed=7,
        policy="random",
        progress=lambda done: during.append(gc.get_threshold()[0]),
    )
    assert during == [10_000] * 3
    assert gc.get_threshold() == before
    assert [run.seed for run in batch.scores] == [7, 8, 9]


def test_the_collector_threshold_comes_back_after_a_failure() -> None:
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), rare_collections():
        raise RuntimeError("a bot failed")
    assert gc.get_threshold() == before

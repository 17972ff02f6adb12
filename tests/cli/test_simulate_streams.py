"""`drill simulate` keeps no run's scores: summaries run along, --json streams the same bytes."""

from __future__ import annotations

import json
import re
import tracemalloc

import pytest

from drill.cli.simulate import batch_json
from drill.session import simulation
from drill.session.simulation import RunScore, Spread, Tally, simulate, summarise
from drill.store.files import load_bundle
from tests.cli.support import REFERENCE, run

TIMES = re.compile(r'"seconds": [^,]+, "drills_per_second": [^,]+,')


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_json_output_is_the_one_built_from_every_kept_score(jobs: str) -> None:
    result = run("simulate", "flood_old_community", "--runs", "7", "--json", "--jobs", jobs)
    assert result.exit_code == 0, result.output
    bundle = load_bundle(REFERENCE)
    seed = bundle.scenario.meta.seed
    kept = simulate(bundle.ruleset, bundle.scenario, runs=7, seed=seed, policy="random")
    expected = batch_json(kept, bundle, seed) + "\n"
    streamed = result.stdout.replace(f'"jobs": {jobs}', '"jobs": 1')
    assert TIMES.sub("", streamed) == TIMES.sub("", expected)
    assert json.loads(streamed)["runs"] == 7


def test_a_batch_that_is_not_kept_holds_no_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = load_bundle(REFERENCE)
    seen: list[RunScore] = []
    batch = simulate(
        bundle.ruleset,
        bundle.scenario,
        runs=5,
        seed=1,
        policy="random",
        on_run=seen.append,
        keep=False,
    )
    assert batch.scores == [] and batch.runs == 5
    assert [s.seed for s in seen] == [1, 2, 3, 4, 5]
    tally = Tally(["o"])
    for score in seen:
        tally.add(score)
    assert tally.summary() == summarise(seen, ["o"])
    assert simulation.Running  # the running spread is checked bit for bit below


@pytest.mark.parametrize(
    "values", [[1.0], [0.1, 0.2, 0.3], [99.9, 12.5, 33.3333, 0.0, 100.0], [5.0] * 9]
)
def test_a_running_spread_equals_the_spread_of_all_values(values: list[float]) -> None:
    running = simulation.Running()
    for value in values:
        running.add(value)
    assert running.spread() == Spread.of(values)


def peak_bytes(runs: int) -> int:
    """Peak memory traced while `runs` drills are played and summarised, kept nowhere."""
    bundle = load_bundle(REFERENCE)
    tally = Tally()
    tracemalloc.start()
    try:
        simulate(
            bundle.ruleset,
            bundle.scenario,
            runs=runs,
            seed=1,
            policy="random",
            on_run=tally.add,
            keep=False,
        )
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_in_the_number_of_runs() -> None:
    few, many = peak_bytes(50), peak_bytes(800)
    assert many < few + 1_500_000  # kept scores cost ~4 KB a run (3 MB here); flat costs ~0

"""pytest-benchmark timings of the engine; run `.venv/bin/pytest benchmarks/` (not in make test)."""

from __future__ import annotations

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from drill.engine.drill import Drill
from drill.engine.policies import POLICIES
from drill.engine.rules import Rules, compile_rules
from drill.engine.scoring import score
from drill.engine.simulate import play
from drill.store.files import SCENARIOS_DIR, load_bundle

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"


@pytest.fixture(scope="module")
def rules() -> Rules:
    """The reference scenario, compiled once."""
    bundle = load_bundle(REFERENCE)
    return compile_rules(bundle.ruleset, bundle.scenario)


@pytest.fixture(scope="module")
def finished(rules: Rules) -> Drill:
    """A complete random drill of the reference scenario."""
    return play(rules, 1, POLICIES["random"])


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_play_one_drill(benchmark: BenchmarkFixture, rules: Rules, policy: str) -> None:
    """One complete drill, every seat played by the bot."""
    drill = benchmark(play, rules, 7, POLICIES[policy])
    assert drill.state.stage == "closed"


def test_score_a_drill(benchmark: BenchmarkFixture, rules: Rules, finished: Drill) -> None:
    """Every score of a finished drill."""
    scores = benchmark(score, rules, finished.state)
    assert 0 <= scores.overall <= 100


def test_fold_a_log(benchmark: BenchmarkFixture, rules: Rules, finished: Drill) -> None:
    """Rebuilding a finished drill from its event log (replay, resume)."""
    rebuilt = benchmark(Drill.from_log, rules, finished.log, finished.seed)
    assert rebuilt.state.turn == finished.state.turn


def test_load_reference(benchmark: BenchmarkFixture) -> None:
    """Reading, validating and cross-checking the reference scenario and its ruleset."""
    bundle = benchmark(load_bundle, REFERENCE)
    assert bundle.scenario.meta.id == "flood_old_community"

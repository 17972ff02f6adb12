"""`drill simulate`: the JSON shape, the same scores for the same seed, and for any --jobs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.cli.support import REFERENCE, run, run_process, write

RUNS = 6
ENTRY_KEYS = {"seed", "overall", "coordination", "recovery", "equity", "objectives"}


def simulate_json(*extra: str) -> dict[str, Any]:
    """The JSON object of a small random batch of the reference scenario."""
    result = run("simulate", str(REFERENCE), "--runs", str(RUNS), "--seed", "11", "--json", *extra)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert isinstance(body, dict)
    return body


def test_json_has_one_score_per_run_in_run_order() -> None:
    body = simulate_json()
    for key in ("runs", "seconds", "drills_per_second", "scores", "summary"):
        assert key in body
    assert body["runs"] == RUNS
    assert [entry["seed"] for entry in body["scores"]] == list(range(11, 11 + RUNS))
    for entry in body["scores"]:
        assert set(entry) >= ENTRY_KEYS
        assert 0 <= entry["overall"] <= 100
        assert set(entry["objectives"].values()) <= set("PSMU-")
    assert body["summary"]["scores"]["overall"]["measured"] == RUNS


def test_same_seed_gives_identical_scores() -> None:
    assert simulate_json()["scores"] == simulate_json()["scores"]


def test_another_seed_gives_other_scores() -> None:
    other = run("simulate", str(REFERENCE), "--runs", str(RUNS), "--seed", "12", "--json")
    assert json.loads(other.stdout)["scores"] != simulate_json()["scores"]


def test_two_jobs_give_exactly_the_scores_of_one() -> None:
    one, two = simulate_json("--jobs", "1"), simulate_json("--jobs", "2")
    assert two["jobs"] == 2
    assert one["scores"] == two["scores"]
    assert one["summary"] == two["summary"]


def test_greedy_policy_is_deterministic_too() -> None:
    first = simulate_json("--policy", "greedy")
    assert first["policy"] == "greedy"
    assert first["scores"] == simulate_json("--policy", "greedy")["scores"]


def test_human_summary_shows_spread_and_ratings() -> None:
    result = run("simulate", str(REFERENCE), "--runs", "3", "--seed", "5")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for word in ("overall", "coordination", "recovery", "equity", "mean", "stdev", "obj_warning"):
        assert word in out
    assert "seeds 5–7" in out
    assert result.stderr == ""  # no progress bar when stderr is not a terminal


def test_json_is_the_only_thing_on_stdout_of_a_real_process() -> None:
    done = run_process("simulate", str(REFERENCE), "--runs", "2", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["runs"] == 2


@pytest.mark.parametrize("policy", ["random", "greedy"])
def test_scores_do_not_depend_on_the_process_hash_seed(policy: str) -> None:
    args = ("simulate", str(REFERENCE), "--runs", "3", "--policy", policy, "--json")
    found = [
        json.loads(run_process(*args, env={"PYTHONHASHSEED": seed}).stdout)["scores"]
        for seed in ("1", "2")
    ]
    assert found[0] == found[1]


@pytest.mark.parametrize("name", ["missing.yaml", "garbage.yaml"])
def test_unusable_scenario_is_explained(tmp_path: Path, name: str) -> None:
    if name == "garbage.yaml":
        write(tmp_path, name, b"\x00\xff not yaml")
    result = run("simulate", str(tmp_path / name), "--json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "drill: " in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_options_are_usage_errors() -> None:
    for args in (["--runs", "0"], ["--policy", "clever"], ["--jobs", "0"]):
        result = run("simulate", str(REFERENCE), *args)
        assert result.exit_code == 2, args

"""Huge, negative and non-finite numbers in files and on the command line are plain errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import PROBLEM_LINE, reference_text, run, write

HUGE = "99999999999999999999"
LARGEST = str(2**63 - 1)


def assert_plain(output: str) -> None:
    assert "This is a bug" not in output and "Traceback" not in output


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("      weight: 1.5", "      weight: .inf", "'.inf' is not a finite number"),
        ("      weight: 1.5", "      weight: .nan", "'.nan' is not a finite number"),
        ("      weight: 1.5", "      weight: 1e6", "'weight' must be at most 1000"),
        ("  seed: 20240716", f"  seed: {2**63}", "is too large (numbers must be between"),
        ("  seed: 20240716", "  seed: -1", "'seed' must be at least 0"),
    ],
)
def test_a_number_out_of_bounds_is_a_positioned_error(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = reference_text().replace(old, new, 1)
    result = run("validate", str(write(tmp_path, "s.yaml", text)))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if message in line]
    assert lines and PROBLEM_LINE.match(lines[0]), result.output
    assert_plain(result.output)


def test_a_huge_ruleset_weight_is_refused(tmp_path: Path) -> None:
    ruleset = (Path(__file__).resolve().parents[2] / "rulesets" / "standard.yaml").read_text()
    (tmp_path / "rulesets").mkdir()
    write(
        tmp_path / "rulesets", "standard.yaml", ruleset.replace("response: 1.5", "response: 1e308")
    )
    (tmp_path / "scenarios").mkdir()
    scenario = write(tmp_path / "scenarios", "s.yaml", reference_text())
    result = run("validate", str(scenario))
    assert result.exit_code == 1
    assert "is too large" in result.output
    assert_plain(result.output)


@pytest.mark.parametrize(
    "args",
    [
        ("report", HUGE),
        ("report", "0"),
        ("export", HUGE),
        ("resume", HUGE),
        ("replay", HUGE),
        ("compare", "1", HUGE),
        ("branch", "1", "--turn", HUGE),
        ("branch", "1", "--turn", "61"),
        ("simulate", "flood_old_community", "--seed", str(2**63)),
        ("simulate", "flood_old_community", "--seed", "-1"),
        ("balance", "flood_old_community", "--seed", HUGE),
        ("demo", "--seed", HUGE),
        ("play", "--seed", HUGE),
    ],
)
def test_a_number_typed_out_of_range_is_a_usage_error(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert "is not in the range" in result.output
    assert_plain(result.output)


def test_the_largest_id_is_simply_not_found(tmp_path: Path) -> None:
    result = run("report", LARGEST, "--db", str(tmp_path / "d.db"))
    assert result.exit_code == 1
    assert_plain(result.output)


def test_seeds_past_the_largest_are_refused(tmp_path: Path) -> None:
    args = ("--seed", str(2**63 - 1), "--runs", "2", "--save", "--db", str(tmp_path / "d.db"))
    result = run("simulate", "flood_old_community", *args)
    assert result.exit_code == 1
    assert "go past the largest seed" in result.output
    assert_plain(result.output)


def test_the_largest_seed_can_be_saved(tmp_path: Path) -> None:
    args = ("--seed", LARGEST, "--runs", "1", "--save", "--db", str(tmp_path / "d.db"))
    result = run("simulate", "flood_old_community", *args)
    assert result.exit_code == 0, result.output
    assert "saved 1 drills" in result.output

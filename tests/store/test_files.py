"""The file layer: reading texts safely and finding the ruleset a scenario names."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from drill.scenario.problems import Problem, ScenarioError
from drill.store import files
from drill.store.files import (
    RULESETS_DIR,
    SCENARIOS_DIR,
    bundled_scenarios,
    find_ruleset,
    load_bundle,
    load_ruleset,
    read_regular,
    read_text,
)
from tests.scenario.support import FIXTURES


def only_problem(error: pytest.ExceptionInfo[ScenarioError]) -> Problem:
    assert len(error.value.problems) == 1, str(error.value)
    return error.value.problems[0]


def copy_fixture(name: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(FIXTURES / name, folder / name))


# --- read_text ---------------------------------------------------------------------


def test_read_text_returns_utf8_text_without_a_bom(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffa: 中文\n".encode())
    assert read_text(path) == "a: 中文\n"


def test_a_missing_file_is_a_problem_at_1_1(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(ScenarioError) as caught:
        read_text(path)
    assert only_problem(caught).format() == f"{path}:1:1: error: no such file"


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        read_text(tmp_path)
    assert only_problem(caught).message == "this is a folder, not a file"


def test_a_large_file_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 997 + "\n")
    assert len(read_regular(path, 100)) == 101
    with pytest.raises(ScenarioError) as caught:
        read_text(path, limit=100)
    assert only_problem(caught).message == "the file is too large (more than 100 bytes)"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null", "/dev/urandom"])
def test_a_device_is_refused_before_it_is_read(device: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        read_text(device)
    assert "not a regular file" in only_problem(caught).message


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code = (
        "from drill.store.files import read_text\n"
        f"try: read_text({str(fifo)!r})\nexcept Exception as e: print(e)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert "not a regular file" in done.stdout


def test_text_that_is_not_utf8_is_a_problem_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("a: 1\nb: café\n".encode("latin-1"))
    with pytest.raises(ScenarioError) as caught:
        read_text(path)
    problem = only_problem(caught)
    assert (problem.line, problem.column, problem.message) == (2, 7, "the file is not UTF-8 text")
    assert problem.hint == "save it as UTF-8 in your editor"


# --- finding and loading ------------------------------------------------------------


def test_the_ruleset_is_found_in_the_sibling_rulesets_folder_first(tmp_path: Path) -> None:
    scenario = copy_fixture("mini_scenario.yaml", tmp_path / "scenarios")
    sibling = copy_fixture("mini_ruleset.yaml", tmp_path / "rulesets")
    copy_fixture("mini_ruleset.yaml", tmp_path / "scenarios")
    assert find_ruleset("mini_ruleset", scenario) == sibling
    bundle = load_bundle(scenario)
    assert bundle.ruleset_path == str(sibling)
    assert bundle.scenario_path == str(scenario)


def test_the_ruleset_is_found_next_to_the_scenario(tmp_path: Path) -> None:
    scenario = copy_fixture("mini_scenario.yaml", tmp_path)
    ruleset = copy_fixture("mini_ruleset.yaml", tmp_path)
    assert load_bundle(scenario).ruleset_path == str(ruleset)


def test_the_fixture_scenario_loads_where_it_is() -> None:
    bundle = load_bundle(FIXTURES / "mini_scenario.yaml")
    assert bundle.ruleset_path == str(FIXTURES / "mini_ruleset.yaml")


def test_the_ruleset_is_found_among_the_bundled_rulesets_last(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = copy_fixture("mini_ruleset.yaml", tmp_path / "bundled")
    monkeypatch.setattr(files, "RULESETS_DIR", tmp_path / "bundled")
    scenario = copy_fixture("mini_scenario.yaml", tmp_path / "mine")
    assert load_bundle(scenario).ruleset_path == str(bundled)


def test_a_missing_ruleset_is_reported_on_the_scenario_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "RULESETS_DIR", tmp_path / "bundled")
    scenario = copy_fixture("mini_scenario.yaml", tmp_path / "mine")
    with pytest.raises(ScenarioError) as caught:
        load_bundle(scenario)
    missing = tmp_path / "bundled" / "mini_ruleset.yaml"
    assert [p.format() for p in caught.value.problems] == [
        f"{missing}:1:1: error: no such file",
        f"{scenario}:1:1: error: cannot read the ruleset this scenario uses ({missing})",
    ]


def test_problems_of_the_scenario_file_carry_its_path(tmp_path: Path) -> None:
    scenario = copy_fixture("mini_scenario.yaml", tmp_path)
    copy_fixture("mini_ruleset.yaml", tmp_path)
    scenario.write_text(scenario.read_text().replace("turns: 4", "turns: four"))
    with pytest.raises(ScenarioError) as caught:
        load_bundle(scenario)
    problem = only_problem(caught)
    assert problem.path == str(scenario)
    assert problem.message == "'turns' should be a whole number, not the text 'four'"


def test_a_scenario_with_a_bad_ruleset_name_reads_no_other_file(tmp_path: Path) -> None:
    scenario = tmp_path / "s.yaml"
    scenario.write_text("ruleset: ../../secrets\n")
    with pytest.raises(ScenarioError) as caught:
        load_bundle(scenario)
    assert "'ruleset' must be a name" in only_problem(caught).message


def test_load_ruleset_checks_the_ruleset_alone(tmp_path: Path) -> None:
    good = copy_fixture("mini_ruleset.yaml", tmp_path)
    assert load_ruleset(good)[0].id == "mini_ruleset"
    good.write_text(good.read_text().replace("roles: [committee, government]", "roles: [mayor]"))
    with pytest.raises(ScenarioError) as caught:
        load_ruleset(good)
    assert only_problem(caught).message == "unknown role 'mayor'"


# --- what ships with Drill ---------------------------------------------------------------


def test_in_the_repository_the_bundled_folders_are_its_top_level_folders() -> None:
    root = Path(__file__).resolve().parents[2]
    assert (root / "pyproject.toml").is_file()
    assert (root / "scenarios", root / "rulesets") == (SCENARIOS_DIR, RULESETS_DIR)


def test_bundled_scenarios_are_the_sorted_yaml_files_of_the_scenarios_folder() -> None:
    found = bundled_scenarios()
    assert found == sorted(found)
    assert all(path.parent == SCENARIOS_DIR and path.suffix in (".yaml", ".yml") for path in found)


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda path: path.name)
def test_every_bundled_scenario_loads(path: Path) -> None:
    assert load_bundle(path).scenario.meta.id

"""The authoring commands through `drill`: exit codes, positioned messages, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.cli.main import cli
from drill.store.files import RULESETS_DIR, SCENARIOS_DIR, bundled_scenarios
from tests.authoring.support import FIXTURES, dump, scenario_data

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"
PROBLEM = re.compile(r"^.+:\d+:\d+: (error|warning): \S.*$")


def drill(*args: str) -> Result:
    """`drill ARGS` in-process."""
    return CliRunner().invoke(cli, list(args))


def clean_output(result: Result) -> None:
    assert "Traceback" not in result.output
    assert "unexpected error" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def mini_copy(folder: Path, data: dict[str, object] | None = None) -> Path:
    """The mini scenario (or `data`) with its ruleset, in `folder`."""
    (folder / "mini_ruleset.yaml").write_text(
        (FIXTURES / "mini_ruleset.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = folder / "scenario.yaml"
    path.write_text(dump(data if data is not None else scenario_data()), encoding="utf-8")
    return path


# --- new -----------------------------------------------------------------------------


def test_new_then_validate_and_lint(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    made = drill("new", str(path), "--hazard", "earthquake", "--lang", "en")
    assert made.exit_code == 0, made.output
    assert drill("validate", str(path)).exit_code == 0
    linted = drill("lint", "--strict", str(path))
    assert linted.exit_code == 0, linted.output
    assert linted.stdout == f"{path}: OK, nothing to warn about\n"


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("keep me", encoding="utf-8")
    result = drill("new", str(path))
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "never overwrites" in result.stderr
    assert path.read_text(encoding="utf-8") == "keep me"


def test_new_into_a_missing_folder_or_with_a_bad_hazard(tmp_path: Path) -> None:
    missing = drill("new", str(tmp_path / "no" / "x.yaml"))
    assert missing.exit_code == 1 and "does not exist" in missing.stderr
    assert drill("new", str(tmp_path / "x.yaml"), "--hazard", "volcano").exit_code == 2


# --- lint ------------------------------------------------------------------------------


def test_lint_warnings_exit_0_and_1_with_strict(tmp_path: Path) -> None:
    path = mini_copy(tmp_path)
    result = drill("lint", str(path))
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines and all(PROBLEM.match(line) for line in lines)
    assert "resource 'funds' is never used" in result.stdout
    assert "0 errors, 1 warning." in result.stderr
    assert drill("lint", "--strict", str(path)).exit_code == 1


def test_lint_errors_exit_1_with_positions(tmp_path: Path) -> None:
    data = scenario_data()
    data["meta"]["turns"] = 0
    result = drill("lint", str(mini_copy(tmp_path, data)))
    assert result.exit_code == 1
    assert any(
        re.match(r".+scenario\.yaml:\d+:\d+: error: ", line) for line in result.stdout.splitlines()
    )
    clean_output(result)


def test_lint_of_a_folder_and_a_ruleset() -> None:
    folder = drill("lint", str(SCENARIOS_DIR))
    assert folder.exit_code == 0, folder.output
    assert f"{REFERENCE}: OK, nothing to warn about" in folder.stdout
    ruleset = drill("lint", str(RULESETS_DIR / "standard.yaml"))
    assert ruleset.exit_code == 0 and "OK (ruleset 'standard'" in ruleset.stdout


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xff\xfe",
        b"- a\n- b\n",
        b"meta: [\n",
        b"meta: {id: x}\n",
        b"meta:\n\tid: x\n",
    ],
)
@pytest.mark.parametrize("command", ["lint", "graph", "balance", "handouts"])
def test_broken_files_give_positions_and_exit_1(
    tmp_path: Path, content: bytes, command: str
) -> None:
    path = tmp_path / "broken.yaml"
    path.write_bytes(content)
    extra = ["-o", str(tmp_path / "out")] if command == "handouts" else []
    extra += ["--runs", "1"] if command == "balance" else []
    result = drill(command, str(path), *extra)
    assert result.exit_code == 1, result.output
    clean_output(result)
    assert any(PROBLEM.match(line) for line in result.output.splitlines())


@pytest.mark.parametrize("command", ["lint", "graph", "balance", "handouts"])
def test_missing_file_exits_1(tmp_path: Path, command: str) -> None:
    extra = ["-o", str(tmp_path / "out")] if command == "handouts" else []
    result = drill(command, str(tmp_path / "nothing.yaml"), *extra)
    assert result.exit_code == 1
    clean_output(result)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=300))
def test_lint_never_crashes_on_any_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = drill("lint", str(path))
    assert result.exit_code in (0, 1)
    clean_output(result)


# --- graph, balance, handouts ---------------------------------------------------------------


def test_graph_formats() -> None:
    mermaid = drill("graph", str(REFERENCE))
    assert mermaid.exit_code == 0 and "stateDiagram-v2" in mermaid.stdout
    dot = drill("graph", str(REFERENCE), "--format", "dot", "--lang", "zh")
    assert dot.exit_code == 0 and dot.stdout.startswith("digraph hazard {")
    assert drill("graph", str(REFERENCE), "--format", "png").exit_code == 2


def test_graph_finds_a_bundled_scenario_by_name() -> None:
    name = bundled_scenarios()[0].stem
    assert drill("graph", name).exit_code == 0


def test_balance_small_run(tmp_path: Path) -> None:
    result = drill("balance", str(mini_copy(tmp_path)), "--runs", "3", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "3 random + 3 greedy drills" in result.stdout and "Verdict" in result.stdout
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert drill("balance", str(REFERENCE), "--runs", "0").exit_code == 2


def test_handouts_written_and_listed(tmp_path: Path) -> None:
    out = tmp_path / "cards"
    result = drill("handouts", str(REFERENCE), "-o", str(out), "--lang", "en")
    assert result.exit_code == 0, result.output
    listed = result.stdout.splitlines()
    assert (out / "index.html").exists() and str(out / "index.html") in listed
    assert len(listed) == len(list(out.iterdir()))


def test_handouts_need_a_folder_that_can_be_written(tmp_path: Path) -> None:
    assert drill("handouts", str(REFERENCE)).exit_code == 2
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = drill("handouts", str(REFERENCE), "-o", str(blocker / "inside"))
    assert result.exit_code == 1
    assert "cannot write the handouts" in result.stderr
    clean_output(result)

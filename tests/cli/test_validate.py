"""`drill validate`: OK and exit 0, or `path:line:column: error:` lines and exit 1; no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.store.files import RULESETS_DIR, bundled_scenarios
from tests.cli.support import (
    PROBLEM_LINE,
    REFERENCE,
    line_of,
    reference_text,
    run,
    run_process,
    write,
)

TURNS = r"^  turns: (\d+)$"


def broken_reference(folder: Path) -> tuple[Path, int, int]:
    """The reference scenario with `turns: 0`, and where that 0 is."""
    text = re.sub(TURNS, "  turns: 0", reference_text(), count=1, flags=re.MULTILINE)
    line, column = line_of(text, TURNS)
    return write(folder, "broken.yaml", text), line, column


def test_bundled_scenarios_are_valid() -> None:
    paths = [str(p) for p in bundled_scenarios()]
    result = run("validate", *paths)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(paths)
    assert all(line.startswith(f"{p}: OK") for line, p in zip(lines, paths, strict=True))


def test_a_bundled_scenario_is_found_by_its_name() -> None:
    result = run("validate", "flood_old_community")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{REFERENCE}: OK (scenario 'flood_old_community'")
    assert run("validate", "no_such_scenario").exit_code == 1


def test_a_folder_is_checked_file_by_file() -> None:
    result = run("validate", str(REFERENCE.parent))
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == len(bundled_scenarios())


def test_a_ruleset_is_recognised() -> None:
    result = run("validate", str(RULESETS_DIR / "standard.yaml"))
    assert result.exit_code == 0
    assert "OK (ruleset 'standard'" in result.stdout


def test_broken_file_gives_one_positioned_line_per_problem(tmp_path: Path) -> None:
    path, line, column = broken_reference(tmp_path)
    result = run("validate", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines == [f"{path}:{line}:{column}: error: 'turns' must be at least 1, not 0"]
    assert "1 error found" in result.stderr


def test_valid_and_broken_files_together_exit_1(tmp_path: Path) -> None:
    path, _, _ = broken_reference(tmp_path)
    result = run("validate", str(REFERENCE), str(path))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{REFERENCE}: OK")


def test_yaml_syntax_error_has_a_position(tmp_path: Path) -> None:
    path = write(tmp_path, "syntax.yaml", "meta:\n  id: x\n  title: [unclosed\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    for line in result.stdout.splitlines():
        assert PROBLEM_LINE.match(line), line
        assert line.startswith(f"{path}:")


GARBAGE: dict[str, bytes] = {
    "binary.yaml": bytes(range(256)) * 8,
    "empty.yaml": b"",
    "list.yaml": b"- just\n- a list\n",
    "scalar.yaml": b"hello",
    "bomb.yaml": b'a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    + b"".join(
        f"{c}: &{c} [*{p},*{p},*{p},*{p},*{p},*{p},*{p},*{p}]\n".encode()
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ),
    "deep.yaml": b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "huge.yaml": b"a: " + b"x" * 3_000_000 + b"\n",
    "tabs.yaml": b"meta:\n\tid: x\n",
    "latin1.yaml": "titel: Überschwemmung\n".encode("latin-1"),
}


@pytest.mark.parametrize("name", sorted(GARBAGE))
def test_garbage_files_give_problem_lines_not_tracebacks(tmp_path: Path, name: str) -> None:
    path = write(tmp_path, name, GARBAGE[name])
    result = run("validate", str(path))
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stdout.splitlines()
    assert lines
    assert all(PROBLEM_LINE.match(line) for line in lines), lines


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty_folder"
    empty.mkdir()
    result = run("validate", str(tmp_path / "missing.yaml"), str(empty))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{tmp_path / 'missing.yaml'}:1:1: error: no such file",
        f"{empty}:1:1: error: this folder has no .yaml files to check",
    ]


def test_no_traceback_in_a_real_process(tmp_path: Path) -> None:
    paths = [str(write(tmp_path, name, data)) for name, data in GARBAGE.items()]
    done = run_process("validate", *paths, str(tmp_path / "missing.yaml"), str(tmp_path))
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert all(PROBLEM_LINE.match(line) for line in done.stdout.splitlines())


def test_unexpected_error_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("drill.cli.scenario.load_bundle", explode)
    result = run("validate", str(REFERENCE))
    assert result.exit_code == 2
    assert "unexpected error (RuntimeError: boom)" in result.stderr
    assert "please report it" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_no_paths_is_a_usage_error() -> None:
    result = run("validate")
    assert result.exit_code == 2
    assert "Missing argument" in result.stderr


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_any_bytes_give_exit_0_or_1(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path, "any.yaml", content)
    result = run("validate", str(path))
    assert result.exit_code in (0, 1), result.output
    assert all(PROBLEM_LINE.match(line) or ": OK" in line for line in result.stdout.splitlines())

"""No command writes a control character it was given: paths, ids and values are shown inert."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import reference_text, run, write

OSC52 = "\x1b]52;c;aGVsbG8=\x07\x1b[2J"
CLI_DIR = Path(__file__).resolve().parents[2] / "drill" / "cli"


def assert_inert(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]52;c;aGVsbG8=\\x07\\x1b[2J" in text
    assert "This is a bug" not in text


def test_a_path_with_escapes_is_shown_inert(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / f"x{OSC52}.yaml"))
    assert result.exit_code == 1
    assert_inert(result.output)


def test_info_echoes_an_unknown_name_inert() -> None:
    result = run("info", f"nothing{OSC52}")
    assert result.exit_code == 1
    assert_inert(result.output)


def test_a_usage_error_quoting_the_input_is_inert() -> None:
    result = run("report", OSC52)
    assert result.exit_code == 2
    assert_inert(result.output)


def test_a_file_quoting_an_escape_in_its_error_is_inert(tmp_path: Path) -> None:
    text = reference_text().replace("  seed: 20240716", '  seed: "\\e]52;c;aGVsbG8=\\a\\e[2J"')
    result = run("validate", str(write(tmp_path, "s.yaml", text)))
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "This is a bug" not in result.output
    assert "U+001B (escape) is not allowed in text" in result.output


def test_every_command_writes_through_say() -> None:
    for module in CLI_DIR.glob("*.py"):
        if module.name != "common.py":
            assert "click.echo" not in module.read_text(encoding="utf-8"), module.name

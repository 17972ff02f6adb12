"""Helpers shared by the CLI tests: a runner, the reference scenario, the problem-line format."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from drill.cli.main import cli
from drill.store.files import SCENARIOS_DIR

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"
PROBLEM_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<column>\d+): (error|warning): \S.*$")


def run(*args: str) -> Result:
    """`drill ARGS` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(cli, list(args))


def run_process(
    *args: str, timeout: float = 60, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m drill ARGS` in a real process, with extra environment variables."""
    return subprocess.run(
        [sys.executable, "-m", "drill", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )


def reference_text() -> str:
    """The reference scenario's YAML text."""
    return REFERENCE.read_text(encoding="utf-8")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    """A file in `folder` with `content`."""
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def line_of(text: str, pattern: str) -> tuple[int, int]:
    """1-based line and column where the first match of `pattern` starts its group 1."""
    found = re.search(pattern, text, re.MULTILINE)
    assert found is not None, pattern
    start = found.start(1)
    return text.count("\n", 0, start) + 1, start - (text.rfind("\n", 0, start) + 1) + 1

"""Devices and pipes given as a scenario or a database are refused at once, never read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli.support import run, run_process


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_validate_refuses_a_device(device: str) -> None:
    result = run("validate", device)
    assert result.exit_code == 1
    assert "not a regular file" in result.output
    assert "This is a bug" not in result.output


def test_validate_refuses_a_fifo_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "s.yaml"
    os.mkfifo(fifo)
    done = run_process("validate", str(fifo), timeout=60)
    assert done.returncode == 1
    assert "not a regular file" in done.stdout + done.stderr


def test_a_fifo_database_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "drills.db"
    os.mkfifo(fifo)
    done = run_process("sessions", "--db", str(fifo), timeout=60)
    assert done.returncode == 1
    assert "not a regular file" in done.stderr


def test_dev_null_as_database_is_refused_and_left_alone() -> None:
    journal = Path("/dev/null-journal")
    existed = journal.exists()
    result = run("sessions", "--db", "/dev/null")
    assert result.exit_code == 1
    assert "not a regular file" in result.output
    assert "This is a bug" not in result.output
    assert journal.exists() == existed

"""Ctrl+C stops a batch played on several processes at once: workers end, exit 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

BATCHES = [
    ("simulate", "flood_old_community", "--runs", "100000", "--jobs", "2"),
    ("balance", "flood_old_community", "--runs", "100000", "--jobs", "2"),
]


def children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux)."""
    found = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in found.read_text().split()] if found.exists() else []


def start_batch(args: tuple[str, ...]) -> tuple[subprocess.Popen[str], list[int]]:
    """A batch in its own process group, once its two workers run."""
    process = subprocess.Popen(
        [sys.executable, "-m", "drill", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    for _ in range(1200):  # waits for the workers, up to two minutes on a busy machine
        workers = children(process.pid)
        if len(workers) >= 2:
            return process, workers
        time.sleep(0.1)
    process.kill()
    raise AssertionError("the workers never started")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("args", BATCHES)
@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_stops_a_parallel_batch(args: tuple[str, ...], presses: int) -> None:
    process, workers = start_batch(args)
    for _ in range(presses):  # as a terminal does: the whole foreground group gets it
        os.killpg(process.pid, signal.SIGINT)
        time.sleep(0.2)
    try:
        _, err = process.communicate(timeout=120)
    finally:
        process.kill()
    assert process.returncode == 130, err
    assert "drill: interrupted." in err
    assert "This is a bug" not in err and "Traceback" not in err
    for worker in workers:
        assert not Path(f"/proc/{worker}").exists() or "Z" in status_of(worker)


def status_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2]
    except OSError:
        return "Z"

"""kill -9 at any moment loses no acknowledged command, and the drill resumes where it was."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drill.store.database import Store
from drill.store.kept import resume_session
from drill.store.migrations import StoreError
from tests.store.support import db_path, played, replayed

WORKER = Path(__file__).with_name("kill_worker.py")
SEED = 21
KILLS = 10


def run_and_kill(path: Path, acks_wanted: int, linger: float) -> int:
    """Start the worker, SIGKILL it after `acks_wanted` acks and `linger` seconds; acks seen."""
    worker = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), str(SEED)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert worker.stdout is not None
    acked = 0
    while acked < acks_wanted:
        line = worker.stdout.readline()
        if not line or line.startswith("done"):
            break
        if line.startswith("ack"):
            acked = int(line.split()[1])
    time.sleep(linger)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    worker.stdout.close()
    return acked


def stored_count(path: Path) -> int:
    """How many commands of drill 1 the database holds (0 if the drill was never created)."""
    with Store(path) as store:
        try:
            return len(store.entries(1))
        except StoreError:
            return 0


@pytest.mark.slow
def test_a_killed_drill_loses_no_acknowledged_command(tmp_path: Path) -> None:
    entries = played(SEED)
    commands = [c for c, _ in entries]
    rng = random.Random(2024)
    for attempt in range(KILLS):
        path = db_path(tmp_path / str(attempt))
        path.parent.mkdir()
        early = attempt % 3 == 0  # while starting up and creating the drill
        wanted = 0 if early else rng.randrange(len(commands))
        acked = run_and_kill(
            path, wanted, rng.uniform(0.1, 0.35) if early else rng.uniform(0, 0.004)
        )
        kept = stored_count(path)
        assert acked <= kept <= len(commands), (attempt, acked, kept)
        if kept == 0:
            continue
        with Store(path) as store:
            assert [e.command for e in store.entries(1)] == commands[:kept]
            assert [tuple(e.events) for e in store.entries(1)] == [ev for _, ev in entries[:kept]]
            session = resume_session(store, 1)
            assert session.state == replayed(commands[:kept], SEED).state
            for command in commands[kept:]:
                session.execute(command)
            assert session.state == replayed(commands, SEED).state

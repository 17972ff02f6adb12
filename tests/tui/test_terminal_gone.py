"""An app whose terminal is closed under it stops, instead of reading a dead terminal for ever."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

from drill.store.files import SCENARIOS_DIR

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"


# Like `make play` started by a launcher: the terminal's session leader takes the hang-up
# itself, passes it on to nobody and waits for the app, so the app is never told.
LEADER = """
import signal, subprocess, sys
signal.signal(signal.SIGHUP, lambda *_: None)
subprocess.run(sys.argv[1:])
"""


def _running(marker: str) -> list[int]:
    """Processes whose command line holds `marker`."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                line = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except OSError:
                continue
            if marker in line:
                found.append(int(entry.name))
    return found


def _read_until(fd: int, text: bytes, seconds: float) -> bytes:
    """What the terminal showed, once `text` appeared or the time ran out."""
    seen, deadline = b"", time.monotonic() + seconds
    while text not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def _wait_gone(marker: str, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while _running(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    return _running(marker)


def test_closing_the_terminal_under_a_shell_that_passes_no_hangup_stops_the_app(
    tmp_path: Path,
) -> None:
    db = tmp_path / "closed-window.db"
    play = [sys.executable, "-m", "drill", "play", str(REFERENCE), "--db", str(db)]
    pid, fd = pty.fork()
    if pid == 0:  # the child leads the new terminal's session, as `make play` would
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-c", LEADER, *play])
    try:
        shown = _read_until(fd, b"Ctrl+S", seconds=60)
        assert b"Ctrl+S" in shown, "the app never drew its lobby"
        assert _running(str(db))
    finally:
        os.close(fd)  # the window is closed
    left = _wait_gone(str(db), seconds=20)
    for stray in left:
        os.kill(stray, signal.SIGKILL)
    os.waitpid(pid, 0)
    assert left == [], "the app kept running after its terminal was closed"

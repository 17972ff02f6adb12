"""Notice when the terminal under the app has gone: a closed window, a dropped SSH link.

Normally the terminal's shell then sends the app SIGHUP and it ends. When nobody does
(the app started by `make`, or straight from a launcher), Textual's input thread would
read the dead terminal in a loop at full CPU, for ever; checking every few seconds
whether input is still a terminal lets the app keep what it must and stop instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

from textual.app import App

CHECK_EVERY = 2.0
"""Seconds between checks."""


def _input_fd() -> int | None:
    """The file descriptor the app reads keys from, if it is a terminal now."""
    stdin = sys.__stdin__
    if stdin is None or stdin.closed:
        return None
    fd = stdin.fileno()
    return fd if os.isatty(fd) else None


def watch_terminal(app: App[Any], gone: Callable[[], None]) -> None:
    """Call `gone` once when the app's terminal hangs up (never for a headless app)."""
    fd = _input_fd()
    if app.is_headless or fd is None:
        return

    def check() -> None:
        if not os.isatty(fd):
            timer.stop()
            gone()

    timer = app.set_interval(CHECK_EVERY, check)

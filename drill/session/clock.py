"""Clocks: the real one, and a frozen one for tests and snapshots."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the time in seconds (monotonic) and as a wall-clock stamp."""

    def monotonic(self) -> float:
        """Seconds from an arbitrary start; never goes back."""
        ...

    def wall(self) -> float:
        """Seconds since the epoch."""
        ...


class SystemClock:
    """The machine's clock."""

    def monotonic(self) -> float:
        """time.monotonic()."""
        return time.monotonic()

    def wall(self) -> float:
        """time.time()."""
        return time.time()


class FrozenClock:
    """A clock that moves only when told to."""

    def __init__(self, wall: float = 1_767_225_600.0) -> None:
        self._mono = 0.0
        self._wall = wall

    def monotonic(self) -> float:
        """The frozen monotonic time."""
        return self._mono

    def wall(self) -> float:
        """The frozen wall time."""
        return self._wall + self._mono

    def advance(self, seconds: float) -> None:
        """Move the clock forward."""
        self._mono += seconds

"""The facilitator's turn timer: runs while a turn is open, stops while paused."""

from __future__ import annotations

from drill.session.clock import Clock


class TurnTimer:
    """Elapsed time of the current turn on an injectable clock."""

    def __init__(self, clock: Clock, limit_seconds: float) -> None:
        self.clock = clock
        self.limit = limit_seconds
        self._started: float | None = None
        self._banked = 0.0

    def restart(self) -> None:
        """Start timing a new turn from zero."""
        self._banked = 0.0
        self._started = self.clock.monotonic()

    def stop(self) -> None:
        """Stop the timer, keeping the time so far (pause, or the turn closed)."""
        if self._started is not None:
            self._banked += self.clock.monotonic() - self._started
            self._started = None

    def restore(self, elapsed: float) -> None:
        """Take up a turn timed before: `elapsed` seconds already gone, the timer stopped."""
        self._banked = max(0.0, elapsed)
        self._started = None

    def resume(self) -> None:
        """Continue after a pause."""
        if self._started is None:
            self._started = self.clock.monotonic()

    @property
    def running(self) -> bool:
        """Whether the timer is running."""
        return self._started is not None

    def elapsed(self) -> float:
        """Seconds of the turn so far."""
        running = 0.0 if self._started is None else self.clock.monotonic() - self._started
        return self._banked + running

    def remaining(self) -> float:
        """Seconds left before the turn's time limit (never below zero)."""
        return max(0.0, self.limit - self.elapsed())

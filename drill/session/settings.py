"""What the facilitator set on the console that is not a drill command, kept with the drill."""

from __future__ import annotations

from dataclasses import dataclass

from drill.engine.state import DrillState
from drill.session.timer import TurnTimer


@dataclass(frozen=True)
class ConsoleSettings:
    """Whether players see the scores, and how far the countdown of a turn had run."""

    show_scores: bool = True
    timer_turn: int | None = None
    """The turn whose countdown `timer_elapsed` belongs to (None: no turn timed yet)."""
    timer_elapsed: float = 0.0
    """Seconds of that turn's countdown gone when the drill was last left."""


def timer_settings(
    settings: ConsoleSettings, state: DrillState, timer: TurnTimer
) -> ConsoleSettings:
    """`settings` with the countdown of the current turn as it stands now."""
    return ConsoleSettings(settings.show_scores, state.turn, timer.elapsed())


def restore_timer(settings: ConsoleSettings, state: DrillState, timer: TurnTimer) -> None:
    """Take up the countdown where it stood, if it was of this turn's orders; else start afresh.

    The time between leaving the drill and resuming it does not count.
    """
    stage = state.paused_from if state.stage == "paused" else state.stage
    if stage != "orders":
        return
    same_turn = settings.timer_turn == state.turn
    timer.restore(settings.timer_elapsed if same_turn else 0.0)
    if state.stage == "orders":
        timer.resume()

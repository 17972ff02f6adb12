"""DrillPort: all a screen may ask of a live drill; the local Session is one, a client could be."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from drill.engine.commands import Command
from drill.engine.events import Event
from drill.engine.options import ActionOption
from drill.engine.reasons import Refusal
from drill.engine.rules import Rules
from drill.engine.scoring import Scores
from drill.engine.view import SeatView
from drill.scenario.models import Action
from drill.session.seats import SessionConfig
from drill.session.sitrep import TurnReport


@dataclass(frozen=True)
class TimerReading:
    """The turn timer's figures at one moment, as the screens show them."""

    running: bool
    elapsed: float
    remaining: float
    limit: float


class DrillPort(Protocol):
    """A live drill as its screens see it: views of seats in, commands out.

    Nothing here hands out the engine's state: a seat reads its view (`view`), the facilitator
    reads the facilitator's view, and every change goes through `execute`. A network client
    could implement this as well as the local `Session` does.
    """

    @property
    def rules(self) -> Rules:
        """The compiled scenario (the same for every seat)."""
        ...

    @property
    def config(self) -> SessionConfig:
        """Seats, teams, bots, language and timing of the drill."""
        ...

    @property
    def version(self) -> int:
        """Changes every time the drill changes; views are the same while it stays."""
        ...

    def view(self, seat: str) -> SeatView:
        """What `seat` (a role id) may see now."""
        ...

    def facilitator_view(self) -> SeatView:
        """Everything, with the facilitator's own fields (the inject queue, the notes)."""
        ...

    def seat_refusal(self, seat: str) -> Refusal | None:
        """Why `seat` may not order now (stage, already submitted), or None when it may."""
        ...

    def action_options(self, seat: str) -> list[ActionOption]:
        """Every action of the seat's role, available ones first, each with its refusal."""
        ...

    def action_refusal(self, seat: str, action: Action) -> Refusal | None:
        """Why `seat` may not order `action` now, or None."""
        ...

    def action_points_left(self, seat: str) -> int:
        """Action points the seat has not committed this turn."""
        ...

    def execute(self, command: Command) -> list[Event]:
        """Apply a command and return its events; raises IllegalCommand, changing nothing."""
        ...

    def scores(self) -> Scores:
        """The scores as they stand."""
        ...

    @property
    def reports(self) -> list[TurnReport]:
        """The situation report of every resolved turn, oldest first."""
        ...

    @property
    def hotwash(self) -> Mapping[str, str]:
        """The hot wash after the drill: strengths, areas for improvement (kept as typed)."""
        ...

    def note_hotwash(self, part: str, text: str) -> None:
        """Keep one part of the hot wash as it now reads."""
        ...

    def timer_reading(self) -> TimerReading:
        """The turn timer now."""
        ...

    @property
    def human_roles(self) -> list[str]:
        """Roles played by people."""
        ...

    @property
    def bot_roles(self) -> list[str]:
        """Roles played by bots."""
        ...

    def play_bots(self) -> None:
        """Let every bot seat that has not submitted order and submit."""
        ...

    def close_turn(self) -> list[Event]:
        """Facilitator: let the bots order, resolve the turn and keep its report."""
        ...

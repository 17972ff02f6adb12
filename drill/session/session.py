"""A live drill: the engine plus seats, bots, the turn timer and a durable record."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Protocol

from drill.engine import options
from drill.engine.commands import FACILITATOR, CloseTurn, Command, Pause, Resume, StartTurn
from drill.engine.drill import Drill
from drill.engine.events import Event
from drill.engine.options import ActionOption
from drill.engine.policies import POLICIES
from drill.engine.reasons import Refusal
from drill.engine.rules import Rules
from drill.engine.scoring import Scores, score
from drill.engine.state import DrillState
from drill.engine.view import SeatView, view_for
from drill.scenario.models import Action
from drill.session.clock import Clock, SystemClock
from drill.session.port import DrillPort, TimerReading
from drill.session.seats import BOT_POLICIES, SessionConfig
from drill.session.sitrep import TurnReport, turn_report
from drill.session.timer import TurnTimer


class Record(Protocol):
    """Where a session keeps what happened; `append` returns only once it is durable."""

    def append(self, command: Command, events: list[Event]) -> None:
        """Keep one accepted command and its events."""
        ...


class MemoryRecord:
    """A record that lives only as long as the program (tests, simulations)."""

    def __init__(self) -> None:
        self.entries: list[tuple[Command, list[Event]]] = []

    def append(self, command: Command, events: list[Event]) -> None:
        """Keep the entry in memory."""
        self.entries.append((command, events))


class Session:
    """One drill being played: every change goes through `execute`; a `DrillPort`."""

    def __init__(
        self,
        rules: Rules,
        config: SessionConfig,
        clock: Clock | None = None,
        record: Record | None = None,
    ) -> None:
        self.rules = rules
        self.config = config
        self._version = 0
        self._views: dict[str, tuple[int, SeatView]] = {}
        """Each seat's view with the version it was built at (the engine may run in a thread)."""
        self._drill = Drill(rules, config.seed)
        self.clock = clock or SystemClock()
        self.record: Record = record or MemoryRecord()
        self.timer = TurnTimer(self.clock, config.turn_minutes * 60)
        self.listeners: list[Callable[[Command, list[Event]], None]] = []
        self.reports: list[TurnReport] = []
        self.hotwash: dict[str, str] = {}
        """The hot wash after the drill: strengths, areas for improvement, notes."""

    def execute(self, command: Command) -> list[Event]:
        """Apply a command; it is recorded before this returns. Raises IllegalCommand.

        The command is decided, then recorded, then applied: if recording fails, the
        drill in memory stays as it was and matches the record.
        """
        events, reached = self.drill.decide(command)
        self.record.append(command, events)
        try:
            self.drill.apply(events, reached)
        finally:
            self._changed()
        self._time(command)
        for listener in self.listeners:
            listener(command, events)
        return events

    def _time(self, command: Command) -> None:
        if isinstance(command, StartTurn):
            self.timer.restart()
        elif isinstance(command, Pause | CloseTurn):
            self.timer.stop()
        elif isinstance(command, Resume) and self.drill.state.stage == "orders":
            self.timer.resume()

    @property
    def drill(self) -> Drill:
        """The engine's drill (inside the session layer only; screens read views)."""
        return self._drill

    @drill.setter
    def drill(self, drill: Drill) -> None:
        self._drill = drill
        self._changed()

    def _changed(self) -> None:
        self._version += 1

    @property
    def version(self) -> int:
        """Goes up whenever the drill changes; the views kept are those of this version."""
        return self._version

    @property
    def state(self) -> DrillState:
        """The drill's current state (read it, never change it; not for screens)."""
        return self.drill.state

    def view(self, seat: str) -> SeatView:
        """What `seat` may see now (built once per version of the drill)."""
        version = self._version
        kept = self._views.get(seat)
        if kept is not None and kept[0] == version:
            return kept[1]
        view = view_for(self.rules, self.drill.state, seat)
        self._views[seat] = (version, view)
        return view

    def facilitator_view(self) -> SeatView:
        """Everything, with the facilitator's inject queue and notes."""
        return self.view(FACILITATOR)

    def seat_refusal(self, seat: str) -> Refusal | None:
        """Why `seat` may not order now, or None when it may."""
        return options.seat_refusal(self.rules, self.drill.state, seat)

    def action_options(self, seat: str) -> list[ActionOption]:
        """Every action of the seat's role, available ones first, each with its refusal."""
        return options.action_options(self.rules, self.drill.state, seat)

    def action_refusal(self, seat: str, action: Action) -> Refusal | None:
        """Why `seat` may not order `action` now, or None."""
        return options.action_refusal(self.rules, self.drill.state, seat, action)

    def action_points_left(self, seat: str) -> int:
        """Action points the seat has not committed this turn."""
        return options.action_points_left(self.rules, self.drill.state, seat)

    def scores(self) -> Scores:
        """The scores as they stand."""
        return score(self.rules, self.drill.state)

    def note_hotwash(self, part: str, text: str) -> None:
        """Keep one part of the hot wash as it now reads."""
        self.hotwash[part] = text

    def timer_reading(self) -> TimerReading:
        """The turn timer now."""
        timer = self.timer
        return TimerReading(timer.running, timer.elapsed(), timer.remaining(), timer.limit)

    @property
    def human_roles(self) -> list[str]:
        """Roles played by people."""
        return self.config.human_roles(self.rules.role_order)

    @property
    def bot_roles(self) -> list[str]:
        """Roles played by bots."""
        return self.config.bot_roles(self.rules.role_order)

    def play_bots(self) -> None:
        """Let every bot seat that has not submitted place its orders and submit."""
        state = self.drill.state
        if state.stage != "orders":
            return
        rng = random.Random(f"{self.config.seed}:{state.turn}")
        waiting = [r for r in self.bot_roles if r not in state.submitted]
        for name in BOT_POLICIES:
            roles = [r for r in waiting if self.config.seat(r).bot == name]
            if roles:
                POLICIES[name](self, roles, rng)

    def close_turn(self) -> list[Event]:
        """Facilitator: let the bots order, then resolve the turn and keep its report."""
        self.play_bots()
        before = self.drill.state.clone()
        events = self.execute(CloseTurn(FACILITATOR))
        self.reports.append(turn_report(self.rules, before, self.drill.state, events))
        return events


def _implements_port(session: Session) -> DrillPort:
    return session  # mypy checks here that Session is a DrillPort

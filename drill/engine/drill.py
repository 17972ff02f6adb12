"""A drill in play: a state, the log of its events, and `execute` for commands."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from drill.engine.commands import Command
from drill.engine.decide import decide_with_state
from drill.engine.events import Event
from drill.engine.evolve import evolve
from drill.engine.reasons import IllegalCommand
from drill.engine.rules import Rules
from drill.engine.state import DrillState, initial_state


class Table(Protocol):
    """What a bot needs of a drill: its rules, its state and a way to send commands."""

    @property
    def rules(self) -> Rules:
        """The compiled scenario."""
        ...

    @property
    def state(self) -> DrillState:
        """The current state."""
        ...

    def execute(self, command: Command) -> list[Event]:
        """Apply a command or raise IllegalCommand."""
        ...


def fold(rules: Rules, events: Iterable[Event], seed: int | None = None) -> DrillState:
    """The state reached by folding `events` onto the initial state."""
    state = initial_state(rules, seed)
    for event in events:
        evolve(rules, state, event)
    return state


class Drill:
    """One drill of a compiled scenario; the log is the only record of what happened."""

    def __init__(self, rules: Rules, seed: int | None = None) -> None:
        self.rules = rules
        self.state = initial_state(rules, seed)
        self.log: list[Event] = []

    @property
    def seed(self) -> int:
        """The seed of the drill's random generator."""
        return self.state.seed

    def decide(self, command: Command) -> tuple[list[Event], DrillState | None]:
        """The events of `command` (and the state they reach, when built); nothing changes."""
        return decide_with_state(self.rules, self.state, command)

    def apply(self, events: list[Event], reached: DrillState | None = None) -> None:
        """Fold decided events into the drill (adopting `reached`, their fold, if given)."""
        if reached is not None:
            self.state = reached
        else:
            for event in events:
                evolve(self.rules, self.state, event)
        self.log.extend(events)

    def execute(self, command: Command) -> list[Event]:
        """Apply `command`: its events are folded and logged, or IllegalCommand is raised.

        Turns are resolved straight onto the drill's state (no copy: the bots play
        thousands of drills). Should anything but a refusal break off half-way, the
        state is rebuilt from the log, so the drill is as it was before the command.
        """
        try:
            events, reached = decide_with_state(self.rules, self.state, command, in_place=True)
        except IllegalCommand:
            raise
        except Exception:
            self.state = fold(self.rules, self.log, self.state.seed)
            raise
        self.apply(events, reached)
        return events

    @classmethod
    def from_log(cls, rules: Rules, events: Iterable[Event], seed: int | None = None) -> Drill:
        """A drill rebuilt from its events."""
        drill = cls(rules, seed)
        drill.apply(list(events))
        return drill

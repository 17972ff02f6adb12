"""What a report is made from: the rules, the events and what was kept about the drill."""

from __future__ import annotations

from dataclasses import dataclass, field

from drill.engine.drill import fold
from drill.engine.events import Event
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.session.hotwash import HotWash, PlanItem


@dataclass(frozen=True)
class Seat:
    """Who played a role: the team's name, its participants, or a bot."""

    role: str
    team: str = ""
    participants: tuple[str, ...] = ()
    bot: str | None = None


@dataclass(frozen=True)
class DrillFacts:
    """What the drill database kept about a drill besides its events."""

    drill_id: int
    started: float
    seed: int
    mode: str = "facilitated"
    seats: tuple[Seat, ...] = ()
    parent: int | None = None
    branch_turn: int | None = None


@dataclass
class ReportInput:
    """Everything one report needs; the state is the fold of the events."""

    rules: Rules
    events: list[Event]
    facts: DrillFacts
    hotwash: HotWash = field(default_factory=HotWash)
    plan: list[PlanItem] = field(default_factory=list)
    _state: DrillState | None = None

    @property
    def state(self) -> DrillState:
        """The drill's state at the end of its events."""
        if self._state is None:
            self._state = fold(self.rules, self.events, self.facts.seed)
        return self._state

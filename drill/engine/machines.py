"""The session-flow and hazard-phase machines, built with `transitions` once per scenario."""

from __future__ import annotations

from dataclasses import dataclass

from transitions import Machine

from drill.scenario.language import Condition
from drill.scenario.models import Hazard, PhaseTransition

LIVE_STAGES = ("briefing", "orders", "sitrep")
STAGES = ("lobby", "briefing", "orders", "resolution", "sitrep", "debrief", "closed", "paused")
_FLOW = [
    ("begin", "lobby", "briefing"),
    ("start_turn", "briefing", "orders"),
    ("start_turn", "sitrep", "orders"),
    ("close_turn", "orders", "resolution"),
    ("report", "resolution", "sitrep"),
    ("end", list(LIVE_STAGES), "debrief"),
    ("close", "debrief", "closed"),
    ("pause", list(LIVE_STAGES), "paused"),
    *[("resume", "paused", stage) for stage in LIVE_STAGES],
]


def _machine(states: list[str], table: list[dict[str, object]], initial: str) -> Machine:
    return Machine(
        model=None, states=states, transitions=table, initial=initial, auto_transitions=False
    )


class Flow:
    """The session flow: lobby → briefing → (orders → resolution → sitrep)* → debrief."""

    def __init__(self) -> None:
        table: list[dict[str, object]] = [
            {"trigger": t, "source": s, "dest": d} for t, s, d in _FLOW
        ]
        self.machine = _machine(list(STAGES), table, "lobby")
        self._asked: dict[tuple[str, str, str | None], str | None] = {}

    def next_stage(self, stage: str, trigger: str, wanted: str | None = None) -> str | None:
        """Where `trigger` leads from `stage` (the one to `wanted` if several), or None."""
        key = (stage, trigger, wanted)
        if key not in self._asked:  # the table never changes: ask `transitions` once
            self._asked[key] = self._lookup(stage, trigger, wanted)
        return self._asked[key]

    def _lookup(self, stage: str, trigger: str, wanted: str | None) -> str | None:
        for transition in self.machine.get_transitions(trigger=trigger, source=stage):
            if wanted is None or transition.dest == wanted:
                return str(transition.dest)
        return None


FLOW = Flow()


@dataclass(frozen=True)
class PhaseMove:
    """One compiled hazard transition."""

    trigger: str
    source: str
    dest: str
    when: Condition | None
    auto: bool


def _sources(transition: PhaseTransition, phases: list[str]) -> list[str]:
    if transition.source == "*":
        return phases
    return [transition.source] if isinstance(transition.source, str) else transition.source


class HazardMachine:
    """The hazard's phases; conditions are checked by the engine, the table by `transitions`."""

    def __init__(self, hazard: Hazard) -> None:
        phases = [phase.id for phase in hazard.phases]
        self.moves: dict[tuple[str, str, str], PhaseMove] = {}
        table: list[dict[str, object]] = []
        for transition in hazard.transitions:
            for source in _sources(transition, phases):
                key = (transition.trigger, source, transition.dest)
                move = PhaseMove(key[0], source, key[2], transition.when, transition.auto)
                self.moves.setdefault(key, move)
                table.append({"trigger": key[0], "source": source, "dest": key[2]})
        self.machine = _machine(phases, table, hazard.initial)
        self._auto = {
            p: [m for m in self.moves.values() if m.source == p and m.auto] for p in phases
        }
        self._asked: dict[tuple[str, str], tuple[PhaseMove, ...]] = {}

    def candidates(self, phase: str, trigger: str) -> tuple[PhaseMove, ...]:
        """Moves that `trigger` could make from `phase`, in file order."""
        key = (phase, trigger)
        if key not in self._asked:  # the table never changes: ask `transitions` once
            found = self.machine.get_transitions(trigger=trigger, source=phase)
            self._asked[key] = tuple(self.moves[(trigger, phase, str(t.dest))] for t in found)
        return self._asked[key]

    def automatic(self, phase: str) -> list[PhaseMove]:
        """Automatic moves out of `phase`, in file order."""
        return self._auto.get(phase, [])

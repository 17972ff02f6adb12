"""A drill taken up again: the situation reports of its resolved turns, rebuilt from its log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from drill.engine.commands import CloseTurn, Command
from drill.engine.drill import Drill
from drill.engine.events import Event
from drill.engine.evolve import evolve
from drill.engine.rules import Rules
from drill.session.sitrep import TurnReport, turn_report


def rebuilt_reports(
    rules: Rules, seed: int, entries: Iterable[tuple[Command, Sequence[Event]]]
) -> list[TurnReport]:
    """The report of every turn closed in `entries` (commands with their events), in order."""
    drill = Drill(rules, seed)
    reports = []
    for command, events in entries:
        before = drill.state.clone() if isinstance(command, CloseTurn) else None
        for event in events:
            evolve(rules, drill.state, event)
        if before is not None:
            reports.append(turn_report(rules, before, drill.state, list(events)))
    return reports

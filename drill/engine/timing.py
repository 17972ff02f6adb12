"""Timing of injects: releases at the start of a turn, and expected-response deadlines."""

from __future__ import annotations

from drill.engine import events as ev
from drill.engine.conditions import holds
from drill.engine.effects import Emitter, release_inject
from drill.scenario.models import ExpectedResponse


def release_due_injects(em: Emitter) -> None:
    """Release queued contingencies and the injects due at the start of this turn."""
    s = em.state
    for inject_id in list(s.queued):
        if inject_id not in s.held and inject_id not in s.released:
            release_inject(em, inject_id)
    for inject in em.rules.due_by_turn.get(s.turn, ()):
        if inject.id in s.released or inject.id in s.skipped or inject.id in s.held:
            continue
        if inject.turn == s.turn or (inject.turn is None and holds(em.rules, s, inject.when)):
            release_inject(em, inject.id)


def met_in(em: Emitter, expected: ExpectedResponse, released: int) -> tuple[str, int] | None:
    """The first role and turn that took the expected action since release, if any."""
    for taken in em.state.taken:
        if taken.turn >= released and taken.action == expected.action and taken.role in expected.by:
            return taken.role, taken.turn
    return None


def rate_expectations(em: Emitter) -> None:
    """Rate expected responses whose outcome is now known; queue contingencies."""
    s = em.state
    for inject_id, released in list(s.released.items()):
        inject = em.rules.injects.get(inject_id)
        if inject is None:
            continue
        for index, expected in enumerate(inject.expects):
            if (inject_id, index) not in s.expectations:
                _rate_one(em, inject_id, index, expected, released)


def _rate_one(
    em: Emitter, inject_id: str, index: int, exp: ExpectedResponse, released: int
) -> None:
    turn, w = em.state.turn, exp.within
    if released > turn:
        return
    met = met_in(em, exp, released)
    if met is not None and met[1] <= released + w - 1:
        em.emit(ev.ExpectationRated(inject_id, index, "on_time", met[0], met[1]))
        return
    if turn == released + w - 1:
        _queue_contingency(em, inject_id)
    if met is not None and met[1] <= released + 2 * w - 1:
        em.emit(ev.ExpectationRated(inject_id, index, "late", met[0], met[1]))
    elif turn >= released + 2 * w - 1:
        em.emit(ev.ExpectationRated(inject_id, index, "missed", "", turn))


def _queue_contingency(em: Emitter, inject_id: str) -> None:
    contingency = em.rules.injects[inject_id].contingency
    s = em.state
    if contingency is None or contingency in s.released or contingency in s.skipped:
        return
    if contingency not in s.queued:
        em.emit(ev.ContingencyQueued(contingency))

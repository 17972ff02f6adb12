"""Timing of injects: releases at the start of a turn, and expected-response deadlines."""

from __future__ import annotations

from drill.engine import events as ev
from drill.engine.conditions import holds
from drill.engine.effects import Emitter, release_inject
from drill.engine.state import DrillState
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


Takers = dict[str, list[tuple[int, str]]]
"""For each action, the (turn, role) of every time it was carried out since some turn."""

Pending = tuple[str, int, ExpectedResponse, int]
"""An expected response not yet rated: inject, index, the response, turn released."""


def takers(state: DrillState, since: int) -> Takers:
    """Who carried out each action in turn `since` or later, and when, oldest first."""
    index: Takers = {}
    for taken in reversed(state.taken):  # taken is in turn order: stop at older turns
        if taken.turn < since:
            break
        index.setdefault(taken.action, []).append((taken.turn, taken.role))
    for times in index.values():
        times.reverse()
    return index


def met_in(taken: Takers, expected: ExpectedResponse, released: int) -> tuple[str, int] | None:
    """The first role and turn that took the expected action since release, if any."""
    for turn, role in taken.get(expected.action, ()):
        if turn >= released and role in expected.by:
            return role, turn
    return None


def pending(em: Emitter) -> list[Pending]:
    """Expected responses of injects released by now that are not rated yet."""
    s, injects = em.state, em.rules.injects
    found: list[Pending] = []
    for inject_id, released in s.released.items():
        inject = injects.get(inject_id)
        if inject is None or released > s.turn:
            continue
        for index, expected in enumerate(inject.expects):
            if (inject_id, index) not in s.expectations:
                found.append((inject_id, index, expected, released))
    return found


def rate_expectations(em: Emitter) -> None:
    """Rate expected responses whose outcome is now known; queue contingencies."""
    waiting = pending(em)
    if not waiting:
        return
    taken = takers(em.state, min(item[3] for item in waiting))
    for inject_id, index, expected, released in waiting:
        met = met_in(taken, expected, released)
        _rate_one(em, (inject_id, index), expected, released, met)


def _rate_one(
    em: Emitter,
    key: tuple[str, int],
    exp: ExpectedResponse,
    released: int,
    met: tuple[str, int] | None,
) -> None:
    turn, w = em.state.turn, exp.within
    if met is not None and met[1] <= released + w - 1:
        em.emit(ev.ExpectationRated(*key, "on_time", met[0], met[1]))
        return
    if turn == released + w - 1:
        _queue_contingency(em, key[0])
    if met is not None and met[1] <= released + 2 * w - 1:
        em.emit(ev.ExpectationRated(*key, "late", met[0], met[1]))
    elif turn >= released + 2 * w - 1:
        em.emit(ev.ExpectationRated(*key, "missed", "", turn))


def _queue_contingency(em: Emitter, inject_id: str) -> None:
    contingency = em.rules.injects[inject_id].contingency
    s = em.state
    if contingency is None or contingency in s.released or contingency in s.skipped:
        return
    if contingency not in s.queued:
        em.emit(ev.ContingencyQueued(contingency))

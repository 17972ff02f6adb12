"""Fold one event into the drill state: the only place where state changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drill.engine import events as ev
from drill.engine.rules import Rules
from drill.engine.state import Adhoc, Delayed, DrillState, Taken


def _stage(rules: Rules, s: DrillState, e: ev.StageChanged) -> None:
    s.stage, s.paused_from = e.stage, e.paused_from


def _turn(rules: Rules, s: DrillState, e: ev.TurnStarted) -> None:
    s.turn = e.turn
    s.submitted.clear()
    s.orders = {role: [] for role in rules.role_order}
    s.proposals = [p for p in s.proposals if p[0] >= e.turn]


def _placed(rules: Rules, s: DrillState, e: ev.OrderPlaced) -> None:
    s.orders[e.order.role].append(e.order)
    s.next_id = max(s.next_id, e.order.id + 1)


def _withdrawn(rules: Rules, s: DrillState, e: ev.OrderWithdrawn) -> None:
    s.orders[e.role] = [o for o in s.orders[e.role] if o.id != e.order]


def _submitted(rules: Rules, s: DrillState, e: ev.OrdersSubmitted) -> None:
    s.submitted.add(e.role)


def _proposed(rules: Rules, s: DrillState, e: ev.JointProposed) -> None:
    s.proposals.append((e.turn, e.role, e.action, e.to, e.target))


def _posted(rules: Rules, s: DrillState, e: ev.MessagePosted) -> None:
    s.messages.append((e.turn, e.seat, e.text))


def _released(rules: Rules, s: DrillState, e: ev.InjectReleased) -> None:
    s.released[e.inject] = e.turn
    s.held.discard(e.inject)
    if e.inject in s.queued:
        s.queued.remove(e.inject)


def _held(rules: Rules, s: DrillState, e: ev.InjectHeld) -> None:
    s.held.add(e.inject)


def _skipped(rules: Rules, s: DrillState, e: ev.InjectSkipped) -> None:
    s.skipped.add(e.inject)
    s.held.discard(e.inject)
    if e.inject in s.queued:
        s.queued.remove(e.inject)


def _adhoc(rules: Rules, s: DrillState, e: ev.AdhocInjectAdded) -> None:
    s.adhoc[e.inject] = Adhoc(e.inject, e.title, e.text, e.to, e.method, e.turn)
    s.released[e.inject] = e.turn


def _contingency(rules: Rules, s: DrillState, e: ev.ContingencyQueued) -> None:
    if e.inject not in s.queued:
        s.queued.append(e.inject)


def _revealed(rules: Rules, s: DrillState, e: ev.InfoRevealed) -> None:
    for role in e.roles:
        s.known[role].add(e.info)


def _shared(rules: Rules, s: DrillState, e: ev.InfoShared) -> None:
    s.shares.append((e.by, e.info, e.to))
    if e.to == "platform":
        if e.info not in s.platform:
            s.platform.append(e.info)
        for role in rules.role_order:
            s.known[role].add(e.info)
    else:
        s.known[e.to].add(e.info)


def _sector(rules: Rules, s: DrillState, e: ev.SectorChanged) -> None:
    s.sectors[e.sector] = e.value


def _resource(rules: Rules, s: DrillState, e: ev.ResourceChanged) -> None:
    s.resources[e.role][e.resource] = e.value


def _exposure(rules: Rules, s: DrillState, e: ev.ExposureChanged) -> None:
    s.exposure[e.zone] = e.value


def _group(rules: Rules, s: DrillState, e: ev.GroupChanged) -> None:
    s.assisted[e.group], s.affected[e.group] = e.assisted, e.affected


def _trust(rules: Rules, s: DrillState, e: ev.TrustChanged) -> None:
    s.trust = e.value


def _flag(rules: Rules, s: DrillState, e: ev.FlagChanged) -> None:
    if e.on:
        s.flags.add(e.flag)
    else:
        s.flags.discard(e.flag)


def _institution(rules: Rules, s: DrillState, e: ev.InstitutionEstablished) -> None:
    s.institutions.setdefault(e.institution, e.by)


def _phase(rules: Rules, s: DrillState, e: ev.PhaseChanged) -> None:
    s.phase = e.phase


def _link(rules: Rules, s: DrillState, e: ev.LinkAdded) -> None:
    s.links.add((e.a, e.b) if e.a < e.b else (e.b, e.a))


def _resolved(rules: Rules, s: DrillState, e: ev.OrderResolved) -> None:
    if e.roll is not None:
        s.draws += 1
    if e.outcome in ("done", "failed"):
        if e.uses:
            s.info_uses.extend((e.role, info, known) for info, known in e.uses)
        s.taken.append(Taken(e.turn, e.role, e.action, e.joint))
        s.taken_by.add((e.role, e.action))


def _request(rules: Rules, s: DrillState, e: ev.RequestCreated) -> None:
    s.requests[e.request] = e
    s.next_id = max(s.next_id, e.request + 1)


def _request_closed(rules: Rules, s: DrillState, e: ev.RequestClosed) -> None:
    s.requests.pop(e.request, None)


def _delayed(rules: Rules, s: DrillState, e: ev.DelayedQueued) -> None:
    s.delayed[e.id] = Delayed(e.id, e.due, e.role, e.action, e.target, e.factor)
    s.next_id = max(s.next_id, e.id + 1)


def _delayed_done(rules: Rules, s: DrillState, e: ev.DelayedApplied) -> None:
    s.delayed.pop(e.id, None)


def _expectation(rules: Rules, s: DrillState, e: ev.ExpectationRated) -> None:
    s.expectations[(e.inject, e.index)] = (e.status, e.role, e.turn)


def _recorded(rules: Rules, s: DrillState, e: ev.FunctionalityRecorded) -> None:
    s.history.append(e.values)
    s.assisted_history.append(e.assisted)


def _overridden(rules: Rules, s: DrillState, e: ev.Overridden) -> None:
    s.overrides.append((e.turn, e.reason))


def _ended(rules: Rules, s: DrillState, e: ev.DrillEnded) -> None:
    s.ended = True


Handler = Callable[[Rules, DrillState, Any], None]

HANDLERS: dict[type[ev.Event], Handler] = {
    ev.StageChanged: _stage,
    ev.TurnStarted: _turn,
    ev.OrderPlaced: _placed,
    ev.OrderWithdrawn: _withdrawn,
    ev.OrdersSubmitted: _submitted,
    ev.JointProposed: _proposed,
    ev.MessagePosted: _posted,
    ev.InjectReleased: _released,
    ev.InjectHeld: _held,
    ev.InjectSkipped: _skipped,
    ev.AdhocInjectAdded: _adhoc,
    ev.ContingencyQueued: _contingency,
    ev.InfoRevealed: _revealed,
    ev.InfoShared: _shared,
    ev.SectorChanged: _sector,
    ev.ResourceChanged: _resource,
    ev.ExposureChanged: _exposure,
    ev.GroupChanged: _group,
    ev.TrustChanged: _trust,
    ev.FlagChanged: _flag,
    ev.InstitutionEstablished: _institution,
    ev.PhaseChanged: _phase,
    ev.LinkAdded: _link,
    ev.OrderResolved: _resolved,
    ev.RequestCreated: _request,
    ev.RequestClosed: _request_closed,
    ev.DelayedQueued: _delayed,
    ev.DelayedApplied: _delayed_done,
    ev.ExpectationRated: _expectation,
    ev.FunctionalityRecorded: _recorded,
    ev.Overridden: _overridden,
    ev.DrillEnded: _ended,
}
"""How each type of event changes the state; `evolve` and `Emitter.emit` dispatch here."""


def evolve(rules: Rules, state: DrillState, event: ev.Event) -> None:
    """Apply one event to `state` in place."""
    HANDLERS[type(event)](rules, state, event)

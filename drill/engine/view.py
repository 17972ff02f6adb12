"""What one seat may see of a drill: the only way anything leaves the engine for a player."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from drill.engine import events as ev
from drill.engine.commands import FACILITATOR
from drill.engine.effects import addressees
from drill.engine.events import Order, RequestCreated
from drill.engine.rules import Rules
from drill.engine.state import Adhoc, DrillState
from drill.scenario.text import Text


@dataclass(frozen=True)
class InboxItem:
    """A released inject as its addressees see it (notes only for the facilitator)."""

    id: str
    turn: int
    sender: Text | None
    method: str
    title: Text | None
    text: Text
    to: tuple[str, ...]
    notes: Text | None = None


@dataclass(frozen=True)
class SeatView:
    """A seat's filtered picture of the drill."""

    seat: str
    stage: str
    turn: int
    turns: int
    phase: str
    ended: bool
    sectors: dict[str, float]
    exposure: dict[str, int]
    assisted: dict[str, int]
    affected: dict[str, int]
    trust: float
    institutions: tuple[str, ...]
    flags: tuple[str, ...]
    briefing: Text | None
    role_briefing: Text | None
    resources: dict[str, dict[str, int]]
    information: dict[str, Text]
    platform: tuple[str, ...]
    inbox: tuple[InboxItem, ...]
    messages: tuple[tuple[int, str, str], ...]
    orders: dict[str, tuple[Order, ...]]
    submitted: tuple[str, ...]
    requests: tuple[RequestCreated, ...]
    proposals: tuple[tuple[int, str, str, tuple[str, ...], str | None], ...]
    pending_injects: tuple[str, ...] = ()
    held: tuple[str, ...] = ()
    history: tuple[tuple[float, ...], ...] = field(default_factory=tuple)
    paused_from: str | None = None
    """While the drill is paused, the stage it will resume at."""
    released: dict[str, int] = field(default_factory=dict)
    """Facilitator only: every released inject (the MSEL's and ad-hoc ones) and its turn."""
    skipped: tuple[str, ...] = ()
    """Facilitator only: the injects dropped."""
    queued: tuple[str, ...] = ()
    """Facilitator only: contingency injects coming next turn."""
    adhoc: tuple[Adhoc, ...] = ()
    """Facilitator only: the facilitator's own injects, in the order they were added."""


def _sees(seat: str, roles: tuple[str, ...]) -> bool:
    return seat == FACILITATOR or seat in roles


def _inbox(rules: Rules, state: DrillState, seat: str) -> tuple[InboxItem, ...]:
    items = []
    for inject_id, turn in state.released.items():
        inject = rules.injects.get(inject_id)
        if inject is not None:
            to = addressees(rules, inject.to)
            notes = inject.notes if seat == FACILITATOR else None
            item = InboxItem(
                inject_id, turn, inject.sender, inject.method, inject.title, inject.text, to, notes
            )
        else:
            a = state.adhoc[inject_id]
            item = InboxItem(a.id, a.turn, None, a.method, a.title, a.text, a.to)
        if _sees(seat, item.to):
            items.append(item)
    return tuple(items)


def _known(rules: Rules, state: DrillState, seat: str) -> dict[str, Text]:
    if seat == FACILITATOR:
        return {i: item.text for i, item in rules.info.items()}
    return {i: rules.info[i].text for i in sorted(state.known[seat]) if i in rules.info}


def _pending(rules: Rules, state: DrillState) -> tuple[str, ...]:
    done = state.released.keys() | state.skipped
    return tuple(i for i in rules.injects if i not in done)


def view_for(rules: Rules, state: DrillState, seat: str) -> SeatView:
    """The drill as `seat` (a role id or 'facilitator') may see it."""
    boss = seat == FACILITATOR
    mine = rules.role_order if boss else (seat,)
    return SeatView(
        seat=seat,
        stage=state.stage,
        paused_from=state.paused_from,
        turn=state.turn,
        turns=rules.turns,
        phase=state.phase,
        ended=state.ended,
        sectors=dict(state.sectors),
        exposure=dict(state.exposure),
        assisted=dict(state.assisted),
        affected=dict(state.affected),
        trust=state.trust,
        institutions=tuple(state.institutions),
        flags=tuple(sorted(state.flags)),
        briefing=rules.scenario.briefing,
        role_briefing=None if boss else rules.scenario.role_briefings.get(seat),
        resources={r: dict(state.resources[r]) for r in mine},
        information=_known(rules, state, seat),
        platform=tuple(state.platform),
        inbox=_inbox(rules, state, seat),
        messages=tuple(state.messages),
        orders={r: tuple(state.orders[r]) for r in mine},
        submitted=tuple(sorted(state.submitted)),
        requests=tuple(
            r for r in state.requests.values() if boss or seat in (r.approver, r.order.role)
        ),
        proposals=tuple(p for p in state.proposals if boss or seat == p[1] or seat in p[3]),
        pending_injects=_pending(rules, state) if boss else (),
        held=tuple(sorted(state.held)) if boss else (),
        history=tuple(state.history),
        released=dict(state.released) if boss else {},
        skipped=tuple(sorted(state.skipped)) if boss else (),
        queued=tuple(state.queued) if boss else (),
        adhoc=tuple(state.adhoc.values()) if boss else (),
    )


def visible(event: ev.Event, seat: str, rules: Rules) -> bool:
    """Whether `seat` may see `event` in the drill's log."""
    if seat == FACILITATOR:
        return True
    if isinstance(event, ev.OrderPlaced):
        return event.order.role == seat
    if isinstance(event, ev.OrderWithdrawn | ev.OrdersSubmitted):
        return event.role == seat
    if isinstance(event, ev.InfoRevealed):
        return seat in event.roles
    if isinstance(event, ev.InfoShared):
        return seat in (event.by, event.to) or event.to == "platform"
    if isinstance(event, ev.InjectReleased):
        return seat in addressees(rules, rules.injects[event.inject].to)
    if isinstance(event, ev.AdhocInjectAdded):
        return seat in event.to
    if isinstance(event, ev.JointProposed):
        return seat == event.role or seat in event.to
    if isinstance(event, ev.RequestCreated):
        return seat in (event.approver, event.order.role)
    return not isinstance(
        event,
        ev.InjectHeld
        | ev.InjectSkipped
        | ev.ContingencyQueued
        | ev.Overridden
        | ev.ResourceChanged,
    ) or (isinstance(event, ev.ResourceChanged) and event.role == seat)


def log_for(rules: Rules, log: list[ev.Event], seat: str) -> list[ev.Event]:
    """The events of the log that `seat` may see, others' information needs left out."""
    return [_redacted(event, seat) for event in log if visible(event, seat, rules)]


def _redacted(event: ev.Event, seat: str) -> ev.Event:
    if isinstance(event, ev.OrderResolved) and seat not in (FACILITATOR, event.role):
        return replace(event, uses=())
    return event

"""The situation report of one resolved turn: what each order did, the hazard, the changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations

from drill.engine import events as ev
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.scenario.language import SELF, Effect
from drill.scenario.models import Phase

Slot = tuple[str, str]
"""What one hazard event changes: ('sector', id), ('exposure', zone), ('group', id), ..."""

_TAIL = (
    ev.PhaseChanged,
    ev.ExpectationRated,
    ev.ContingencyQueued,
    ev.RequestClosed,
    ev.FunctionalityRecorded,
    ev.DrillEnded,
    ev.StageChanged,
)


@dataclass(frozen=True)
class OrderOutcome:
    """What became of one order: done, failed, refused, requested or alone."""

    order: int
    role: str
    action: str
    target: str | None
    outcome: str
    reason: str
    joint: bool


@dataclass(frozen=True)
class Change:
    """A value before and after: of a sector, a zone's exposure ('exposure') or 'trust'."""

    id: str
    before: float
    after: float
    kind: str = "sector"

    @property
    def delta(self) -> float:
        """After minus before."""
        return self.after - self.before


@dataclass(frozen=True)
class GroupChange:
    """A vulnerable group's assisted and affected counts before and after."""

    id: str
    assisted: tuple[int, int]
    affected: tuple[int, int]


@dataclass(frozen=True)
class HazardImpact:
    """What the hazard phase did this turn; `factor` is None when it cannot be told apart."""

    phase: str
    factor: float | None
    mitigations: tuple[int, ...]
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class TurnReport:
    """Everything the situation report of a turn shows."""

    turn: int
    phase_before: str
    phase_after: str
    outcomes: tuple[OrderOutcome, ...]
    hazard: HazardImpact
    expectations: tuple[ev.ExpectationRated, ...]
    sectors: tuple[Change, ...]
    exposure: tuple[Change, ...]
    groups: tuple[GroupChange, ...]
    trust: Change
    institutions: tuple[ev.InstitutionEstablished, ...]
    requests: tuple[ev.RequestCreated, ...]
    released: tuple[str, ...]
    ended: bool


def turn_report(
    rules: Rules, before: DrillState, after: DrillState, events: list[ev.Event]
) -> TurnReport:
    """The report of the turn resolved from `before` to `after` by `events`."""
    return TurnReport(
        turn=after.turn,
        phase_before=before.phase,
        phase_after=after.phase,
        outcomes=_outcomes(before, events),
        hazard=hazard_impact(rules, before, events),
        expectations=tuple(e for e in events if isinstance(e, ev.ExpectationRated)),
        sectors=_changes(before.sectors, after.sectors, "sector"),
        exposure=_changes(before.exposure, after.exposure, "exposure"),
        groups=_groups(before, after),
        trust=Change("trust", before.trust, after.trust, "trust"),
        institutions=tuple(e for e in events if isinstance(e, ev.InstitutionEstablished)),
        requests=tuple(e for e in events if isinstance(e, ev.RequestCreated)),
        released=tuple(e.inject for e in events if isinstance(e, ev.InjectReleased)),
        ended=after.ended,
    )


def _outcomes(before: DrillState, events: list[ev.Event]) -> tuple[OrderOutcome, ...]:
    orders = {o.id: o for placed in before.orders.values() for o in placed}
    orders.update({r.order.id: r.order for r in before.requests.values()})
    out = []
    for e in events:
        if isinstance(e, ev.OrderResolved):
            order = orders.get(e.order)
            target = order.target or order.to if order is not None else None
            out.append(
                OrderOutcome(e.order, e.role, e.action, target, e.outcome, e.reason, e.joint)
            )
    return tuple(out)


def _changes(
    before: Mapping[str, float], after: Mapping[str, float], kind: str
) -> tuple[Change, ...]:
    return tuple(Change(k, float(before[k]), float(after[k]), kind) for k in before if k in after)


def _groups(before: DrillState, after: DrillState) -> tuple[GroupChange, ...]:
    return tuple(
        GroupChange(
            g, (before.assisted[g], after.assisted[g]), (before.affected[g], after.affected[g])
        )
        for g in before.assisted
    )


# --- the hazard's share of the turn ----------------------------------------------------


def _slots(rules: Rules, effect: Effect) -> list[Slot] | None:
    """The events one impact effect emits, or None when that cannot be known in advance."""
    if effect.sector is not None:
        return [("sector", effect.sector.id)]
    if effect.exposure is not None:
        return [("exposure", effect.exposure.zone)]
    if effect.trust is not None:
        return [("trust", "trust")]
    if effect.flag is not None:
        return [("flag", effect.flag.set or effect.flag.clear or "")]
    where = effect.assist or effect.affect
    if where is not None:
        if where.group is not None:
            return [("group", where.group)] if where.group in rules.groups else []
        return [("group", g) for g in rules.zone_groups.get(where.zone or "", ())]
    if effect.resource is not None:
        role = effect.resource.role
        return [] if role == SELF or role not in rules.roles else [("resource", role)]
    return None


def _slot_of(event: ev.Event) -> Slot | None:
    if isinstance(event, ev.SectorChanged):
        return ("sector", event.sector)
    if isinstance(event, ev.ExposureChanged):
        return ("exposure", event.zone)
    if isinstance(event, ev.TrustChanged):
        return ("trust", "trust")
    if isinstance(event, ev.FlagChanged):
        return ("flag", event.flag)
    if isinstance(event, ev.GroupChanged):
        return ("group", event.group)
    if isinstance(event, ev.ResourceChanged):
        return ("resource", event.role)
    return None


def _hazard_span(rules: Rules, phase: Phase, events: list[ev.Event]) -> tuple[int, int] | None:
    """Where the phase's impact events sit: just before the tail of the resolution."""
    slots: list[Slot] = []
    for effect in phase.impact:
        found = _slots(rules, effect)
        if found is None:
            return None
        slots.extend(found)
    end = len(events)
    while end > 0 and isinstance(events[end - 1], _TAIL):
        end -= 1
    start = end - len(slots)
    if start < 0 or [_slot_of(e) for e in events[start:end]] != slots:
        return None
    return start, end


def _phase_at(before: DrillState, events: list[ev.Event], index: int) -> str:
    phase = before.phase
    for event in events[:index]:
        if isinstance(event, ev.PhaseChanged):
            phase = event.phase
    return phase


def hazard_impact(rules: Rules, before: DrillState, events: list[ev.Event]) -> HazardImpact:
    """The phase that struck this turn, how strongly, which mitigations held, what it changed."""
    seen = [before.phase, *(e.phase for e in events if isinstance(e, ev.PhaseChanged))]
    for candidate in dict.fromkeys(seen):
        span = _hazard_span(rules, rules.phases[candidate], events)
        if span is not None and _phase_at(before, events, span[0]) == candidate:
            return _measured(rules.phases[candidate], before, events, span)
    return HazardImpact(before.phase, None, (), ())


def _measured(
    phase: Phase, before: DrillState, events: list[ev.Event], span: tuple[int, int]
) -> HazardImpact:
    sectors, exposure, trust = dict(before.sectors), dict(before.exposure), before.trust
    for event in events[: span[0]]:
        if isinstance(event, ev.SectorChanged):
            sectors[event.sector] = event.value
        elif isinstance(event, ev.ExposureChanged):
            exposure[event.zone] = event.value
        elif isinstance(event, ev.TrustChanged):
            trust = event.value
    changes: list[Change] = []
    factor: float | None = None
    nominal = [e for e in phase.impact if e.sector is not None]
    for event in events[span[0] : span[1]]:
        if isinstance(event, ev.SectorChanged):
            start = sectors[event.sector]
            changes.append(Change(event.sector, start, event.value))
            sectors[event.sector] = event.value
            factor = factor if factor is not None else _ratio(nominal, event, start)
        elif isinstance(event, ev.ExposureChanged):
            changes.append(Change(event.zone, exposure[event.zone], event.value, "exposure"))
            exposure[event.zone] = event.value
        elif isinstance(event, ev.TrustChanged):
            changes.append(Change("trust", trust, event.value, "trust"))
            trust = event.value
    return HazardImpact(phase.id, factor, _mitigations(phase, factor), tuple(changes))


def _ratio(nominal: list[Effect], event: ev.SectorChanged, start: float) -> float | None:
    delta = next(
        (e.sector.delta for e in nominal if e.sector is not None and e.sector.id == event.sector),
        0.0,
    )
    if delta == 0 or not 0 < event.value < 100:
        return None
    return (event.value - start) / delta


def _mitigations(phase: Phase, factor: float | None) -> tuple[int, ...]:
    """The mitigations whose factors multiply to `factor` (the largest such set)."""
    if factor is None:
        return ()
    indexes = range(len(phase.mitigations))
    for size in range(len(phase.mitigations), 0, -1):
        for chosen in combinations(indexes, size):
            product = 1.0
            for i in chosen:
                product *= phase.mitigations[i].factor
            if abs(product - factor) < 1e-3:
                return chosen
    return ()

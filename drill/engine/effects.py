"""Turn effects of the scenario language into events, emitted one by one onto a state."""

from __future__ import annotations

from drill.engine import events as ev
from drill.engine.conditions import holds
from drill.engine.evolve import HANDLERS
from drill.engine.immutable import immutable
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.scenario.language import SELF, TARGET, Effect, GroupCount


class Emitter:
    """Collects events and folds each into a working state as soon as it is emitted."""

    def __init__(self, rules: Rules, state: DrillState) -> None:
        self.rules, self.state = rules, state
        self.events: list[ev.Event] = []

    def emit(self, event: ev.Event) -> None:
        """Record `event` and apply it to the working state (as `evolve` would)."""
        HANDLERS[type(event)](self.rules, self.state, event)
        self.events.append(event)


@immutable
class Context:
    """Who caused the effects, at what, and how strongly (numeric scale)."""

    role: str | None = None
    target: str | None = None
    factor: float = 1.0


def scaled(value: float, factor: float) -> int:
    """Round `value * factor` half away from zero."""
    x = value * factor
    return int(x + 0.5) if x >= 0 else -int(-x + 0.5)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def apply_effects(em: Emitter, effects: list[Effect], ctx: Context) -> None:
    """Emit the events of each effect in order."""
    for effect in effects:
        apply_effect(em, effect, ctx)


def apply_effect(em: Emitter, effect: Effect, ctx: Context) -> None:
    """Emit the events of one effect."""
    s, f = em.state, ctx.factor
    if effect.sector is not None:
        sid = effect.sector.id
        value = s.sectors[sid] + effect.sector.delta * f
        em.emit(ev.SectorChanged(sid, round(_clamp(value, 0.0, 100.0), 6)))
    elif effect.resource is not None:
        _resource(em, effect, ctx)
    elif effect.exposure is not None:
        zone = _resolve(effect.exposure.zone, ctx)
        level = int(_clamp(s.exposure[zone] + scaled(effect.exposure.delta, f), 0, 5))
        em.emit(ev.ExposureChanged(zone, level))
    elif effect.assist is not None or effect.affect is not None:
        _groups(em, effect, ctx)
    elif effect.trust is not None:
        em.emit(ev.TrustChanged(round(_clamp(s.trust + effect.trust * f, 0.0, 100.0), 6)))
    elif effect.flag is not None:
        flag = effect.flag.set or effect.flag.clear or ""
        em.emit(ev.FlagChanged(flag, effect.flag.set is not None))
    else:
        _world(em, effect, ctx)


def _resolve(name: str, ctx: Context) -> str:
    return ctx.target if name == TARGET and ctx.target is not None else name


def _resource(em: Emitter, effect: Effect, ctx: Context) -> None:
    assert effect.resource is not None
    role = ctx.role if effect.resource.role == SELF else effect.resource.role
    if role is None or role not in em.state.resources:
        return
    stock = em.state.resources[role].get(effect.resource.id, 0)
    value = max(0, stock + scaled(effect.resource.delta, ctx.factor))
    em.emit(ev.ResourceChanged(role, effect.resource.id, value))


def _group_ids(em: Emitter, where: GroupCount, ctx: Context) -> tuple[str, ...]:
    if where.group is not None:
        group = _resolve(where.group, ctx)
        return (group,) if group in em.rules.groups else ()
    return em.rules.zone_groups.get(_resolve(where.zone or "", ctx), ())


def _groups(em: Emitter, effect: Effect, ctx: Context) -> None:
    where = effect.assist or effect.affect
    assert where is not None
    count = max(0, scaled(where.count, ctx.factor))
    for gid in _group_ids(em, where, ctx):
        size = em.rules.groups[gid].count
        assisted, affected = em.state.assisted[gid], em.state.affected[gid]
        if effect.assist is not None:
            assisted = min(size, assisted + count)
        else:
            affected = min(size, affected + count)
        em.emit(ev.GroupChanged(gid, assisted, affected))


def _world(em: Emitter, effect: Effect, ctx: Context) -> None:
    if effect.reveal is not None:
        to = effect.reveal.to
        roles = em.rules.role_order if to == "all" else tuple([to] if isinstance(to, str) else to)
        em.emit(ev.InfoRevealed(effect.reveal.info, roles))
    elif effect.release is not None:
        if effect.release not in em.state.released and effect.release not in em.state.skipped:
            release_inject(em, effect.release)
    elif effect.trigger is not None:
        fire_trigger(em, effect.trigger)
    elif effect.institution is not None and effect.institution not in em.state.institutions:
        em.emit(ev.InstitutionEstablished(effect.institution, ctx.role or ""))


def addressees(rules: Rules, to: list[str] | str | tuple[str, ...]) -> tuple[str, ...]:
    """The roles an inject goes to ('all' means every role)."""
    return rules.role_order if to == "all" else tuple(to)


def answer_turn(state: DrillState) -> int:
    """The first turn in which players can answer something released now."""
    return state.turn if state.stage == "orders" else state.turn + 1


def release_inject(em: Emitter, inject_id: str) -> None:
    """Release a scenario inject: reveal its information and apply its effects."""
    inject = em.rules.injects[inject_id]
    em.emit(ev.InjectReleased(inject_id, answer_turn(em.state)))
    roles = addressees(em.rules, inject.to)
    for info in inject.reveals:
        em.emit(ev.InfoRevealed(info, roles))
    apply_effects(em, inject.effects, Context())


def fire_trigger(em: Emitter, trigger: str) -> bool:
    """Move the hazard by `trigger` if a transition from the current phase allows it."""
    for move in em.rules.hazard.candidates(em.state.phase, trigger):
        if holds(em.rules, em.state, move.when):
            em.emit(ev.PhaseChanged(move.dest, trigger))
            return True
    return False

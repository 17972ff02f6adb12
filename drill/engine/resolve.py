"""Resolve a turn in the fixed order of docs/rules.md, emitting events onto a working copy."""

from __future__ import annotations

from itertools import combinations

from drill.engine import events as ev
from drill.engine.commands import PLATFORM
from drill.engine.conditions import holds
from drill.engine.effects import Context, Emitter, apply_effects
from drill.engine.events import Order
from drill.engine.orders import order_costs
from drill.engine.rng import draw
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.engine.timing import rate_expectations
from drill.scenario.models import Action, InfoItem

REQUEST_LIFETIME = 2


def resolve_turn(em: Emitter) -> None:
    """Resolve the current turn, emitting its events in order onto the emitter's state."""
    rules = em.rules
    em.emit(ev.StageChanged("resolution"))
    _due(em)
    granted = _approvals(em)
    ready = _costs(
        em, [(o, False) for o in _all_orders(rules, em.state)] + [(o, True) for o in granted]
    )
    _joint(em, [o for o in ready if rules.actions[o.action].joint is not None])
    _solo(em, [o for o in ready if rules.actions[o.action].joint is None])
    _hazard(em)
    _transitions(em)
    rate_expectations(em)
    _expire_requests(em)
    _record(em)
    if em.state.turn >= rules.turns or "end" in em.state.flags:
        em.emit(ev.DrillEnded(em.state.turn))
    em.emit(ev.StageChanged("sitrep"))


def _all_orders(rules: Rules, state: DrillState) -> list[Order]:
    return [order for role in rules.role_order for order in state.orders[role]]


def _resolved(em: Emitter, order: Order, outcome: str, reason: str = "") -> None:
    em.emit(
        ev.OrderResolved(order.id, order.role, order.action, outcome, em.state.turn, reason=reason)
    )


def _link(em: Emitter, a: str, b: str, why: str) -> None:
    pair = (a, b) if a < b else (b, a)
    if a != b and pair not in em.state.links:
        em.emit(ev.LinkAdded(pair[0], pair[1], why))


def _due(em: Emitter) -> None:
    for item in [d for d in em.state.delayed.values() if d.due <= em.state.turn]:
        action = em.rules.actions[item.action]
        em.emit(ev.DelayedApplied(item.id))
        apply_effects(em, action.effects, Context(item.role, item.target, item.factor))


def _approvals(em: Emitter) -> list[Order]:
    granted: list[Order] = []
    for order in _all_orders(em.rules, em.state):
        if em.rules.actions[order.action].kind != "approve" or order.request is None:
            continue
        request = em.state.requests.get(order.request)
        if request is None:
            _resolved(em, order, "refused", "request")
            continue
        if not _pay(em, order):
            continue
        _resolved(em, order, "done")
        em.emit(ev.RequestClosed(order.request, "approved", order.role))
        _link(em, order.role, request.order.role, "approval")
        granted.append(request.order)
    return granted


def _needs_request(em: Emitter, action: Action, order: Order, granted: bool) -> bool:
    approval = action.approval
    if approval is None or action.joint is not None or granted or approval.by == order.role:
        return False
    return not any(i in em.state.institutions for i in approval.waived_by)


def _costs(em: Emitter, orders: list[tuple[Order, bool]]) -> list[Order]:
    ready: list[Order] = []
    for order, granted in orders:
        action = em.rules.actions[order.action]
        if action.kind == "approve":
            continue
        if _needs_request(em, action, order, granted):
            assert action.approval is not None
            em.emit(ev.RequestCreated(em.state.next_id, order, action.approval.by, em.state.turn))
            _resolved(em, order, "requested")
        elif _pay(em, order):
            ready.extend(_exchange(em, order, action))
    return ready


def _pay(em: Emitter, order: Order) -> bool:
    costs = order_costs(em.rules, order)
    if not costs:
        return True
    stock = em.state.resources[order.role]
    for name, amount in costs.items():
        if stock.get(name, 0) < amount:
            _resolved(em, order, "refused", "no_resource")
            return False
    for name, amount in costs.items():
        em.emit(ev.ResourceChanged(order.role, name, stock.get(name, 0) - amount))
    return True


def _exchange(em: Emitter, order: Order, action: Action) -> list[Order]:
    if action.kind == "share" and order.info is not None and order.to is not None:
        em.emit(ev.InfoShared(order.info, order.role, order.to))
        receivers = em.rules.role_order if order.to == PLATFORM else (order.to,)
        for role in receivers:
            _link(em, order.role, role, "information")
    elif action.kind == "transfer" and order.resource is not None and order.to is not None:
        stock = em.state.resources[order.to].get(order.resource, 0)
        em.emit(ev.ResourceChanged(order.to, order.resource, stock + order.amount))
        _link(em, order.role, order.to, "transfer")
    else:
        return [order]
    _resolved(em, order, "done")
    return []


def _joint(em: Emitter, orders: list[Order]) -> None:
    groups: dict[tuple[str, str | None], list[Order]] = {}
    for order in orders:
        groups.setdefault((order.action, order.target), []).append(order)
    for (action_id, _), members in groups.items():
        action = em.rules.actions[action_id]
        assert action.joint is not None
        roles = {o.role for o in members if o.role in action.joint.roles}
        if len(roles) < action.joint.min:
            for order in members:
                _resolved(em, order, "alone", "partners")
            continue
        _carry_out(em, action, members, action.joint.bonus, joint=True)
        for a, b in combinations(sorted(roles), 2):
            _link(em, a, b, "joint")


def _solo(em: Emitter, orders: list[Order]) -> None:
    rank = {role: i for i, role in enumerate(em.rules.role_order)}
    actions = em.rules.actions
    orders.sort(key=lambda o: (-actions[o.action].priority, rank[o.role], o.id))
    for order in orders:
        _carry_out(em, actions[order.action], [order], 1.0, joint=False)


def _carry_out(
    em: Emitter, action: Action, orders: list[Order], factor: float, joint: bool
) -> None:
    needs = em.rules.needs.get(action.id)
    uses: tuple[tuple[str, bool], ...] = ()
    if needs:
        uses, weakened = _information(em, needs, orders, factor)
        if weakened is None:
            _refuse_uninformed(em, orders, joint, uses)
            return
        factor = weakened
    roll = draw(em.state.seed, em.state.draws) if action.chance < 1 else None
    success = roll is None or roll < action.chance
    outcome, turn = ("done" if success else "failed"), em.state.turn
    for i, order in enumerate(orders):
        first = roll if i == 0 else None
        em.emit(
            ev.OrderResolved(
                order.id, order.role, order.action, outcome, turn, joint, "", first, uses
            )
        )
    lead = orders[0]
    if not success:
        apply_effects(em, action.on_failure, Context(lead.role, lead.target))
    elif action.delay:
        delay = turn + action.delay
        em.emit(
            ev.DelayedQueued(em.state.next_id, delay, lead.role, action.id, lead.target, factor)
        )
    else:
        apply_effects(em, action.effects, Context(lead.role, lead.target, factor))


def _information(
    em: Emitter, needs: tuple[InfoItem, ...], orders: list[Order], factor: float
) -> tuple[tuple[tuple[str, bool], ...], float | None]:
    """Which needed items the ordering roles know, and the factor left (None: refused)."""
    known_by = [em.state.known[o.role] for o in orders]
    uses = []
    weakened: float | None = factor
    for item in needs:
        known = any(item.id in items for items in known_by)
        uses.append((item.id, known))
        if not known and item.missing == "refuse":
            weakened = None
        elif not known and weakened is not None:
            weakened *= item.weaken_factor
    return tuple(uses), weakened


def _refuse_uninformed(
    em: Emitter, orders: list[Order], joint: bool, uses: tuple[tuple[str, bool], ...]
) -> None:
    turn = em.state.turn
    for order in orders:
        em.emit(
            ev.OrderResolved(
                order.id, order.role, order.action, "refused", turn, joint, "info", None, uses
            )
        )
        _refund(em, order)


def _hazard(em: Emitter) -> None:
    phase = em.rules.phases[em.state.phase]
    factor = 1.0
    for mitigation in phase.mitigations:
        if holds(em.rules, em.state, mitigation.when):
            factor *= mitigation.factor
    apply_effects(em, phase.impact, Context(factor=factor))


def _transitions(em: Emitter) -> None:
    for move in em.rules.hazard.automatic(em.state.phase):
        if holds(em.rules, em.state, move.when):
            em.emit(ev.PhaseChanged(move.dest, move.trigger))
            return


def _expire_requests(em: Emitter) -> None:
    for request in list(em.state.requests.values()):
        if em.state.turn >= request.turn + REQUEST_LIFETIME:
            em.emit(ev.RequestClosed(request.request, "expired"))


def _record(em: Emitter) -> None:
    s = em.state
    values = tuple(s.sectors[sid] for sid in em.rules.sectors)
    assisted = tuple(s.assisted[gid] for gid in em.rules.groups)
    em.emit(ev.FunctionalityRecorded(s.turn, values, assisted))


def _refund(em: Emitter, order: Order) -> None:
    """Give back what a refused order paid: it did not happen."""
    stock = em.state.resources[order.role]
    for name, amount in order_costs(em.rules, order).items():
        if amount:
            em.emit(ev.ResourceChanged(order.role, name, stock.get(name, 0) + amount))

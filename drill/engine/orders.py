"""Whether a role may place an order now, and if not, why: costs, requirements, targets."""

from __future__ import annotations

from collections.abc import Mapping

from drill.engine.commands import PLATFORM, PlaceOrder
from drill.engine.conditions import describe, holds
from drill.engine.events import Order
from drill.engine.reasons import IllegalCommand
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.scenario.models import Action


def ap_cost(rules: Rules, state: DrillState, action: Action) -> int:
    """Action points the action costs now (an institution may discount it)."""
    discount = action.discount
    if discount is not None and discount.institution in state.institutions:
        return max(0, action.ap - discount.ap)
    return action.ap


def order_costs(rules: Rules, order: Order) -> dict[str, int]:
    """Resources an order uses: the action's cost plus what a transfer hands over."""
    costs = dict(rules.actions[order.action].cost)
    if order.resource is not None and order.amount > 0:
        costs[order.resource] = costs.get(order.resource, 0) + order.amount
    return costs


def ap_left(rules: Rules, state: DrillState, role: str) -> int:
    """Action points the role has not yet committed this turn."""
    used = sum(order.ap for order in state.orders[role])
    return rules.roles[role].action_points - used


def check_action(rules: Rules, state: DrillState, role: str, action: Action) -> int:
    """The points `action` costs `role` now, or IllegalCommand why it cannot (targets aside)."""
    if action.roles and role not in action.roles:
        raise IllegalCommand("role_cannot")
    if action.joint is not None and role not in action.joint.roles:
        raise IllegalCommand("role_cannot")
    if not action.repeatable and _ordered_before(state, role, action.id):
        raise IllegalCommand("once")
    if action.requires is not None and not holds(rules, state, action.requires):
        raise IllegalCommand("requires", detail=describe(action.requires))
    need, left = ap_cost(rules, state, action), ap_left(rules, state, role)
    if need > left:
        raise IllegalCommand("no_ap", need=need, left=left)
    _check_stock(rules, state, role, action.cost)
    return need


def _ordered_before(state: DrillState, role: str, action: str) -> bool:
    if any(o.action == action for o in state.orders[role]):
        return True
    if any(r.order.role == role and r.order.action == action for r in state.requests.values()):
        return True  # waiting for approval
    return (role, action) in state.taken_by


def _check_stock(rules: Rules, state: DrillState, role: str, need: Mapping[str, int]) -> None:
    """Refuse `need` if it exceeds what the role's orders of this turn leave of its stock."""
    stock, orders = state.resources[role], state.orders[role]
    for name, amount in need.items():
        left = stock.get(name, 0) - sum(order_costs(rules, o).get(name, 0) for o in orders)
        if amount > left:
            raise IllegalCommand("no_resource", resource=name, need=amount, left=left)


def check_order(rules: Rules, state: DrillState, role: str, cmd: PlaceOrder) -> Order:
    """The order `cmd` would place, or IllegalCommand saying why it cannot be placed."""
    action = rules.actions.get(cmd.action)
    if action is None:
        raise IllegalCommand("unknown_action", action=cmd.action)
    ap = check_action(rules, state, role, action)
    _check_target(rules, action, cmd.target)
    _check_kind(rules, state, role, action, cmd)
    return _order(state.next_id, role, action, ap, cmd)


def _order(ident: int, role: str, action: Action, ap: int, cmd: PlaceOrder) -> Order:
    """The order `cmd` places, keeping only the parameters its action's kind uses."""
    target = cmd.target if action.target else None
    if action.kind == "share":
        return Order(ident, role, action.id, ap, target, info=cmd.info, to=cmd.to)
    if action.kind == "transfer":
        return Order(
            ident, role, action.id, ap, target, to=cmd.to, resource=cmd.resource, amount=cmd.amount
        )
    if action.kind == "approve":
        return Order(ident, role, action.id, ap, target, request=cmd.request)
    return Order(ident, role, action.id, ap, target)


def _check_target(rules: Rules, action: Action, target: str | None) -> None:
    if action.target is None:
        return
    if target is None:
        raise IllegalCommand("target_missing", kind=action.target)
    known = rules.zones if action.target == "zone" else rules.groups
    if target not in known:
        raise IllegalCommand("target_unknown", kind=action.target, target=target)


def _check_kind(
    rules: Rules, state: DrillState, role: str, action: Action, cmd: PlaceOrder
) -> None:
    if action.kind == "share":
        if cmd.info is None or cmd.info not in state.known[role]:
            raise IllegalCommand("info_unknown", info=cmd.info or "")
        _check_receiver(rules, role, cmd.to, allow_platform=True)
    elif action.kind == "transfer":
        _check_receiver(rules, role, cmd.to, allow_platform=False)
        if cmd.resource is None or cmd.amount <= 0:
            raise IllegalCommand("amount")
        need = dict(action.cost)
        need[cmd.resource] = need.get(cmd.resource, 0) + cmd.amount
        _check_stock(rules, state, role, need)
    elif action.kind == "approve":
        request = state.requests.get(cmd.request) if cmd.request is not None else None
        if request is None or request.approver != role or _approving(state, role, cmd.request):
            raise IllegalCommand("request", request=cmd.request if cmd.request is not None else "")


def _check_receiver(rules: Rules, role: str, to: str | None, allow_platform: bool) -> None:
    ok = to in rules.roles and to != role
    if not ok and not (allow_platform and to == PLATFORM):
        raise IllegalCommand("receiver")


def _approving(state: DrillState, role: str, request: int | None) -> bool:
    return any(o.request == request for o in state.orders[role])

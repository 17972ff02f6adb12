"""The greedy team bot: approve, share, answer injects, act jointly, then do the most good."""

from __future__ import annotations

import random
from collections.abc import Sequence

from drill.engine.commands import PLATFORM, PlaceOrder, Submit
from drill.engine.drill import Table
from drill.engine.orders import ap_cost, ap_left, check_action
from drill.engine.reasons import IllegalCommand
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.scenario.models import Action


def attempt(drill: Table, command: PlaceOrder) -> bool:
    """Place the order if the rules allow it; say whether they did."""
    try:
        drill.execute(command)
    except IllegalCommand:
        return False
    return True


def can_take(drill: Table, role: str, action: Action) -> bool:
    """Whether `role` could order `action` now."""
    try:
        check_action(drill.rules, drill.state, role, action)
    except IllegalCommand:
        return False
    return True


def value(rules: Rules, state: DrillState, action: Action) -> float:
    """A rough worth of the action's effects now, per action point."""
    worth = 0.0
    for effect in action.effects:
        if effect.sector is not None:
            room = 100 - state.sectors.get(effect.sector.id, 100)
            weight = (
                rules.sectors[effect.sector.id].weight if effect.sector.id in rules.sectors else 0
            )
            worth += min(effect.sector.delta, room) * weight / rules.weight_total * 4
        worth += 2.0 * (effect.assist.count if effect.assist else 0)
        worth += -4.0 * (effect.exposure.delta if effect.exposure else 0)
        worth += 0.3 * (effect.trust or 0)
        if effect.institution is not None and effect.institution not in state.institutions:
            worth += 12
    if action.joint is not None:
        worth *= action.joint.bonus
    return worth * action.chance / max(1, ap_cost(rules, state, action))


def _target(rules: Rules, state: DrillState, action: Action) -> str | None:
    if action.target == "zone" and rules.zones:
        return max(rules.zones, key=lambda z: (state.exposure[z], z))
    if action.target == "group" and rules.groups:
        return min(rules.groups, key=lambda g: (state.assisted[g] / rules.groups[g].count, g))
    return None


def _approve(drill: Table, role: str) -> None:
    approve = [a for a in drill.rules.actions.values() if a.kind == "approve"]
    for request in sorted(drill.state.requests.values(), key=lambda r: r.request):
        if request.approver == role:
            for action in approve:
                attempt(drill, PlaceOrder(role, action.id, request=request.request))


def _share(drill: Table, role: str) -> None:
    rules, state = drill.rules, drill.state
    share = next(
        (a for a in rules.actions.values() if a.kind == "share" and can_take(drill, role, a)), None
    )
    if share is None:
        return
    for info in sorted(state.known[role]):
        item = rules.info.get(info)
        everyone = all(info in state.known[r] for r in rules.role_order)
        if item is not None and item.needed_by and not everyone and info not in state.platform:
            attempt(drill, PlaceOrder(role, share.id, info=info, to=PLATFORM))


def _answer(drill: Table, role: str) -> None:
    rules, state = drill.rules, drill.state
    for inject_id in state.released:
        inject = rules.injects.get(inject_id)
        for index, expected in enumerate(inject.expects if inject else ()):
            if (inject_id, index) in state.expectations or role not in expected.by:
                continue
            action = rules.actions[expected.action]
            if action.joint is None and can_take(drill, role, action):
                attempt(drill, PlaceOrder(role, action.id, target=_target(rules, state, action)))


def _joint(drill: Table, roles: Sequence[str]) -> None:
    rules, state = drill.rules, drill.state
    joint = [a for a in rules.actions.values() if a.joint is not None]
    joint.sort(key=lambda a: -value(rules, state, a))
    for action in joint:
        assert action.joint is not None
        able = [r for r in roles if r in action.joint.roles and can_take(drill, r, action)]
        if len(able) >= action.joint.min and value(rules, state, action) > 0:
            target = _target(rules, state, action)
            for role in able[: max(action.joint.min, 2)]:
                attempt(drill, PlaceOrder(role, action.id, target=target))


def _waits_for_approval(state: DrillState, role: str, action: Action) -> bool:
    """Whether ordering `action` would only ask another role for approval."""
    approval = action.approval
    if approval is None or approval.by == role:
        return False
    return not any(i in state.institutions for i in approval.waived_by)


def _fill(drill: Table, role: str) -> None:
    """Order the most valuable legal actions, best first, up to six orders.

    Values do not change while orders are placed (nothing resolves before the turn
    closes) and an order that became illegal stays illegal, so one pass over the
    actions sorted by value finds what picking the best legal action each time would.
    """
    rules, state = drill.rules, drill.state
    options = [a for a in rules.role_actions[role] if a.kind == "effect" and a.joint is None]
    ranked = sorted(((value(rules, state, a), a.id, a) for a in options), reverse=True)
    placed = 0
    for worth, _, action in ranked:
        if worth <= 0:
            return
        target = _target(rules, state, action)
        repeats = 1 if _waits_for_approval(state, role, action) else 6
        for _ in range(repeats):
            if placed >= 6 or ap_left(rules, state, role) <= 0:
                return
            if not attempt(drill, PlaceOrder(role, action.id, target=target)):
                break
            placed += 1


def greedy_policy(drill: Table, roles: Sequence[str], rng: random.Random) -> None:
    """Play `roles` as one thoughtful team, then submit their orders."""
    for role in roles:
        _approve(drill, role)
        _share(drill, role)
    for role in roles:
        _answer(drill, role)
    _joint(drill, roles)
    for role in roles:
        _fill(drill, role)
        drill.execute(Submit(role))

"""Bots that fill seats: `random` orders anything legal, `greedy` plays as a thoughtful team."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from drill.engine.commands import PLATFORM, PlaceOrder, Submit
from drill.engine.drill import Table
from drill.engine.greedy import attempt, greedy_policy
from drill.engine.orders import ap_cost, ap_left
from drill.scenario.models import Action

Policy = Callable[[Table, Sequence[str], random.Random], None]


def _params(drill: Table, role: str, action: Action, rng: random.Random) -> PlaceOrder:
    """An order of `action` with parameters drawn at random."""
    if action.target is not None:
        rules = drill.rules
        targets = rules.zones if action.target == "zone" else rules.groups
        return PlaceOrder(role, action.id, target=rng.choice(list(targets)) if targets else None)
    if action.kind == "share":
        known = sorted(drill.state.known[role])
        info = rng.choice(known) if known else None
        to = rng.choice([*_others(drill, role), PLATFORM])
        return PlaceOrder(role, action.id, info=info, to=to)
    if action.kind == "transfer":
        stock = sorted(name for name, amount in drill.state.resources[role].items() if amount > 0)
        resource = rng.choice(stock) if stock else None
        to = rng.choice(_others(drill, role))
        return PlaceOrder(role, action.id, to=to, resource=resource, amount=rng.randint(1, 5))
    if action.kind == "approve" and drill.state.requests:
        return PlaceOrder(role, action.id, request=rng.choice(sorted(drill.state.requests)))
    return PlaceOrder(role, action.id)


def _others(drill: Table, role: str) -> list[str]:
    """The roles other than `role`, in role order."""
    return [r for r in drill.rules.role_order if r != role]


def random_policy(drill: Table, roles: Sequence[str], rng: random.Random) -> None:
    """Each role places up to its action points in random legal orders, then submits."""
    for role in roles:
        _order_at_random(drill, role, rng)
        drill.execute(Submit(role))


def _order_at_random(drill: Table, role: str, rng: random.Random) -> None:
    """Draw among the role's affordable actions, dropping each one the rules refuse.

    This is rejection sampling: every legal action is equally likely, without checking
    each one first. Actions are priced once, as costs change only when a turn resolves;
    an accepted order takes one of the role's order slots and its price in action points.
    """
    rules, state = drill.rules, drill.state
    room = rules.roles[role].action_points - len(state.orders[role])
    left = ap_left(rules, state, role)
    options = [
        (a, cost) for a in rules.role_actions[role] if (cost := ap_cost(rules, state, a)) <= left
    ]
    while options and room > 0:
        index = rng.randrange(len(options))
        action, cost = options[index]
        if attempt(drill, _params(drill, role, action, rng)):
            room -= 1
            if cost:  # a free order leaves every option affordable
                left -= cost
                options = [o for o in options if o[1] <= left]
        else:
            del options[index]


POLICIES: dict[str, Policy] = {"random": random_policy, "greedy": greedy_policy}

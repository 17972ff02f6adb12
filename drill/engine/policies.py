"""Bots that fill seats: `random` orders anything legal, `greedy` plays as a thoughtful team."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from drill.engine.commands import PLATFORM, PlaceOrder, Submit
from drill.engine.drill import Drill
from drill.engine.greedy import attempt, can_take, greedy_policy
from drill.scenario.models import Action

Policy = Callable[[Drill, Sequence[str], random.Random], None]


def _open(drill: Drill, role: str) -> list[Action]:
    return [a for a in drill.rules.actions.values() if can_take(drill, role, a)]


def _params(drill: Drill, role: str, action: Action, rng: random.Random) -> PlaceOrder:
    rules, state = drill.rules, drill.state
    target = None
    if action.target == "zone" and rules.zones:
        target = rng.choice(list(rules.zones))
    elif action.target == "group" and rules.groups:
        target = rng.choice(list(rules.groups))
    others = [r for r in rules.role_order if r != role]
    known = sorted(state.known[role])
    stock = [name for name, amount in state.resources[role].items() if amount > 0]
    return PlaceOrder(
        role,
        action.id,
        target=target,
        info=rng.choice(known) if known else None,
        to=rng.choice([*others, PLATFORM]) if action.kind == "share" else rng.choice(others),
        resource=rng.choice(stock) if stock else None,
        amount=rng.randint(1, 5),
        request=rng.choice(sorted(state.requests)) if state.requests else None,
    )


def random_policy(drill: Drill, roles: Sequence[str], rng: random.Random) -> None:
    """Each role orders random legal actions until it runs out of options, then submits."""
    for role in roles:
        actions = _open(drill, role)
        for _ in range(8):
            if not actions:
                break
            index = rng.randrange(len(actions))
            if not attempt(drill, _params(drill, role, actions[index], rng)):
                del actions[index]
        drill.execute(Submit(role))


POLICIES: dict[str, Policy] = {"random": random_policy, "greedy": greedy_policy}

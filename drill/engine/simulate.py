"""Play complete drills with bots in every seat; the core of `drill simulate` and benchmarks."""

from __future__ import annotations

import random

from drill.engine.commands import FACILITATOR, Begin, Close, CloseTurn, End, StartTurn
from drill.engine.drill import Drill
from drill.engine.policies import Policy
from drill.engine.rules import Rules

TURN_GUARD = 1000


def play(rules: Rules, seed: int, policy: Policy) -> Drill:
    """One complete drill from the lobby to closed, every seat played by `policy`."""
    drill = Drill(rules, seed)
    rng = random.Random(seed)
    drill.execute(Begin(FACILITATOR))
    for _ in range(TURN_GUARD):
        if drill.state.ended:
            break
        drill.execute(StartTurn(FACILITATOR))
        policy(drill, rules.role_order, rng)
        drill.execute(CloseTurn(FACILITATOR))
    drill.execute(End(FACILITATOR))
    drill.execute(Close(FACILITATOR))
    return drill

"""Play complete drills with bots in every seat; the core of `drill simulate` and benchmarks."""

from __future__ import annotations

import random

from drill.engine.commands import FACILITATOR, Begin, Close, CloseTurn, End, StartTurn
from drill.engine.drill import Drill, Table
from drill.engine.policies import Policy
from drill.engine.rules import Rules

TURN_GUARD = 1000


def play(rules: Rules, seed: int, policy: Policy) -> Drill:
    """One complete drill from the lobby to closed, every seat played by `policy`."""
    drill = Drill(rules, seed)
    play_out(drill, seed, policy)
    return drill


def play_out(table: Table, seed: int, policy: Policy) -> None:
    """Play a drill at `table` from the lobby to closed, every seat played by `policy`."""
    rng = random.Random(seed)
    table.execute(Begin(FACILITATOR))
    for _ in range(TURN_GUARD):
        if table.state.ended:
            break
        table.execute(StartTurn(FACILITATOR))
        policy(table, table.rules.role_order, rng)
        table.execute(CloseTurn(FACILITATOR))
    table.execute(End(FACILITATOR))
    table.execute(Close(FACILITATOR))

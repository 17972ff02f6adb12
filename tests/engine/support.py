"""Hand-built rules for engine tests, and a drill with short helpers for driving it.

The default world (every number here is used by hand computations in the tests):

- roles, in role order: `gov` (government, 3 AP), `com` (2 AP), `org` (2 AP);
- one sector `housing` starting at 80 (weight 1), so Q(0) = 80;
- one zone `z1` with exposure 2, one group `elders` of 10 people in `z1`, deadline turn 2;
- resources: gov has funds 5, com has funds 1, org has nothing;
- a hazard with the single phase `calm` (no impact); 3 turns; seed 1.
"""

from __future__ import annotations

import copy
from typing import Any

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.commands import FACILITATOR
from drill.engine.drill import Drill
from drill.engine.reasons import IllegalCommand
from drill.engine.rules import Rules, compile_rules
from drill.scenario.models import Ruleset, Scenario

F = FACILITATOR

ROLES: list[dict[str, Any]] = [
    {"id": "gov", "label": "Government", "action_points": 3, "government": True},
    {"id": "com", "label": "Committee", "action_points": 2},
    {"id": "org", "label": "Organisation", "action_points": 2},
]

LIBRARY: list[dict[str, Any]] = [
    {"id": "fix", "label": "Fix", "ap": 1, "effects": [{"sector": {"id": "housing", "delta": 10}}]},
    {
        "id": "buy",
        "label": "Buy",
        "roles": ["gov"],
        "ap": 1,
        "cost": {"funds": 2},
        "effects": [{"sector": {"id": "housing", "delta": 5}}],
    },
    {
        "id": "big",
        "label": "Big",
        "roles": ["com"],
        "ap": 2,
        "effects": [{"sector": {"id": "housing", "delta": 20}}],
    },
    {"id": "once", "label": "Once", "repeatable": False, "effects": [{"trust": 1}]},
    {"id": "share", "label": "Share", "kind": "share", "ap": 0},
    {"id": "give", "label": "Give", "kind": "transfer", "ap": 1},
    {"id": "approve", "label": "Approve", "kind": "approve", "ap": 0, "roles": ["gov", "com"]},
    {
        "id": "help",
        "label": "Help",
        "target": "group",
        "effects": [{"assist": {"group": "$target", "count": 4}}],
    },
    {
        "id": "sandbag",
        "label": "Sandbag",
        "target": "zone",
        "joint": {"roles": ["gov", "com", "org"], "min": 2, "bonus": 1.5},
        "effects": [
            {"sector": {"id": "housing", "delta": 10}},
            {"exposure": {"zone": "$target", "delta": -1}},
        ],
    },
    {
        "id": "evacuate",
        "label": "Evacuate",
        "roles": ["com"],
        "target": "zone",
        "approval": {"by": "gov", "waived_by": ["pact"]},
        "effects": [{"assist": {"zone": "$target", "count": 5}}],
    },
    {
        "id": "sign_pact",
        "label": "Sign pact",
        "roles": ["com", "org"],
        "repeatable": False,
        "effects": [{"institution": "pact"}],
    },
    {
        "id": "storm_only",
        "label": "Storm only",
        "requires": {"phase": ["storm"]},
        "effects": [{"trust": 1}],
    },
]


def ruleset_data(
    roles: list[dict[str, Any]] | None = None,
    scoring: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The default test ruleset as plain data."""
    return {
        "id": "test",
        "title": "Test rules",
        "roles": copy.deepcopy(roles if roles is not None else ROLES),
        "actions": copy.deepcopy(LIBRARY),
        "institutions": [{"id": "pact", "label": "Pact"}],
        "scoring": scoring or {},
    }


def scenario_data(turns: int = 3, seed: int = 1) -> dict[str, Any]:
    """The default test scenario as plain data."""
    return {
        "meta": {"id": "t", "title": "T", "summary": "S", "hazard": "flood", "turns": turns},
        "ruleset": "test",
        "community": {
            "sectors": [{"id": "housing", "label": "Housing", "start": 80}],
            "zones": [{"id": "z1", "label": "Zone 1", "exposure": 2}],
            "groups": [
                {"id": "elders", "label": "Elders", "count": 10, "zone": "z1", "deadline": 2}
            ],
            "trust": 60,
        },
        "resources": {"gov": {"funds": 5}, "com": {"funds": 1}},
        "hazard": {"initial": "calm", "phases": [{"id": "calm", "label": "Calm"}]},
    }


def make_rules(
    *,
    turns: int = 3,
    roles: list[dict[str, Any]] | None = None,
    scoring: dict[str, Any] | None = None,
    **scenario: Any,
) -> Rules:
    """Compile the default world; keyword arguments replace top-level scenario keys.

    `sectors`, `zones`, `groups` replace parts of `community`; `phases`, `transitions`
    and `initial` replace parts of `hazard`.
    """
    data = scenario_data(turns)
    for key in ("sectors", "zones", "groups"):
        if key in scenario:
            data["community"][key] = scenario.pop(key)
    for key in ("phases", "transitions", "initial"):
        if key in scenario:
            data["hazard"][key] = scenario.pop(key)
    data.update(scenario)
    ruleset = Ruleset.model_validate(ruleset_data(roles, scoring))
    return compile_rules(ruleset, Scenario.model_validate(data))


class Game(Drill):
    """A drill with one-line helpers for the facilitator and the seats."""

    def fac(self, command: type[cmd.Command], *args: Any, **kwargs: Any) -> list[ev.Event]:
        """Execute a facilitator command."""
        return self.execute(command(F, *args, **kwargs))

    def begin_turn(self) -> list[ev.Event]:
        """Begin (if still in the lobby) and start the next turn."""
        if self.state.stage == "lobby":
            self.fac(cmd.Begin)
        return self.fac(cmd.StartTurn)

    def order(self, role: str, action: str, **params: Any) -> ev.Order:
        """Place an order and return it."""
        (placed,) = self.execute(cmd.PlaceOrder(role, action, **params))
        assert isinstance(placed, ev.OrderPlaced)
        return placed.order

    def close_turn(self) -> list[ev.Event]:
        """Resolve the turn."""
        return self.fac(cmd.CloseTurn)

    def turn(self, *orders: tuple[str, str] | tuple[str, str, dict[str, Any]]) -> list[ev.Event]:
        """Play one whole turn with `(role, action[, params])` orders; the resolution events."""
        self.begin_turn()
        for role, action, *params in orders:
            self.order(role, action, **(params[0] if params else {}))
        return self.close_turn()

    def refuse(self, command: cmd.Command) -> IllegalCommand:
        """Execute a command that must be refused; check that nothing changed."""
        before, log = self.state.clone(), list(self.log)
        try:
            self.execute(command)
        except IllegalCommand as refusal:
            assert self.state == before and self.log == log
            return refusal
        raise AssertionError(f"{command} was accepted")

    def code(self, command: cmd.Command) -> str:
        """The refusal code of a command that must be refused."""
        return self.refuse(command).refusal.code


def game(rules: Rules | None = None, seed: int = 1, **changes: Any) -> Game:
    """A new drill of `rules` (or of the default world with `changes`)."""
    return Game(rules if rules is not None else make_rules(**changes), seed)


def outcomes(events: list[ev.Event]) -> dict[int, str]:
    """Order id -> outcome of every OrderResolved in `events` (last one wins)."""
    return {e.order: e.outcome for e in events if isinstance(e, ev.OrderResolved)}


def of_type(events: list[ev.Event], kind: type[ev.Event]) -> list[Any]:
    """The events of one type."""
    return [e for e in events if isinstance(e, kind)]

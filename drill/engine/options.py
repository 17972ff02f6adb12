"""What a seat could order now: every action of its role, with the reason when it cannot."""

from __future__ import annotations

from dataclasses import dataclass

from drill.engine.orders import ap_cost, ap_left, check_action
from drill.engine.reasons import IllegalCommand, Refusal
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.scenario.models import Action


@dataclass(frozen=True)
class ActionOption:
    """One action of a role's library as the role sees it now."""

    action: Action
    ap: int
    refusal: Refusal | None

    @property
    def available(self) -> bool:
        """Whether the role may order this action now (targets aside)."""
        return self.refusal is None


def seat_refusal(rules: Rules, state: DrillState, role: str) -> Refusal | None:
    """Why the seat may not order now (not a role, wrong stage, already submitted), or None.

    The one answer to "may this seat order now?": the engine's decisions, the order form's
    options and the turn screen's keys all ask it.
    """
    if role not in rules.roles:
        return Refusal("not_a_role", {"seat": role})
    if state.stage != "orders":
        return Refusal("stage", {"stage": state.stage})
    if role in state.submitted:
        return Refusal("submitted")
    return None


def action_refusal(rules: Rules, state: DrillState, role: str, action: Action) -> Refusal | None:
    """Why `role` cannot order `action` now, or None when it can."""
    refusal = seat_refusal(rules, state, role)
    if refusal is not None:
        return refusal
    try:
        check_action(rules, state, role, action)
    except IllegalCommand as error:
        return error.refusal
    return None


def action_options(rules: Rules, state: DrillState, role: str) -> list[ActionOption]:
    """Every action the role's library holds, available ones first, each with its reason."""
    options = [
        ActionOption(a, ap_cost(rules, state, a), action_refusal(rules, state, role, a))
        for a in rules.role_actions[role]
    ]
    return sorted(options, key=lambda o: not o.available)


def action_points_left(rules: Rules, state: DrillState, role: str) -> int:
    """Action points the role has not yet committed this turn."""
    return ap_left(rules, state, role)

"""What can ever happen in a scenario, over-estimated without playing it: the basis of lint.

The analysis grows sets of things that *may* happen (phases reached, injects released,
flags set, items known, actions ordered and carried out) until nothing more is added.
Whatever is not in them can never happen, whichever choices the players make. Metric
comparisons and `not` are assumed to be satisfiable, so the estimate errs on "may".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from drill.scenario.crossref import PlacedAction
from drill.scenario.language import Condition, Effect
from drill.scenario.models import Action, Inject, PhaseTransition, Role, Ruleset, Scenario


def transition_sources(transition: PhaseTransition, phases: list[str]) -> list[str]:
    """The phases a transition leaves from ('*' is every phase)."""
    if transition.source == "*":
        return phases
    return [transition.source] if isinstance(transition.source, str) else list(transition.source)


@dataclass
class Possible:
    """Everything that may happen in some drill of the scenario."""

    phases: set[str] = field(default_factory=set)
    triggers: set[str] = field(default_factory=set)
    injects: set[str] = field(default_factory=set)
    flags: set[str] = field(default_factory=set)
    institutions: set[str] = field(default_factory=set)
    known: set[tuple[str, str]] = field(default_factory=set)
    ordered: set[tuple[str, str]] = field(default_factory=set)
    carried: set[tuple[str, str]] = field(default_factory=set)
    gained: set[str] = field(default_factory=set)

    def size(self) -> int:
        """How many facts are known to be possible (grows until the analysis is done)."""
        return sum(len(part) for part in vars(self).values())


class Reach:
    """The fixed point of what may happen, and why something never can."""

    def __init__(self, ruleset: Ruleset, scenario: Scenario, actions: dict[str, PlacedAction]):
        self.scenario = scenario
        self.roles: dict[str, Role] = {role.id: role for role in ruleset.roles}
        self.actions: dict[str, Action] = {name: p.action for name, p in actions.items()}
        self.phase_ids = [phase.id for phase in scenario.hazard.phases]
        self.stock = {role: dict(scenario.resources.get(role, {})) for role in self.roles}
        self.may = Possible()
        self._start()
        self._grow()

    # --- the fixed point ----------------------------------------------------------

    def _start(self) -> None:
        self.may.phases.add(self.scenario.hazard.initial)
        for item in self.scenario.information:
            self.may.known.update((role, item.id) for role in item.known_by)

    def _grow(self) -> None:
        while True:
            before = self.may.size()
            self._phases()
            self._injects()
            self._actions()
            self._consequences()
            if self.may.size() == before:
                return

    def _phases(self) -> None:
        for transition in self.scenario.hazard.transitions:
            if self.transition_block(transition) is None:
                sources = transition_sources(transition, self.phase_ids)
                if any(source in self.may.phases for source in sources):
                    self.may.phases.add(transition.dest)

    def _injects(self) -> None:
        for inject in self.scenario.injects:
            if self.timing_block(inject) is None:
                self.may.injects.add(inject.id)
            if inject.id in self.may.injects and inject.expects and inject.contingency:
                self.may.injects.add(inject.contingency)

    def _actions(self) -> None:
        for action in self.actions.values():
            for role in self.roles:
                if self.order_block(role, action) is None:
                    self.may.ordered.add((role, action.id))
        for action in self.actions.values():
            for role in self.roles:
                if self.carry_block(role, action) is None:
                    self.may.carried.add((role, action.id))

    def _consequences(self) -> None:
        for role, name in list(self.may.carried):
            action = self.actions[name]
            self._effects([*action.effects, *action.on_failure], role)
            if action.kind == "share":
                self._shared_by(role)
        for inject in self.scenario.injects:
            if inject.id in self.may.injects:
                to = list(self.roles) if inject.to == "all" else inject.to
                self.may.known.update((role, info) for info in inject.reveals for role in to)
                self._effects(inject.effects, None)
        for phase in self.scenario.hazard.phases:
            if phase.id in self.may.phases:
                self._effects(phase.impact, None)

    def _shared_by(self, role: str) -> None:
        items = {info for knower, info in self.may.known if knower == role}
        self.may.known.update((other, info) for info in items for other in self.roles)

    def _effects(self, effects: list[Effect], role: str | None) -> None:
        may = self.may
        for effect in effects:
            if effect.flag is not None and effect.flag.set is not None:
                may.flags.add(effect.flag.set)
            if effect.institution is not None:
                may.institutions.add(effect.institution)
            if effect.trigger is not None:
                may.triggers.add(effect.trigger)
            if effect.release is not None:
                may.injects.add(effect.release)
            if effect.resource is not None and effect.resource.delta > 0:
                may.gained.add(effect.resource.id)
            if effect.reveal is not None:
                to = effect.reveal.to
                roles = list(self.roles) if to == "all" else [to] if isinstance(to, str) else to
                may.known.update((r, effect.reveal.info) for r in roles if r in self.roles)

    # --- why something cannot happen -----------------------------------------------

    def condition_block(self, condition: Condition | None) -> str | None:
        """Why `condition` can never hold, or None if it may."""
        if condition is None:
            return None
        for check in (self._simple_block, self._record_block, self._nested_block):
            reason = check(condition)
            if reason is not None:
                return reason
        return None

    def _simple_block(self, c: Condition) -> str | None:
        turns = self.scenario.meta.turns
        if c.turn is not None and not any(c.turn.holds(t) for t in range(1, turns + 1)):
            return f"no turn of the drill (1–{turns}) matches its turn condition"
        if c.phase is not None and not set(c.phase) & self.may.phases:
            return "phase " + " / ".join(f"'{p}'" for p in c.phase) + " is never reached"
        if c.flag is not None and c.flag not in self.may.flags:
            return f"flag '{c.flag}' is never set by any effect"
        if c.institution is not None and c.institution not in self.may.institutions:
            return f"institution '{c.institution}' is never established"
        return None

    def _record_block(self, c: Condition) -> str | None:
        if c.action is not None:
            by = c.action.by or list(self.roles)
            if not any((role, c.action.id) in self.may.carried for role in by):
                who = f" by {', '.join(c.action.by)}" if c.action.by else ""
                return f"action '{c.action.id}' is never carried out{who}"
        if c.known is not None:
            by = [c.known.by] if c.known.by else list(self.roles)
            if not any((role, c.known.info) in self.may.known for role in by):
                who = f" by '{c.known.by}'" if c.known.by else ""
                return f"information '{c.known.info}' is never known{who}"
        return None

    def _nested_block(self, c: Condition) -> str | None:
        if c.all is not None:
            return next((r for r in map(self.condition_block, c.all) if r is not None), None)
        if c.any is not None:
            reasons = [self.condition_block(inner) for inner in c.any]
            if reasons and all(reasons):
                return " and ".join(r for r in reasons if r)
        return None

    def transition_block(self, transition: PhaseTransition) -> str | None:
        """Why a transition can never be taken, or None if it may."""
        if not transition.auto and transition.trigger not in self.may.triggers:
            return f"it is not automatic and no effect fires trigger '{transition.trigger}'"
        return self.condition_block(transition.when)

    def timing_block(self, inject: Inject) -> str | None:
        """Why an inject is never released on its own (by turn or condition), or None."""
        if inject.turn is not None:
            return None
        if inject.when is None:
            return "it has no 'turn' and no 'when'"
        reason = self.condition_block(inject.when)
        return None if reason is None else f"its 'when' never holds ({reason})"

    def order_block(self, role: str, action: Action) -> str | None:
        """Why `role` can never order `action`, or None if it may."""
        if action.roles and role not in action.roles:
            return f"'{role}' is not one of its roles"
        ap = action.ap
        if action.discount is not None and action.discount.institution in self.may.institutions:
            ap = max(0, ap - action.discount.ap)
        if ap > self.roles[role].action_points:
            points = self.roles[role].action_points
            return f"it costs {ap} action points, more than the {points} of '{role}'"
        reason = self.condition_block(action.requires)
        if reason is not None:
            return f"it requires what never happens: {reason}"
        return self._cost_block(role, action) or self._kind_block(role, action)

    def _cost_block(self, role: str, action: Action) -> str | None:
        transfer = any(self.actions[a].kind == "transfer" for _, a in self.may.carried)
        for name, amount in action.cost.items():
            own = self.stock[role].get(name, 0)
            total = sum(stock.get(name, 0) for stock in self.stock.values())
            if own >= amount or name in self.may.gained or (transfer and total >= amount):
                continue
            return f"it costs {amount} {name}, more than '{role}' can ever have"
        return None

    def _kind_block(self, role: str, action: Action) -> str | None:
        if action.kind == "share" and not any(knower == role for knower, _ in self.may.known):
            return f"there is nothing '{role}' ever knows to share"
        if action.kind == "approve":
            asked = any(a.approval and a.approval.by == role for a in self.actions.values())
            if not asked:
                return f"no action needs the approval of '{role}'"
        return None

    def carry_block(self, role: str, action: Action) -> str | None:
        """Why `role` can never carry out `action` (it may order it but it never happens)."""
        reason = self.order_block(role, action)
        if reason is not None:
            return reason
        if action.joint is not None:
            able = [r for r in action.joint.roles if (r, action.id) in self.may.ordered]
            if len(able) < action.joint.min:
                return f"it needs {action.joint.min} partners but only {len(able)} can order it"
        elif action.approval is not None and role != action.approval.by:
            reason = self._approval_block(action)
            if reason is not None:
                return reason
        return self._info_block(role, action)

    def _approval_block(self, action: Action) -> str | None:
        assert action.approval is not None
        by, waived = action.approval.by, action.approval.waived_by
        if any(name in self.may.institutions for name in waived):
            return None
        approves = [a for a in self.actions.values() if a.kind == "approve"]
        if any((by, a.id) in self.may.ordered for a in approves):
            return None
        return f"it needs the approval of '{by}', who can never approve"

    def _info_block(self, role: str, action: Action) -> str | None:
        for item in self.scenario.information:
            if action.id in item.needed_by and item.missing == "refuse":
                partners = action.joint.roles if action.joint else [role]
                if not any((r, item.id) in self.may.known for r in [role, *partners]):
                    return f"it is refused without '{item.id}', which never reaches '{role}'"
        return None

    # --- questions lint asks -----------------------------------------------------------

    def takers(self, action: str) -> list[str]:
        """The roles that may carry out `action`."""
        return [role for role in self.roles if (role, action) in self.may.carried]

    def effect_sources(self) -> Iterator[tuple[Action, list[Effect]]]:
        """Each action that may be carried out, with its effects (success and failure)."""
        for name, action in self.actions.items():
            if self.takers(name):
                yield action, [*action.effects, *action.on_failure]

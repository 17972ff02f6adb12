"""Lint: what is legal in a scenario but probably wrong, as positioned warnings (pure).

`lint(bundle)` reads a checked Bundle and never plays or executes anything. The final
phase of the hazard is the LAST phase listed in `hazard.phases`: it may have no way
out, and the drill must have enough turns to reach it from the initial phase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from drill.scenario.bundle import Bundle
from drill.scenario.capabilities import CAPABILITIES
from drill.scenario.crossref import PlacedAction, effective_actions
from drill.scenario.explain import did_you_mean
from drill.scenario.language import TARGET, Condition, Effect
from drill.scenario.lint_reach import Reach, transition_sources
from drill.scenario.models import Action, Group, Scenario
from drill.scenario.problems import Problem, sorted_problems
from drill.scenario.refs import Source
from drill.scenario.source import Loc


@dataclass(frozen=True)
class Linter:
    """One bundle being linted: its sources, actions in force and what may happen."""

    scenario: Scenario
    sc: Source
    actions: dict[str, PlacedAction]
    reach: Reach

    def warn(
        self, src: Source, loc: Loc, message: str, hint: str | None = None, key: bool = False
    ) -> Problem:
        """A warning at `loc` of `src`."""
        line, column = src.positions.key_at(loc) if key else src.positions.at(loc)
        return Problem(src.path, line, column, message, "warning", hint)


def lint(bundle: Bundle) -> list[Problem]:
    """Every warning about what the scenario allows but probably did not mean."""
    rs = Source(bundle.ruleset_path, bundle.ruleset_positions)
    sc = Source(bundle.scenario_path, bundle.scenario_positions)
    actions = effective_actions(bundle.ruleset, bundle.scenario, rs, sc)
    linter = Linter(bundle.scenario, sc, actions, Reach(bundle.ruleset, bundle.scenario, actions))
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(linter))
    return sorted_problems(problems)


# --- the hazard ------------------------------------------------------------------------


def unreachable_phases(lt: Linter) -> Iterator[Problem]:
    """Phases the hazard can never enter from the initial phase."""
    initial = lt.scenario.hazard.initial
    for index, phase in enumerate(lt.scenario.hazard.phases):
        if phase.id not in lt.reach.may.phases:
            message = f"phase '{phase.id}' can never be reached from the initial phase '{initial}'"
            hint = "add a transition into it whose trigger and 'when' can happen"
            yield lt.warn(lt.sc, ("hazard", "phases", index, "id"), message, hint)


def dead_end_phases(lt: Linter) -> Iterator[Problem]:
    """Reachable phases other than the final (last listed) one with no possible way out."""
    hazard = lt.scenario.hazard
    ids = [phase.id for phase in hazard.phases]
    exits = {
        source
        for transition in hazard.transitions
        if lt.reach.transition_block(transition) is None
        for source in transition_sources(transition, ids)
    }
    for index, phase in enumerate(hazard.phases[:-1]):
        if phase.id in lt.reach.may.phases and phase.id not in exits:
            message = f"phase '{phase.id}' has no way out: the hazard would stay in it forever"
            hint = f"add a transition from it, or list it last if it is the final phase ({ids[-1]})"
            yield lt.warn(lt.sc, ("hazard", "phases", index, "id"), message, hint)


def dead_transitions(lt: Linter) -> Iterator[Problem]:
    """Transitions that can never be taken."""
    for index, transition in enumerate(lt.scenario.hazard.transitions):
        reason = lt.reach.transition_block(transition)
        sources = transition_sources(transition, [p.id for p in lt.scenario.hazard.phases])
        if reason is None and not set(sources) & lt.reach.may.phases:
            reason = "the hazard never is in its source phase"
        if reason is not None:
            message = f"transition '{transition.trigger}' can never be taken: {reason}"
            yield lt.warn(lt.sc, ("hazard", "transitions", index, "trigger"), message)


def short_turn_limit(lt: Linter) -> Iterator[Problem]:
    """The drill ends before the hazard can reach its final phase."""
    scenario = lt.scenario
    final, turns = scenario.hazard.phases[-1].id, scenario.meta.turns
    earliest = earliest_turns(lt)
    if final in earliest and earliest[final] > turns:
        message = (
            f"the drill has {turns} turns but the final phase '{final}' cannot be reached "
            f"before the end of turn {earliest[final]}"
        )
        hint = "add turns or shorten the phase path"
        yield lt.warn(lt.sc, ("meta", "turns"), message, hint)


def earliest_turns(lt: Linter) -> dict[str, int]:
    """The earliest turn by whose end each phase can be current (0: the initial phase).

    An automatic move takes one turn; a move fired by an effect may happen at once.
    A transition whose condition is a turn bound cannot happen before that turn.
    """
    hazard = lt.scenario.hazard
    ids = [phase.id for phase in hazard.phases]
    best = {hazard.initial: 0}
    for _ in ids:
        for transition in hazard.transitions:
            if lt.reach.transition_block(transition) is not None:
                continue
            step = 0 if transition.trigger in lt.reach.may.triggers else 1
            floor = first_turn(transition.when, lt.scenario.meta.turns)
            for source in transition_sources(transition, ids):
                if source in best:
                    turn = max(best[source] + step, floor)
                    best[transition.dest] = min(best.get(transition.dest, turn), turn)
    return best


def first_turn(condition: Condition | None, turns: int) -> int:
    """The first turn a condition's turn bounds (alone or in an `all`) allow; 0 if none."""
    if condition is None:
        return 0
    if condition.turn is not None:
        compare = condition.turn
        return next((t for t in range(1, turns + 2) if compare.holds(t)), turns + 1)
    if condition.all is not None:
        return max((first_turn(inner, turns) for inner in condition.all), default=0)
    return 0


# --- injects, objectives ------------------------------------------------------------------


def unreleased_injects(lt: Linter) -> Iterator[Problem]:
    """Injects that nothing can ever release."""
    contingencies = {i.contingency for i in lt.scenario.injects if i.contingency}
    for index, inject in enumerate(lt.scenario.injects):
        if inject.id in lt.reach.may.injects:
            continue
        reason = lt.reach.timing_block(inject) or "its 'turn' or 'when' is never reached"
        if inject.id in contingencies:
            reason += ", and no inject naming it as contingency can miss a response"
        else:
            reason += ", and it is no inject's contingency and no effect releases it"
        message = f"inject '{inject.id}' can never be released: {reason}"
        hint = "give it a 'turn', a 'when', or release it from an effect"
        yield lt.warn(lt.sc, ("injects", index, "id"), message, hint)


def idle_contingencies(lt: Linter) -> Iterator[Problem]:
    """A contingency on an inject without expected responses is never released by it."""
    for index, inject in enumerate(lt.scenario.injects):
        if inject.contingency is not None and not inject.expects:
            message = (
                f"inject '{inject.id}' has a contingency but no expected responses, "
                f"so '{inject.contingency}' is never released by it"
            )
            yield lt.warn(lt.sc, ("injects", index, "contingency"), message)


def impossible_responses(lt: Linter) -> Iterator[Problem]:
    """Expected responses a listed role can never give."""
    for index, inject in enumerate(lt.scenario.injects):
        for number, expected in enumerate(inject.expects):
            placed = lt.actions.get(expected.action)
            if placed is None:
                continue
            where = ("injects", index, "expects", number)
            for position, role in enumerate(expected.by):
                reason = lt.reach.carry_block(role, placed.action)
                if reason is not None:
                    message = (
                        f"'{role}' is expected to answer '{inject.id}' with "
                        f"'{expected.action}' but never can: {reason}"
                    )
                    yield lt.warn(lt.sc, (*where, "by", position), message)


def objectives_without_responses(lt: Linter) -> Iterator[Problem]:
    """Objectives that no expected response rates, or only ones never released."""
    named: dict[str, list[str]] = {}
    for inject in lt.scenario.injects:
        for expected in inject.expects:
            named.setdefault(expected.objective, []).append(inject.id)
    for index, objective in enumerate(lt.scenario.objectives):
        injects = named.get(objective.id, [])
        loc = ("objectives", index, "id")
        if not injects:
            message = f"objective '{objective.id}' has no expected responses, so it is never rated"
            hint = "name it in the 'objective' of an inject's expected response"
            yield lt.warn(lt.sc, loc, message, hint)
        elif not any(inject in lt.reach.may.injects for inject in injects):
            message = f"objective '{objective.id}' is only rated by injects that are never released"
            yield lt.warn(lt.sc, loc, message)


def unknown_capabilities(lt: Linter) -> Iterator[Problem]:
    """Objectives whose capability is not one of the 32 HSEEP core capabilities."""
    for index, objective in enumerate(lt.scenario.objectives):
        capability = objective.capability
        if capability in CAPABILITIES:
            continue
        message = (
            f"objective '{objective.id}' names capability '{capability}', "
            "which is not one of the 32 HSEEP core capabilities"
        )
        hint = did_you_mean(capability, list(CAPABILITIES), show_all=0) or CAPABILITY_HINT
        yield lt.warn(lt.sc, ("objectives", index, "capability"), message, hint)


CAPABILITY_HINT = (
    "the 32 ids are listed in docs/scenario-format.md; "
    "an id of your own works, but has no Chinese name"
)


# --- information, actions, resources, groups -------------------------------------------


def idle_information(lt: Linter) -> Iterator[Problem]:
    """Information that nobody needs, or that nobody can ever know."""
    asked = set(_known_in_conditions(lt))
    for index, item in enumerate(lt.scenario.information):
        loc = ("information", index, "id")
        if not item.needed_by and item.id not in asked:
            message = f"information '{item.id}' is never needed: no action lists it in 'needed_by'"
            yield lt.warn(lt.sc, loc, message, "add the actions that need it to 'needed_by'")
        if not any(info == item.id for _, info in lt.reach.may.known):
            message = f"information '{item.id}' can never be known by anyone"
            hint = "add roles to 'known_by', or reveal it from an inject or an effect"
            yield lt.warn(lt.sc, loc, message, hint)


def _known_in_conditions(lt: Linter) -> Iterator[str]:
    scenario = lt.scenario
    conditions = [a.action.requires for a in lt.actions.values()]
    conditions += [i.when for i in scenario.injects]
    conditions += [t.when for t in scenario.hazard.transitions]
    conditions += [m.when for p in scenario.hazard.phases for m in p.mitigations]
    for condition in conditions:
        yield from _known_items(condition)


def _known_items(condition: Condition | None) -> Iterator[str]:
    if condition is None:
        return
    if condition.known is not None:
        yield condition.known.info
    for inner in [*(condition.all or []), *(condition.any or []), condition.not_]:
        yield from _known_items(inner)


def unavailable_actions(lt: Linter) -> Iterator[Problem]:
    """Actions in force that no role can ever carry out."""
    for placed in lt.actions.values():
        action = placed.action
        if lt.reach.takers(action.id):
            continue
        scenario = lt.scenario.meta.id
        message = f"action '{action.id}' can never be carried out in scenario '{scenario}': "
        message += _reasons_for_roles(lt, action)
        hint = None
        if placed.src.path != lt.sc.path:
            hint = "the scenario can change what it lacks, or redefine the action in its 'actions'"
        yield lt.warn(placed.src, (*placed.loc, "id"), message, hint)


def _reasons_for_roles(lt: Linter, action: Action) -> str:
    """One reason if every role that may take the action fails alike, else one per role."""
    eligible = [r for r in lt.reach.roles if not action.roles or r in action.roles]
    if not eligible:
        return "none of its roles exists"
    reasons = {role: lt.reach.carry_block(role, action) or "" for role in eligible}
    alike = {why.replace(f"'{role}'", ANY_ROLE) for role, why in reasons.items()}
    if len(alike) == 1:
        return alike.pop()
    return "; ".join(f"{role}: {why}" for role, why in reasons.items())


ANY_ROLE = "any role that may take it"


def unused_resources(lt: Linter) -> Iterator[Problem]:
    """Resources some role holds that no action costs and no effect or metric names."""
    used = set(_resources_named(lt))
    seen: set[str] = set()
    for role, stock in lt.scenario.resources.items():
        for name in stock:
            if name in used or name in seen:
                continue
            seen.add(name)
            message = f"resource '{name}' is never used: no action costs it, no effect changes it"
            hint = "remove it, or add an action whose 'cost' uses it"
            yield lt.warn(lt.sc, ("resources", role, name), message, hint, key=True)


def _resources_named(lt: Linter) -> Iterator[str]:
    for placed in lt.actions.values():
        action = placed.action
        yield from action.cost
        yield from _effect_resources([*action.effects, *action.on_failure])
        yield from _metric_resources(action.requires)
    scenario = lt.scenario
    for inject in scenario.injects:
        yield from _effect_resources(inject.effects)
        yield from _metric_resources(inject.when)
    for phase in scenario.hazard.phases:
        yield from _effect_resources(phase.impact)
        for mitigation in phase.mitigations:
            yield from _metric_resources(mitigation.when)
    for transition in scenario.hazard.transitions:
        yield from _metric_resources(transition.when)


def _effect_resources(effects: list[Effect]) -> Iterator[str]:
    return (effect.resource.id for effect in effects if effect.resource is not None)


def _metric_resources(condition: Condition | None) -> Iterator[str]:
    if condition is None:
        return
    if condition.metric is not None and condition.metric.name.startswith("resource."):
        yield condition.metric.name.split(".")[-1]
    for inner in [*(condition.all or []), *(condition.any or []), condition.not_]:
        yield from _metric_resources(inner)


def unassisted_groups(lt: Linter) -> Iterator[Problem]:
    """Vulnerable groups that no action that can happen ever assists."""
    sources = list(lt.reach.effect_sources())
    for index, group in enumerate(lt.scenario.community.groups):
        if not any(_assists(action, effects, group) for action, effects in sources):
            message = f"no action that can be carried out ever assists group '{group.id}'"
            hint = "its equity score will be 0; add an action with an 'assist' effect for it"
            yield lt.warn(lt.sc, ("community", "groups", index, "id"), message, hint)


def _assists(action: Action, effects: list[Effect], group: Group) -> bool:
    for effect in effects:
        where = effect.assist
        if where is None or where.count <= 0:
            continue
        if where.group == group.id or (where.group == TARGET and action.target == "group"):
            return True
        if group.zone is not None and (
            where.zone == group.zone or (where.zone == TARGET and action.target == "zone")
        ):
            return True
    return False


CHECKS = (
    unreachable_phases,
    dead_end_phases,
    dead_transitions,
    short_turn_limit,
    unreleased_injects,
    idle_contingencies,
    impossible_responses,
    objectives_without_responses,
    unknown_capabilities,
    idle_information,
    unavailable_actions,
    unused_resources,
    unassisted_groups,
)
"""Every lint check, in the order they are run."""

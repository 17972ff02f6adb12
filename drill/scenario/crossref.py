"""Cross-references between a ruleset and a scenario: every id named must exist, once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from drill.scenario.models import Action, Hazard, Inject, Ruleset, Scenario
from drill.scenario.problems import Problem
from drill.scenario.refs import Refs, Scope, Source
from drill.scenario.source import Loc, Positions
from drill.scenario.text import LocalText


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class PlacedAction:
    """An action in force for a scenario, with the file and place it was written in."""

    action: Action
    src: Source
    loc: Loc


def effective_actions(
    ruleset: Ruleset, scenario: Scenario | None, rs: Source, sc: Source | None
) -> dict[str, PlacedAction]:
    """Ruleset actions, then scenario actions (which replace ruleset actions of the same id)."""
    placed = {a.id: PlacedAction(a, rs, ("actions", i)) for i, a in enumerate(ruleset.actions)}
    if scenario is not None and sc is not None:
        for index, action in enumerate(scenario.actions):
            placed[action.id] = PlacedAction(action, sc, ("actions", index))
    return placed


def check_ruleset(ruleset: Ruleset, positions: Positions, path: str) -> list[Problem]:
    """Problems a ruleset has on its own: duplicate ids, unknown roles and institutions."""
    rs = Source(path, positions)
    actions = effective_actions(ruleset, None, rs, None)
    known: dict[str, Sequence[str] | None] = {
        "role": [role.id for role in ruleset.roles],
        "action": list(actions),
        "institution": [institution.id for institution in ruleset.institutions],
    }
    refs = Refs(known)
    _ruleset_ids(refs, ruleset, rs)
    for placed in actions.values():
        _action(refs, placed)
    return refs.problems


def check_references(
    ruleset: Ruleset,
    scenario: Scenario,
    ruleset_positions: Positions,
    scenario_positions: Positions,
    ruleset_path: str,
    scenario_path: str,
) -> list[Problem]:
    """Every problem of cross-reference between a ruleset and a scenario that uses it."""
    rs, sc = Source(ruleset_path, ruleset_positions), Source(scenario_path, scenario_positions)
    actions = effective_actions(ruleset, scenario, rs, sc)
    refs = Refs(_known(ruleset, scenario, actions))
    _ruleset_ids(refs, ruleset, rs)
    _scenario_ids(refs, scenario, sc)
    for placed in actions.values():
        _action(refs, placed)
    _scenario(refs, scenario, sc, actions)
    languages = scenario.meta.languages
    check_languages(refs, ruleset, rs, (), languages)
    check_languages(refs, scenario, sc, (), languages)
    if scenario.ruleset != ruleset.id:
        message = f"the scenario uses ruleset '{scenario.ruleset}' but was given '{ruleset.id}'"
        refs.add(sc, ("ruleset",), message)
    return refs.problems


def _known(
    ruleset: Ruleset, scenario: Scenario, actions: dict[str, PlacedAction]
) -> dict[str, Sequence[str] | None]:
    community, hazard = scenario.community, scenario.hazard
    institutions = [*ruleset.institutions, *scenario.institutions]
    return {
        "role": [role.id for role in ruleset.roles],
        "action": list(actions),
        "institution": [institution.id for institution in institutions],
        "sector": [sector.id for sector in community.sectors],
        "zone": [zone.id for zone in community.zones],
        "group": [group.id for group in community.groups],
        "information item": [item.id for item in scenario.information],
        "phase": [phase.id for phase in hazard.phases],
        "trigger": list(dict.fromkeys(t.trigger for t in hazard.transitions)),
        "inject": [inject.id for inject in scenario.injects],
        "objective": [objective.id for objective in scenario.objectives],
        "resource": sorted({name for stock in scenario.resources.values() for name in stock}),
    }


# --- duplicate ids ------------------------------------------------------------------


def _duplicates(refs: Refs, items: Sequence[_HasId], src: Source, loc: Loc, kind: str) -> None:
    first: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id not in first:
            first[item.id] = index
            continue
        line = src.positions.at((*loc, first[item.id], "id"))[0]
        message = f"duplicate {kind} id '{item.id}' (first at line {line})"
        refs.add(src, (*loc, index, "id"), message, "ids must be unique; rename one")


def _ruleset_ids(refs: Refs, ruleset: Ruleset, rs: Source) -> None:
    _duplicates(refs, ruleset.roles, rs, ("roles",), "role")
    _duplicates(refs, ruleset.actions, rs, ("actions",), "action")
    _duplicates(refs, ruleset.institutions, rs, ("institutions",), "institution")


def _scenario_ids(refs: Refs, scenario: Scenario, sc: Source) -> None:
    community = scenario.community
    _duplicates(refs, community.sectors, sc, ("community", "sectors"), "sector")
    _duplicates(refs, community.zones, sc, ("community", "zones"), "zone")
    _duplicates(refs, community.groups, sc, ("community", "groups"), "group")
    _duplicates(refs, scenario.information, sc, ("information",), "information item")
    _duplicates(refs, scenario.actions, sc, ("actions",), "action")
    _duplicates(refs, scenario.institutions, sc, ("institutions",), "institution")
    _duplicates(refs, scenario.hazard.phases, sc, ("hazard", "phases"), "phase")
    _duplicates(refs, scenario.injects, sc, ("injects",), "inject")
    _duplicates(refs, scenario.objectives, sc, ("objectives",), "objective")


# --- actions --------------------------------------------------------------------------


def _action(refs: Refs, placed: PlacedAction) -> None:
    action, src, loc = placed.action, placed.src, placed.loc
    _roles(refs, action.roles, src, (*loc, "roles"))
    if action.approval is not None:
        refs.check("role", action.approval.by, src, (*loc, "approval", "by"))
        for index, name in enumerate(action.approval.waived_by):
            refs.check("institution", name, src, (*loc, "approval", "waived_by", index))
    if action.joint is not None:
        _joint(refs, action, src, (*loc, "joint"))
    if action.discount is not None:
        refs.check(
            "institution", action.discount.institution, src, (*loc, "discount", "institution")
        )
    for name in action.cost:
        refs.check("resource", name, src, (*loc, "cost", name), key=True)
    if action.requires is not None:
        refs.condition(action.requires, src, (*loc, "requires"), Scope(action.target))
    scope = Scope(action.target, allow_self=True)
    refs.effects(action.effects, src, (*loc, "effects"), scope)
    refs.effects(action.on_failure, src, (*loc, "on_failure"), scope)


def _roles(refs: Refs, roles: Sequence[str], src: Source, loc: Loc) -> None:
    for index, role in enumerate(roles):
        refs.check("role", role, src, (*loc, index))


def _joint(refs: Refs, action: Action, src: Source, loc: Loc) -> None:
    joint = action.joint
    assert joint is not None
    _roles(refs, joint.roles, src, (*loc, "roles"))
    for index, role in enumerate(joint.roles):
        if action.roles and role not in action.roles:
            message = f"role '{role}' acts jointly in '{action.id}' but may not take it"
            refs.add(src, (*loc, "roles", index), message, f"add '{role}' to the action's roles")
    if joint.min > len(joint.roles):
        message = f"'min' is {joint.min} but only {len(joint.roles)} roles may act jointly"
        refs.add(src, (*loc, "min"), message)


# --- scenario ---------------------------------------------------------------------------


def _scenario(refs: Refs, scenario: Scenario, sc: Source, actions: dict[str, PlacedAction]) -> None:
    for index, group in enumerate(scenario.community.groups):
        if group.zone is not None:
            refs.check("zone", group.zone, sc, ("community", "groups", index, "zone"))
    for role in scenario.resources:
        refs.check("role", role, sc, ("resources", role), key=True)
    for role in scenario.role_briefings:
        refs.check("role", role, sc, ("role_briefings", role), key=True)
    for index, item in enumerate(scenario.information):
        _roles(refs, item.known_by, sc, ("information", index, "known_by"))
        for number, action in enumerate(item.needed_by):
            refs.check("action", action, sc, ("information", index, "needed_by", number))
    _hazard(refs, scenario.hazard, sc)
    for index, inject in enumerate(scenario.injects):
        _inject(refs, inject, sc, ("injects", index), scenario.meta.turns, actions)


def _hazard(refs: Refs, hazard: Hazard, sc: Source) -> None:
    refs.check("phase", hazard.initial, sc, ("hazard", "initial"))
    for index, phase in enumerate(hazard.phases):
        loc = ("hazard", "phases", index)
        refs.effects(phase.impact, sc, (*loc, "impact"), Scope())
        for number, mitigation in enumerate(phase.mitigations):
            refs.condition(mitigation.when, sc, (*loc, "mitigations", number, "when"), Scope())
    for index, transition in enumerate(hazard.transitions):
        loc = ("hazard", "transitions", index)
        if isinstance(transition.source, str):
            if transition.source != "*":  # '*' means every phase
                refs.check("phase", transition.source, sc, (*loc, "source"))
        else:
            for number, source in enumerate(transition.source):
                refs.check("phase", source, sc, (*loc, "source", number))
        refs.check("phase", transition.dest, sc, (*loc, "dest"))
        if transition.when is not None:
            refs.condition(transition.when, sc, (*loc, "when"), Scope())


def _inject(
    refs: Refs, inject: Inject, sc: Source, loc: Loc, turns: int, actions: dict[str, PlacedAction]
) -> None:
    if inject.turn is not None and inject.turn > turns:
        message = f"inject '{inject.id}' is due in turn {inject.turn}, after the last turn {turns}"
        refs.add(sc, (*loc, "turn"), message)
    if inject.to != "all":
        _roles(refs, inject.to, sc, (*loc, "to"))
    for index, info in enumerate(inject.reveals):
        refs.check("information item", info, sc, (*loc, "reveals", index))
    if inject.when is not None:
        refs.condition(inject.when, sc, (*loc, "when"), Scope())
    refs.effects(inject.effects, sc, (*loc, "effects"), Scope())
    for index, expected in enumerate(inject.expects):
        where = (*loc, "expects", index)
        refs.check("action", expected.action, sc, (*where, "action"))
        _roles(refs, expected.by, sc, (*where, "by"))
        refs.check("objective", expected.objective, sc, (*where, "objective"))
        _expected_roles_can_act(refs, actions.get(expected.action), expected.by, sc, where)
    if inject.contingency == inject.id:
        refs.add(sc, (*loc, "contingency"), f"inject '{inject.id}' is its own contingency")
    elif inject.contingency is not None:
        refs.check("inject", inject.contingency, sc, (*loc, "contingency"))


def _expected_roles_can_act(
    refs: Refs, placed: PlacedAction | None, by: Sequence[str], sc: Source, loc: Loc
) -> None:
    if placed is None or not placed.action.roles or set(by) & set(placed.action.roles):
        return
    action = placed.action
    message = f"none of the roles in 'by' may take action '{action.id}'"
    refs.add(sc, (*loc, "by"), message, "it is for: " + ", ".join(action.roles))


# --- languages ----------------------------------------------------------------------------


def check_languages(
    refs: Refs, value: Any, src: Source, loc: Loc, languages: Sequence[str]
) -> None:
    """Every {zh, en} text inside `value` must be given in each of `languages`."""
    if isinstance(value, LocalText):
        for language in languages:
            if getattr(value, language, None) is None:
                refs.add(
                    src, loc, f"text has no '{language}' version", "add it or use a plain text"
                )
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            check_languages(refs, getattr(value, name), src, (*loc, info.alias or name), languages)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_languages(refs, item, src, (*loc, index), languages)
    elif isinstance(value, dict):
        for key, item in value.items():
            check_languages(refs, item, src, (*loc, key), languages)

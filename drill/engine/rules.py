"""A scenario compiled with its ruleset: indexes and machines, built once and shared."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from drill.engine.machines import HazardMachine
from drill.scenario.models import (
    Action,
    Group,
    InfoItem,
    Inject,
    Institution,
    Objective,
    Phase,
    Role,
    Ruleset,
    Scenario,
    Sector,
    Zone,
)


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


T = TypeVar("T", bound=_HasId)


def _index(items: list[T]) -> dict[str, T]:
    return {item.id: item for item in items}


@dataclass(frozen=True)
class Rules:
    """Everything the engine needs to know about one scenario, indexed by id."""

    ruleset: Ruleset
    scenario: Scenario
    roles: dict[str, Role]
    actions: dict[str, Action]
    institutions: dict[str, Institution]
    sectors: dict[str, Sector]
    zones: dict[str, Zone]
    groups: dict[str, Group]
    info: dict[str, InfoItem]
    phases: dict[str, Phase]
    injects: dict[str, Inject]
    objectives: dict[str, Objective]
    hazard: HazardMachine
    role_order: tuple[str, ...]
    needs: dict[str, tuple[InfoItem, ...]] = field(default_factory=dict)
    zone_groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    weight_total: float = 1.0
    role_actions: dict[str, tuple[Action, ...]] = field(default_factory=dict)
    due_by_turn: dict[int, tuple[Inject, ...]] = field(default_factory=dict)
    """For each turn, in file order, the injects that may start it: due then, or conditional."""

    @property
    def turns(self) -> int:
        """The number of turns the scenario runs."""
        return self.scenario.meta.turns

    def functionality(self, sectors: dict[str, float]) -> float:
        """Q: the weighted mean functionality of the sectors."""
        total = sum(s.weight * sectors[s.id] for s in self.sectors.values())
        return total / self.weight_total


def compile_rules(ruleset: Ruleset, scenario: Scenario) -> Rules:
    """Index a validated ruleset and scenario and build the hazard machine."""
    actions = _index(ruleset.actions) | _index(scenario.actions)
    needs: dict[str, list[InfoItem]] = {}
    for item in scenario.information:
        for action in item.needed_by:
            needs.setdefault(action, []).append(item)
    zone_groups: dict[str, list[str]] = {}
    for group in scenario.community.groups:
        if group.zone is not None:
            zone_groups.setdefault(group.zone, []).append(group.id)
    sectors = _index(scenario.community.sectors)
    return Rules(
        ruleset=ruleset,
        scenario=scenario,
        roles=_index(ruleset.roles),
        actions=actions,
        institutions=_index(ruleset.institutions) | _index(scenario.institutions),
        sectors=sectors,
        zones=_index(scenario.community.zones),
        groups=_index(scenario.community.groups),
        info=_index(scenario.information),
        phases=_index(scenario.hazard.phases),
        injects=_index(scenario.injects),
        objectives=_index(scenario.objectives),
        hazard=HazardMachine(scenario.hazard),
        role_order=tuple(role.id for role in ruleset.roles),
        needs={k: tuple(v) for k, v in needs.items()},
        zone_groups={k: tuple(v) for k, v in zone_groups.items()},
        weight_total=sum(s.weight for s in sectors.values()),
        due_by_turn=_due_by_turn(scenario),
        role_actions={
            role.id: tuple(a for a in actions.values() if not a.roles or role.id in a.roles)
            for role in ruleset.roles
        },
    )


def _due_by_turn(scenario: Scenario) -> dict[int, tuple[Inject, ...]]:
    turns = range(1, scenario.meta.turns + 1)
    injects = scenario.injects
    return {t: tuple(i for i in injects if i.turn == t or i.when is not None) for t in turns}

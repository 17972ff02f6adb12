"""Checks that ids named in effects, conditions and metrics exist, with did-you-mean hints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from drill.scenario.explain import did_you_mean
from drill.scenario.language import SELF, TARGET, Condition, Effect, GroupCount
from drill.scenario.models import TargetKind
from drill.scenario.problems import Problem
from drill.scenario.source import Loc, Positions

METRIC_PARTS: dict[str, tuple[str, ...]] = {
    "functionality": (),
    "trust": (),
    "sector": ("sector",),
    "exposure": ("zone",),
    "assisted": ("group",),
    "affected": ("group",),
    "resource": ("role", "resource"),
}
"""Each metric name's first part and the kinds of id that follow it, dot-separated."""

_METRIC_FORMS = "functionality, trust, sector.<id>, exposure.<zone>, assisted.<group>, "
_METRIC_FORMS += "affected.<group>, resource.<role>.<resource>"


@dataclass(frozen=True)
class Source:
    """A file being checked: its path and where its values are."""

    path: str
    positions: Positions

    def problem(
        self, loc: Loc, message: str, hint: str | None = None, *, key: bool = False
    ) -> Problem:
        """A Problem at the value (or the map key, with `key`) at `loc`."""
        line, column = self.positions.key_at(loc) if key else self.positions.at(loc)
        return Problem(self.path, line, column, message, hint=hint)


@dataclass(frozen=True)
class Scope:
    """Which stand-ins an effect or condition may use where it appears."""

    target: TargetKind | None = None
    allow_self: bool = False


@dataclass
class Refs:
    """Known ids by kind (None: not checkable here) and the problems found so far."""

    known: Mapping[str, Sequence[str] | None]
    problems: list[Problem] = field(default_factory=list)

    def add(self, src: Source, loc: Loc, message: str, hint: str | None = None) -> None:
        """Record a problem at `loc` in `src`."""
        self.problems.append(src.problem(loc, message, hint))

    def check(self, kind: str, value: str, src: Source, loc: Loc, *, key: bool = False) -> None:
        """Record a problem unless `value` is a known id of `kind`."""
        names = self.known.get(kind)
        if names is None or value in names:
            return
        hint = did_you_mean(value, names) if names else f"no {kind} is defined"
        self.problems.append(src.problem(loc, f"unknown {kind} '{value}'", hint, key=key))

    def place(self, kind: TargetKind, value: str, src: Source, loc: Loc, scope: Scope) -> None:
        """Check a zone or group id, which may be `$target` in an action aimed at one."""
        if value != TARGET:
            self.check(kind, value, src, loc)
        elif scope.target != kind:
            message = f"'{TARGET}' stands for the {kind} an order aims at"
            self.add(src, loc, message, f"use it only in an action with 'target: {kind}'")

    def role(self, value: str, src: Source, loc: Loc, scope: Scope) -> None:
        """Check a role id, which may be `$self` in an action's effects."""
        if value != SELF:
            self.check("role", value, src, loc)
        elif not scope.allow_self:
            message = f"'{SELF}' (the acting role) only exists in an action's effects"
            self.add(src, loc, message, "name the role, e.g. 'role: government'")

    def effects(self, effects: Sequence[Effect], src: Source, loc: Loc, scope: Scope) -> None:
        """Check every effect of a list."""
        for index, effect in enumerate(effects):
            self.effect(effect, src, (*loc, index), scope)

    def effect(self, effect: Effect, src: Source, loc: Loc, scope: Scope) -> None:
        """Check the ids one effect names."""
        if effect.sector is not None:
            self.check("sector", effect.sector.id, src, (*loc, "sector", "id"))
        if effect.resource is not None:
            self.check("resource", effect.resource.id, src, (*loc, "resource", "id"))
            self.role(effect.resource.role, src, (*loc, "resource", "role"), scope)
        if effect.exposure is not None:
            self.place("zone", effect.exposure.zone, src, (*loc, "exposure", "zone"), scope)
        for name, count in (("assist", effect.assist), ("affect", effect.affect)):
            if count is not None:
                self._group_count(count, src, (*loc, name), scope)
        if effect.reveal is not None:
            self._reveal(effect.reveal.info, effect.reveal.to, src, (*loc, "reveal"))
        for kind, value, key in self._named_ids(effect):
            self.check(kind, value, src, (*loc, key))

    @staticmethod
    def _named_ids(effect: Effect) -> list[tuple[str, str, str]]:
        named = [
            ("inject", effect.release, "release"),
            ("trigger", effect.trigger, "trigger"),
            ("institution", effect.institution, "institution"),
        ]
        return [(kind, value, key) for kind, value, key in named if value is not None]

    def _group_count(self, count: GroupCount, src: Source, loc: Loc, scope: Scope) -> None:
        if count.group is not None:
            self.place("group", count.group, src, (*loc, "group"), scope)
        if count.zone is not None:
            self.place("zone", count.zone, src, (*loc, "zone"), scope)

    def _reveal(self, info: str, to: list[str] | str, src: Source, loc: Loc) -> None:
        self.check("information item", info, src, (*loc, "info"))
        if isinstance(to, str):
            if to != "all":
                self.check("role", to, src, (*loc, "to"))
            return
        for index, role in enumerate(to):
            self.check("role", role, src, (*loc, "to", index))

    def condition(self, condition: Condition, src: Source, loc: Loc, scope: Scope) -> None:
        """Check the ids one condition (and every condition inside it) names."""
        for index, phase in enumerate(condition.phase or []):
            self.check("phase", phase, src, (*loc, "phase", index))
        if condition.institution is not None:
            self.check("institution", condition.institution, src, (*loc, "institution"))
        if condition.metric is not None:
            self.metric(condition.metric.name, src, (*loc, "metric", "name"), scope)
        if condition.action is not None:
            self.check("action", condition.action.id, src, (*loc, "action", "id"))
            self._roles(condition.action.by or [], src, (*loc, "action", "by"))
        if condition.known is not None:
            self.check("information item", condition.known.info, src, (*loc, "known", "info"))
            if condition.known.by is not None:
                self.check("role", condition.known.by, src, (*loc, "known", "by"))
        for key in ("all", "any"):
            for index, inner in enumerate(getattr(condition, key) or []):
                self.condition(inner, src, (*loc, key, index), scope)
        if condition.not_ is not None:
            self.condition(condition.not_, src, (*loc, "not"), scope)

    def _roles(self, roles: Sequence[str], src: Source, loc: Loc) -> None:
        for index, role in enumerate(roles):
            self.check("role", role, src, (*loc, index))

    def metric(self, name: str, src: Source, loc: Loc, scope: Scope) -> None:
        """Check a metric name such as `sector.health` or `resource.government.funds`."""
        head, *ids = name.split(".")
        kinds = METRIC_PARTS.get(head)
        if kinds is None:
            hint = did_you_mean(head, list(METRIC_PARTS), show_all=0)
            hint = hint or f"metrics are: {_METRIC_FORMS}"
            self.add(src, loc, f"unknown metric '{name}'", hint)
            return
        if len(ids) != len(kinds):
            form = ".".join([head, *(f"<{kind}>" for kind in kinds)])
            self.add(src, loc, f"metric '{name}' should look like '{form}'")
            return
        for kind, value in zip(kinds, ids, strict=True):
            if value == TARGET:
                message = f"a metric cannot use '{TARGET}': conditions are checked before an order"
                self.add(src, loc, message + " names its target", f"name the {kind}")
            elif kind in ("zone", "group"):
                self.check(kind, value, src, loc)
            elif kind == "role":
                self.role(value, src, loc, Scope(scope.target, allow_self=False))
            else:
                self.check(kind, value, src, loc)

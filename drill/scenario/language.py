"""The small safe language of effects and conditions shared by rulesets and scenarios.

Each effect and each condition is a YAML map with exactly one key naming its kind.
Nothing here is ever evaluated as code; the engine interprets these models.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

TARGET = "$target"
"""Stands in an effect for the zone or group the order was aimed at."""

SELF = "$self"
"""Stands in a resource effect for the role that took the action."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _exactly_one(model: BaseModel, what: str) -> None:
    fields = type(model).model_fields
    given = [f.alias or n for n, f in fields.items() if getattr(model, n) is not None]
    if len(given) != 1:
        kinds = ", ".join(f.alias or n for n, f in fields.items())
        found = ", ".join(given) or "none"
        raise ValueError(f"{what} must have exactly one of: {kinds} (found: {found})")


# --- effects -----------------------------------------------------------------


class SectorDelta(_Strict):
    """Change the functionality (0-100) of one sector."""

    id: str
    delta: float


class ResourceDelta(_Strict):
    """Change a resource of a role (the acting role unless `role` says otherwise)."""

    id: str
    delta: int
    role: str = SELF


class ExposureDelta(_Strict):
    """Change the hazard exposure (0-5) of a zone."""

    zone: str
    delta: int


class GroupCount(_Strict):
    """People of a vulnerable group (or of every group in a zone) assisted or affected."""

    group: str | None = None
    zone: str | None = None
    count: int = Field(ge=0)

    @model_validator(mode="after")
    def _group_or_zone(self) -> GroupCount:
        if (self.group is None) == (self.zone is None):
            raise ValueError("name exactly one of 'group' or 'zone'")
        return self


class RevealInfo(_Strict):
    """Make an information item known to roles ('all' for every role)."""

    info: str
    to: list[str] | str = "all"


class FlagChange(_Strict):
    """Set or clear a named flag."""

    set: str | None = None
    clear: str | None = None

    @model_validator(mode="after")
    def _set_or_clear(self) -> FlagChange:
        if (self.set is None) == (self.clear is None):
            raise ValueError("name exactly one of 'set' or 'clear'")
        return self


class Effect(_Strict):
    """One change to the drill; exactly one key."""

    sector: SectorDelta | None = None
    resource: ResourceDelta | None = None
    exposure: ExposureDelta | None = None
    assist: GroupCount | None = None
    affect: GroupCount | None = None
    trust: float | None = None
    flag: FlagChange | None = None
    reveal: RevealInfo | None = None
    release: str | None = None
    trigger: str | None = None
    institution: str | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Effect:
        _exactly_one(self, "an effect")
        return self


# --- conditions --------------------------------------------------------------


class Compare(_Strict):
    """Numeric comparison; every bound given must hold."""

    eq: float | None = None
    lt: float | None = None
    lte: float | None = None
    gt: float | None = None
    gte: float | None = None

    @model_validator(mode="after")
    def _some_bound(self) -> Compare:
        if all(getattr(self, name) is None for name in ("eq", "lt", "lte", "gt", "gte")):
            raise ValueError("a comparison needs at least one of eq, lt, lte, gt, gte")
        return self

    def holds(self, value: float) -> bool:
        """Whether `value` satisfies every bound."""
        return (
            (self.eq is None or value == self.eq)
            and (self.lt is None or value < self.lt)
            and (self.lte is None or value <= self.lte)
            and (self.gt is None or value > self.gt)
            and (self.gte is None or value >= self.gte)
        )


class MetricCompare(Compare):
    """Compare a metric of the drill.

    Metric names: `sector.<id>`, `functionality` (weighted mean of sectors),
    `trust`, `exposure.<zone>`, `assisted.<group>`, `affected.<group>`,
    `resource.<role>.<resource>`.
    """

    name: str


class ActionTaken(_Strict):
    """An action has been taken (by any of `by`, or anyone)."""

    id: str
    by: list[str] | None = None


class InfoKnown(_Strict):
    """An information item is known by a role (or by anyone)."""

    info: str
    by: str | None = None


class Condition(_Strict):
    """A test on the drill; exactly one key."""

    turn: Compare | None = None
    phase: list[str] | None = None
    flag: str | None = None
    institution: str | None = None
    metric: MetricCompare | None = None
    action: ActionTaken | None = None
    known: InfoKnown | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _shorthands(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        if isinstance(data.get("phase"), str):
            data = {**data, "phase": [data["phase"]]}
        turn = data.get("turn")
        if isinstance(turn, int) and not isinstance(turn, bool):
            data = {**data, "turn": {"eq": turn}}
        return data

    @model_validator(mode="after")
    def _one_kind(self) -> Condition:
        _exactly_one(self, "a condition")
        return self

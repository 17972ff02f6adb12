"""Typed models of rulesets and scenarios (DESIGN §4); validation of single fields only.

Cross-references between ids are checked by `drill.scenario.crossref`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, model_validator

from drill.scenario.language import Condition, Effect
from drill.scenario.text import Lang, Text

FORMAT_VERSION = 1
Id = str


MAX_SEED = 2**63 - 1
"""Seeds are 0..2^63-1: what the drill database can store."""
MAX_TURNS = 60
"""The longest drill, in turns."""
MAX_WEIGHT = 1000
"""Weights above this would only drown the others; their size keeps scores finite."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


# --- ruleset -------------------------------------------------------------------


class Role(_Strict):
    """A seat at the table: one of the actors of community governance."""

    id: Id
    label: Text
    description: Text | None = None
    action_points: int = Field(ge=0, le=20)
    capabilities: list[str] = []
    government: bool = False


class Approval(_Strict):
    """Another role must approve the action unless one of the institutions exists."""

    by: Id
    waived_by: list[Id] = []


class JointForm(_Strict):
    """An action taken together: several roles order it in the same turn."""

    roles: list[Id]
    min: int = Field(default=2, ge=2)
    bonus: float = Field(default=1.5, ge=1.0, le=5.0)


class Discount(_Strict):
    """An institution that makes an action cheaper in action points."""

    institution: Id
    ap: int = Field(ge=1)


ActionKind = Literal["effect", "share", "transfer", "approve"]
TargetKind = Literal["zone", "group"]


class Action(_Strict):
    """One entry in the library of actions a role may order."""

    id: Id
    label: Text
    description: Text | None = None
    kind: ActionKind = "effect"
    roles: list[Id] = []
    ap: int = Field(default=1, ge=0, le=20)
    cost: dict[Id, int] = {}
    target: TargetKind | None = None
    requires: Condition | None = None
    approval: Approval | None = None
    joint: JointForm | None = None
    discount: Discount | None = None
    effects: list[Effect] = []
    chance: float = Field(default=1.0, gt=0.0, le=1.0)
    on_failure: list[Effect] = []
    delay: int = Field(default=0, ge=0, le=10)
    priority: int = 0
    repeatable: bool = True


class Institution(_Strict):
    """An agreement made during play (mutual-aid pact, delegated authority, ...)."""

    id: Id
    label: Text
    description: Text | None = None


class Weights(_Strict):
    """Weights of the score parts; a part with nothing to measure drops out."""

    response: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    information: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    joint: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    cohesion: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    self_organisation: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    coordination: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    recovery: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)
    equity: float = Field(default=1.0, ge=0, le=MAX_WEIGHT)


class Targets(_Strict):
    """Shares that earn full marks for the joint and self-organisation parts."""

    joint: float = Field(default=0.3, gt=0, le=1)
    self_organisation: float = Field(default=0.6, gt=0, le=1)


class Scoring(_Strict):
    """How a ruleset weighs and targets the scores."""

    weights: Weights = Weights()
    targets: Targets = Targets()


class Ruleset(_Strict):
    """Roles, the library of actions, institutions and scoring."""

    format: int = FORMAT_VERSION
    id: Id
    title: Text
    roles: list[Role] = Field(min_length=1)
    actions: list[Action] = []
    institutions: list[Institution] = []
    scoring: Scoring = Scoring()


# --- scenario ------------------------------------------------------------------


class Meta(_Strict):
    """What the scenario is and how long it runs."""

    id: Id
    title: Text
    summary: Text
    hazard: str
    languages: list[Lang] = ["zh", "en"]
    turns: int = Field(ge=1, le=MAX_TURNS)
    minutes_per_turn: int = Field(default=30, ge=1, le=1440)
    start_time: str = "08:00"
    seed: int = Field(default=1, ge=0, le=MAX_SEED)
    format: int = FORMAT_VERSION


class Sector(_Strict):
    """A function of the community with functionality 0-100."""

    id: Id
    label: Text
    start: float = Field(default=100, ge=0, le=100)
    weight: float = Field(default=1, gt=0, le=MAX_WEIGHT)


class Zone(_Strict):
    """A part of the community with a hazard exposure 0-5 and a map position."""

    id: Id
    label: Text
    exposure: int = Field(default=0, ge=0, le=5)
    position: tuple[int, int] = (0, 0)


class Group(_Strict):
    """A vulnerable group to be assisted by a deadline (turn)."""

    id: Id
    label: Text
    count: int = Field(ge=1, le=1_000_000)
    zone: Id | None = None
    deadline: int = Field(ge=1)


class Community(_Strict):
    """Sectors, zones, vulnerable groups and an optional text map."""

    sectors: list[Sector] = Field(min_length=1)
    zones: list[Zone] = []
    groups: list[Group] = []
    trust: float = Field(default=60, ge=0, le=100)
    map: Text | None = None


class InfoItem(_Strict):
    """A piece of information, private at start, that some actions need."""

    id: Id
    text: Text
    known_by: list[Id] = []
    needed_by: list[Id] = []
    missing: Literal["refuse", "weaken"] = "weaken"
    weaken_factor: float = Field(default=0.5, ge=0, le=1)


class Mitigation(_Strict):
    """Scales a phase's impact while its condition holds."""

    when: Condition
    factor: float = Field(ge=0, le=1)
    label: Text | None = None


class Phase(_Strict):
    """A state of the hazard with its impact every turn."""

    id: Id
    label: Text
    description: Text | None = None
    impact: list[Effect] = []
    mitigations: list[Mitigation] = []


class PhaseTransition(_Strict):
    """A move between hazard phases, by trigger (fired by effects) or automatically."""

    trigger: Id
    source: Id | list[Id]
    dest: Id
    when: Condition | None = None
    auto: bool = True


class Hazard(_Strict):
    """The hazard's phases and the transitions between them."""

    initial: Id
    phases: list[Phase] = Field(min_length=1)
    transitions: list[PhaseTransition] = []


class ExpectedResponse(_Strict):
    """What the facilitator expects after an inject (TARGETs method)."""

    action: Id
    by: list[Id] = Field(min_length=1)
    within: int = Field(default=1, ge=1, le=20)
    objective: Id


class Inject(_Strict):
    """One event of the master scenario events list (MSEL)."""

    id: Id
    turn: int | None = Field(default=None, ge=1)
    when: Condition | None = None
    sender: Text | None = Field(default=None, alias="from")
    to: list[Id] | Literal["all"] = "all"
    method: str = "platform"
    title: Text | None = None
    text: Text
    reveals: list[Id] = []
    effects: list[Effect] = []
    expects: list[ExpectedResponse] = []
    contingency: Id | None = None
    notes: Text | None = None

    model_config = ConfigDict(
        extra="forbid", frozen=True, populate_by_name=True, allow_inf_nan=False
    )

    @model_validator(mode="after")
    def _turn_or_when(self) -> Inject:
        if self.turn is not None and self.when is not None:
            raise ValueError("give either 'turn' or 'when', not both")
        return self


class Objective(_Strict):
    """An exercise objective, tied to an HSEEP core capability."""

    id: Id
    text: Text
    capability: str


class Scenario(_Strict):
    """A complete drill: metadata, community, resources, information, hazard, MSEL."""

    meta: Meta
    ruleset: str = "standard"
    community: Community
    resources: dict[Id, dict[Id, NonNegativeInt]] = {}
    information: list[InfoItem] = []
    actions: list[Action] = []
    institutions: list[Institution] = []
    hazard: Hazard
    injects: list[Inject] = []
    objectives: list[Objective] = []
    briefing: Text | None = None
    role_briefings: dict[Id, Text] = {}

"""The drill state: everything that changes during a drill, rebuilt by folding events."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from drill.engine.events import Order, RequestCreated
from drill.engine.immutable import immutable
from drill.engine.rules import Rules


@immutable
class Taken:
    """An order that was carried out: who, what, when, and whether jointly."""

    turn: int
    role: str
    action: str
    joint: bool


@immutable
class Delayed:
    """Effects of an action waiting for their turn."""

    id: int
    due: int
    role: str
    action: str
    target: str | None
    factor: float


@immutable
class Adhoc:
    """An inject the facilitator added during play."""

    id: str
    title: str
    text: str
    to: tuple[str, ...]
    method: str
    turn: int


@dataclass
class DrillState:
    """The mutable state of one drill; change it only through `evolve`."""

    seed: int
    stage: str = "lobby"
    paused_from: str | None = None
    turn: int = 0
    draws: int = 0
    phase: str = ""
    ended: bool = False
    sectors: dict[str, float] = field(default_factory=dict)
    exposure: dict[str, int] = field(default_factory=dict)
    assisted: dict[str, int] = field(default_factory=dict)
    affected: dict[str, int] = field(default_factory=dict)
    trust: float = 0.0
    flags: set[str] = field(default_factory=set)
    institutions: dict[str, str] = field(default_factory=dict)
    resources: dict[str, dict[str, int]] = field(default_factory=dict)
    known: dict[str, set[str]] = field(default_factory=dict)
    platform: list[str] = field(default_factory=list)
    released: dict[str, int] = field(default_factory=dict)
    held: set[str] = field(default_factory=set)
    skipped: set[str] = field(default_factory=set)
    queued: list[str] = field(default_factory=list)
    adhoc: dict[str, Adhoc] = field(default_factory=dict)
    orders: dict[str, list[Order]] = field(default_factory=dict)
    submitted: set[str] = field(default_factory=set)
    next_id: int = 1
    proposals: list[tuple[int, str, str, tuple[str, ...], str | None]] = field(default_factory=list)
    messages: list[tuple[int, str, str]] = field(default_factory=list)
    requests: dict[int, RequestCreated] = field(default_factory=dict)
    delayed: dict[int, Delayed] = field(default_factory=dict)
    taken: list[Taken] = field(default_factory=list)
    taken_by: set[tuple[str, str]] = field(default_factory=set)
    info_uses: list[tuple[str, str, bool]] = field(default_factory=list)
    shares: list[tuple[str, str, str]] = field(default_factory=list)
    links: set[tuple[str, str]] = field(default_factory=set)
    expectations: dict[tuple[str, int], tuple[str, str, int]] = field(default_factory=dict)
    history: list[tuple[float, ...]] = field(default_factory=list)
    assisted_history: list[tuple[int, ...]] = field(default_factory=list)
    overrides: list[tuple[int, str]] = field(default_factory=list)

    def clone(self) -> DrillState:
        """A copy that shares no mutable container with this state."""
        copied: dict[str, Any] = {name: set(getattr(self, name)) for name in _SET_FIELDS}
        copied |= {name: list(getattr(self, name)) for name in _LIST_FIELDS}
        copied |= {name: dict(getattr(self, name)) for name in _DICT_FIELDS}
        copied["resources"] = {role: dict(stock) for role, stock in self.resources.items()}
        copied["known"] = {role: set(items) for role, items in self.known.items()}
        copied["orders"] = {role: list(orders) for role, orders in self.orders.items()}
        return replace(self, **copied)


_SET_FIELDS = ("flags", "held", "skipped", "submitted", "taken_by", "links")
_LIST_FIELDS = (
    "platform",
    "queued",
    "proposals",
    "messages",
    "taken",
    "info_uses",
    "shares",
    "history",
    "assisted_history",
    "overrides",
)
_DICT_FIELDS = (
    "sectors",
    "exposure",
    "assisted",
    "affected",
    "institutions",
    "released",
    "adhoc",
    "requests",
    "delayed",
    "expectations",
)


def initial_state(rules: Rules, seed: int | None = None) -> DrillState:
    """The state before the first command: starting values from the scenario."""
    scenario = rules.scenario
    known: dict[str, set[str]] = {role: set() for role in rules.role_order}
    for item in scenario.information:
        for role in item.known_by:
            known[role].add(item.id)
    return DrillState(
        seed=scenario.meta.seed if seed is None else seed,
        phase=scenario.hazard.initial,
        sectors={s.id: float(s.start) for s in scenario.community.sectors},
        exposure={z.id: z.exposure for z in scenario.community.zones},
        assisted={g.id: 0 for g in scenario.community.groups},
        affected={g.id: 0 for g in scenario.community.groups},
        trust=float(scenario.community.trust),
        resources={role: dict(scenario.resources.get(role, {})) for role in rules.role_order},
        known=known,
        orders={role: [] for role in rules.role_order},
    )

"""Events: the facts a command produced. The drill state is the fold of its events."""

from __future__ import annotations

from drill.engine.immutable import immutable
from drill.scenario.language import Effect


@immutable
class Event:
    """Base of every event."""


@immutable
class StageChanged(Event):
    """The drill moved to another stage (lobby, briefing, orders, ...)."""

    stage: str
    paused_from: str | None = None


@immutable
class TurnStarted(Event):
    """A new turn began."""

    turn: int


@immutable
class Order:
    """One order of a seat in this turn."""

    id: int
    role: str
    action: str
    ap: int
    target: str | None = None
    info: str | None = None
    to: str | None = None
    resource: str | None = None
    amount: int = 0
    request: int | None = None


@immutable
class OrderPlaced(Event):
    """A seat placed an order (private to the seat and the facilitator)."""

    order: Order


@immutable
class OrderWithdrawn(Event):
    """A seat withdrew one of its orders."""

    role: str
    order: int


@immutable
class OrdersSubmitted(Event):
    """A seat submitted its orders."""

    role: str


@immutable
class JointProposed(Event):
    """A role invited others to a joint action."""

    role: str
    action: str
    to: tuple[str, ...]
    target: str | None
    turn: int


@immutable
class MessagePosted(Event):
    """A message on the community platform."""

    seat: str
    text: str
    turn: int


@immutable
class InjectReleased(Event):
    """An inject reached its addressees."""

    inject: str
    turn: int


@immutable
class InjectHeld(Event):
    """The facilitator kept a due inject back."""

    inject: str


@immutable
class InjectSkipped(Event):
    """The facilitator dropped an inject."""

    inject: str


@immutable
class AdhocInjectAdded(Event):
    """The facilitator added an inject of their own; released at once."""

    inject: str
    title: str
    text: str
    to: tuple[str, ...]
    method: str
    turn: int


@immutable
class ContingencyQueued(Event):
    """An expected response was missed; the contingency inject comes next turn."""

    inject: str


@immutable
class InfoRevealed(Event):
    """Roles came to know an information item."""

    info: str
    roles: tuple[str, ...]


@immutable
class InfoShared(Event):
    """A role shared an item with another role or on the platform."""

    info: str
    by: str
    to: str


@immutable
class SectorChanged(Event):
    """A sector's functionality changed to `value`."""

    sector: str
    value: float


@immutable
class ResourceChanged(Event):
    """A role's stock of a resource changed to `value`."""

    role: str
    resource: str
    value: int


@immutable
class ExposureChanged(Event):
    """A zone's exposure changed to `value`."""

    zone: str
    value: int


@immutable
class GroupChanged(Event):
    """A vulnerable group's assisted and affected counts changed."""

    group: str
    assisted: int
    affected: int


@immutable
class TrustChanged(Event):
    """Community trust changed to `value`."""

    value: float


@immutable
class FlagChanged(Event):
    """A flag was set or cleared."""

    flag: str
    on: bool


@immutable
class InstitutionEstablished(Event):
    """An institution now exists."""

    institution: str
    by: str


@immutable
class PhaseChanged(Event):
    """The hazard moved to another phase."""

    phase: str
    trigger: str


@immutable
class LinkAdded(Event):
    """Two roles worked together (for cohesion)."""

    a: str
    b: str
    why: str


@immutable
class OrderResolved(Event):
    """What became of an order: done, failed, refused, requested or alone (joint failed)."""

    order: int
    role: str
    action: str
    outcome: str
    turn: int
    joint: bool = False
    reason: str = ""
    roll: float | None = None
    uses: tuple[tuple[str, bool], ...] = ()


@immutable
class RequestCreated(Event):
    """An action waits for approval by another role."""

    request: int
    order: Order
    approver: str
    turn: int


@immutable
class RequestClosed(Event):
    """A request was approved (and carried out) or expired."""

    request: int
    outcome: str
    by: str = ""


@immutable
class DelayedQueued(Event):
    """Effects that take place at the start of resolution of a later turn."""

    id: int
    due: int
    role: str
    action: str
    target: str | None
    factor: float


@immutable
class DelayedApplied(Event):
    """Delayed effects took place."""

    id: int


@immutable
class ExpectationRated(Event):
    """An expected response was met on time, late, or missed."""

    inject: str
    index: int
    status: str
    role: str = ""
    turn: int = 0


@immutable
class FunctionalityRecorded(Event):
    """Functionality of every sector (in sector order) at the end of a turn."""

    turn: int
    values: tuple[float, ...]
    assisted: tuple[int, ...]


@immutable
class Overridden(Event):
    """The facilitator overrode the rules, with a reason."""

    reason: str
    effects: tuple[Effect, ...]
    turn: int


@immutable
class DrillEnded(Event):
    """The drill reached its end (turn limit or `end` flag)."""

    turn: int

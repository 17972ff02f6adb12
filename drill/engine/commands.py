"""Commands: what a seat asks the drill to do. Each carries the seat that sent it."""

from __future__ import annotations

from dataclasses import dataclass

from drill.scenario.language import Effect

FACILITATOR = "facilitator"
PLATFORM = "platform"


@dataclass(frozen=True, slots=True)
class Command:
    """Base of every command; `seat` is a role id or 'facilitator'."""

    seat: str


@dataclass(frozen=True, slots=True)
class Begin(Command):
    """Leave the lobby and show the briefings."""


@dataclass(frozen=True, slots=True)
class StartTurn(Command):
    """Start the next turn: release due injects, give every seat its action points."""


@dataclass(frozen=True, slots=True)
class PlaceOrder(Command):
    """Add one order to the seat's private orders of this turn."""

    action: str
    target: str | None = None
    info: str | None = None
    to: str | None = None
    resource: str | None = None
    amount: int = 0
    request: int | None = None


@dataclass(frozen=True, slots=True)
class WithdrawOrder(Command):
    """Remove one of the seat's own orders of this turn."""

    order: int


@dataclass(frozen=True, slots=True)
class Submit(Command):
    """Make the seat's orders final for this turn."""


@dataclass(frozen=True, slots=True)
class ProposeJoint(Command):
    """Invite other roles to join a joint action this turn."""

    action: str
    to: tuple[str, ...]
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Post(Command):
    """A message on the community platform, seen by every role."""

    text: str


@dataclass(frozen=True, slots=True)
class Release(Command):
    """Facilitator: release a pending (or held) inject now."""

    inject: str


@dataclass(frozen=True, slots=True)
class Hold(Command):
    """Facilitator: keep a due inject back until released."""

    inject: str


@dataclass(frozen=True, slots=True)
class Skip(Command):
    """Facilitator: drop an inject; it will never be released."""

    inject: str


@dataclass(frozen=True, slots=True)
class AddInject(Command):
    """Facilitator: an ad-hoc inject, released at once."""

    text: str
    to: tuple[str, ...] = ()
    method: str = "in_person"
    title: str = ""


@dataclass(frozen=True, slots=True)
class Pause(Command):
    """Facilitator: pause the drill."""


@dataclass(frozen=True, slots=True)
class Resume(Command):
    """Facilitator: resume where the drill was paused."""


@dataclass(frozen=True, slots=True)
class CloseTurn(Command):
    """Facilitator: resolve the turn and show the situation report."""


@dataclass(frozen=True, slots=True)
class Override(Command):
    """Facilitator: apply effects, with the reason recorded."""

    reason: str
    effects: tuple[Effect, ...] = ()


@dataclass(frozen=True, slots=True)
class End(Command):
    """Facilitator: go to the debrief (hot wash)."""


@dataclass(frozen=True, slots=True)
class Close(Command):
    """Facilitator: close the drill."""

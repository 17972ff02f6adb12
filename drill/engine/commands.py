"""Commands: what a seat asks the drill to do. Each carries the seat that sent it."""

from __future__ import annotations

from drill.engine.immutable import immutable
from drill.scenario.language import Effect

FACILITATOR = "facilitator"
PLATFORM = "platform"


@immutable
class Command:
    """Base of every command; `seat` is a role id or 'facilitator'."""

    seat: str


@immutable
class Begin(Command):
    """Leave the lobby and show the briefings."""


@immutable
class StartTurn(Command):
    """Start the next turn: release due injects, give every seat its action points."""


@immutable
class PlaceOrder(Command):
    """Add one order to the seat's private orders of this turn."""

    action: str
    target: str | None = None
    info: str | None = None
    to: str | None = None
    resource: str | None = None
    amount: int = 0
    request: int | None = None


@immutable
class WithdrawOrder(Command):
    """Remove one of the seat's own orders of this turn."""

    order: int


@immutable
class Submit(Command):
    """Make the seat's orders final for this turn."""


@immutable
class ProposeJoint(Command):
    """Invite other roles to join a joint action this turn."""

    action: str
    to: tuple[str, ...]
    target: str | None = None


@immutable
class Post(Command):
    """A message on the community platform, seen by every role."""

    text: str


@immutable
class Release(Command):
    """Facilitator: release a pending (or held) inject now."""

    inject: str


@immutable
class Hold(Command):
    """Facilitator: keep a due inject back until released."""

    inject: str


@immutable
class Skip(Command):
    """Facilitator: drop an inject; it will never be released."""

    inject: str


@immutable
class AddInject(Command):
    """Facilitator: an ad-hoc inject, released at once."""

    text: str
    to: tuple[str, ...] = ()
    method: str = "in_person"
    title: str = ""


@immutable
class Pause(Command):
    """Facilitator: pause the drill."""


@immutable
class Resume(Command):
    """Facilitator: resume where the drill was paused."""


@immutable
class CloseTurn(Command):
    """Facilitator: resolve the turn and show the situation report."""


@immutable
class Override(Command):
    """Facilitator: apply effects, with the reason recorded."""

    reason: str
    effects: tuple[Effect, ...] = ()


@immutable
class End(Command):
    """Facilitator: go to the debrief (hot wash)."""


@immutable
class Close(Command):
    """Facilitator: close the drill."""

"""Base classes of the app's screens and dialogs: typed access to the app, relabelling.

Attributes down, messages up: a screen reads the drill through the session's `DrillPort`
(views, options, scores) and asks for every change with a message the app handles.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar, cast

from textual import events, on
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import ModalScreen, Screen

from drill.engine.commands import Command
from drill.engine.rules import Rules
from drill.i18n import t
from drill.scenario.text import Lang
from drill.session.port import DrillPort

if TYPE_CHECKING:
    from drill.tui.app import DrillApp

R = TypeVar("R")


class DrillMixin:
    """What every screen of the app needs: the app, its language, the rules, the session."""

    HELP_KEY: ClassVar[str] = "help.general"
    """The catalogue key of this screen's help text (F1)."""

    class Execute(Message):
        """Run a command on the drill; then `then`, if it was applied (a refusal is shown)."""

        def __init__(self, command: Command, then: Callable[[], object] | None = None) -> None:
            super().__init__()
            self.command = command
            self.then = then

    @property
    def host(self) -> DrillApp:
        """The app that hosts the drill, typed."""
        return cast("DrillApp", cast(Screen[object], self).app)

    @property
    def lang(self) -> Lang:
        """The language of the UI now."""
        return self.host.lang

    @property
    def rules(self) -> Rules:
        """The compiled scenario of the drill."""
        rules = self.host.rules
        assert rules is not None
        return rules

    @property
    def session(self) -> DrillPort:
        """The drill being played, as screens may see it."""
        session = self.host.session
        assert session is not None
        return session

    def send(self, command: Command, then: Callable[[], object] | None = None) -> None:
        """Ask the app to run `command` (a message up); `then` runs if it was applied."""
        cast(Screen[object], self).post_message(self.Execute(command, then))

    def tr(self, key: str, **params: object) -> str:
        """The catalogue text of `key` in the app's language."""
        return t(key, self.lang, **params)


class DrillScreen(DrillMixin, Screen[None]):
    """A main screen; it is composed again when the language changes."""

    async def relabel(self) -> None:
        """Compose the screen again in the app's language (the app calls this)."""
        await self.recompose()
        self.relabelled()

    def relabelled(self) -> None:
        """Called after the screen was composed again in another language."""

    def refresh_drill(self) -> None:
        """Show the drill as it stands now (after a command or a worker finished)."""


class DrillDialog(DrillMixin, ModalScreen[R]):
    """A dialog over a screen; Escape closes it without an answer."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("f1", "app.help", "key.help"),
    ]

    _dismiss_later: tuple[R | None] | None = None

    def dismiss(self, result: R | None = None) -> AwaitComplete:
        """Close with `result`; if a notice is open above (a refusal, an error), once it closes.

        Textual's dismiss pops the top screen: called under a notice it would close the notice,
        answer for this dialog and leave it open, and every later dismiss would fail.
        """
        if self.is_active:
            self._dismiss_later = None
            return super().dismiss(result)
        if self in self.app.screen_stack:
            self._dismiss_later = (result,)
        done: AwaitComplete = AwaitComplete.nothing()  # type: ignore[no-untyped-call]
        return done

    @on(events.ScreenResume)
    def _close_when_on_top(self) -> None:
        if self._dismiss_later is not None:
            (result,) = self._dismiss_later
            self.dismiss(result)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)

"""Post a message on the community platform: every role sees it at once."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.engine.commands import Post
from drill.tui.base import DrillDialog

MAX_LENGTH = 500


class PostDialog(DrillDialog[bool]):
    """One line of text for the platform."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "key.cancel")]
    HELP_KEY = "help.post"

    def __init__(self, seat: str) -> None:
        super().__init__()
        self.seat = seat

    def compose(self) -> ComposeResult:
        """The field and the buttons."""
        with Vertical(classes="dialog -wide"):
            yield Static(self.tr("post.title"), classes="dialog-title")
            yield Static(self.tr("post.text"), classes="dialog-text")
            yield Input(
                placeholder=self.tr("post.placeholder"), max_length=MAX_LENGTH, id="message"
            )
            with Horizontal(classes="buttons"):
                yield Button(self.tr("post.send"), id="send", variant="success")
                yield Button(self.tr("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        """Type at once."""
        self.query_one("#message", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter sends."""
        self._send()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Send or cancel."""
        if event.button.id == "send":
            self._send()
        else:
            self.dismiss(False)

    def _send(self) -> None:
        text = self.query_one("#message", Input).value
        self.send(Post(self.seat, text), self._sent)

    def _sent(self) -> None:
        self.notify(self.tr("post.sent"))
        self.dismiss(True)

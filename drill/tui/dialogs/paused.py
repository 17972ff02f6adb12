"""The drill is paused: the timer stands still until the facilitator resumes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from drill.engine.commands import FACILITATOR, Resume
from drill.tui.base import DrillDialog


class PausedScreen(DrillDialog[None]):
    """Shown while paused; P or Enter resumes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "resume", "key.resume"),
        Binding("escape", "resume", "key.resume", show=False),
    ]
    HELP_KEY = "help.paused"
    AUTO_FOCUS = "#resume"

    def compose(self) -> ComposeResult:
        """A calm message and the Resume button."""
        with Vertical(classes="dialog", id="paused"):
            yield Static("⏸ " + self.tr("paused.title"), classes="dialog-title")
            yield Static(self.tr("paused.text"), classes="dialog-text")
            with Horizontal(classes="buttons"):
                yield Button(self.tr("paused.resume"), id="resume", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Resume."""
        self.action_resume()

    def action_resume(self) -> None:
        """Resume the drill where it was paused."""
        self.send(Resume(FACILITATOR), lambda: self.dismiss(None))

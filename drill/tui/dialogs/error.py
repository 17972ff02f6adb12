"""An unexpected error, said calmly: the drill is unchanged and play can go on."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from drill.tui.base import DrillDialog


class ErrorDialog(DrillDialog[None]):
    """Shows that something went wrong inside Drill, without a traceback."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "cancel", "key.close")]
    HELP_KEY = "help.error"
    AUTO_FOCUS = "#ok"

    def __init__(self, detail: str) -> None:
        super().__init__()
        self.detail = detail

    def compose(self) -> ComposeResult:
        """What happened, that the drill is safe, and the technical detail in one line."""
        with Vertical(classes="dialog -danger"):
            yield Static(self.tr("error.title"), classes="dialog-title")
            yield Static(self.tr("error.text"), classes="dialog-text")
            yield Static(self.detail[:300], classes="dialog-detail", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.tr("button.continue"), id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Back to the drill."""
        self.dismiss(None)

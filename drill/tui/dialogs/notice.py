"""A short message with one OK button: why something was refused, or what happened."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from drill.tui.base import DrillDialog


class NoticeDialog(DrillDialog[None]):
    """A message; Enter or Escape closes it and nothing else changes."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "cancel", "key.close")]
    HELP_KEY = "help.notice"
    AUTO_FOCUS = "#ok"

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        """Title, message and OK."""
        with Vertical(classes="dialog -notice"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.text, classes="dialog-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.tr("button.ok"), id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close."""
        self.dismiss(None)

"""A yes/no question before anything that cannot be undone (quit mid-drill, close early)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from drill.tui.base import DrillDialog


class ConfirmDialog(DrillDialog[bool]):
    """Asks a question; dismisses with True (yes) or False/None (no)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "cancel", "key.no"),
        ("y", "answer(True)", "key.yes"),
        ("n", "answer(False)", "key.no"),
    ]
    HELP_KEY = "help.confirm"
    AUTO_FOCUS = "#no"

    def __init__(self, title: str, text: str, danger: bool = False) -> None:
        super().__init__()
        self.title_text, self.text, self.danger = title, text, danger

    def compose(self) -> ComposeResult:
        """Question, explanation, and the two buttons (No focused, so Enter is safe)."""
        with Vertical(classes="dialog -danger" if self.danger else "dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.text, classes="dialog-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(
                    self.tr("button.yes"), id="yes", variant="error" if self.danger else "primary"
                )
                yield Button(self.tr("button.no"), id="no")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Answer with the button pressed."""
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer by key."""
        self.dismiss(yes)

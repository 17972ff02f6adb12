"""F1: what the current screen is for and every key it answers to."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from drill.tui.base import DrillDialog


class HelpScreen(DrillDialog[None]):
    """Help for one screen: its purpose in plain words, then its keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        ("escape", "cancel", "key.close"),
        ("f1", "cancel", "key.close"),
    ]
    HELP_KEY = "help.help"
    AUTO_FOCUS = "#ok"

    def __init__(self, key: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.key, self.keys = key, keys

    def compose(self) -> ComposeResult:
        """The screen's help text and a table of its keys."""
        with Vertical(classes="dialog -wide"):
            yield Static(self.tr("help.title"), classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Static(self.tr(self.key), classes="dialog-text", markup=False)
                yield Static(self.tr("help.keys"), classes="section-title")
                width = max((cell_len(k) for k, _ in self.keys), default=4) + 2
                lines = [f"{k}{' ' * (width - cell_len(k))}{d}" for k, d in self.keys]
                yield Static("\n".join(lines), id="help-keys", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.tr("button.close"), id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close."""
        self.dismiss(None)

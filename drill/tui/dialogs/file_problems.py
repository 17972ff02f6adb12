"""Why a scenario file cannot be used: each problem at its file position, with the fix."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from drill.scenario.problems import Problem
from drill.tui.base import DrillDialog

MAX_SHOWN = 50


class ProblemsDialog(DrillDialog[None]):
    """The validation errors of a scenario, one per line."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "cancel", "key.close")]
    HELP_KEY = "help.problems"
    AUTO_FOCUS = "#ok"

    def __init__(self, path: str, problems: list[Problem]) -> None:
        super().__init__()
        self.path, self.problems = path, problems

    def compose(self) -> ComposeResult:
        """Title, the problems in a scrolling list, and OK."""
        shown = self.problems[:MAX_SHOWN]
        with Vertical(classes="dialog -wide -danger"):
            yield Static(self.tr("problems.title"), classes="dialog-title")
            yield Static(
                self.tr("problems.text", path=self.path), classes="dialog-text", markup=False
            )
            with VerticalScroll(id="problems"):
                for problem in shown:
                    yield Static("✗ " + problem.format(), classes="problem", markup=False)
                if len(self.problems) > MAX_SHOWN:
                    more = len(self.problems) - MAX_SHOWN
                    yield Static(self.tr("problems.more", count=more), classes="problem")
            with Horizontal(classes="buttons"):
                yield Button(self.tr("button.ok"), id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Close."""
        self.dismiss(None)

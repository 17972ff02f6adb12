"""Choose a scenario: the ones shipped with Drill, or any file by its path."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from drill.tui.base import DrillScreen
from drill.tui.widgets.footer import KeyFooter


class PickerScreen(DrillScreen):
    """The bundled scenarios in a list, and a field for a path."""

    BINDINGS: ClassVar[list[BindingType]] = [("escape", "app.quit", "key.quit_app")]
    HELP_KEY = "help.picker"

    def compose(self) -> ComposeResult:
        """Heading, list of scenarios, path field, footer."""
        with Vertical(id="picker", classes="page"):
            yield Static(self.tr("picker.title"), classes="page-title")
            yield Static(self.tr("picker.intro"), classes="page-text")
            shelf = self.host.shelf
            options = [
                Option(f"{shelf.title(p, self.lang)}\n  [{p.name}]", id=str(p))
                for p in shelf.bundled()
            ]
            if not options:
                yield Static(self.tr("picker.none"), classes="page-text")
            yield OptionList(*options, id="scenarios", markup=False)
            yield Static(self.tr("picker.path"), classes="field-label")
            yield Input(placeholder=self.tr("picker.path_hint"), id="path")
        yield KeyFooter()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Open the chosen bundled scenario."""
        if event.option.id is not None:
            self.host.open_scenario(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Open the scenario at the path typed in (the path stays if it cannot be used)."""
        path = event.value.strip()
        if path:
            self.host.open_scenario(Path(path).expanduser())

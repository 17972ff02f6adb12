"""Replay of a kept drill: step forward and back through its turns; nothing can be changed."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from drill.i18n import CATALOGUE, t
from drill.scenario.text import Lang
from drill.session.replay import Replay
from drill.tui.keynames import key_display
from drill.tui.terminal import watch_terminal


class ReplayApp(App[None]):
    """A read-only look back at a kept drill, one turn at a time (its turns handed to it)."""

    TITLE = "Drill replay"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,p", "step(-1)", "replay.previous"),
        Binding("right,n", "step(1)", "replay.next"),
        Binding("home", "jump(0)", "replay.first"),
        Binding("end", "jump(-1)", "replay.last"),
        Binding("q,escape", "quit", "key.quit"),
    ]

    def __init__(self, replay: Replay, lang: Lang = "zh") -> None:
        super().__init__()
        self.replay, self.lang, self.index = replay, lang, 0
        keys = self._bindings.key_to_bindings
        for key, bindings in keys.items():  # the footer shows descriptions as they are
            keys[key] = [
                replace(b, description=t(b.description, lang)) if b.description in CATALOGUE else b
                for b in bindings
            ]

    def get_key_display(self, binding: Binding) -> str:
        """A key as the reader knows it, in the replay's language."""
        return key_display(binding, self.lang)

    def compose(self) -> ComposeResult:
        """A heading, the sectors and the events of the turn shown."""
        yield Static(id="heading")
        with VerticalScroll():
            yield Static(id="sectors")
            yield Static(id="moments")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first picture; stop if the terminal goes away."""
        watch_terminal(self, self.exit)
        self.show()

    def action_step(self, delta: int) -> None:
        """One turn forward or back."""
        self.index = max(0, min(len(self.replay.turns) - 1, self.index + delta))
        self.show()

    def action_jump(self, index: int) -> None:
        """The first or the last turn."""
        self.index = index % len(self.replay.turns)
        self.show()

    def show(self) -> None:
        """Fill the widgets with the turn at `index`."""
        shown, lang, count = self.replay.turns[self.index], self.lang, len(self.replay.turns)
        heading = (
            f"{t('report.drill', lang)} {self.replay.drill_id} — {self.replay.title} — "
            f"{t('report.turn', lang)} {shown.turn} — {shown.phase} — "
            f"{t('report.overall', lang)} {shown.overall:.1f}   ({self.index + 1}/{count})"
        )
        self.query_one("#heading", Static).update(heading)
        sectors = Table(t("report.axis.functionality", lang), "")
        for label, value in shown.sectors:
            sectors.add_row(label, f"{value:.0f}")
        self.query_one("#sectors", Static).update(sectors)
        moments = Table(t("report.event", lang), "", expand=True)
        for kind, text in shown.moments:
            moments.add_row(t(f"report.kind.{kind}", lang), text)
        self.query_one("#moments", Static).update(moments)

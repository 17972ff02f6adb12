"""The lobby: name the teams, seat people or bots in each role, choose language and mode."""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Input, Select, Static

from drill.scenario.text import pick
from drill.session.seats import SessionConfig
from drill.tui.base import DrillScreen
from drill.tui.widgets.footer import KeyFooter

PEOPLE = "people"
_NAMES = re.compile(r"[,，、;；]+")


class LobbyScreen(DrillScreen):
    """Everything chosen before the drill begins; each change is kept as it is typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "key.start", priority=True),
        Binding("escape", "back", "key.back"),
    ]
    HELP_KEY = "help.lobby"
    AUTO_FOCUS = "#lang"

    class Start(Message):
        """Begin the drill with the seats as chosen."""

    class Back(Message):
        """Back to the list of scenarios."""

    @property
    def setup(self) -> SessionConfig:
        """The choices being made."""
        setup = self.host.setup
        assert setup is not None
        return setup

    def compose(self) -> ComposeResult:
        """Scenario, language, mode and seed, then one row per role, then Start."""
        meta = self.rules.scenario.meta
        with VerticalScroll(id="lobby", classes="page"):
            yield Static(
                self.tr("lobby.title", title=pick(meta.title, self.lang)),
                classes="page-title",
                markup=False,
            )
            yield Static(pick(meta.summary, self.lang), classes="page-text", markup=False)
            with Horizontal(classes="lobby-choices"):
                yield from self._choices()
            hint = self.tr(f"mode.{self.setup.mode}_long")
            yield Static(hint, id="mode-hint", classes="hint", markup=False)
            yield Static(self.tr("lobby.seats"), classes="section-title")
            for role in self.rules.role_order:
                yield from self._seat_row(role)
            yield Button(self.tr("lobby.start"), id="start", variant="success")
        yield KeyFooter()

    def _choices(self) -> ComposeResult:
        with Vertical(classes="choice"):
            yield Static(self.tr("lobby.language"), classes="field-label")
            yield Select(
                [("中文", "zh"), ("English", "en")],
                value=self.lang,
                allow_blank=False,
                id="lang",
                compact=True,
            )
        with Vertical(classes="choice"):
            yield Static(self.tr("lobby.mode"), classes="field-label")
            modes = [
                (self.tr("mode.facilitated"), "facilitated"),
                (self.tr("mode.hotseat"), "hotseat"),
            ]
            yield Select(modes, value=self.setup.mode, allow_blank=False, id="mode", compact=True)
        with Vertical(classes="choice"):
            yield Static(self.tr("lobby.seed"), classes="field-label")
            yield Input(str(self.setup.seed), type="integer", id="seed", compact=True)
        with Vertical(classes="choice"):
            yield Static(self.tr("lobby.minutes"), classes="field-label")
            minutes = f"{self.setup.turn_minutes:g}"
            yield Input(minutes, type="integer", id="minutes", compact=True, max_length=3)

    def _seat_row(self, role: str) -> ComposeResult:
        seat = self.setup.seat(role)
        label = pick(self.rules.roles[role].label, self.lang)
        kinds = [
            (self.tr("lobby.people"), PEOPLE),
            (self.tr("lobby.bot_greedy"), "greedy"),
            (self.tr("lobby.bot_random"), "random"),
        ]
        with Vertical(classes="seat-row"):
            yield Static(label, classes="seat-label", markup=False)
            with Horizontal(classes="seat-fields"):
                yield Select(
                    kinds,
                    value=seat.bot or PEOPLE,
                    allow_blank=False,
                    id=f"kind-{role}",
                    compact=True,
                    classes="seat-kind",
                )
                yield Input(
                    seat.team,
                    placeholder=self.tr("lobby.team"),
                    id=f"team-{role}",
                    compact=True,
                    classes="seat-team",
                )
                yield Input(
                    ", ".join(seat.participants),
                    placeholder=self.tr("lobby.participants"),
                    id=f"people-{role}",
                    compact=True,
                    classes="seat-people",
                )

    def relabelled(self) -> None:
        """After a change of language, stay on the language choice."""
        self.query_one("#lang", Select).focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        """Keep a choice as soon as it is made."""
        ident, value = event.select.id or "", event.value
        if ident == "lang" and value in ("zh", "en") and value != self.lang:
            self.host.lang = "zh" if value == "zh" else "en"
            self.setup.lang = self.host.lang
        elif ident == "mode" and value in ("facilitated", "hotseat"):
            self.setup.mode = "hotseat" if value == "hotseat" else "facilitated"
            self.query_one("#mode-hint", Static).update(self.tr(f"mode.{self.setup.mode}_long"))
        elif ident.startswith("kind-") and isinstance(value, str):
            self.setup.seat(ident[5:]).bot = None if value == PEOPLE else value

    def on_input_changed(self, event: Input.Changed) -> None:
        """Keep what is typed as it is typed."""
        ident, value = event.input.id or "", event.value
        if ident == "seed":
            if re.fullmatch(r"-?\d{1,18}", value.strip()):
                self.setup.seed = int(value)
        elif ident == "minutes":
            if value.strip().isdigit() and 1 <= int(value) <= 180:
                self.setup.turn_minutes = float(value)
        elif ident.startswith("team-"):
            self.setup.seat(ident[5:]).team = value.strip()
        elif ident.startswith("people-"):
            names = [n.strip() for n in _NAMES.split(value) if n.strip()]
            self.setup.seat(ident[7:]).participants = names

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Start."""
        if event.button.id == "start":
            self.action_start()

    def action_start(self) -> None:
        """Begin the drill with these seats."""
        self.post_message(self.Start())

    def action_back(self) -> None:
        """Back to the list of scenarios."""
        self.post_message(self.Back())

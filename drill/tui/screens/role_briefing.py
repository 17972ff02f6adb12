"""One role's private briefing: what only this team knows and holds at the start."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from drill.scenario.text import pick
from drill.tui.base import DrillScreen
from drill.tui.widgets.footer import KeyFooter
from drill.tui.widgets.panels import marked
from drill.tui.words import resources_text, role_full


class RoleBriefingScreen(DrillScreen):
    """The private briefing, the role's description, resources and private information."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "done", "key.done_reading", priority=True),
    ]
    HELP_KEY = "help.role_briefing"

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role

    def compose(self) -> ComposeResult:
        """Title, briefing, what the role is, resources, what only it knows."""
        rules, lang, role = self.rules, self.lang, self.role
        view = self.session.view(role)
        spec = rules.roles[role]
        with VerticalScroll(id="role-briefing", classes="page -private"):
            yield Static(
                self.tr("role_briefing.title", role=role_full(rules, role, lang)),
                classes="page-title",
                markup=False,
            )
            yield Static(self.tr("private.banner"), classes="private-banner")
            yield Static(
                pick(view.role_briefing, lang) or pick(spec.description, lang),
                classes="page-text",
                markup=False,
            )
            yield Static(self.tr("role_briefing.resources"), classes="section-title")
            yield Static(
                resources_text(view.resources.get(role, {}), lang) or self.tr("word.none"),
                classes="page-text",
                markup=False,
            )
            yield Static(self.tr("role_briefing.known"), classes="section-title")
            for text in view.information.values():
                yield Static(marked("•", pick(text, lang)), classes="info-item")
            yield Static(self.tr("role_briefing.ap", ap=spec.action_points), classes="page-hint")
            with Horizontal(classes="buttons"):
                yield Button(self.tr("role_briefing.done"), id="done", variant="primary")
        yield KeyFooter()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Done reading."""
        self.action_done()

    def action_done(self) -> None:
        """Close the briefing (hot-seat: the next team's hand-over comes)."""
        self.dismiss(None)

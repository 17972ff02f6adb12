"""The public briefing: the situation everyone starts from, and the map of the community."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from drill.scenario.text import pick
from drill.tui.base import DrillScreen
from drill.tui.widgets.footer import KeyFooter
from drill.tui.words import role_label


class BriefingScreen(DrillScreen):
    """Read aloud or on screen; then each role's private briefing, then turn 1."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "continue", "key.continue", priority=True),
        Binding("1", "role(0)", "key.role_briefing", key_display="1-4"),
        Binding("2", "role(1)", "key.role_briefing", show=False),
        Binding("3", "role(2)", "key.role_briefing", show=False),
        Binding("4", "role(3)", "key.role_briefing", show=False),
    ]
    HELP_KEY = "help.briefing"

    class Read(Message):
        """The public briefing was read: go on."""

    class RoleBriefing(Message):
        """Show one role's private briefing."""

        def __init__(self, role: str) -> None:
            super().__init__()
            self.role = role

    def compose(self) -> ComposeResult:
        """Title, the public briefing, the map, and what comes next."""
        scenario = self.rules.scenario
        with VerticalScroll(id="briefing", classes="page"):
            yield Static(
                self.tr("briefing.title", title=pick(scenario.meta.title, self.lang)),
                classes="page-title",
                markup=False,
            )
            yield Static(
                pick(scenario.briefing, self.lang) or pick(scenario.meta.summary, self.lang),
                classes="page-text",
                markup=False,
            )
            if scenario.community.map is not None:
                yield Static(self.tr("briefing.map"), classes="section-title")
                yield Static(
                    pick(scenario.community.map, self.lang), classes="text-map", markup=False
                )
            yield Static(self._next_text(), classes="page-hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.tr("briefing.continue"), id="continue", variant="success")
        yield KeyFooter()

    def _next_text(self) -> str:
        if self.host.flow.hotseat:
            return self.tr("briefing.next_hotseat")
        roles = "  ".join(
            f"{i + 1} {role_label(self.rules, r, self.lang)}"
            for i, r in enumerate(self.rules.role_order[:4])
        )
        return self.tr("briefing.next_facilitated", roles=roles)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Private briefings are shown here only in facilitated mode (hot-seat hides them)."""
        if action == "role":
            return not self.host.flow.hotseat
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Continue."""
        self.action_continue()

    def action_continue(self) -> None:
        """On to the private briefings or the first turn."""
        self.post_message(self.Read())

    def action_role(self, index: int) -> None:
        """Show one role's private briefing (facilitated mode)."""
        order = self.rules.role_order
        if index < len(order):
            self.post_message(self.RoleBriefing(order[index]))

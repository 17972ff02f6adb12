"""The privacy hand-over: pass the keyboard to one team; nothing private is on screen."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.widgets import Static

from drill.engine.commands import FACILITATOR
from drill.tui.base import DrillScreen
from drill.tui.widgets.footer import KeyFooter
from drill.tui.words import role_full


class HandOverScreen(DrillScreen):
    """'Pass to the Community Committee — press Enter when only they can see.'"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "ready", "key.ready", priority=True),
    ]
    HELP_KEY = "help.handover"

    def __init__(self, seat: str) -> None:
        super().__init__()
        self.seat = seat

    def compose(self) -> ComposeResult:
        """Only the name of who is to take the keyboard, big and centred."""
        name = role_full(self.rules, self.seat, self.lang)
        team = ""
        if self.seat != FACILITATOR and self.host.setup is not None:
            seat = self.host.setup.seat(self.seat)
            people = (
                "、".join(seat.participants) if self.lang == "zh" else ", ".join(seat.participants)
            )
            team = " · ".join(part for part in (seat.team, people) if part)
        with Middle(id="handover"):
            with Center():
                yield Static(self.tr("handover.pass", name=name), id="handover-name", markup=False)
            if team:
                with Center():
                    yield Static(team, id="handover-team", markup=False)
            with Center():
                yield Static(self.tr("handover.enter", name=name), id="handover-hint", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """No message from the previous team may stay on screen."""
        self.app.clear_notifications()

    def action_ready(self) -> None:
        """Only the named team is looking: show its screen."""
        self.dismiss(None)

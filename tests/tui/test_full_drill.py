"""A whole drill in hot-seat mode, lobby to end screen, by keys alone; two seats are bots."""

from __future__ import annotations

from dataclasses import replace

import pytest
from textual.pilot import Pilot

from drill.scenario.bundle import Bundle
from drill.session.clock import FrozenClock
from drill.tui.app import DrillApp
from drill.tui.screens.briefing import BriefingScreen
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.end import EndScreen
from drill.tui.screens.handover import HandOverScreen
from drill.tui.screens.lobby import LobbyScreen
from drill.tui.screens.role_briefing import RoleBriefingScreen
from drill.tui.screens.sitrep import SitrepScreen
from drill.tui.screens.turn import TurnScreen
from tests.tui.support import SIZE, press, tab_to, type_text


async def seat_bots(pilot: Pilot[None]) -> None:
    """In the lobby: social organisations by the thoughtful bot, residents by the random one."""
    await tab_to(pilot, "kind-social_org")
    await press(pilot, "enter", "down", "enter")
    await tab_to(pilot, "kind-residents")
    await press(pilot, "enter", "down", "down", "enter")


async def read_briefings(pilot: Pilot[None], app: DrillApp) -> None:
    """The public briefing, then each human team's private one behind its hand-over."""
    assert isinstance(app.screen, BriefingScreen)
    await press(pilot, "enter")
    for role in ("government", "committee"):
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == role
        await press(pilot, "enter")
        assert isinstance(app.screen, RoleBriefingScreen) and app.screen.role == role
        await press(pilot, "enter")


async def play_seat(pilot: Pilot[None], app: DrillApp, role: str, order: bool) -> None:
    """One team's turn: optionally order the first available action, then submit."""
    assert isinstance(app.screen, HandOverScreen) and app.screen.seat == role
    await press(pilot, "enter")
    assert isinstance(app.screen, TurnScreen) and app.screen.role == role
    if order:
        await press(pilot, "a", "enter")
    await press(pilot, "s", "y")


async def play_turn(pilot: Pilot[None], app: DrillApp, turn: int) -> None:
    """Both human teams order and submit; the facilitator closes the turn; the report shows."""
    await play_seat(pilot, app, "government", order=turn <= 3)
    await play_seat(pilot, app, "committee", order=turn <= 3)
    assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "facilitator"
    await press(pilot, "enter")
    assert isinstance(app.screen, ConsoleScreen)
    await press(pilot, "c")
    assert isinstance(app.screen, SitrepScreen)
    assert app.session is not None and app.session.reports[-1].turn == turn
    await press(pilot, "enter")


TURNS = 4
"""The reference scenario cut to four turns: still a whole drill, in a third of the time."""


def cut_short(bundle: Bundle, turns: int) -> Bundle:
    """The same scenario ending after `turns` turns."""
    meta = bundle.scenario.meta.model_copy(update={"turns": turns})
    return replace(bundle, scenario=bundle.scenario.model_copy(update={"meta": meta}))


@pytest.mark.asyncio
async def test_hotseat_drill_from_lobby_to_end_screen(bundle: Bundle) -> None:
    short = cut_short(bundle, TURNS)
    app = DrillApp(short, lang="en", seed=7, mode="hotseat", clock=FrozenClock())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, LobbyScreen)
        await seat_bots(pilot)
        await press(pilot, "ctrl+s")
        await read_briefings(pilot, app)
        assert app.rules is not None and app.session is not None
        assert app.rules.turns == TURNS
        for turn in range(1, TURNS + 1):
            await play_turn(pilot, app, turn)
        assert isinstance(app.screen, EndScreen)
        session = app.session
        assert session.state.stage == "debrief"
        assert len(session.reports) == app.rules.turns
        assert session.bot_roles == ["social_org", "residents"]
        taken_by = {t.role for t in session.state.taken}
        assert {"government", "committee", "social_org"} <= taken_by
        await press(pilot, "f7")
        await type_text(pilot, "Shared the forecast early")
        assert session.hotwash["strengths"] == "Shared the forecast early"
        await press(pilot, "f10", "y")
        assert session.state.stage == "closed"
    assert app.unexpected == []

"""Hot-seat privacy: a hand-over screen shows nothing private; each team sees only its own."""

from __future__ import annotations

import pytest

from drill.scenario.text import pick
from drill.tui.app import DrillApp
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.handover import HandOverScreen
from drill.tui.screens.role_briefing import RoleBriefingScreen
from drill.tui.screens.turn import TurnScreen
from tests.tui.support import SIZE, MakeApp, press, screen_text


def private_texts(app: DrillApp, role: str) -> list[str]:
    """Texts only `role` may see at the start: its briefing and what only it knows."""
    assert app.rules is not None
    scenario = app.rules.scenario
    texts = [pick(scenario.role_briefings[role], "en").splitlines()[0]]
    texts += [pick(i.text, "en")[:30] for i in scenario.information if i.known_by == [role]]
    return texts


def shows_any(app: DrillApp, texts: list[str]) -> bool:
    """Whether the screen holds any of `texts`."""
    shown = " ".join(screen_text(app).split())
    return any(" ".join(text.split()) in shown for text in texts)


@pytest.mark.asyncio
async def test_hand_over_hides_every_briefing_until_the_team_is_ready(make_app: MakeApp) -> None:
    app = make_app(mode="hotseat")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+s", "enter")
        government, committee = private_texts(app, "government"), private_texts(app, "committee")
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "government"
        assert not shows_any(app, government + committee)
        await press(pilot, "enter")
        assert isinstance(app.screen, RoleBriefingScreen)
        assert shows_any(app, government[:1]) and not shows_any(app, committee)
        await press(pilot, "enter")
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "committee"
        assert not shows_any(app, government + committee)
        await press(pilot, "enter")
        assert shows_any(app, committee[:1]) and not shows_any(app, government)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_a_team_never_sees_another_teams_orders(make_app: MakeApp) -> None:
    app = make_app(mode="hotseat")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+s", "enter")
        for _ in range(4):
            await press(pilot, "enter", "enter")
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "government"
        await press(pilot, "enter", "a", "enter", "s", "y")
        assert app.session is not None
        (order,) = app.session.state.orders["government"]
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "committee"
        await press(pilot, "enter")
        assert isinstance(app.screen, TurnScreen) and app.screen.role == "committee"
        assert app.screen.view.orders == {"committee": ()}
        assert f"#{order.id} " not in screen_text(app)
        for _ in range(2):
            await press(pilot, "s", "y", "enter")
        await press(pilot, "s", "y")
        assert isinstance(app.screen, HandOverScreen) and app.screen.seat == "facilitator"
        await press(pilot, "enter")
        assert isinstance(app.screen, ConsoleScreen)
        assert f"#{order.id} " in screen_text(app)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_hand_over_clears_messages_left_by_the_previous_team(make_app: MakeApp) -> None:
    app = make_app(mode="hotseat")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+s", "enter")
        for _ in range(4):
            await press(pilot, "enter", "enter")
        await press(pilot, "enter", "a", "enter")
        assert app._notifications
        await press(pilot, "s", "y")
        assert isinstance(app.screen, HandOverScreen)
        assert not app._notifications
    assert app.unexpected == []

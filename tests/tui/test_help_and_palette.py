"""F1 explains the current screen and lists its keys; the command palette offers its actions."""

from __future__ import annotations

import pytest

from drill.tui.dialogs.help import HelpScreen
from drill.tui.dialogs.order import OrderDialog
from drill.tui.screens.console import ConsoleScreen
from tests.tui.support import SIZE, MakeApp, press, screen_text, to_console


@pytest.mark.asyncio
async def test_f1_opens_the_help_of_the_screen_in_use(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen) and app.screen.key == "help.console"
        text = screen_text(app)
        assert "Close turn" in text and "releases the highlighted one" in text
        assert "M posts a message" in text and "Message" in text
        await press(pilot, "escape", "1", "a")
        assert isinstance(app.screen, OrderDialog)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen) and app.screen.key == "help.order"
        await press(pilot, "f1")
        assert isinstance(app.screen, OrderDialog)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_the_command_palette_offers_the_screens_actions_in_its_language(
    make_app: MakeApp,
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        assert isinstance(app.screen, ConsoleScreen)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"结束本轮", "发布", "暂停", "帮助", "消息"} <= set(titles)
        await press(pilot, "ctrl+p")
        await pilot.press(*"暂停")
        await press(pilot, "enter")
        assert app.session is not None and app.session.state.stage == "paused"
    assert app.unexpected == []

"""Words a facilitator reads in Chinese: no internal ids, no contradictions, no English keys."""

from __future__ import annotations

import pytest

from drill.session.replay import Replay, ReplayTurn
from drill.tui.dialogs.order import OrderDialog
from drill.tui.screens.replay import ReplayApp
from drill.tui.screens.turn import TurnScreen
from tests.tui.support import SIZE, MakeApp, press, screen_text, to_console


@pytest.mark.asyncio
async def test_a_requirement_on_a_flag_names_the_action_that_sets_it(make_app: MakeApp) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "2", "a")
        assert isinstance(app.screen, OrderDialog)
        for _ in range(60):
            if app.screen.current is not None and app.screen.current.id == "recovery_works":
                break
            await pilot.press("down")
        await pilot.pause()
        text = screen_text(app)
        assert "damage_assessed" not in text
        assert "排查受损情况" in text
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_page_4_does_not_say_there_are_no_requests_under_the_requests_heading(
    make_app: MakeApp,
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "2", "4")
        assert isinstance(app.screen, TurnScreen)
        await pilot.pause()
        text = screen_text(app)
        assert "等待你们审批的请求" in text
        assert "你们没有等待审批的请求" not in text
        assert "没有需要你们审批的请求" in text
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_the_replay_footer_speaks_chinese() -> None:
    turns = [ReplayTurn(t, "watch", [("health", 50.0)], 50.0, []) for t in range(3)]
    app = ReplayApp(Replay(1, "演练", turns), "zh")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [b.description for _, b, _, _ in app.screen.active_bindings.values()]
        assert "下一轮" in shown and "退出" in shown
        assert "next turn" not in shown and "quit" not in shown
        await press(pilot, "right")
        assert app.index == 1

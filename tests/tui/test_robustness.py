"""Nothing crashes the app: bad files, refusals, unexpected errors, wrong keys, language changes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select

from drill.store.files import ScenarioFiles
from drill.tui.app import DrillApp
from drill.tui.dialogs.error import ErrorDialog
from drill.tui.dialogs.file_problems import ProblemsDialog
from drill.tui.dialogs.joint import JointDialog
from drill.tui.dialogs.notice import NoticeDialog
from drill.tui.dialogs.order import OrderDialog
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.lobby import LobbyScreen
from drill.tui.screens.picker import PickerScreen
from drill.tui.screens.turn import TurnScreen
from tests.tui.support import SIZE, MakeApp, press, screen_text, tab_to, to_console, type_text

BAD_SCENARIO = "meta:\n  id: broken\n  turns: many\nruleset: standard\n"


@pytest.mark.asyncio
async def test_a_bad_scenario_shows_its_problems_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_SCENARIO, encoding="utf-8")
    app = DrillApp(bad, lang="en", shelf=ScenarioFiles())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ProblemsDialog)
        assert "bad.yaml:" in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, PickerScreen)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_a_path_typed_in_the_picker_stays_when_it_cannot_be_used(tmp_path: Path) -> None:
    app = DrillApp(lang="en", shelf=ScenarioFiles())
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, PickerScreen)
        assert app.screen.query_one(OptionList).option_count >= 1
        await press(pilot, "tab")
        await type_text(pilot, str(tmp_path / "missing.yaml"))
        await press(pilot, "enter")
        assert isinstance(app.screen, ProblemsDialog)
        await press(pilot, "enter")
        assert app.screen.query_one("#path", Input).value.endswith("missing.yaml")
        await press(pilot, "shift+tab", "enter")
        assert isinstance(app.screen, LobbyScreen)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_a_refused_order_is_explained_and_the_form_kept(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "2", "a")
        assert isinstance(app.screen, OrderDialog)
        actions = app.screen.query_one("#actions", OptionList)
        while app.screen.current is None or app.screen.current.target is None:
            await pilot.press("down")
        chosen, index = app.screen.current.id, actions.highlighted
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, NoticeDialog)
        assert "target" in app.screen.text
        await press(pilot, "enter")
        assert isinstance(app.screen, OrderDialog)
        assert (app.screen.current.id, actions.highlighted) == (chosen, index)
        assert app.session is not None and app.session.state.orders["committee"] == []
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_an_engine_failure_shows_a_dialog_and_keeps_the_drill(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        session = app.session
        assert session is not None

        def broken() -> None:
            raise RuntimeError("disk on fire")

        session.close_turn = broken  # type: ignore[method-assign]
        await press(pilot, "c", "y")
        assert isinstance(app.screen, ErrorDialog)
        assert (session.state.stage, session.state.turn) == ("orders", 1)
        await press(pilot, "enter")
        assert isinstance(app.screen, ConsoleScreen)
        assert not app.engine_busy
    assert [type(e) for e in app.unexpected] == [RuntimeError]


@pytest.mark.asyncio
async def test_an_error_in_a_screen_shows_a_dialog_and_play_goes_on(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)

        def broken() -> None:
            raise ValueError("bug")

        app.screen.action_release = broken  # type: ignore[method-assign]
        await press(pilot, "r")
        assert isinstance(app.screen, ErrorDialog)
        await press(pilot, "enter", "1")
        assert app.screen.__class__.__name__ == "TurnScreen"
    assert [type(e) for e in app.unexpected] == [ValueError]


@pytest.mark.asyncio
async def test_stray_keys_on_every_screen_change_nothing_and_crash_nothing(
    make_app: MakeApp,
) -> None:
    app = make_app(mode="hotseat")
    stray = ["z", "q", "9", "f9", "ctrl+x", "pageup", "home", "delete", "f12"]
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(3):
            await press(pilot, *stray)
            await press(pilot, "ctrl+s" if isinstance(app.screen, LobbyScreen) else "enter")
        assert app.screen.is_attached
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_switching_language_keeps_what_was_typed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "team-government")
        await type_text(pilot, "Blue team")
        await press(pilot, "f2")
        assert app.lang == "zh"
        assert app.screen.query_one("#team-government", Input).value == "Blue team"
        assert "演练准备" in screen_text(app)
        await press(pilot, "f2")
        assert app.setup is not None and app.setup.seat("government").team == "Blue team"
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_a_screen_whose_handler_failed_is_rebuilt_from_the_drill(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        broken_console = app.screen

        def broken() -> None:
            raise KeyError("lost")

        broken_console._show_inject = broken  # type: ignore[method-assign]
        await press(pilot, "down")
        await pilot.pause()
        assert isinstance(app.screen, ErrorDialog)
        await press(pilot, "enter")
        assert isinstance(app.screen, ConsoleScreen) and app.screen is not broken_console
        await press(pilot, "1")
        assert app.screen.__class__.__name__ == "TurnScreen"
    assert [type(e) for e in app.unexpected] == [KeyError]


@pytest.mark.asyncio
async def test_the_lobby_sets_how_long_a_turn_may_take(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await tab_to(pilot, "minutes")
        await press(pilot, "end", "backspace", "backspace", "2", "0", "ctrl+s", "enter")
        assert app.session is not None
        assert app.session.timer.limit == 20 * 60
        assert app.session.timer.remaining() == 20 * 60
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_a_joint_action_our_team_cannot_order_yet_is_explained_and_esc_closes(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "1", "j")
        assert isinstance(app.screen, JointDialog)
        await pilot.pause()
        app.screen.query_one("#joint-action", Select).value = "recovery_works"
        await pilot.pause()
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, NoticeDialog)
        assert "damage" in app.screen.text.lower()
        await press(pilot, "enter")
        assert isinstance(app.screen, JointDialog)
        assert app.session is not None and app.session.state.proposals == []
        await press(pilot, "escape")
        assert isinstance(app.screen, TurnScreen)
        await press(pilot, "j")
        app.screen.query_one("#joint-action", Select).value = "recovery_works"
        await pilot.pause()
        await tab_to(pilot, "also-order")
        await press(pilot, "space", "ctrl+s")
        assert isinstance(app.screen, TurnScreen)
        assert len(app.session.state.proposals) == 1
        assert app.session.state.orders["government"] == []
        await press(pilot, "escape")
        assert isinstance(app.screen, ConsoleScreen)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_a_dialog_told_to_close_under_a_notice_closes_after_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "2", "m")
        dialog = app.screen
        app.push_screen(NoticeDialog("Time", "The turn time is up."))
        await pilot.pause()
        dialog.dismiss(True)
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)
        await press(pilot, "enter")
        assert isinstance(app.screen, TurnScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, ConsoleScreen)
    assert app.unexpected == []

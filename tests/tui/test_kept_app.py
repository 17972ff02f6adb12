"""The app on the drill database: resumed where it stopped, hot wash and plan kept, replay."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from drill.engine.commands import FACILITATOR, Begin, End, StartTurn
from drill.engine.state import DrillState
from drill.report.reviews import reporting_keeper, stored_replay
from drill.session.clock import FrozenClock
from drill.session.hotwash import HotWash, PlanItem
from drill.store.database import Store
from drill.store.kept import bot_config, resume_session, start_session
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.dialogs.plan import PlanDialog
from drill.tui.dialogs.review import ReviewDialog
from drill.tui.kept_app import KeptApp
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.end import EndScreen
from drill.tui.screens.replay import ReplayApp
from drill.tui.screens.sitrep import SitrepScreen
from tests.store.support import db_path, reference

SIZE = (120, 40)


def stored_drill(folder: Path) -> Path:
    """A drill stopped with turn 2's orders open (turn 1 resolved); its database."""
    path = db_path(folder)
    bundle, rules = reference()
    with Store(path) as store:
        session = start_session(store, bundle, bot_config(rules, 3, "greedy"))
        session.execute(Begin(FACILITATOR))
        session.execute(StartTurn(FACILITATOR))
        session.play_bots()
        session.close_turn()
        session.execute(StartTurn(FACILITATOR))
    return path


def screen_after_resume(path: Path) -> tuple[str, int]:
    """The screen a resumed drill opens on, and how many turn reports it rebuilt."""

    async def run() -> tuple[str, int]:
        with Store(path) as store:
            keeper = reporting_keeper(store)
            session = keeper.resume(1)
            app = KeptApp(keeper, lang="en", resume=session)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                return type(app.screen).__name__, len(session.reports)

    return asyncio.run(run())


def test_a_resumed_drill_opens_on_the_screen_of_its_stage(tmp_path: Path) -> None:
    path = stored_drill(tmp_path)
    assert screen_after_resume(path) == (ConsoleScreen.__name__, 1)
    with Store(path) as store:
        session = resume_session(store, 1)
        session.close_turn()
    assert screen_after_resume(path) == (SitrepScreen.__name__, 2)
    with Store(path) as store:
        resume_session(store, 1).execute(End(FACILITATOR))
    assert screen_after_resume(path) == (EndScreen.__name__, 2)


def test_the_hot_wash_typed_at_the_end_is_kept_with_the_drill(tmp_path: Path) -> None:
    path = stored_drill(tmp_path)
    with Store(path) as store:
        resume_session(store, 1).execute(End(FACILITATOR))

    async def run() -> None:
        with Store(path) as store:
            keeper = reporting_keeper(store)
            app = KeptApp(keeper, lang="en", resume=keeper.resume(1))
            async with app.run_test(size=SIZE) as pilot:
                await pilot.press("f7")
                app.screen.query_one("#hotwash-strengths").text = "Fast warnings\n\nGood pact"
                await pilot.pause()
                await pilot.press("f8")
                await pilot.pause()
                assert isinstance(app.screen, PlanDialog)
                app.screen.query_one("#plan-0-action").value = "Monthly warning drill"
                app.screen.query_one("#plan-0-responsible").value = "committee"
                await pilot.click("#save")
                await pilot.pause()

    asyncio.run(run())
    with Store(path) as store:
        assert store.hotwash(1) == HotWash(("Fast warnings", "Good pact"))
        assert store.plan(1) == [PlanItem("Monthly warning drill", "", "committee", "")]


def test_replay_steps_through_every_turn(tmp_path: Path) -> None:
    path = stored_drill(tmp_path)
    with Store(path) as store:
        replay = stored_replay(store, 1, "en")
    assert [t.turn for t in replay.turns] == [0, 1, 2]

    async def run() -> None:
        app = ReplayApp(replay, "en")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("right", "right", "right")
            assert app.index == 2
            await pilot.press("left")
            assert app.index == 1
            await pilot.press("home")
            assert app.index == 0

    asyncio.run(run())


def test_a_drill_stored_in_the_lobby_begins_when_resumed(tmp_path: Path) -> None:
    bundle, rules = reference()
    path = db_path(tmp_path)
    with Store(path) as store:
        start_session(store, bundle, bot_config(rules, 3, "greedy"))
    name, _ = screen_after_resume(path)
    assert name == "BriefingScreen"


def test_a_drill_started_in_the_app_is_stored_command_by_command(tmp_path: Path) -> None:
    bundle, _ = reference()
    path = db_path(tmp_path)

    async def run() -> DrillState:
        with Store(path) as store:
            app = KeptApp(reporting_keeper(store), bundle, lang="en", seed=7, clock=FrozenClock())
            async with app.run_test(size=SIZE) as pilot:
                await pilot.press("ctrl+s", "enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, ConsoleScreen)
                assert app.session is not None
                state = app.session.state
                await pilot.press("ctrl+q")
                await pilot.pause()
            return state

    played = asyncio.run(run())
    with Store(path) as store:
        assert store.drill(1).status == "orders"
        assert resume_session(store, 1).state == played


def test_f9_on_the_end_screen_writes_the_report_to_the_folder_typed(tmp_path: Path) -> None:
    path = stored_drill(tmp_path)
    with Store(path) as store:
        resume_session(store, 1).execute(End(FACILITATOR))
    out = tmp_path / "out"
    out.mkdir()

    async def run() -> list[BaseException]:
        with Store(path) as store:
            keeper = reporting_keeper(store)
            app = KeptApp(keeper, lang="en", resume=keeper.resume(1))
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                await pilot.press("f9")
                await pilot.pause()
                assert isinstance(app.screen, ReviewDialog)
                app.screen.query_one("#folder", Input).value = str(out)
                await pilot.click("#report-md")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, ReviewDialog)
                app.screen.query_one("#folder", Input).value = str(tmp_path / "missing")
                await pilot.click("#export-json")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert isinstance(app.screen, ReviewDialog)  # said in a notification
                await pilot.press("escape")
                await pilot.pause()
                assert isinstance(app.screen, EndScreen)
                return app.unexpected

    assert asyncio.run(run()) == []
    report = out / "drill-1-report.md"
    assert report.exists()
    assert report.read_text(encoding="utf-8").strip()


def test_ctrl_q_mid_drill_asks_first_and_says_how_to_resume(tmp_path: Path) -> None:
    path = stored_drill(tmp_path)

    async def run() -> tuple[bool, list[BaseException]]:
        with Store(path) as store:
            keeper = reporting_keeper(store)
            app = KeptApp(keeper, lang="zh", resume=keeper.resume(1))
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, ConsoleScreen)
                await pilot.press("ctrl+q")
                await pilot.pause()
                assert isinstance(app.screen, ConfirmDialog)
                assert "drill resume 1" in app.screen.text
                assert "已保存" in app.screen.text
                await pilot.press("n")
                await pilot.pause()
                assert isinstance(app.screen, ConsoleScreen)
                assert app.is_running
                await pilot.press("ctrl+q")
                await pilot.pause()
                await pilot.press("y")
                await pilot.pause()
                said = f"演练 1 已保存：输入 `drill resume 1 --db {path}` 就能接着进行。"
                return app._exit_renderables == [said], app.unexpected

    said, unexpected = asyncio.run(run())
    assert said and unexpected == []
    with Store(path) as store:
        assert store.drill(1).status == "orders"

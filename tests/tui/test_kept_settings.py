"""What the facilitator set survives Ctrl+Q and `drill resume`; the parting line is theirs."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from drill.engine.commands import FACILITATOR, Resume, StartTurn
from drill.session.clock import FrozenClock
from drill.session.settings import ConsoleSettings
from drill.store.database import Store
from drill.store.keeper import StoreKeeper
from drill.store.kept import resume_session
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.dialogs.paused import PausedScreen
from drill.tui.kept_app import KeptApp
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.sitrep import SitrepScreen
from tests.store.support import db_path, reference

SIZE = (120, 40)


async def keys(pilot: Pilot[None], *pressed: str) -> None:
    """Press keys like a person, letting engine work finish after each."""
    for key in pressed:
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def quit_mid_drill(app: KeptApp, pilot: Pilot[None]) -> str:
    """Ctrl+Q, Y: the line printed once the app has closed."""
    await keys(pilot, "ctrl+q")
    assert isinstance(app.screen, ConfirmDialog)
    await keys(pilot, "y")
    assert not app.is_running or app._exit
    return str(app._exit_renderables[-1])


def play_and_quit(path: Path, clock: FrozenClock, *, pause: bool = False) -> str:
    """In the lobby: 10 minutes a turn; on the console: hide the scores, 3 minutes go by, quit."""
    bundle, _ = reference()

    async def run() -> str:
        with Store(path) as store:
            app = KeptApp(StoreKeeper(store), bundle, lang="zh", seed=7, clock=clock)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                app.screen.query_one("#minutes", Input).focus()
                await keys(pilot, "end", "backspace", "backspace", "1", "0")
                await keys(pilot, "ctrl+s", "enter")
                assert isinstance(app.screen, ConsoleScreen)
                await keys(pilot, "v")
                clock.advance(180)
                if pause:
                    await keys(pilot, "p")
                    assert isinstance(app.screen, PausedScreen)
                    clock.advance(600)  # a long pause does not count
                assert app.unexpected == []
                return await quit_mid_drill(app, pilot)

    return asyncio.run(run())


def test_hidden_scores_and_the_countdown_are_kept_through_quit_and_resume(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    said = play_and_quit(path, FrozenClock())
    assert said == f"演练 1 已保存：输入 `drill resume 1 --db {path}` 就能接着进行。"
    with Store(path) as store:
        assert store.settings(1) == ConsoleSettings(
            show_scores=False, timer_turn=1, timer_elapsed=180
        )

    async def run() -> None:
        with Store(path) as store:
            clock = FrozenClock(wall=2_000_000_000.0)
            clock.advance(5_000)  # another day, another process: its own monotonic start
            session = resume_session(store, 1, clock)
            assert session.timer.limit == 600 and session.timer.running
            assert session.timer.remaining() == 420
            app = KeptApp(StoreKeeper(store), lang="en", resume=session)
            async with app.run_test(size=SIZE) as pilot:
                await pilot.pause()
                assert isinstance(app.screen, ConsoleScreen)
                assert not app.show_scores
                status = app.screen.query_one("#status").content
                assert "7:00 left" in str(status)
                assert "Live scores — hidden from players" in str(
                    app.screen.query_one("#scores-title").content
                )
                await keys(pilot, "c", "y")
                assert isinstance(app.screen, SitrepScreen)
                assert "Scores so far" not in _texts(app)
                await keys(pilot, "enter")
                await keys(pilot, "v")  # shown again: kept at once
                assert store.settings(1).show_scores
                assert app.unexpected == []

    asyncio.run(run())


def test_the_countdown_is_kept_as_it_runs_so_a_crash_loses_only_seconds(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    bundle, _ = reference()
    clock = FrozenClock()

    async def run() -> None:
        with Store(path) as store:
            app = KeptApp(StoreKeeper(store), bundle, lang="en", seed=7, clock=clock)
            app.keep_countdown_every = 0.05
            async with app.run_test(size=SIZE) as pilot:
                await keys(pilot, "ctrl+s", "enter")
                assert isinstance(app.screen, ConsoleScreen)
                clock.advance(240)
                await asyncio.sleep(0.3)
                kept = store.settings(1)
                # The process dies here: no Ctrl+Q, nothing saved on the way out.
                assert (kept.timer_turn, kept.timer_elapsed) == (1, 240)
                assert app.unexpected == []

    asyncio.run(run())
    with Store(path) as store:
        session = resume_session(store, 1, FrozenClock())
        assert session.timer.remaining() == session.timer.limit - 240


def test_a_paused_countdown_stays_paused_where_it_stood(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    play_and_quit(path, FrozenClock(), pause=True)
    with Store(path) as store:
        clock = FrozenClock()
        session = resume_session(store, 1, clock)
        assert not session.timer.running and session.timer.remaining() == 420
        session.execute(Resume(FACILITATOR))
        clock.advance(60)
        assert session.timer.running and session.timer.remaining() == 360


def test_a_countdown_kept_in_an_earlier_turn_starts_afresh(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    play_and_quit(path, FrozenClock())
    with Store(path) as store:
        session = resume_session(store, 1, FrozenClock())
        session.close_turn()
        session.execute(StartTurn(FACILITATOR))
    with Store(path) as store:
        session = resume_session(store, 1, FrozenClock())
        assert session.state.turn == 2 and session.timer.remaining() == 600


def test_the_parting_line_follows_the_language_chosen_with_f2(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    play_and_quit(path, FrozenClock())

    async def run() -> str:
        with Store(path) as store:
            app = KeptApp(StoreKeeper(store), lang="zh", resume=resume_session(store, 1))
            async with app.run_test(size=SIZE) as pilot:
                await keys(pilot, "f2")
                assert app.lang == "en"
                return await quit_mid_drill(app, pilot)

    assert asyncio.run(run()) == f"drill 1 is kept: `drill resume 1 --db {path}` continues it."


def _texts(app: KeptApp) -> str:
    """Every text of the current screen."""
    return "\n".join(str(w.content) for w in app.screen.query(Static))


def test_a_branch_keeps_the_hidden_scores_but_times_its_turns_afresh(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    play_and_quit(path, FrozenClock())
    with Store(path) as store:
        session = resume_session(store, 1, FrozenClock())
        session.close_turn()
        session.execute(StartTurn(FACILITATOR))
        branch = store.branch(1, 2)
        assert store.settings(branch) == ConsoleSettings(show_scores=False)
        assert store.drill(branch).config.turn_minutes == 10

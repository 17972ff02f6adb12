"""Each control of the facilitator's console, driven by keys: injects, pause, close, override."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from drill.i18n import t
from drill.session.clock import FrozenClock
from drill.tui.app import DrillApp
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.dialogs.inject import InjectDialog
from drill.tui.dialogs.notice import NoticeDialog
from drill.tui.dialogs.override import OverrideDialog
from drill.tui.dialogs.paused import PausedScreen
from drill.tui.dialogs.post import PostDialog
from drill.tui.screens.console import ConsoleScreen
from drill.tui.screens.sitrep import SitrepScreen
from tests.tui.support import SIZE, MakeApp, press, screen_text, to_console, type_text


async def cursor_to(pilot: Pilot[None], app: DrillApp, inject: str) -> None:
    """Move the inject table's cursor down to `inject` with the arrow key."""
    table = app.screen.query_one("#injects", DataTable)
    assert table.has_focus
    keys = [str(k.value) for k in table.rows]
    for _ in range(keys.index(inject) - table.cursor_row):
        await pilot.press("down")
    assert isinstance(app.screen, ConsoleScreen) and app.screen.selected_inject() == inject


def later_inject(app: DrillApp, turn: int) -> str:
    """The first inject due at `turn`."""
    assert app.rules is not None
    return next(i for i, inject in app.rules.injects.items() if inject.turn == turn)


@pytest.mark.asyncio
async def test_release_sends_a_later_inject_now(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        inject = later_inject(app, 3)
        await cursor_to(pilot, app, inject)
        await press(pilot, "r")
        assert app.session is not None
        assert app.session.state.released[inject] == 1
        to = app.rules.injects[inject].to if app.rules else "all"
        role = to[0] if isinstance(to, list) else "government"
        assert inject in [item.id for item in app.session.view(role).inbox]
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_hold_keeps_a_due_inject_back(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        inject = later_inject(app, 2)
        await cursor_to(pilot, app, inject)
        await press(pilot, "h")
        assert app.session is not None and inject in app.session.state.held
        await press(pilot, "c", "y", "enter")
        assert app.session.state.turn == 2
        assert inject not in app.session.state.released
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_skip_drops_an_inject_after_confirming(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        inject = later_inject(app, 2)
        await cursor_to(pilot, app, inject)
        await press(pilot, "x")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert app.session is not None and inject not in app.session.state.skipped
        await press(pilot, "x", "y")
        assert inject in app.session.state.skipped
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_ad_hoc_inject_reaches_the_chosen_role(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "n")
        assert isinstance(app.screen, InjectDialog)
        await type_text(pilot, "Bridge closed")
        await press(pilot, "tab")
        await type_text(pilot, "The east bridge is under water")
        await press(pilot, "tab", "down", "space", "ctrl+s")
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session is not None
        (adhoc,) = app.session.state.adhoc.values()
        assert (adhoc.title, adhoc.to) == ("Bridge closed", ("committee",))
        assert adhoc.id in [i.id for i in app.session.view("committee").inbox]
        assert adhoc.id not in [i.id for i in app.session.view("government").inbox]
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_pause_stops_the_timer_until_resumed(bundle: object) -> None:
    clock = FrozenClock()
    app = DrillApp(bundle, lang="en", seed=7, clock=clock)  # type: ignore[arg-type]
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        assert app.session is not None
        clock.advance(60)
        await press(pilot, "p")
        assert isinstance(app.screen, PausedScreen)
        assert app.session.state.stage == "paused"
        clock.advance(600)
        assert app.session.timer.elapsed() == 60
        await press(pilot, "1")
        assert isinstance(app.screen, PausedScreen)
        await press(pilot, "p")
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session.state.stage == "orders" and app.session.timer.running
        clock.advance(30)
        assert app.session.timer.elapsed() == 90
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_close_turn_early_needs_confirming_and_resolves(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        assert app.session is not None
        await press(pilot, "1", "a", "enter", "escape")
        placed = app.session.state.orders["government"]
        assert len(placed) == 1
        await press(pilot, "c")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert isinstance(app.screen, ConsoleScreen) and app.session.state.stage == "orders"
        await press(pilot, "c", "y")
        assert isinstance(app.screen, SitrepScreen)
        (report,) = app.session.reports
        assert placed[0].id in [o.order for o in report.outcomes]
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_override_changes_a_sector_with_its_reason(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        assert app.session is not None and app.rules is not None
        before = app.session.state.sectors["housing"]
        await press(pilot, "o")
        assert isinstance(app.screen, OverrideDialog)
        await type_text(pilot, "Roof collapse")
        await press(pilot, "tab", "tab", "enter", "down", "enter")
        await press(pilot, "tab", "minus", "1", "0", "ctrl+s")
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session.state.sectors["housing"] == before - 10
        assert app.session.state.overrides[-1][1] == "Roof collapse"
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_override_without_reason_is_refused_and_the_form_kept(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "o", "tab", "tab", "enter", "down", "enter", "ctrl+s")
        assert app.screen.__class__.__name__ == "NoticeDialog"
        await press(pilot, "enter")
        assert isinstance(app.screen, OverrideDialog)
        assert app.session is not None and app.session.state.overrides == []
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_scores_can_be_hidden_from_players_and_notes_stay_with_the_facilitator(
    make_app: MakeApp,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        assert "Facilitator's notes" in screen_text(app)
        await press(pilot, "2")
        assert "Facilitator's notes" not in screen_text(app)
        await press(pilot, "escape", "v")
        assert not app.show_scores
        await press(pilot, "c", "y")
        assert isinstance(app.screen, SitrepScreen)
        assert "Scores so far" not in screen_text(app)
        await press(pilot, "enter", "v", "c", "y")
        assert "Scores so far" in screen_text(app)
    assert app.unexpected == []


def _seat_lines(app: DrillApp) -> list[str]:
    """The lines of the console as drawn, cut at the left edge of the injects."""
    right = app.screen.query_one("#console-right").region.x
    return [strip.text[:right] for strip in app.screen._compositor.render_strips()]


@pytest.mark.asyncio
@pytest.mark.parametrize("lang", ["en", "zh"])
async def test_the_tables_list_shows_every_column_at_120_columns(
    make_app: MakeApp, lang: str
) -> None:
    app = make_app(lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        assert app.setup is not None
        app.setup.seat("committee").team = "Riverside"
        await to_console(pilot)
        assert isinstance(app.screen, ConsoleScreen)
        await pilot.pause()
        lines = _seat_lines(app)
        for key in ("console.col.orders", "console.col.state"):
            assert any(t(key, app.lang) in line for line in lines), key
        waiting = "… " + t("console.waiting", app.lang)
        assert sum(waiting in line for line in lines) == 4
        assert any("· Riverside" in line and waiting in line for line in lines)


@pytest.mark.asyncio
async def test_m_posts_a_facilitator_message_every_team_sees(make_app: MakeApp) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "m")
        assert isinstance(app.screen, PostDialog)
        assert "在社区信息平台发消息" in screen_text(app)
        await type_text(pilot, "sandbags at the wall")
        await press(pilot, "enter")
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session is not None
        assert (1, "facilitator", "sandbags at the wall") in app.session.view("residents").messages
        await press(pilot, "2", "5")
        assert "主持人: sandbags at the wall" in screen_text(app)
    assert app.unexpected == []


@pytest.mark.asyncio
async def test_an_empty_facilitator_message_is_refused_in_a_dialog(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await to_console(pilot)
        await press(pilot, "m", "enter")
        assert isinstance(app.screen, NoticeDialog)
        assert t("refused.title", "en") in screen_text(app)
        await press(pilot, "enter")
        assert isinstance(app.screen, PostDialog)
        await press(pilot, "escape")
        assert isinstance(app.screen, ConsoleScreen)
        assert app.session is not None and app.session.state.messages == []
    assert app.unexpected == []

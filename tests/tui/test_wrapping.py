"""Long Chinese text wraps at 80×24 (Chinese has no spaces: it must fold, not end in "…")."""

from __future__ import annotations

import pytest
from textual.geometry import Region
from textual.widget import Widget

from drill.scenario.text import pick
from drill.tui.screens.role_briefing import RoleBriefingScreen
from drill.tui.screens.turn import TurnScreen
from tests.tui.support import MakeApp, press, to_console

NARROW = (80, 24)


def shown(widget: Widget) -> str:
    """Every character the widget draws (all of it, scrolled or not), without spaces."""
    width, height = widget.size
    strips = widget.render_lines(Region(0, 0, width, height))
    return "".join("".join(strip.text.split()) for strip in strips)


def compact(text: str) -> str:
    """A text without its spaces and line breaks."""
    return "".join(text.split())


@pytest.mark.asyncio
async def test_the_information_page_wraps_chinese_at_80_columns(make_app: MakeApp) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=NARROW) as pilot:
        await to_console(pilot)
        await press(pilot, "2", "3")
        assert isinstance(app.screen, TurnScreen)
        await pilot.pause()
        assert app.session is not None
        texts = app.session.view("committee").information.values()
        drawn = shown(app.screen.query_one("#info-text"))
        assert "…" not in drawn
        for text in texts:
            assert compact(pick(text, "zh")) in drawn


@pytest.mark.asyncio
async def test_the_private_briefing_wraps_chinese_at_80_columns(make_app: MakeApp) -> None:
    app = make_app(mode="hotseat", lang="zh")
    async with app.run_test(size=NARROW) as pilot:
        await press(pilot, "ctrl+s", "enter", "enter")
        screen = app.screen
        assert isinstance(screen, RoleBriefingScreen)
        await pilot.pause()
        assert app.session is not None
        texts = list(app.session.view(screen.role).information.values())
        assert texts
        drawn = "".join(shown(item) for item in screen.query(".info-item"))
        assert "…" not in drawn
        for text in texts:
            assert compact(pick(text, "zh")) in drawn


@pytest.mark.asyncio
async def test_the_facilitators_inject_notes_wrap_chinese_at_80_columns(
    make_app: MakeApp,
) -> None:
    app = make_app(lang="zh")
    async with app.run_test(size=NARROW) as pilot:
        await to_console(pilot)
        await pilot.pause()
        assert app.rules is not None
        notes = [i.notes for i in app.rules.injects.values() if i.notes is not None]
        drawn = shown(app.screen.query_one("#inject-detail"))
        assert "…" not in drawn
        assert any(compact(pick(n, "zh")) in drawn for n in notes)

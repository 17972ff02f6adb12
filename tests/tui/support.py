"""Helpers of the app tests: the reference scenario, keys to reach a screen, screen text."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from drill.scenario.bundle import Bundle
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.tui.app import DrillApp

SIZE = (120, 40)
MakeApp = Callable[..., DrillApp]


def reference_bundle() -> Bundle:
    """The flood scenario if it loads, else the typhoon."""
    flood = SCENARIOS_DIR / "flood_old_community.yaml"
    path = flood if flood.exists() else SCENARIOS_DIR / "typhoon_coastal_town.yaml"
    return load_bundle(path)


async def settle(pilot: Pilot[None]) -> None:
    """Wait for engine workers, and for the screen they lead to."""
    if any(not worker.is_finished for worker in pilot.app.workers):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys like a person, letting any engine work finish after each."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type a text key by key."""
    await pilot.press(*[("space" if c == " " else c) for c in text])


async def tab_to(pilot: Pilot[None], widget_id: str, limit: int = 40) -> None:
    """Press Tab until the widget with `widget_id` has the focus."""
    for _ in range(limit):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"Tab never reached #{widget_id}")


async def to_console(pilot: Pilot[None]) -> None:
    """Facilitated mode: from the lobby to the console of turn 1."""
    await press(pilot, "ctrl+s", "enter")


def screen_text(app: DrillApp) -> str:
    """All the text the current screen holds in its Static widgets, shown or scrolled away."""
    console = Console(width=200, record=True, file=io.StringIO())
    for widget in app.screen.query(Static):
        content = widget.content
        console.print(content if not isinstance(content, Content) else content.plain)
    return console.export_text()

"""SVG snapshots of the main screens at 120×40, on a frozen clock with a fixed seed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from textual.pilot import Pilot

from drill.scenario.bundle import Bundle
from drill.session.clock import FrozenClock
from drill.session.seats import Mode
from drill.tui.app import DrillApp
from tests.tui.support import SIZE, press

Snap = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


def app_for(bundle: Bundle, lang: str = "en", mode: Mode = "facilitated") -> DrillApp:
    """An app whose pictures never change: frozen clock, fixed seed."""
    return DrillApp(
        bundle, lang="zh" if lang == "zh" else "en", seed=11, mode=mode, clock=FrozenClock()
    )


def steps(*keys: str) -> Steps:
    """Keys to press (and engine work to wait for) before the picture is taken."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await press(pilot, *keys)
        pilot.app.clear_notifications()
        await pilot.pause()

    return run


TO_TURN = ("ctrl+s", "enter", "2", "a", "enter")
"""The committee's turn screen with one order placed."""


def test_lobby(snap_compare: Snap, bundle: Bundle) -> None:
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps())


def test_briefing(snap_compare: Snap, bundle: Bundle) -> None:
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps("ctrl+s"))


def test_turn_screen_in_english(snap_compare: Snap, bundle: Bundle) -> None:
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps(*TO_TURN))


def test_turn_screen_in_chinese(snap_compare: Snap, bundle: Bundle) -> None:
    app = app_for(bundle, lang="zh")
    assert snap_compare(app, terminal_size=SIZE, run_before=steps(*TO_TURN))


def test_order_form_explains_why_an_action_is_unavailable(
    snap_compare: Snap, bundle: Bundle
) -> None:
    keys = ("ctrl+s", "enter", "3", "a", "end")
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps(*keys))


def test_facilitator_console(snap_compare: Snap, bundle: Bundle) -> None:
    keys = (*TO_TURN, "escape", "down", "down")
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps(*keys))


def test_situation_report(snap_compare: Snap, bundle: Bundle) -> None:
    keys = (*TO_TURN, "escape", "c", "y")
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps(*keys))


def test_end_screen(snap_compare: Snap, bundle: Bundle) -> None:
    keys = ("ctrl+s", "enter", "c", "y", "enter", "c", "y", "enter", "e", "y")
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps(*keys))


def test_end_screen_chart(snap_compare: Snap, bundle: Bundle) -> None:
    keys = ("ctrl+s", "enter", "c", "y", "enter", "c", "y", "enter", "e", "y", "f6")
    assert snap_compare(app_for(bundle), terminal_size=SIZE, run_before=steps(*keys))


def test_hand_over_at_80_by_24(snap_compare: Snap, bundle: Bundle) -> None:
    app = app_for(bundle, lang="zh", mode="hotseat")
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps("ctrl+s", "enter"))

"""Fixtures of the app tests: the reference scenario loaded once, apps on a frozen clock."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from drill.scenario.bundle import Bundle
from drill.session.clock import FrozenClock
from drill.session.seats import Mode
from drill.tui.app import DrillApp
from tests.tui.support import MakeApp, reference_bundle

SETTLE_SECONDS = 600.0
"""How long a Pilot waits for the app to settle after a key before it gives up. Textual's
30 s is a wall-clock limit that a loaded CI machine can exceed with a correct app; a hung
app still fails, later."""


@pytest.fixture(autouse=True)
def patient_pilot(monkeypatch: pytest.MonkeyPatch) -> None:
    """Let every Pilot wait up to SETTLE_SECONDS for the app to process a key."""
    settle: Callable[..., Awaitable[bool]] = Pilot._wait_for_screen

    async def wait_for_screen(self: Pilot[Any], timeout: float = SETTLE_SECONDS) -> bool:
        return await settle(self, max(timeout, SETTLE_SECONDS))

    monkeypatch.setattr(Pilot, "_wait_for_screen", wait_for_screen)


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    """The reference scenario (the flood; the typhoon while the flood is unfinished)."""
    return reference_bundle()


@pytest.fixture
def make_app(bundle: Bundle) -> MakeApp:
    """A factory of apps on the reference scenario with a frozen clock and a fixed seed."""

    def make(mode: Mode = "facilitated", lang: str = "en", seed: int = 7) -> DrillApp:
        return DrillApp(
            bundle, lang="zh" if lang == "zh" else "en", seed=seed, mode=mode, clock=FrozenClock()
        )

    return make

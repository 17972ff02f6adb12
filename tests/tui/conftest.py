"""Fixtures of the app tests: the reference scenario loaded once, apps on a frozen clock."""

from __future__ import annotations

import pytest

from drill.scenario.bundle import Bundle
from drill.session.clock import FrozenClock
from drill.session.seats import Mode
from drill.tui.app import DrillApp

from .tui_support import MakeApp, reference_bundle


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

"""The translation layer: every key the app uses exists in both languages, placeholders match."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from drill.engine.machines import STAGES
from drill.i18n import CATALOGUE, t
from drill.tui.screens.turn import PAGES
from drill.tui.widgets.scores import RATING_MARK

TUI = Path(__file__).resolve().parents[2] / "drill" / "tui"
LITERAL_KEY = re.compile(r"""\b(?:t|tr|t_or)\(\s*["']([a-z_]+\.[a-z_.0-9]+)["']""")
BINDING_KEY = re.compile(r"""["'](key\.[a-z_]+|help\.[a-z_]+)["']""")


def used_keys() -> set[str]:
    """Keys written literally in the app's source."""
    keys: set[str] = set()
    for path in TUI.rglob("*.py"):
        if "i18n" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        keys |= set(LITERAL_KEY.findall(text)) | set(BINDING_KEY.findall(text))
    return keys


def families() -> set[str]:
    """Keys the app builds from a code: stages, outcomes, ratings, pages, ..."""
    keys = {f"stage.{s}" for s in STAGES}
    keys |= {f"outcome.{o}" for o in ("done", "failed", "refused", "requested", "alone")}
    keys |= {f"status.{s}" for s in ("on_time", "late", "missed")}
    keys |= {f"rating.{r}" for r in RATING_MARK}
    keys |= {f"exposure.{n}" for n in range(6)} | {f"page.{p}" for p in PAGES}
    keys |= {f"health.{h}" for h in ("good", "damaged", "critical")}
    keys |= {f"lobby.bot_{b}" for b in ("greedy", "random")}
    return keys


def fields(template: str) -> set[str]:
    """The {placeholders} of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_the_app_uses_is_in_the_catalogue() -> None:
    missing = sorted((used_keys() | families()) - CATALOGUE.keys())
    assert missing == []


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    en, zh = CATALOGUE[key]
    assert en.strip() and zh.strip()
    assert fields(en) == fields(zh)


def test_t_fills_parameters_and_falls_back_to_the_key() -> None:
    assert t("board.turn", "en", turn=3, turns=12) == "Turn 3 of 12"
    assert t("board.turn", "zh", turn=3, turns=12) == "第 3 / 12 轮"
    assert t("no.such.key", "zh") == "no.such.key"

"""The app finds scenarios on a shelf: the files of Drill's folder, or nothing at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.scenario.problems import ScenarioError
from drill.scenario.text import pick
from drill.session.shelf import EmptyShelf
from drill.store.files import SCENARIOS_DIR, ScenarioFiles, bundled_scenarios, load_bundle

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"


def test_the_files_shelf_offers_the_bundled_scenarios_with_their_titles() -> None:
    shelf = ScenarioFiles()
    assert shelf.bundled() == bundled_scenarios()
    title = load_bundle(REFERENCE).scenario.meta.title
    assert shelf.title(REFERENCE, "en") == pick(title, "en")


def test_the_files_shelf_titles_an_unreadable_file_by_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [", encoding="utf-8")
    assert ScenarioFiles().title(broken, "zh") == "broken"


def test_the_files_shelf_loads_a_scenario_or_says_what_is_wrong(tmp_path: Path) -> None:
    assert ScenarioFiles().load(REFERENCE).scenario.meta.id
    with pytest.raises(ScenarioError):
        ScenarioFiles().load(tmp_path / "missing.yaml")


def test_the_empty_shelf_offers_nothing_and_opens_nothing() -> None:
    shelf = EmptyShelf()
    assert shelf.bundled() == []
    assert shelf.title(REFERENCE, "en") == REFERENCE.stem
    with pytest.raises(ScenarioError, match="opens no scenario files"):
        shelf.load(REFERENCE)

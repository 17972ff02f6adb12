"""`drill new`: every hazard in both languages validates, lints clean and plays."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.authoring.new import (
    HAZARDS,
    ExistsError,
    hazard_words,
    render_scenario,
    scenario_id,
    write_scenario,
)
from drill.bundled import SCHEMA_DIR
from drill.engine.policies import POLICIES
from drill.engine.rules import compile_rules
from drill.engine.scoring import score
from drill.engine.simulate import play
from drill.scenario.lint import lint
from drill.scenario.text import Lang
from drill.store.files import SCENARIOS_DIR, load_bundle


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("hazard", HAZARDS)
def test_new_scenario_validates_lints_clean_and_plays(
    tmp_path: Path, hazard: str, lang: Lang
) -> None:
    path = tmp_path / f"my {hazard}.yaml"
    write_scenario(path, hazard, lang)
    bundle = load_bundle(path)
    assert bundle.warnings == ()
    assert lint(bundle) == []
    assert bundle.scenario.meta.id == f"my_{hazard}"
    assert bundle.scenario.meta.hazard == hazard
    assert bundle.scenario.meta.languages == [lang]
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    for policy in ("random", "greedy"):
        drill = play(rules, 3, POLICIES[policy])
        assert drill.state.stage == "closed"
        assert 0 <= score(rules, drill.state).overall <= 100
    final = bundle.scenario.hazard.phases[-1].id
    assert play(rules, 3, POLICIES["greedy"]).state.phase == final


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_outside_drills_folder_no_path_of_this_machine_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: Lang
) -> None:
    monkeypatch.chdir(tmp_path)
    write_scenario(Path("x.yaml"), "fire", lang)
    text = (tmp_path / "x.yaml").read_text(encoding="utf-8")
    assert "yaml-language-server" not in text.splitlines()[0]
    assert "file:" not in text and str(tmp_path) not in text
    assert str(SCHEMA_DIR.parent) not in text
    # instead, the file says how to save the schema beside it and point editors at it
    assert "`drill schema > scenario.schema.json`" in text
    assert "`# yaml-language-server: $schema=scenario.schema.json`" in text


def test_inside_drills_folder_the_schema_is_a_relative_path() -> None:
    text = render_scenario(SCENARIOS_DIR / "new_one.yaml", "flood", "zh")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/scenario.schema.json"
    assert "drill schema >" not in text


def test_the_file_is_commented_for_a_new_author(tmp_path: Path) -> None:
    text = render_scenario(tmp_path / "x.yaml", "flood", "zh")
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > 25
    assert "drill validate" in text and "drill lint" in text and "drill balance" in text


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("my work", encoding="utf-8")
    with pytest.raises(ExistsError):
        write_scenario(path, "flood", "zh")
    assert path.read_text(encoding="utf-8") == "my work"


def test_every_hazard_has_the_same_words_in_both_languages() -> None:
    words = hazard_words()
    assert set(words) == set(HAZARDS)
    keys = set(words["flood"]["zh"])
    for hazard in HAZARDS:
        assert set(words[hazard]["zh"]) == set(words[hazard]["en"]) == keys
        assert len(words[hazard]["phases"]) == 3 and len(words[hazard]["zones"]) == 2


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("My Flood.yaml", "my_flood"),
        ("2024-drill.yaml", "scenario_2024_drill"),
        ("演练.yaml", "scenario"),
    ],
)
def test_scenario_ids_from_file_names(name: str, expected: str) -> None:
    assert scenario_id(Path(name)) == expected

"""`drill info`: a plain description of roles, turns, phases, injects, objectives and groups."""

from __future__ import annotations

from drill.scenario.text import pick
from drill.store.files import load_bundle
from tests.cli.support import REFERENCE, run


def test_info_names_every_part_of_the_reference_scenario() -> None:
    result = run("info", str(REFERENCE), "--lang", "en")
    assert result.exit_code == 0, result.output
    scenario = load_bundle(REFERENCE).scenario
    out = result.stdout
    assert pick(scenario.meta.title, "en") in out
    assert f"{scenario.meta.turns} turns × {scenario.meta.minutes_per_turn} minutes" in out
    for heading in ("Roles (4)", "Hazard phases", "Injects (MSEL)", "Objectives", "Vulnerable"):
        assert heading in out
    names = [p.id for p in scenario.hazard.phases] + [i.id for i in scenario.injects]
    names += [o.capability for o in scenario.objectives] + [g.id for g in scenario.community.groups]
    assert all(name in out for name in names)
    assert "→ " in out  # phase transitions
    assert "Traceback" not in out


def test_info_in_chinese_uses_chinese_texts() -> None:
    result = run("info", str(REFERENCE), "--lang", "zh")
    assert result.exit_code == 0
    scenario = load_bundle(REFERENCE).scenario
    assert pick(scenario.meta.title, "zh") in result.stdout
    assert "角色 (4)" in result.stdout


def test_info_accepts_the_name_of_a_bundled_scenario() -> None:
    result = run("info", REFERENCE.stem)
    assert result.exit_code == 0
    assert REFERENCE.stem in result.stdout


def test_info_on_a_missing_file_says_what_to_do() -> None:
    result = run("info", "missing.yaml")
    assert result.exit_code == 1
    assert result.stderr.startswith("drill: cannot read missing.yaml: no such file.")
    assert REFERENCE.stem in result.stderr
    assert result.stdout == ""


def test_info_rejects_an_unknown_language() -> None:
    result = run("info", str(REFERENCE), "--lang", "fr")
    assert result.exit_code == 2
    assert "Traceback" not in result.output

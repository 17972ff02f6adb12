"""The table of HSEEP core capabilities: complete, named in both languages, used as documented."""

from __future__ import annotations

import re
from pathlib import Path

from drill.files import bundled_scenarios, load_bundle
from drill.scenario.capabilities import CAPABILITIES, capability_name

SNAKE = re.compile(r"[a-z]+(_[a-z]+)*")
CJK = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parents[2]
DOC_ROW = re.compile(r"^\| `([a-z_]+)` \| (.+?) \| (.+?) \|$", re.MULTILINE)


def test_there_are_the_32_core_capabilities_as_snake_case_ids() -> None:
    assert len(CAPABILITIES) == 32
    assert all(SNAKE.fullmatch(cid) for cid in CAPABILITIES)


def test_every_capability_has_an_english_and_a_chinese_name() -> None:
    for cid, names in CAPABILITIES.items():
        assert names.en.strip() and names.zh.strip(), cid
        assert names.en[0].isupper() and not CJK.search(names.en), cid
        assert CJK.search(names.zh), cid
    assert len({n.zh for n in CAPABILITIES.values()}) == 32


def test_names_in_each_language_and_unknown_ids_with_spaces() -> None:
    assert capability_name("housing", "zh") == "住房恢复重建"
    assert capability_name("housing", "en") == "Housing"
    assert capability_name("our_own_thing", "zh") == "our own thing"


def test_every_bundled_scenario_names_only_core_capabilities() -> None:
    for path in bundled_scenarios():
        for objective in load_bundle(str(path)).scenario.objectives:
            assert objective.capability in CAPABILITIES, (path.name, objective.id)


def test_the_format_guide_lists_exactly_this_table() -> None:
    text = (ROOT / "docs" / "scenario-format.md").read_text(encoding="utf-8")
    table = text.split("| id | core capability | 核心能力 |", 1)[1].split("\n\n", 1)[0]
    rows = [(cid, en, zh) for cid, en, zh in DOC_ROW.findall(table)]
    assert rows == [(cid, n.en, n.zh) for cid, n in CAPABILITIES.items()]

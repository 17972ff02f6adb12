"""The table of HSEEP core capabilities: complete, named in both languages, used as documented."""

from __future__ import annotations

import re
from pathlib import Path

from drill.i18n import t
from drill.i18n.capabilities import capability_name
from drill.scenario.capabilities import CAPABILITIES
from drill.store.files import bundled_scenarios, load_bundle

SNAKE = re.compile(r"[a-z]+(_[a-z]+)*")
CJK = re.compile(r"[\u4e00-\u9fff]")
ROOT = Path(__file__).resolve().parents[2]
DOC_ROW = re.compile(r"^\| `([a-z_]+)` \| (.+?) \| (.+?) \|$", re.MULTILINE)


def test_there_are_the_32_core_capabilities_as_snake_case_ids() -> None:
    assert len(CAPABILITIES) == 32
    assert all(SNAKE.fullmatch(cid) for cid in CAPABILITIES)


def test_every_capability_has_an_english_and_a_chinese_name() -> None:
    for cid in CAPABILITIES:
        en, zh = t(f"capability.{cid}", "en"), t(f"capability.{cid}", "zh")
        assert en.strip() and zh.strip(), cid
        assert en[0].isupper() and not CJK.search(en), cid
        assert CJK.search(zh), cid
    assert len({t(f"capability.{cid}", "zh") for cid in CAPABILITIES}) == 32


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
    names = [(t(f"capability.{cid}", "en"), t(f"capability.{cid}", "zh")) for cid in CAPABILITIES]
    assert rows == [(cid, en, zh) for cid, (en, zh) in zip(CAPABILITIES, names, strict=True)]

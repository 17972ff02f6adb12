"""The one catalogue: every key in both languages with the same placeholders, used and defined."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import get_args

import pytest

from drill.engine.machines import STAGES
from drill.i18n import CATALOGUE, t
from drill.i18n.catalogue import PARTS
from drill.scenario.capabilities import CAPABILITIES
from drill.session.seats import Mode
from drill.store.files import bundled_scenarios, load_bundle
from drill.tui.screens.turn import PAGES
from drill.tui.widgets.scores import RATING_MARK

DRILL = Path(__file__).resolve().parents[2] / "drill"
CATALOGUE_DIR = DRILL / "i18n"
CALL_KEY = re.compile(r"""\b(?:t|tr|t_or|side_by_side)\(\s*["']([a-z_]+\.[A-Za-z_.0-9\- ]+)["']""")
CALL_PREFIX = re.compile(r"""\b(?:t|tr|t_or|side_by_side)\(\s*f["']([a-z_]+\.[a-z_.0-9]*)\{""")
TEMPLATE_STRING = re.compile(r"""["']([^"'{}\n]+)["']""")
TEMPLATE_PREFIX = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z_.0-9]*)["']\s*~""")


def sources() -> list[Path]:
    """Every Python module and template of drill/ outside the catalogue itself."""
    files = [*DRILL.rglob("*.py"), *DRILL.rglob("*.j2")]
    return sorted(p for p in files if CATALOGUE_DIR not in p.parents)


def literal_keys() -> set[str]:
    """Keys written out in a t(...) call of the source or a template."""
    found = {key for path in sources() for key in CALL_KEY.findall(path.read_text("utf-8"))}
    return {key for key in found if not key.endswith(".")}


def prefixes() -> set[str]:
    """Beginnings of keys the source builds from a value: t(f"stage.{stage}", ...)."""
    found: set[str] = set()
    for path in sources():
        text = path.read_text("utf-8")
        found |= set(CALL_PREFIX.findall(text)) | set(TEMPLATE_PREFIX.findall(text))
    return found


def strings() -> set[str]:
    """Every string written in the source: ids and codes that complete a key's beginning."""
    found: set[str] = set()
    for path in sources():
        text = path.read_text("utf-8")
        if path.suffix == ".j2":
            found |= set(TEMPLATE_STRING.findall(text))
            continue
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def scenario_words() -> tuple[set[str], set[str]]:
    """The resource ids and inject methods the bundled scenario files name."""
    resources: set[str] = set()
    methods: set[str] = set()
    for path in bundled_scenarios():
        scenario = load_bundle(str(path)).scenario
        resources |= {r for held in scenario.resources.values() for r in held}
        methods |= {inject.method for inject in scenario.injects}
    return resources, methods


def families() -> set[str]:
    """Keys built from values that are not written as strings: stages, pages, data, ..."""
    keys = {f"stage.{s}" for s in STAGES} | {f"page.{p}" for p in PAGES}
    keys |= {f"rating.{r}" for r in RATING_MARK} | {f"exposure.{n}" for n in range(6)}
    keys |= {f"status.{s}" for s in ("on_time", "late", "missed")}
    keys |= {f"health.{h}" for h in ("good", "damaged", "critical")}
    keys |= {f"mode.{m}_long" for m in get_args(Mode)} | {f"capability.{c}" for c in CAPABILITIES}
    keys |= {"lobby.bot_None", "palette"}  # a seat without a bot; Textual's palette binding
    return keys


def data_keys() -> set[str]:
    """Keys built from scenario data; the app falls back to the data's own words without them."""
    resources, methods = scenario_words()
    return {f"resource.{r}" for r in resources} | {f"method.{m}" for m in methods}


BUILT_ELSEWHERE = ("keyname.", "textual.", "handout.method.")
"""Key names and Textual's key descriptions (from whatever key is bound); the inject methods
a scenario file may name, written on the handouts (underscored ids included)."""


def used(key: str, literal: set[str], starts: set[str], words: set[str]) -> bool:
    """Whether the source names `key` in full (in a call or any string, e.g. a binding's) or
    builds it from a beginning and a string."""
    if key in literal or key.startswith(BUILT_ELSEWHERE):
        return True
    return any(key.startswith(p) and key[len(p) :] in words for p in starts)


def fields(template: str) -> set[str]:
    """The {placeholders} of a template."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_the_source_names_is_in_the_catalogue() -> None:
    missing = sorted((literal_keys() | families()) - CATALOGUE.keys())
    assert missing == []


def test_every_key_in_the_catalogue_is_used() -> None:
    words = strings()
    literal, starts = literal_keys() | families() | data_keys() | words, prefixes()
    unused = sorted(key for key in CATALOGUE if not used(key, literal, starts, words))
    assert unused == []


def test_no_key_is_in_two_parts() -> None:
    assert sum(len(part) for part in PARTS.values()) == len(CATALOGUE)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_each_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    en, zh = CATALOGUE[key]
    assert en.strip() and zh.strip()
    assert fields(en) == fields(zh)


def test_t_fills_parameters_and_falls_back_to_the_key() -> None:
    assert t("board.turn", "en", turn=3, turns=12) == "Turn 3 of 12"
    assert t("board.turn", "zh", turn=3, turns=12) == "第 3 / 12 轮"
    assert t("no.such.key", "zh") == "no.such.key"


def test_the_engine_imports_no_text_only_the_languages() -> None:
    for path in (DRILL / "engine").rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("drill.i18n"):
                assert node.module == "drill.i18n.lang", path.name


REFUSAL_CODE = re.compile(r"""\b(?:IllegalCommand|Refusal)\(\s*["']([a-z_]+)["']""")


def test_every_refusal_the_engine_raises_has_its_words() -> None:
    codes = {
        code
        for path in (DRILL / "engine").rglob("*.py")
        for code in REFUSAL_CODE.findall(path.read_text("utf-8"))
    }
    assert codes and sorted(f"refusal.{c}" for c in codes if f"refusal.{c}" not in CATALOGUE) == []

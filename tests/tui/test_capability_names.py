"""The app names core capabilities from the one table, in both languages."""

from __future__ import annotations

from rich.console import Console

from drill.engine.rules import compile_rules
from drill.engine.scoring import score
from drill.engine.state import initial_state
from drill.scenario.text import Lang
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.tui.widgets.scores import objectives_table


def shown(lang: Lang) -> str:
    """The objectives table of the epidemic scenario at its start, as text."""
    bundle = load_bundle(SCENARIOS_DIR / "epidemic_lockdown_supplies.yaml")
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    console = Console(width=200, record=True)
    console.print(objectives_table(rules, score(rules, initial_state(rules, 1)), lang))
    return console.export_text()


def test_the_app_names_capabilities_it_did_not_know_before_in_chinese() -> None:
    text = shown("zh")
    assert "经济恢复" in text and "卫生与社会服务恢复" in text
    assert "economic" not in text and "_" not in text


def test_the_app_names_capabilities_in_english() -> None:
    text = shown("en")
    assert "Economic recovery" in text and "Health and social services" in text

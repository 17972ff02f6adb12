"""Helpers shared by the scenario loader tests: the mini fixtures as text and as data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from drill.scenario.bundle import build_bundle
from drill.scenario.problems import Problem, ScenarioError

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCENARIO_PATH = "mini_scenario.yaml"
RULESET_PATH = "mini_ruleset.yaml"
SCENARIO_TEXT = (FIXTURES / "mini_scenario.yaml").read_text(encoding="utf-8")
RULESET_TEXT = (FIXTURES / "mini_ruleset.yaml").read_text(encoding="utf-8")
_SCENARIO_DATA: dict[str, Any] = yaml.safe_load(SCENARIO_TEXT)
_RULESET_DATA: dict[str, Any] = yaml.safe_load(RULESET_TEXT)


def scenario_data() -> dict[str, Any]:
    """A fresh copy of the mini scenario as plain data."""
    return copy.deepcopy(_SCENARIO_DATA)


def ruleset_data() -> dict[str, Any]:
    """A fresh copy of the mini ruleset as plain data."""
    return copy.deepcopy(_RULESET_DATA)


def dump(data: Any) -> str:
    """YAML text of plain data, one value per line where possible."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def bundle_problems(scenario: str, ruleset: str = RULESET_TEXT) -> list[Problem]:
    """The problems build_bundle reports for two texts ([] when they are fine)."""
    try:
        build_bundle(scenario, SCENARIO_PATH, ruleset, RULESET_PATH)
    except ScenarioError as error:
        return error.problems
    return []


def line_at(text: str, problem: Problem) -> str:
    """The line of `text` a problem points at."""
    return text.splitlines()[problem.line - 1]

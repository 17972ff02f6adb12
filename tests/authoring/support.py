"""Helpers shared by the authoring tests: the mini fixtures as data, bundles from data."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from drill.scenario.bundle import Bundle, build_bundle
from drill.scenario.lint import lint
from drill.scenario.problems import Problem

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCENARIO_PATH = "mini_scenario.yaml"
RULESET_PATH = "mini_ruleset.yaml"
_SCENARIO: dict[str, Any] = yaml.safe_load((FIXTURES / SCENARIO_PATH).read_text("utf-8"))
_RULESET: dict[str, Any] = yaml.safe_load((FIXTURES / RULESET_PATH).read_text("utf-8"))

Data = dict[str, Any]


def scenario_data() -> Data:
    """A fresh copy of the mini scenario as plain data."""
    return copy.deepcopy(_SCENARIO)


def ruleset_data() -> Data:
    """A fresh copy of the mini ruleset as plain data."""
    return copy.deepcopy(_RULESET)


def dump(data: Any) -> str:
    """YAML text of plain data, one value per line where possible."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)


def bundle_of(scenario: Data, ruleset: Data | None = None) -> Bundle:
    """A checked bundle of two data documents (raises ScenarioError if they are invalid)."""
    ruleset_text = dump(ruleset if ruleset is not None else ruleset_data())
    return build_bundle(dump(scenario), SCENARIO_PATH, ruleset_text, RULESET_PATH)


def lint_of(scenario: Data, ruleset: Data | None = None) -> tuple[list[Problem], Data, Data]:
    """The lint warnings of two data documents, with the texts they were read from."""
    ruleset = ruleset if ruleset is not None else ruleset_data()
    return lint(bundle_of(scenario, ruleset)), scenario, ruleset


def line_of(problem: Problem, scenario: Data, ruleset: Data) -> str:
    """The text of the line a problem points at."""
    text = dump(scenario) if problem.path == SCENARIO_PATH else dump(ruleset)
    return text.splitlines()[problem.line - 1]

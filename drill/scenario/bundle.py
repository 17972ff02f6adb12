"""A ruleset and a scenario that passed every check together, ready for the engine."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from pydantic import BaseModel

from drill.scenario.crossref import check_references
from drill.scenario.models import Ruleset, Scenario
from drill.scenario.parse import validate_document
from drill.scenario.problems import Problem, ScenarioError, only_scenario_errors
from drill.scenario.source import Document, Positions, load_yaml

M = TypeVar("M", bound=BaseModel)
DEFAULT_RULESET = "standard"
RULESET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
"""What a ruleset name may look like (it becomes a file name)."""


@dataclass(frozen=True)
class Bundle:
    """A checked ruleset and scenario, with their file paths and value positions."""

    ruleset: Ruleset
    scenario: Scenario
    ruleset_path: str
    scenario_path: str
    ruleset_positions: Positions
    scenario_positions: Positions
    warnings: tuple[Problem, ...] = ()


def build_bundle(
    scenario_text: str | Document, scenario_path: str, ruleset_text: str, ruleset_path: str
) -> Bundle:
    """Parse and cross-check both files; raise ScenarioError with every problem of both.

    The scenario may be given as a Document already read by `load_yaml`, to read it once.
    """
    problems: list[Problem] = []
    parsed_scenario = _parsed(Scenario, scenario_text, scenario_path, problems)
    parsed_ruleset = _parsed(Ruleset, ruleset_text, ruleset_path, problems)
    if parsed_scenario is None or parsed_ruleset is None:
        raise ScenarioError(problems)
    (scenario, scenario_positions), (ruleset, ruleset_positions) = parsed_scenario, parsed_ruleset
    with only_scenario_errors(scenario_path):
        problems = check_references(
            ruleset, scenario, ruleset_positions, scenario_positions, ruleset_path, scenario_path
        )
    if any(problem.severity == "error" for problem in problems):
        raise ScenarioError(problems)
    return Bundle(
        ruleset,
        scenario,
        ruleset_path,
        scenario_path,
        ruleset_positions,
        scenario_positions,
        tuple(problems),
    )


def _parsed(
    model: type[M], source: str | Document, path: str, problems: list[Problem]
) -> tuple[M, Positions] | None:
    try:
        with only_scenario_errors(path):
            document = source if isinstance(source, Document) else load_yaml(source, path)
            return validate_document(model, document, path), document.positions
    except ScenarioError as error:
        problems.extend(error.problems)
        return None


def ruleset_name(scenario_text: str | Document, path: str) -> str:
    """The ruleset a scenario names (default 'standard'); ScenarioError if unreadable."""
    with only_scenario_errors(path):
        document = scenario_text
        if not isinstance(document, Document):
            document = load_yaml(document, path)
        name = document.data.get("ruleset", DEFAULT_RULESET)
        if isinstance(name, str) and RULESET_NAME.fullmatch(name):
            return name
        line, column = document.positions.at(("ruleset",))
        message = "'ruleset' must be a name of letters, digits, '-' or '_'"
        raise ScenarioError([Problem(path, line, column, message, hint="e.g. 'ruleset: standard'")])

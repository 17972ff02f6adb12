"""Ruleset and scenario texts validated into typed models, every problem with a position."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError

from drill.scenario.explain import explain_errors
from drill.scenario.models import Ruleset, Scenario
from drill.scenario.problems import ScenarioError, only_scenario_errors
from drill.scenario.source import Document, Positions, load_yaml

M = TypeVar("M", bound=BaseModel)


def parse_ruleset(text: str, path: str) -> tuple[Ruleset, Positions]:
    """Read a ruleset; raise ScenarioError listing every problem of the file."""
    return parse_model(Ruleset, text, path)


def parse_scenario(text: str, path: str) -> tuple[Scenario, Positions]:
    """Read a scenario; raise ScenarioError listing every problem of the file."""
    return parse_model(Scenario, text, path)


def parse_model(model: type[M], text: str, path: str) -> tuple[M, Positions]:
    """Read any model from YAML text; raise ScenarioError listing every problem."""
    with only_scenario_errors(path):
        document = load_yaml(text, path)
        return validate_document(model, document, path), document.positions


def validate_document(model: type[M], document: Document, path: str) -> M:
    """Validate plain data read by `load_yaml`; raise ScenarioError in plain words."""
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        problems = explain_errors(error.errors(), model, document.positions, path)
        raise ScenarioError(problems) from None

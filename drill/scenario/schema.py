"""JSON Schemas of the scenario and ruleset formats, for editors and `drill schema`."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from drill.scenario.models import FORMAT_VERSION, Ruleset, Scenario

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file."""
    return _schema(Scenario, "Drill scenario", "Metadata, community, information, hazard, injects")


def ruleset_schema() -> dict[str, Any]:
    """The JSON Schema of a ruleset file."""
    return _schema(Ruleset, "Drill ruleset", "Roles, the library of actions, institutions")


def _schema(model: type[BaseModel], title: str, description: str) -> dict[str, Any]:
    body = model.model_json_schema(by_alias=True, mode="validation")
    _condition_shorthands(body)
    body["title"] = title
    body["description"] = f"{description} (format {FORMAT_VERSION})."
    return {"$schema": JSON_SCHEMA_DIALECT, **body}


def _condition_shorthands(body: dict[str, Any]) -> None:
    """Let editors accept what the loader accepts: `phase: x` and `turn: 3` in conditions."""
    properties = body.get("$defs", {}).get("Condition", {}).get("properties", {})
    phase = properties.get("phase")
    if phase is not None:
        phase["anyOf"].insert(0, {"type": "string", "description": "one phase id"})
    turn = properties.get("turn")
    if turn is not None:
        turn["anyOf"].insert(0, {"type": "integer", "description": "short for {eq: N}"})

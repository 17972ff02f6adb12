"""JSON Schemas of the scenario and ruleset formats."""

from __future__ import annotations

import json

from drill.scenario.schema import JSON_SCHEMA_DIALECT, ruleset_schema, scenario_schema


def test_scenario_schema_has_a_dialect_a_title_and_the_yaml_field_names() -> None:
    schema = scenario_schema()
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    assert schema["title"] == "Drill scenario"
    assert {"meta", "community", "hazard", "injects"} <= set(schema["properties"])
    assert "from" in schema["$defs"]["Inject"]["properties"]
    assert "not" in schema["$defs"]["Condition"]["properties"]
    assert schema["additionalProperties"] is False
    json.dumps(schema)


def test_ruleset_schema_has_a_dialect_a_title_and_requires_roles() -> None:
    schema = ruleset_schema()
    assert schema["$schema"] == JSON_SCHEMA_DIALECT
    assert schema["title"] == "Drill ruleset"
    assert "roles" in schema["required"]
    json.dumps(schema)

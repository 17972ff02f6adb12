"""schema/*.schema.json: what drill.scenario.schema generates, and what the files follow."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from drill.authoring.new import HAZARDS, render_scenario
from drill.authoring.schema_files import RULESET_SCHEMA, SCENARIO_SCHEMA, schema_texts
from drill.store.files import bundled_rulesets, bundled_scenarios

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
jsonschema = pytest.importorskip("jsonschema")


def test_committed_schema_files_are_the_generated_ones() -> None:
    for path, text in schema_texts().items():
        assert path.exists(), f"{path} is missing: run `make schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schema`"


def validator(path: Path) -> Any:
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def problems(path: Path, text: str) -> list[str]:
    found = validator(path).iter_errors(yaml.safe_load(text))
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in found]


@pytest.mark.parametrize(
    "path", [*bundled_scenarios(), FIXTURES / "mini_scenario.yaml"], ids=lambda p: p.name
)
def test_scenarios_follow_the_scenario_schema(path: Path) -> None:
    assert problems(SCENARIO_SCHEMA, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    "path", [*bundled_rulesets(), FIXTURES / "mini_ruleset.yaml"], ids=lambda p: p.name
)
def test_rulesets_follow_the_ruleset_schema(path: Path) -> None:
    assert problems(RULESET_SCHEMA, path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("hazard", HAZARDS)
def test_new_scenarios_follow_the_schema(tmp_path: Path, hazard: str) -> None:
    text = render_scenario(tmp_path / "x.yaml", hazard, "zh")
    assert problems(SCENARIO_SCHEMA, text) == []


def test_the_schema_rejects_what_the_loader_rejects() -> None:
    assert problems(SCENARIO_SCHEMA, "meta: {id: x}\nbogus: 1\n")


@pytest.mark.parametrize(
    ("path", "kind"),
    [(p, "scenario") for p in bundled_scenarios()] + [(p, "ruleset") for p in bundled_rulesets()],
    ids=lambda p: getattr(p, "name", p),
)
def test_bundled_files_point_editors_at_their_schema(path: Path, kind: str) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    wanted = f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
    assert first == wanted, f"make the first line of {path.name}: {wanted}"

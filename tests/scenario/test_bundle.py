"""Bundles: both files parsed and cross-checked together; the ruleset a scenario names."""

from __future__ import annotations

import pytest

from drill.scenario.bundle import Bundle, build_bundle, ruleset_name
from drill.scenario.problems import ScenarioError
from tests.scenario.support import RULESET_PATH, RULESET_TEXT, SCENARIO_PATH, SCENARIO_TEXT


def test_a_bundle_holds_both_models_paths_and_positions() -> None:
    bundle = build_bundle(SCENARIO_TEXT, SCENARIO_PATH, RULESET_TEXT, RULESET_PATH)
    assert isinstance(bundle, Bundle)
    assert bundle.scenario.meta.id == "mini_flood"
    assert bundle.ruleset.id == "mini_ruleset"
    assert (bundle.scenario_path, bundle.ruleset_path) == (SCENARIO_PATH, RULESET_PATH)
    assert bundle.scenario_positions[("meta", "id")][0] > 1
    assert bundle.ruleset_positions.key_at(("roles",)) == (7, 1)
    assert bundle.warnings == ()


def test_problems_of_both_files_are_reported_together() -> None:
    scenario = SCENARIO_TEXT.replace("  turns: 4\n", "")
    ruleset = RULESET_TEXT.replace("id: mini_ruleset", "id: mini_ruleset\nid: again")
    with pytest.raises(ScenarioError) as caught:
        build_bundle(scenario, SCENARIO_PATH, ruleset, RULESET_PATH)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (RULESET_PATH, "duplicate key 'id' (first at line 4)"),
        (SCENARIO_PATH, "missing required field 'turns' in 'meta'"),
    ]


def test_cross_references_are_checked_only_when_both_files_parse() -> None:
    scenario = SCENARIO_TEXT.replace("initial: heavy_rain", "initial: nowhere")
    with pytest.raises(ScenarioError) as caught:
        build_bundle(scenario, SCENARIO_PATH, "id: [", RULESET_PATH)
    assert [p.path for p in caught.value.problems] == [RULESET_PATH]


def test_text_that_is_not_a_string_gives_a_scenario_error() -> None:
    not_text: object = None
    with pytest.raises(ScenarioError) as caught:
        build_bundle(not_text, SCENARIO_PATH, RULESET_TEXT, RULESET_PATH)  # type: ignore[arg-type]
    assert caught.value.problems[0].message == "the file content is not text"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (SCENARIO_TEXT, "mini_ruleset"),
        ("meta: {}\n", "standard"),
        ("ruleset: flood-2\n", "flood-2"),
    ],
)
def test_ruleset_name_reads_only_the_ruleset_key(text: str, name: str) -> None:
    assert ruleset_name(text, "s.yaml") == name


@pytest.mark.parametrize(
    "value", ["../../etc/passwd", "a/b", "", "5", "[standard]", "'-x'", "'x y'", "'a\\\\b'"]
)
def test_ruleset_names_that_are_not_plain_names_are_refused(value: str) -> None:
    with pytest.raises(ScenarioError) as caught:
        ruleset_name(f"meta: {{}}\nruleset: {value}\n", "s.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 2 and problem.column in (9, 10)
    assert problem.message == "'ruleset' must be a name of letters, digits, '-' or '_'"


def test_ruleset_name_of_unreadable_yaml_is_a_scenario_error() -> None:
    with pytest.raises(ScenarioError) as caught:
        ruleset_name("ruleset: [", "s.yaml")
    assert caught.value.problems[0].message.startswith("YAML syntax error")

"""Validation against the models, with pydantic errors rewritten in plain words."""

from __future__ import annotations

import pytest

from drill.scenario.parse import parse_ruleset, parse_scenario
from drill.scenario.problems import Problem, ScenarioError
from tests.scenario.support import RULESET_TEXT, SCENARIO_TEXT

SMALL = """\
meta:
  id: s
  title: Small
  summary: {zh: 小, en: Small}
  hazard: flood
  turns: 3
community:
  sectors:
    - {id: housing, label: Housing}
hazard:
  initial: calm
  phases:
    - id: calm
      label: Calm
"""


def scenario_problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "s.yaml")
    return caught.value.problems


def one(text: str) -> Problem:
    found = scenario_problems(text)
    assert len(found) == 1, "\n".join(p.format() for p in found)
    return found[0]


def test_small_documents_and_the_fixtures_parse() -> None:
    scenario, positions = parse_scenario(SMALL, "s.yaml")
    assert scenario.meta.turns == 3
    assert positions[("hazard", "phases", 0, "id")] == (13, 11)
    assert parse_scenario(SCENARIO_TEXT, "s.yaml")[0].meta.id == "mini_flood"
    assert parse_ruleset(RULESET_TEXT, "r.yaml")[0].id == "mini_ruleset"


def test_missing_required_field_points_at_its_map() -> None:
    problem = one(SMALL.replace("  turns: 3\n", ""))
    assert problem.format() == "s.yaml:2:3: error: missing required field 'turns' in 'meta'"


def test_unknown_field_points_at_the_key_with_a_did_you_mean_hint() -> None:
    problem = one(SMALL.replace("  turns: 3\n", "  turns: 3\n  trns: 3\n"))
    assert problem.format() == (
        "s.yaml:7:3: error: unknown field 'trns' (hint: did you mean 'turns'?)"
    )


def test_unknown_field_without_a_close_match_lists_the_fields_of_small_maps() -> None:
    problem = one(SMALL.replace("Small}", "Small, fr: Petit}"))
    assert problem.message == "unknown field 'fr'"
    assert problem.hint == "expected one of: 'zh', 'en'"


def test_every_problem_of_a_file_is_reported_at_once() -> None:
    text = SMALL.replace("turns: 3", "turns: many").replace("hazard: flood", "hazard: [x]")
    text = text.replace("initial: calm", "initial: calm\n  bogus: 1")
    messages = [p.message for p in scenario_problems(text)]
    assert messages == [
        "'hazard' should be a text, not a list",
        "'turns' should be a whole number, not the text 'many'",
        "unknown field 'bogus'",
    ]


@pytest.mark.parametrize(
    ("old", "new", "position", "message"),
    [
        ("turns: 3", "turns: 0", (6, 10), "'turns' must be at least 1, not 0"),
        ("turns: 3", "turns: 61", (6, 10), "'turns' must be at most 60, not 61"),
        ("turns: 3", "turns: 2.5", (6, 10), "'turns' should be a whole number, not the number 2.5"),
        ("turns: 3", "turns:", (6, 9), "'turns' should be a whole number, not an empty value"),
        (
            "title: Small",
            "title: 5",
            (3, 10),
            "'title' should be a text or a {zh: …, en: …} map, not the number 5",
        ),
        (
            "title: Small",
            "title: [a]",
            (3, 10),
            "'title' should be a text or a {zh: …, en: …} map, not a list",
        ),
        ("title: Small", "title: {zh: 1}", (3, 15), "'zh' should be a text, not the number 1"),
        ("title: Small", "title: {}", (3, 10), "a text needs at least one of 'zh' or 'en'"),
        (
            "  hazard: flood\n",
            "  hazard: flood\n  languages: [zh, fr]\n",
            (6, 19),
            "item 2 of 'languages' must be 'zh' or 'en', not the text 'fr'",
        ),
        (
            "    - {id: housing, label: Housing}",
            "    - {id: housing, label: Housing, start: 120}",
            (9, 44),
            "'start' must be at most 100, not 120",
        ),
        (
            "  sectors:\n    - {id: housing, label: Housing}",
            "  sectors: []",
            (8, 12),
            "'sectors' needs at least 1 item",
        ),
        (
            "  sectors:\n    - {id: housing, label: Housing}",
            "  sectors: housing",
            (8, 12),
            "'sectors' should be a list, not the text 'housing'",
        ),
        (
            "community:\n  sectors:\n    - {id: housing, label: Housing}\n",
            "community: 5\n",
            (7, 12),
            "'community' should be a map of fields (key: value), not the number 5",
        ),
    ],
)
def test_pydantic_errors_in_plain_words_at_the_value(
    old: str, new: str, position: tuple[int, int], message: str
) -> None:
    problem = one(SMALL.replace(old, new))
    assert ((problem.line, problem.column), problem.message) == (position, message)


def test_a_single_item_where_a_list_is_needed_gets_a_hint() -> None:
    text = SMALL + "injects:\n  - {id: i, text: T, to: government}\n"
    problem = one(text)
    assert problem.message == "'to' should be a list or 'all', not the text 'government'"
    assert problem.hint == "for a single item write [government]"
    assert (problem.line, problem.column) == (16, 26)


def test_alias_fields_from_and_not_appear_under_their_yaml_names() -> None:
    text = SMALL + (
        "injects:\n  - id: i\n    text: T\n    from: [x]\n    when: {not: {phse: calm}}\n"
    )
    found = scenario_problems(text)
    assert [(p.line, p.column, p.message) for p in found] == [
        (18, 11, "'from' should be a text or a {zh: …, en: …} map, not a list"),
        (19, 18, "unknown field 'phse'"),
    ]
    assert found[1].hint == "did you mean 'phase'?"


def test_model_validator_errors_point_at_the_model() -> None:
    impact = (
        "      impact:\n"
        "        - {sector: {id: housing, delta: -1}, trust: -1}\n"
        "        - assist: {count: 2}\n"
        "        - flag: {}\n"
    )
    found = scenario_problems(SMALL + impact)
    assert [(p.line, p.column) for p in found] == [(16, 11), (17, 19), (18, 17)]
    assert found[0].message.startswith("an effect must have exactly one of: sector, resource")
    assert found[0].message.endswith("(found: sector, trust)")
    assert found[1].message == "name exactly one of 'group' or 'zone'"
    assert found[2].message == "name exactly one of 'set' or 'clear'"


def test_an_unknown_effect_kind_gets_a_did_you_mean_hint() -> None:
    problem = one(SMALL + "      impact:\n        - sectr: {id: housing, delta: -1}\n")
    assert problem.message == "unknown field 'sectr'"
    assert problem.hint == "did you mean 'sector'?"
    assert (problem.line, problem.column) == (16, 11)


def test_conditions_nest_and_errors_inside_are_found() -> None:
    mitigation = (
        "      mitigations:\n"
        "        - factor: 0.5\n"
        "          when:\n"
        "            all:\n"
        "              - {turn: {gte: 2}}\n"
        "              - any: [{flag: x}, {metric: {name: trust}}]\n"
    )
    problem = one(SMALL + mitigation)
    assert problem.message == "a comparison needs at least one of eq, lt, lte, gt, gte"
    assert (problem.line, problem.column) == (20, 43)


def test_negative_starting_resources_point_at_the_value() -> None:
    problem = one(SMALL + "resources:\n  government: {funds: -1}\n")
    assert problem.format() == "s.yaml:16:23: error: 'funds' must be at least 0, not -1"


def test_ruleset_problems_use_the_ruleset_path() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_ruleset("id: r\ntitle: R\nroles: []\n", "rulesets/r.yaml")
    assert str(caught.value) == "rulesets/r.yaml:3:8: error: 'roles' needs at least 1 item"


def test_yaml_problems_come_before_validation() -> None:
    with pytest.raises(ScenarioError) as caught:
        parse_ruleset("id: r\nid: s\n", "r.yaml")
    assert [p.message for p in caught.value.problems] == ["duplicate key 'id' (first at line 1)"]

"""Cross-references between the mini ruleset and scenario: each kind of id, good and bad."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from drill.scenario.crossref import check_ruleset
from drill.scenario.parse import parse_ruleset
from tests.scenario.support import (
    RULESET_PATH,
    RULESET_TEXT,
    SCENARIO_PATH,
    SCENARIO_TEXT,
    bundle_problems,
    dump,
    line_at,
    ruleset_data,
    scenario_data,
)

Data = dict[str, Any]
Change = Callable[[Data, Data], object]


def put(data: Any, *path_and_value: Any) -> Any:
    """Set the value at a path of keys and indexes; return the changed container."""
    *path, last, value = path_and_value
    for part in path:
        data = data[part]
    data[last] = value
    return data


def add(data: Any, *path_and_item: Any) -> Any:
    """Append an item to the list at a path; return the list."""
    *path, item = path_and_item
    for part in path:
        data = data[part]
    data.append(item)
    return data


def twin(data: Any, *path: Any) -> None:
    """Append a copy of the first item of the list at a path (a duplicate id)."""
    for part in path:
        data = data[part]
    data.append(copy.deepcopy(data[0]))


def impact(item: Data) -> Change:
    return lambda s, r: add(s, "hazard", "phases", 0, "impact", item)


def inject_effect(item: Data) -> Change:
    return lambda s, r: add(s, "injects", 2, "effects", item)


def inject_when(condition: Data) -> Change:
    return lambda s, r: put(s, "injects", 1, "when", condition)


def metric(name: str) -> Change:
    return inject_when({"metric": {"name": name, "gte": 1}})


@dataclass(frozen=True)
class Case:
    """A change to the fixtures and the one problem it must cause."""

    name: str
    change: Change
    message: str
    snippet: str
    hint: str | None = None
    file: str = "scenario"


RULESET_CASES = [
    Case("dup role", lambda s, r: twin(r, "roles"), "duplicate role id 'government'", "government"),
    Case(
        "dup action",
        lambda s, r: twin(r, "actions"),
        "duplicate action id 'issue_warning'",
        "issue_warning",
    ),
    Case(
        "dup institution",
        lambda s, r: twin(r, "institutions"),
        "duplicate institution id 'delegated_authority'",
        "delegated_authority",
    ),
    Case(
        "action roles",
        lambda s, r: put(r, "actions", 0, "roles", ["government", "comittee"]),
        "unknown role 'comittee'",
        "comittee",
        "did you mean 'committee'?",
    ),
    Case(
        "approval by",
        lambda s, r: put(r, "actions", 1, "approval", "by", "goverment"),
        "unknown role 'goverment'",
        "goverment",
        "did you mean 'government'?",
    ),
    Case(
        "waived by",
        lambda s, r: put(r, "actions", 1, "approval", "waived_by", ["delegated_authorty"]),
        "unknown institution 'delegated_authorty'",
        "delegated_authorty",
        "did you mean 'delegated_authority'?",
    ),
    Case(
        "joint roles",
        lambda s, r: put(r, "actions", 2, "joint", "roles", ["government", "residents"]),
        "unknown role 'residents'",
        "residents",
        "expected one of: 'government', 'committee'",
    ),
    Case(
        "joint subset",
        lambda s, r: put(r, "actions", 2, "roles", ["government"]),
        "role 'committee' acts jointly in 'sandbag_defences' but may not take it",
        "committee",
        "add 'committee' to the action's roles",
    ),
    Case(
        "joint min",
        lambda s, r: put(r, "actions", 2, "joint", "min", 3),
        "'min' is 3 but only 2 roles may act jointly",
        "min: 3",
    ),
    Case(
        "discount",
        lambda s, r: put(r, "actions", 1, "discount", "institution", "pact"),
        "unknown institution 'pact'",
        "pact",
    ),
    Case(
        "cost",
        lambda s, r: put(r, "actions", 2, "cost", {"sandbag": 1}),
        "unknown resource 'sandbag'",
        "sandbag:",
        "did you mean 'sandbags'?",
    ),
    Case(
        "resource id",
        lambda s, r: put(r, "actions", 2, "effects", 1, "resource", "id", "volunters"),
        "unknown resource 'volunters'",
        "volunters",
        "did you mean 'volunteers'?",
    ),
    Case(
        "resource role",
        lambda s, r: put(r, "actions", 2, "effects", 1, "resource", "role", "comittee"),
        "unknown role 'comittee'",
        "comittee",
    ),
    Case(
        "effect institution",
        lambda s, r: put(r, "actions", 2, "effects", 2, "institution", "delegated"),
        "unknown institution 'delegated'",
        "delegated",
        "did you mean 'delegated_authority'?",
    ),
    Case(
        "ruleset sector",
        lambda s, r: put(r, "actions", 0, "effects", 0, "sector", "id", "info"),
        "unknown sector 'info'",
        "info",
        "expected one of: 'housing', 'information'",
    ),
    Case(
        "target kind",
        lambda s, r: put(r, "actions", 1, "effects", 1, "assist", {"group": "$target", "count": 1}),
        "'$target' stands for the group an order aims at",
        "$target",
        "use it only in an action with 'target: group'",
    ),
    Case(
        "requires phase",
        lambda s, r: put(r, "actions", 2, "requires", {"phase": ["heavy_rian"]}),
        "unknown phase 'heavy_rian'",
        "heavy_rian",
        "did you mean 'heavy_rain'?",
    ),
    Case(
        "requires self",
        lambda s, r: put(
            r, "actions", 2, "requires", {"metric": {"name": "resource.$self.funds", "gt": 0}}
        ),
        "'$self' (the acting role) only exists in an action's effects",
        "resource.$self.funds",
    ),
    Case(
        "ruleset language",
        lambda s, r: put(r, "roles", 0, "label", {"zh": "街道办事处"}),
        "text has no 'en' version",
        "街道办事处",
    ),
]
RULESET_CASES = [
    Case(c.name, c.change, c.message, c.snippet, c.hint, "ruleset") for c in RULESET_CASES
]

SCENARIO_CASES = [
    Case(
        "dup sector",
        lambda s, r: twin(s, "community", "sectors"),
        "duplicate sector id 'housing'",
        "housing",
    ),
    Case(
        "dup zone",
        lambda s, r: twin(s, "community", "zones"),
        "duplicate zone id 'low_block'",
        "low_block",
    ),
    Case(
        "dup group",
        lambda s, r: twin(s, "community", "groups"),
        "duplicate group id 'elderly_alone'",
        "elderly_alone",
    ),
    Case(
        "dup info",
        lambda s, r: twin(s, "information"),
        "duplicate information item id 'rain_forecast'",
        "rain_forecast",
    ),
    Case(
        "dup scenario action",
        lambda s, r: twin(s, "actions"),
        "duplicate action id 'share_information'",
        "share_information",
    ),
    Case(
        "dup phase",
        lambda s, r: twin(s, "hazard", "phases"),
        "duplicate phase id 'heavy_rain'",
        "heavy_rain",
    ),
    Case(
        "dup inject",
        lambda s, r: twin(s, "injects"),
        "duplicate inject id 'rain_warning'",
        "rain_warning",
    ),
    Case(
        "dup objective",
        lambda s, r: twin(s, "objectives"),
        "duplicate objective id 'warn_public'",
        "warn_public",
    ),
    Case(
        "dup scenario institution",
        lambda s, r: put(s, "institutions", [{"id": "p", "label": "P"}] * 2),
        "duplicate institution id 'p'",
        "p",
    ),
    Case(
        "group zone",
        lambda s, r: put(s, "community", "groups", 0, "zone", "low_blok"),
        "unknown zone 'low_blok'",
        "low_blok",
        "did you mean 'low_block'?",
    ),
    Case(
        "resources key",
        lambda s, r: put(s, "resources", "goverment", {"funds": 1}),
        "unknown role 'goverment'",
        "goverment:",
        "did you mean 'government'?",
    ),
    Case(
        "briefing key",
        lambda s, r: put(s, "role_briefings", "comittee", "x"),
        "unknown role 'comittee'",
        "comittee:",
    ),
    Case(
        "known_by",
        lambda s, r: put(s, "information", 0, "known_by", ["goverment"]),
        "unknown role 'goverment'",
        "goverment",
    ),
    Case(
        "needed_by",
        lambda s, r: put(s, "information", 0, "needed_by", ["issue_warnin"]),
        "unknown action 'issue_warnin'",
        "issue_warnin",
        "did you mean 'issue_warning'?",
    ),
    Case(
        "initial",
        lambda s, r: put(s, "hazard", "initial", "rain"),
        "unknown phase 'rain'",
        "initial: rain",
    ),
    Case(
        "source",
        lambda s, r: put(s, "hazard", "transitions", 0, "source", "heavy"),
        "unknown phase 'heavy'",
        "source: heavy",
    ),
    Case(
        "source list",
        lambda s, r: put(s, "hazard", "transitions", 0, "source", ["heavy_rain", "dry"]),
        "unknown phase 'dry'",
        "dry",
    ),
    Case(
        "dest",
        lambda s, r: put(s, "hazard", "transitions", 0, "dest", "receeding"),
        "unknown phase 'receeding'",
        "receeding",
        "did you mean 'receding'?",
    ),
    Case(
        "transition when",
        lambda s, r: put(s, "hazard", "transitions", 0, "when", {"institution": "plan"}),
        "unknown institution 'plan'",
        "plan",
    ),
    Case(
        "impact sector",
        lambda s, r: put(s, "hazard", "phases", 0, "impact", 0, "sector", "id", "housng"),
        "unknown sector 'housng'",
        "housng",
        "did you mean 'housing'?",
    ),
    Case(
        "impact zone",
        lambda s, r: put(s, "hazard", "phases", 0, "impact", 1, "affect", "zone", "river"),
        "unknown zone 'river'",
        "river",
    ),
    Case(
        "impact target",
        lambda s, r: put(s, "hazard", "phases", 0, "impact", 1, "affect", "zone", "$target"),
        "'$target' stands for the zone an order aims at",
        "$target",
    ),
    Case(
        "impact self",
        impact({"resource": {"id": "funds", "delta": -1}}),
        "'$self' (the acting role) only exists in an action's effects",
        "id: funds",
        "name the role, e.g. 'role: government'",
    ),
    Case(
        "exposure zone",
        impact({"exposure": {"zone": "river", "delta": 1}}),
        "unknown zone 'river'",
        "river",
    ),
    Case(
        "assist group",
        impact({"assist": {"group": "elderly", "count": 1}}),
        "unknown group 'elderly'",
        "elderly",
        "did you mean 'elderly_alone'?",
    ),
    Case(
        "mitigation action",
        lambda s, r: put(
            s,
            "hazard",
            "phases",
            0,
            "mitigations",
            0,
            "when",
            {"action": {"id": "sandbag_defence"}},
        ),
        "unknown action 'sandbag_defence'",
        "sandbag_defence",
        "did you mean 'sandbag_defences'?",
    ),
    Case(
        "mitigation action by",
        lambda s, r: put(
            s,
            "hazard",
            "phases",
            0,
            "mitigations",
            0,
            "when",
            {"action": {"id": "sandbag_defences", "by": ["goverment"]}},
        ),
        "unknown role 'goverment'",
        "goverment",
    ),
    Case(
        "inject turn",
        lambda s, r: put(s, "injects", 0, "turn", 5),
        "inject 'rain_warning' is due in turn 5, after the last turn 4",
        "turn: 5",
    ),
    Case(
        "inject to",
        lambda s, r: put(s, "injects", 0, "to", ["goverment"]),
        "unknown role 'goverment'",
        "goverment",
    ),
    Case(
        "reveals",
        lambda s, r: put(s, "injects", 0, "reveals", ["rain_forcast"]),
        "unknown information item 'rain_forcast'",
        "rain_forcast",
        "did you mean 'rain_forecast'?",
    ),
    Case(
        "contingency",
        lambda s, r: put(s, "injects", 0, "contingency", "warning_mised"),
        "unknown inject 'warning_mised'",
        "warning_mised",
        "did you mean 'warning_missed'?",
    ),
    Case(
        "own contingency",
        lambda s, r: put(s, "injects", 0, "contingency", "rain_warning"),
        "inject 'rain_warning' is its own contingency",
        "contingency: rain_warning",
    ),
    Case(
        "expects action",
        lambda s, r: put(s, "injects", 0, "expects", 0, "action", "issue_warnings"),
        "unknown action 'issue_warnings'",
        "issue_warnings",
    ),
    Case(
        "expects by",
        lambda s, r: put(s, "injects", 0, "expects", 0, "by", ["goverment"]),
        "unknown role 'goverment'",
        "goverment",
    ),
    Case(
        "expects objective",
        lambda s, r: put(s, "injects", 0, "expects", 0, "objective", "warn_publik"),
        "unknown objective 'warn_publik'",
        "warn_publik",
        "did you mean 'warn_public'?",
    ),
    Case(
        "expects nobody able",
        lambda s, r: (
            put(s, "injects", 1, "expects", 0, "by", ["government"]),
            put(r, "actions", 1, "roles", ["committee"]),
        ),
        "none of the roles in 'by' may take action 'evacuate_zone'",
        "government",
        "it is for: committee",
    ),
    Case("when phase", inject_when({"phase": "heavy"}), "unknown phase 'heavy'", "phase: heavy"),
    Case(
        "when known info",
        inject_when({"known": {"info": "rain"}}),
        "unknown information item 'rain'",
        "info: rain",
    ),
    Case(
        "when known by",
        inject_when({"known": {"info": "rain_forecast", "by": "residents"}}),
        "unknown role 'residents'",
        "by: residents",
    ),
    Case(
        "when nested",
        inject_when(
            {
                "all": [
                    {"turn": {"gte": 1}},
                    {"not": {"any": [{"flag": "x"}, {"institution": "pact"}]}},
                ]
            }
        ),
        "unknown institution 'pact'",
        "institution: pact",
    ),
    Case(
        "when target",
        metric("exposure.$target"),
        "a metric cannot use '$target'",
        "exposure.$target",
    ),
    Case(
        "reveal info",
        inject_effect({"reveal": {"info": "elderly_lst"}}),
        "unknown information item 'elderly_lst'",
        "elderly_lst",
        "did you mean 'elderly_list'?",
    ),
    Case(
        "reveal to one",
        inject_effect({"reveal": {"info": "elderly_list", "to": "residents"}}),
        "unknown role 'residents'",
        "residents",
    ),
    Case(
        "reveal to list",
        inject_effect({"reveal": {"info": "elderly_list", "to": ["government", "mayor"]}}),
        "unknown role 'mayor'",
        "mayor",
    ),
    Case(
        "release",
        inject_effect({"release": "water_risng"}),
        "unknown inject 'water_risng'",
        "water_risng",
        "did you mean 'water_rising'?",
    ),
    Case(
        "trigger",
        inject_effect({"trigger": "rain_stop"}),
        "unknown trigger 'rain_stop'",
        "rain_stop",
        "did you mean 'rain_stops'?",
    ),
    Case(
        "effect institution",
        inject_effect({"institution": "pact"}),
        "unknown institution 'pact'",
        "pact",
    ),
    Case(
        "metric kind",
        metric("sectors.housing"),
        "unknown metric 'sectors.housing'",
        "sectors.housing",
        "did you mean 'sector'?",
    ),
    Case(
        "metric unknown",
        metric("temperature"),
        "unknown metric 'temperature'",
        "temperature",
        "metrics are: functionality, trust",
    ),
    Case(
        "metric form",
        metric("sector"),
        "metric 'sector' should look like 'sector.<sector>'",
        "name: sector",
    ),
    Case(
        "metric form resource",
        metric("resource.funds"),
        "metric 'resource.funds' should look like 'resource.<role>.<resource>'",
        "resource.funds",
    ),
    Case("metric sector", metric("sector.houses"), "unknown sector 'houses'", "sector.houses"),
    Case("metric zone", metric("exposure.river"), "unknown zone 'river'", "exposure.river"),
    Case("metric assisted", metric("assisted.kids"), "unknown group 'kids'", "assisted.kids"),
    Case("metric affected", metric("affected.kids"), "unknown group 'kids'", "affected.kids"),
    Case(
        "metric resource",
        metric("resource.government.gold"),
        "unknown resource 'gold'",
        "resource.government.gold",
    ),
    Case(
        "metric role",
        metric("resource.mayor.funds"),
        "unknown role 'mayor'",
        "resource.mayor.funds",
    ),
    Case(
        "metric self",
        metric("resource.$self.funds"),
        "'$self' (the acting role) only exists in an action's effects",
        "resource.$self.funds",
    ),
    Case(
        "ruleset name",
        lambda s, r: put(s, "ruleset", "standard"),
        "the scenario uses ruleset 'standard' but was given 'mini_ruleset'",
        "ruleset: standard",
    ),
    Case(
        "scenario language",
        lambda s, r: put(s, "meta", "title", {"zh": "迷你"}),
        "text has no 'en' version",
        "迷你",
    ),
    Case(
        "scenario language zh",
        lambda s, r: put(s, "objectives", 1, "text", {"en": "Protect"}),
        "text has no 'zh' version",
        "Protect",
    ),
]


@pytest.mark.parametrize("case", RULESET_CASES + SCENARIO_CASES, ids=lambda case: case.name)
def test_a_broken_reference_is_reported_once_at_its_place(case: Case) -> None:
    scenario, ruleset = scenario_data(), ruleset_data()
    case.change(scenario, ruleset)
    scenario_text, ruleset_text = dump(scenario), dump(ruleset)
    problems = bundle_problems(scenario_text, ruleset_text)
    found = [p for p in problems if p.message.startswith(case.message)]
    assert len(found) == 1, "\n".join(p.format() for p in problems)
    problem = found[0]
    in_ruleset = case.file == "ruleset"
    assert problem.path == (RULESET_PATH if in_ruleset else SCENARIO_PATH)
    assert case.snippet in line_at(ruleset_text if in_ruleset else scenario_text, problem)
    if case.hint is not None:
        assert problem.hint is not None and problem.hint.startswith(case.hint)


def test_the_fixtures_have_no_problems() -> None:
    assert bundle_problems(SCENARIO_TEXT, RULESET_TEXT) == []
    assert bundle_problems(dump(scenario_data()), dump(ruleset_data())) == []


def test_exact_format_of_a_reference_problem() -> None:
    text = SCENARIO_TEXT.replace("dest: receding", "dest: recedin")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "dest: recedin" in row)
    column = text.splitlines()[line - 1].index("recedin") + 1
    (problem,) = bundle_problems(text)
    assert problem.format() == (
        f"{SCENARIO_PATH}:{line}:{column}: error: unknown phase 'recedin'"
        " (hint: did you mean 'receding'?)"
    )


def test_every_problem_of_both_files_is_reported_at_once() -> None:
    scenario, ruleset = scenario_data(), ruleset_data()
    put(scenario, "hazard", "initial", "rain")
    put(scenario, "injects", 0, "contingency", "nothing")
    put(ruleset, "actions", 1, "approval", "by", "mayor")
    problems = bundle_problems(dump(scenario), dump(ruleset))
    assert sorted(p.message for p in problems) == [
        "unknown inject 'nothing'",
        "unknown phase 'rain'",
        "unknown role 'mayor'",
    ]
    assert [p.path for p in problems] == [RULESET_PATH, SCENARIO_PATH, SCENARIO_PATH]


GOOD_CHANGES: list[tuple[str, Change]] = [
    ("plain string texts", lambda s, r: put(s, "meta", "title", "Mini")),
    (
        "one language only",
        lambda s, r: (put(s, "meta", "languages", ["zh"]), put(s, "meta", "title", {"zh": "迷你"})),
    ),
    (
        "scenario institution",
        lambda s, r: (
            put(s, "institutions", [{"id": "flood_pact", "label": "Pact"}]),
            put(s, "hazard", "phases", 0, "mitigations", 0, "when", {"institution": "flood_pact"}),
            inject_effect({"institution": "delegated_authority"})(s, r),
        ),
    ),
    ("any source", lambda s, r: put(s, "hazard", "transitions", 0, "source", "*")),
    (
        "group target",
        lambda s, r: (
            put(r, "actions", 1, "target", "group"),
            put(r, "actions", 1, "effects", 0, "exposure", "zone", "low_block"),
            put(r, "actions", 1, "effects", 1, "assist", {"group": "$target", "count": 1}),
        ),
    ),
    (
        "scenario action replaces ruleset action",
        lambda s, r: (
            add(s, "actions", {"id": "issue_warning", "label": "Warn", "roles": ["committee"]}),
            put(r, "actions", 0, "cost", {"gold": 1}),
        ),
    ),
    (
        "every metric form",
        inject_when(
            {
                "all": [
                    {"metric": {"name": name, "gte": 0}}
                    for name in [
                        "functionality",
                        "trust",
                        "sector.housing",
                        "exposure.low_block",
                        "assisted.elderly_alone",
                        "affected.elderly_alone",
                        "resource.committee.volunteers",
                    ]
                ]
            }
        ),
    ),
    ("inject to all", lambda s, r: put(s, "injects", 0, "to", "all")),
    ("reveal to all", inject_effect({"reveal": {"info": "elderly_list", "to": "all"}})),
    ("inject on the last turn", lambda s, r: put(s, "injects", 0, "turn", 4)),
]


@pytest.mark.parametrize(("name", "change"), GOOD_CHANGES, ids=[n for n, _ in GOOD_CHANGES])
def test_valid_references_pass(name: str, change: Change) -> None:
    scenario, ruleset = scenario_data(), ruleset_data()
    change(scenario, ruleset)
    problems = bundle_problems(dump(scenario), dump(ruleset))
    assert problems == [], "\n".join(p.format() for p in problems)


def test_a_ruleset_alone_is_checked_without_a_scenario() -> None:
    ruleset = ruleset_data()
    twin(ruleset, "roles")
    put(ruleset, "actions", 0, "effects", 0, "sector", "id", "anything")
    put(ruleset, "actions", 1, "approval", "by", "mayor")
    text = dump(ruleset)
    model, positions = parse_ruleset(text, "r.yaml")
    messages = [p.message for p in check_ruleset(model, positions, "r.yaml")]
    assert messages[0].startswith("duplicate role id 'government'")
    assert messages[1:] == ["unknown role 'mayor'"]


def test_the_mini_ruleset_alone_has_no_problems() -> None:
    model, positions = parse_ruleset(RULESET_TEXT, "r.yaml")
    assert check_ruleset(model, positions, "r.yaml") == []


def test_a_metric_cannot_name_the_order_target() -> None:
    scenario, ruleset = scenario_data(), ruleset_data()
    put(ruleset, "actions", 1, "requires", {"metric": {"name": "exposure.$target", "gte": 1}})
    messages = [p.message for p in bundle_problems(dump(scenario), dump(ruleset))]
    assert any("a metric cannot use '$target'" in m for m in messages)

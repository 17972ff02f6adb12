"""`lint`: each kind of warning on a small crafted bundle, at the node it is about."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from drill.scenario.lint import CHECKS, lint
from drill.scenario.problems import Problem
from drill.store.files import bundled_scenarios, load_bundle
from tests.authoring.support import Data, line_of, lint_of, ruleset_data, scenario_data


def clean() -> Data:
    """The mini scenario without the one thing lint finds in it (funds nobody spends)."""
    data = scenario_data()
    for stock in data["resources"].values():
        del stock["funds"]
    return data


def only(problems: list[Problem], fragment: str) -> Problem:
    """The one problem whose message contains `fragment`."""
    found = [p for p in problems if fragment in p.message]
    assert len(found) == 1, [p.format() for p in problems]
    return found[0]


def test_the_clean_mini_scenario_has_no_warnings() -> None:
    problems, _, _ = lint_of(clean())
    assert problems == []


def test_the_mini_fixture_spends_no_funds() -> None:
    problems, scenario, ruleset = lint_of(scenario_data())
    problem = only(problems, "resource 'funds' is never used")
    assert problem.severity == "warning"
    assert line_of(problem, scenario, ruleset).strip().startswith("funds:")


def test_every_warning_is_a_warning_with_a_position() -> None:
    data = clean()
    data["objectives"].append({"id": "idle", "text": "x", "capability": "planning"})
    data["injects"].append({"id": "lost", "text": "x"})
    problems, _, _ = lint_of(data)
    assert {p.severity for p in problems} == {"warning"}
    assert all(p.line > 1 and p.column >= 1 for p in problems)


# --- hazard -----------------------------------------------------------------------------


def test_unreachable_phase() -> None:
    data = clean()
    data["hazard"]["phases"].insert(1, {"id": "orphan", "label": "Orphan"})
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "phase 'orphan' can never be reached")
    assert "orphan" in line_of(problem, scenario, ruleset)
    assert len(problems) == 1


def test_dead_end_phase_but_not_the_final_one() -> None:
    data = clean()
    data["hazard"]["phases"].append({"id": "aftermath", "label": "Aftermath"})
    data["hazard"]["transitions"].append(
        {"trigger": "early_end", "source": "heavy_rain", "dest": "aftermath", "when": {"flag": "x"}}
    )
    data["hazard"]["transitions"][0]["when"] = {"turn": {"gte": 2}}
    data["actions"].append(
        {"id": "declare", "label": "Declare", "effects": [{"flag": {"set": "x"}}]}
    )
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "phase 'receding' has no way out")
    assert "receding" in line_of(problem, scenario, ruleset)
    assert not [p for p in problems if "aftermath" in p.message]


def test_transition_that_is_never_fired() -> None:
    data = clean()
    data["hazard"]["transitions"][0]["auto"] = False
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "transition 'rain_stops' can never be taken")
    assert "no effect fires trigger 'rain_stops'" in problem.message
    assert "rain_stops" in line_of(problem, scenario, ruleset)
    only(problems, "phase 'receding' can never be reached")


def test_a_trigger_effect_makes_the_transition_possible() -> None:
    data = clean()
    data["hazard"]["transitions"][0]["auto"] = False
    data["injects"][0]["effects"] = [{"trigger": "rain_stops"}]
    problems, _, _ = lint_of(data)
    assert problems == []


def test_turn_limit_shorter_than_the_phase_path() -> None:
    data = clean()
    data["meta"]["turns"] = 2
    hazard = data["hazard"]
    hazard["transitions"][0].pop("when")
    for source, dest in (("receding", "drying"), ("drying", "aftermath")):
        hazard["phases"].append({"id": dest, "label": dest})
        hazard["transitions"].append({"trigger": f"to_{dest}", "source": source, "dest": dest})
    data["community"]["groups"][0]["deadline"] = 2
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "the drill has 2 turns but the final phase 'aftermath'")
    assert "turn 3" in problem.message
    assert line_of(problem, scenario, ruleset).strip() == "turns: 2"


def test_a_turn_bound_delays_the_final_phase() -> None:
    data = clean()
    data["hazard"]["transitions"][0]["when"] = {"all": [{"turn": {"gte": 4}}]}
    assert lint_of(data)[0] == []
    data["meta"]["turns"] = 3
    data["community"]["groups"][0]["deadline"] = 2
    problems, _, _ = lint_of(data)
    only(problems, "transition 'rain_stops' can never be taken")


# --- injects and objectives ------------------------------------------------------------


def test_inject_that_is_never_released() -> None:
    data = clean()
    data["injects"].append({"id": "lost", "text": "Nobody sends this."})
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "inject 'lost' can never be released")
    assert "no 'turn' and no 'when'" in problem.message
    assert "lost" in line_of(problem, scenario, ruleset)


def test_inject_whose_condition_never_holds() -> None:
    data = clean()
    data["injects"].append({"id": "late", "text": "x", "when": {"flag": "nobody_sets_it"}})
    problems, _, _ = lint_of(data)
    problem = only(problems, "inject 'late' can never be released")
    assert "flag 'nobody_sets_it' is never set" in problem.message


def test_inject_released_by_an_effect_is_fine() -> None:
    data = clean()
    data["injects"].append({"id": "follow_up", "text": "x"})
    data["injects"][1]["effects"].append({"release": "follow_up"})
    assert lint_of(data)[0] == []


def test_contingency_of_an_inject_without_expected_responses() -> None:
    data = clean()
    data["injects"][0]["expects"] = []
    data["objectives"] = data["objectives"][1:]
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "has a contingency but no expected responses")
    assert "contingency" in line_of(problem, scenario, ruleset)
    only(problems, "inject 'warning_missed' can never be released")


def test_expected_response_by_a_role_that_may_not_take_the_action() -> None:
    ruleset = ruleset_data()
    ruleset["actions"][1]["roles"] = ["committee"]
    data = clean()
    data["injects"][1]["expects"][0]["by"] = ["committee", "government"]
    problems, scenario, _ = lint_of(data, ruleset)
    problem = only(problems, "'government' is expected to answer 'water_rising'")
    assert "'government' is not one of its roles" in problem.message
    assert line_of(problem, scenario, ruleset).strip() == "- government"


def test_objective_without_expected_responses() -> None:
    data = clean()
    data["objectives"].append({"id": "idle", "text": "Idle.", "capability": "planning"})
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "objective 'idle' has no expected responses")
    assert "idle" in line_of(problem, scenario, ruleset)


def test_objective_rated_only_by_an_inject_never_released() -> None:
    data = clean()
    data["injects"][1].pop("when")
    problems, _, _ = lint_of(data)
    only(problems, "objective 'protect_vulnerable' is only rated by injects that are never")


def test_misspelt_capability_is_warned_about_at_its_value_with_a_hint() -> None:
    data = clean()
    data["objectives"][0]["capability"] = "public_informaton_and_warning"
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "names capability 'public_informaton_and_warning'")
    assert problem.severity == "warning"
    assert "not one of the 32 HSEEP core capabilities" in problem.message
    assert problem.hint == "did you mean 'public_information_and_warning'?"
    line = line_of(problem, scenario, ruleset)
    assert line.strip() == "capability: public_informaton_and_warning"
    assert line[problem.column - 1 :] == "public_informaton_and_warning"
    assert len(problems) == 1


def test_a_capability_of_the_scenarios_own_is_only_a_warning() -> None:
    data = clean()
    data["objectives"][0]["capability"] = "neighbourly_tea"
    problems, _, _ = lint_of(data)
    problem = only(problems, "names capability 'neighbourly_tea'")
    assert problem.severity == "warning"
    assert problem.hint is not None and "did you mean" not in problem.hint
    assert "docs/scenario-format.md" in problem.hint


# --- information, actions, resources, groups ---------------------------------------------


def test_information_never_needed() -> None:
    data = clean()
    data["information"].append({"id": "gossip", "text": "x", "known_by": ["committee"]})
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "information 'gossip' is never needed")
    assert "gossip" in line_of(problem, scenario, ruleset)


def test_information_needed_by_a_condition_counts_as_needed() -> None:
    data = clean()
    data["information"].append({"id": "gossip", "text": "x", "known_by": ["committee"]})
    data["injects"].append({"id": "heard", "text": "x", "when": {"known": {"info": "gossip"}}})
    assert lint_of(data)[0] == []


def test_information_nobody_can_know() -> None:
    data = clean()
    data["information"][0]["known_by"] = []
    data["injects"][0]["reveals"] = []
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "information 'rain_forecast' can never be known")
    assert "rain_forecast" in line_of(problem, scenario, ruleset)


def test_information_revealed_by_an_effect_can_be_known() -> None:
    data = clean()
    data["information"][0]["known_by"] = []
    data["injects"][0]["reveals"] = []
    data["injects"][0]["effects"] = [{"reveal": {"info": "rain_forecast", "to": ["committee"]}}]
    assert lint_of(data)[0] == []


def test_action_requiring_a_flag_nobody_sets() -> None:
    data = clean()
    data["actions"].append(
        {"id": "reopen", "label": "Reopen", "requires": {"flag": "all_clear"}, "effects": []}
    )
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "action 'reopen' can never be carried out")
    assert "flag 'all_clear' is never set" in problem.message
    assert "reopen" in line_of(problem, scenario, ruleset)


def test_action_in_a_phase_that_is_never_reached() -> None:
    ruleset = ruleset_data()
    ruleset["actions"][2]["requires"] = {"phase": ["receding"]}
    data = clean()
    data["hazard"]["transitions"][0]["when"] = {"turn": {"gte": 9}}
    problems, _, _ = lint_of(data, ruleset)
    problem = only(problems, "action 'sandbag_defences' can never be carried out")
    assert problem.path == "mini_ruleset.yaml"
    assert "phase 'receding' is never reached" in problem.message


def test_resource_nobody_uses() -> None:
    data = clean()
    data["resources"]["government"]["boats"] = 2
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "resource 'boats' is never used")
    assert line_of(problem, scenario, ruleset).strip() == "boats: 2"


def test_a_resource_named_in_a_metric_is_used() -> None:
    data = clean()
    data["resources"]["government"]["boats"] = 2
    data["injects"].append(
        {
            "id": "boats",
            "text": "x",
            "when": {"metric": {"name": "resource.government.boats", "lt": 1}},
        }
    )
    assert lint_of(data)[0] == []


def test_vulnerable_group_no_action_can_assist() -> None:
    data = clean()
    data["community"]["groups"].append(
        {"id": "migrants", "label": "Migrant workers", "count": 5, "deadline": 3}
    )
    problems, scenario, ruleset = lint_of(data)
    problem = only(problems, "no action that can be carried out ever assists group 'migrants'")
    assert "migrants" in line_of(problem, scenario, ruleset)


def test_joint_action_without_enough_partners_gives_a_reason_per_role() -> None:
    ruleset = ruleset_data()
    ruleset["roles"][1]["action_points"] = 0
    problems, _, _ = lint_of(clean(), ruleset)
    message = only(problems, "action 'sandbag_defences' can never be carried out").message
    assert "government: it needs 2 partners but only 1 can order it" in message
    assert "committee: it costs 1 action points, more than the 0 of 'committee'" in message


def test_action_needing_an_approval_nobody_can_give() -> None:
    ruleset = ruleset_data()
    ruleset["actions"][1]["roles"] = ["committee"]
    ruleset["institutions"] = []
    ruleset["actions"][1]["approval"] = {"by": "government"}
    ruleset["actions"][1].pop("discount")
    ruleset["actions"][2]["effects"].pop()
    problems, _, _ = lint_of(clean(), ruleset)
    problem = only(problems, "action 'evacuate_zone' can never be carried out")
    assert "approval of 'government', who can never approve" in problem.message


# --- bundled scenarios and speed -----------------------------------------------------------

KNOWN_WARNINGS = {
    "heatwave_power_outage.yaml": {
        "action 'sandbag_defences' can never be carried out",
        "action 'deploy_pumps' can never be carried out",
    },
}
"""Known warnings: a heatwave has no use for the standard ruleset's sandbags and pumps."""


@pytest.mark.parametrize("path", bundled_scenarios(), ids=lambda p: p.name)
def test_bundled_scenarios_are_lint_clean_but_for_reported_warnings(path: object) -> None:
    problems = lint(load_bundle(str(path)))
    allowed = KNOWN_WARNINGS.get(getattr(path, "name", ""), set())
    unexpected = [p.format() for p in problems if not any(a in p.message for a in allowed)]
    assert unexpected == []


def test_the_checks_have_docstrings() -> None:
    checks: tuple[Callable[..., object], ...] = CHECKS
    assert all(check.__doc__ for check in checks)

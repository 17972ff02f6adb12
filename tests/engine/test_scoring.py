"""Scores exactly as DESIGN §5 and docs/rules.md, each computed by hand."""

from __future__ import annotations

from typing import Any

import pytest

from drill.engine import commands as cmd
from drill.engine.scoring import (
    RoleContribution,
    cohesion,
    expectation_statuses,
    rating,
    recovery,
    response,
    score,
    share_score,
    weighted_mean,
)
from tests.engine.support import Game, game, make_rules

approx = pytest.approx

# --- recovery ---------------------------------------------------------------------------


def test_recovery_index_robustness_and_rapidity() -> None:
    # Q(0) = 80; Q/Q0 = 1, 0.5, 0.75, 1 -> R = 100 * 3.25 / 4 = 81.25
    # the minimum 40 is at t=2; Q >= 0.9 * 80 = 72 first again at t=4 -> rapidity 2
    index, robustness, rapidity = recovery(80, [80, 40, 60, 80])
    assert index == approx(81.25)
    assert (robustness, rapidity) == (40, 2)


def test_recovery_rapidity_counts_from_the_first_minimum() -> None:
    # minimum 40 at t=1 and t=3; back to >= 72 first at t=4 -> 3 turns from t=1
    assert recovery(80, [40, 50, 40, 72])[2] == 3


def test_recovery_never_back_has_no_rapidity() -> None:
    # R = 100 * (0.5 + 0.625) / 2 = 56.25; 50 < 72 so never recovered
    index, robustness, rapidity = recovery(80, [40, 50])
    assert index == approx(56.25)
    assert (robustness, rapidity) == (40, None)


def test_recovery_without_a_dip_is_immediate() -> None:
    # minimum 75 >= 72 at t=1 itself
    index, robustness, rapidity = recovery(80, [75, 80])
    assert index == approx(96.875)
    assert (robustness, rapidity) == (75, 0)


def test_recovery_is_capped_at_100() -> None:
    assert recovery(50, [60, 70])[0] == 100.0  # 100 * (1.2 + 1.4) / 2 = 130 -> 100


# --- response, shares, weighted mean, rating --------------------------------------------


def test_response_counts_on_time_1_late_half_missed_0() -> None:
    statuses = {("a", 0): "on_time", ("a", 1): "late", ("b", 0): "missed"}
    assert response(statuses) == approx(50.0)  # 100 * (1 + 0.5 + 0) / 3
    assert response({}) is None


def test_share_score() -> None:
    assert share_score(1, 10, 0.3) == approx(100 / 3)  # (0.1 / 0.3) * 100
    assert share_score(2, 5, 0.3) == 100.0  # 0.4 / 0.3 > 1 -> capped
    assert share_score(0, 4, 0.5) == 0.0
    assert share_score(0, 0, 0.3) is None


def test_weighted_mean_drops_missing_parts() -> None:
    assert weighted_mean([(50, 1), (None, 5), (100, 2)]) == approx(250 / 3)
    assert weighted_mean([(50, 1), (0, 0)]) == 50  # weight 0 drops out too
    assert weighted_mean([(None, 1)]) is None
    assert weighted_mean([]) is None


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        (["on_time", "on_time"], "P"),
        (["on_time", "late"], "S"),
        (["late"], "S"),
        (["on_time", "missed"], "M"),  # half met
        (["late", "late", "missed"], "M"),
        (["on_time", "missed", "missed"], "U"),  # a third met
        (["missed"], "U"),
        ([], "-"),
    ],
)
def test_objective_rating(statuses: list[str], expected: str) -> None:
    assert rating(statuses) == expected


# --- cohesion: Borgatti's distance-weighted fragmentation -------------------------------


FOUR = ("a", "b", "c", "d")


def test_cohesion_of_a_path_of_four() -> None:
    # a-b-c-d: 1/d over unordered pairs = 1 + 1/2 + 1/3 + 1 + 1/2 + 1 = 13/3;
    # ordered pairs twice that = 26/3, over n(n-1) = 12 -> 26/36 = 0.7222
    links = {("a", "b"), ("b", "c"), ("c", "d")}
    assert cohesion(FOUR, links) == approx(100 * 26 / 36)


def test_cohesion_of_a_star() -> None:
    # centre a: 3 pairs at distance 1, 3 leaf pairs at distance 2 -> (3 + 1.5) * 2 / 12 = 0.75
    assert cohesion(FOUR, {("a", "b"), ("a", "c"), ("a", "d")}) == approx(75.0)


def test_cohesion_of_two_disconnected_pairs() -> None:
    # only a-b and c-d reachable: 2 * 2 / 12 = 1/3
    assert cohesion(FOUR, {("a", "b"), ("c", "d")}) == approx(100 / 3)


def test_cohesion_extremes() -> None:
    complete = {(x, y) for x in FOUR for y in FOUR if x < y}
    assert cohesion(FOUR, complete) == approx(100.0)
    assert cohesion(FOUR, set()) == 0.0
    assert cohesion(("a",), set()) is None
    assert cohesion(FOUR, {("a", "stranger")}) == 0.0  # links to unknown roles are ignored


# --- a whole drill by hand --------------------------------------------------------------

STORM = {"id": "storm", "label": "Storm", "impact": [{"sector": {"id": "housing", "delta": -20}}]}
SECTORS = [
    {"id": "housing", "label": "Housing", "start": 80, "weight": 1},
    {"id": "water", "label": "Water", "start": 40, "weight": 3},
]
INJECTS = [
    {
        "id": "i1",
        "turn": 1,
        "text": "Fix",
        "expects": [{"action": "fix", "by": ["com"], "within": 1, "objective": "o1"}],
    },
    {
        "id": "i2",
        "turn": 2,
        "text": "Help",
        "expects": [{"action": "help", "by": ["org"], "within": 1, "objective": "o2"}],
    },
]
OBJECTIVES = [{"id": o, "text": o, "capability": "c"} for o in ("o1", "o2", "o3")]
MAP = {"id": "map", "text": "Map", "known_by": ["gov"], "needed_by": ["fix"], "weaken_factor": 0.5}


def _hand_drill(scoring: dict[str, Any] | None = None) -> Game:
    """Q(0) = (80 * 1 + 40 * 3) / 4 = 50; the storm takes 20 housing every turn.

    turn 1: com fix without the map (+5), org helps elders (4)    housing 65, Q1 = 46.25
    turn 2: gov shares the map with com; com + org sandbag (+15)  housing 60, Q2 = 45
    turn 3: org helps elders (8), com fix with the map (+10)      housing 50, Q3 = 42.5
    """
    drill = game(
        sectors=SECTORS,
        initial="storm",
        phases=[STORM],
        information=[MAP],
        injects=INJECTS,
        objectives=OBJECTIVES,
        scoring=scoring,
    )
    drill.turn(("com", "fix"), ("org", "help", {"target": "elders"}))
    drill.turn(
        ("gov", "share", {"info": "map", "to": "com"}),
        ("com", "sandbag", {"target": "z1"}),
        ("org", "sandbag", {"target": "z1"}),
    )
    drill.turn(("org", "help", {"target": "elders"}), ("com", "fix"))
    drill.fac(cmd.End)
    return drill


def test_hand_drill_reaches_the_computed_states() -> None:
    drill = _hand_drill()
    assert drill.state.history == [(65.0, 40.0), (60.0, 40.0), (50.0, 40.0)]
    assert drill.state.assisted_history == [(4,), (4,), (8,)]


def test_hand_drill_recovery() -> None:
    scores = score(_hand_drill().rules, _hand_drill().state)
    # R = 100 * (46.25 + 45 + 42.5) / (3 * 50) = 89.1667; minimum 42.5 at t=3, never >= 45
    assert scores.recovery == approx(100 * 133.75 / 150)
    assert scores.robustness == approx(42.5)
    assert scores.rapidity is None


def test_hand_drill_coordination_parts() -> None:
    drill = _hand_drill()
    scores = score(drill.rules, drill.state)
    assert scores.response == approx(75.0)  # i1 on time (1), i2 late (0.5): 1.5 / 2
    assert scores.information == approx(50.0)  # com's two fixes: without, then with the map
    # 7 orders carried out, 2 of them joint: (2/7) / 0.3 = 0.952
    assert scores.joint == approx(100 * (2 / 7) / 0.3)
    # links gov-com (share) and com-org (joint): a path of three: (1 + 1 + 1/2) * 2 / 6
    assert scores.cohesion == approx(100 * 5 / 6)
    assert scores.self_organisation == 100.0  # 6 of 7 by non-government roles, target 0.6
    parts = [75.0, 50.0, 100 * (2 / 7) / 0.3, 100 * 5 / 6, 100.0]
    assert scores.coordination == approx(sum(parts) / 5)


def test_hand_drill_equity_overall_objectives_and_roles() -> None:
    drill = _hand_drill()
    scores = score(drill.rules, drill.state)
    assert scores.equity == approx(40.0)  # 4 of 10 elders assisted by their deadline, turn 2
    coordination = (75 + 50 + 100 * (2 / 7) / 0.3 + 100 * 5 / 6 + 100) / 5
    assert scores.overall == approx((coordination + 100 * 133.75 / 150 + 40) / 3)
    assert scores.objectives == {"o1": "P", "o2": "S", "o3": "-"}
    assert scores.roles == {
        "gov": RoleContribution(actions=1, responses_met=0, information_shared=1, joint_actions=0),
        "com": RoleContribution(actions=3, responses_met=1, information_shared=0, joint_actions=1),
        "org": RoleContribution(actions=3, responses_met=1, information_shared=0, joint_actions=1),
    }


def test_ruleset_weights_and_targets_are_used() -> None:
    scoring = {
        "weights": {"response": 3, "information": 0, "coordination": 2, "recovery": 0},
        "targets": {"joint": 0.5, "self_organisation": 1.0},
    }
    drill = _hand_drill(scoring)
    scores = score(drill.rules, drill.state)
    joint = 100 * (2 / 7) / 0.5
    self_org = 100 * 6 / 7
    assert scores.joint == approx(joint)
    assert scores.self_organisation == approx(self_org)
    coordination = (3 * 75 + joint + 100 * 5 / 6 + self_org) / 6  # information weighs 0
    assert scores.coordination == approx(coordination)
    assert scores.overall == approx((2 * coordination + 40) / 3)  # recovery weighs 0


def test_parts_with_nothing_to_measure_drop_out() -> None:
    drill = game(groups=[])
    drill.turn(("com", "fix"))  # 1 order, not joint, by a non-government role
    drill.fac(cmd.End)
    scores = score(drill.rules, drill.state)
    assert (scores.response, scores.information, scores.equity) == (None, None, None)
    # joint 0, cohesion 0 (no links), self-organisation 100 (1/1 >= 0.6)
    assert (scores.joint, scores.cohesion, scores.self_organisation) == (0.0, 0.0, 100.0)
    assert scores.coordination == approx(100 / 3)
    # recovery: Q(0) = 80, Q(1) = 90 -> 112.5 capped at 100
    assert scores.overall == approx((100 / 3 + 100) / 2)


def test_nothing_done_leaves_only_cohesion_in_coordination() -> None:
    drill = game(groups=[])
    drill.turn()
    scores = score(drill.rules, drill.state)
    assert (scores.joint, scores.self_organisation) == (None, None)
    assert scores.coordination == 0.0
    assert scores.objectives == {}


def test_equity_counts_assistance_by_each_deadline() -> None:
    groups = [
        {"id": "elders", "label": "Elders", "count": 10, "deadline": 1},
        {"id": "kids", "label": "Kids", "count": 8, "deadline": 9},  # after the drill's end
    ]
    drill = game(groups=groups)
    drill.turn(("gov", "help", {"target": "elders"}))  # elders 4 by turn 1
    drill.turn(("gov", "help", {"target": "elders"}), ("com", "help", {"target": "kids"}))
    drill.turn(("com", "help", {"target": "kids"}))
    # elders: 4 / 10 at turn 1 = 40; kids: 8 / 8 at the last turn = 100
    assert score(drill.rules, drill.state).equity == approx(70.0)


def test_refused_actions_are_not_information_uses() -> None:
    info = {
        "id": "map",
        "text": "Map",
        "known_by": ["gov"],
        "needed_by": ["fix"],
        "missing": "refuse",
    }
    drill = game(information=[info], groups=[])
    drill.turn(("com", "fix"), ("gov", "fix"))
    assert drill.state.info_uses == [("gov", "map", True)]
    assert score(drill.rules, drill.state).information == 100.0


def test_unmet_expectations_count_as_missed_when_the_drill_ends_early() -> None:
    injects = [
        {
            "id": "i1",
            "turn": 1,
            "text": "Fix",
            "expects": [{"action": "fix", "by": ["com"], "within": 3, "objective": "o1"}],
        }
    ]
    drill = game(injects=injects, objectives=OBJECTIVES[:1], turns=5)
    drill.turn()
    drill.fac(cmd.End)
    scores = score(drill.rules, drill.state)
    assert scores.response == 0.0 and scores.objectives == {"o1": "U"}


def test_scores_before_any_turn() -> None:
    scores = score(game().rules, game().state)
    assert (scores.recovery, scores.robustness, scores.rapidity) == (100.0, 80.0, 0)
    assert scores.equity == 0.0


def test_an_inject_released_after_the_last_turn_is_not_expected_of_anyone() -> None:
    late = {
        "id": "late",
        "text": "Too late",
        "expects": [{"action": "fix", "by": ["gov"], "within": 1, "objective": "o"}],
    }
    rules = make_rules(
        turns=1, injects=[late], objectives=[{"id": "o", "text": "O", "capability": "c"}]
    )
    drill = game(rules)
    drill.turn()
    drill.fac(cmd.Release, "late")  # in the sitrep after the last turn: answerable only in turn 2
    assert drill.state.released["late"] == 2
    assert expectation_statuses(rules, drill.state) == {}


def test_a_response_still_in_its_window_is_not_scored_until_the_drill_ends() -> None:
    inject = {
        "id": "call",
        "turn": 1,
        "text": "Call",
        "expects": [{"action": "fix", "by": ["gov"], "within": 2, "objective": "o"}],
    }
    rules = make_rules(
        turns=3, injects=[inject], objectives=[{"id": "o", "text": "O", "capability": "c"}]
    )
    drill = game(rules)
    drill.turn()
    assert expectation_statuses(rules, drill.state) == {}  # turn 2 may still answer it
    drill.fac(cmd.End)
    assert expectation_statuses(rules, drill.state) == {("call", 0): "missed"}

"""Readings settled in review: redacted needs, unanswerable injects, joint partners, posts."""

from __future__ import annotations

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.scoring import expectation_statuses
from drill.engine.view import log_for

from .kit import F, game, make_rules, of_type

NEEDED = [{"id": "plan", "text": "Plan", "known_by": ["gov"], "needed_by": ["fix"]}]


def test_others_see_that_an_order_was_resolved_but_not_what_it_needed() -> None:
    drill = game(information=NEEDED)
    drill.turn(("gov", "fix"))
    (own,) = of_type(log_for(drill.rules, drill.log, "gov"), ev.OrderResolved)
    (other,) = of_type(log_for(drill.rules, drill.log, "com"), ev.OrderResolved)
    assert own.uses == (("plan", True),)
    assert other.uses == ()


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


def test_a_role_outside_the_joint_form_cannot_order_the_joint_action() -> None:
    roles = [
        {"id": "gov", "label": "G", "action_points": 3, "government": True},
        {"id": "com", "label": "C", "action_points": 2},
        {"id": "org", "label": "O", "action_points": 2},
        {"id": "res", "label": "R", "action_points": 2},
    ]
    drill = game(make_rules(roles=roles))
    drill.begin_turn()
    assert drill.code(cmd.PlaceOrder("res", "sandbag", target="z1")) == "role_cannot"


def test_the_facilitator_cannot_post_before_the_drill_begins() -> None:
    drill = game()
    assert drill.code(cmd.Post(F, "Hello")) == "stage"


def test_a_transition_from_any_phase_leaves_every_phase() -> None:
    phases = [{"id": "calm", "label": "Calm"}, {"id": "storm", "label": "Storm"}]
    to_storm = {"trigger": "blow", "source": "calm", "dest": "storm"}
    anywhere = {"trigger": "stop", "source": "*", "dest": "calm", "when": {"turn": 2}}
    drill = game(phases=phases, transitions=[to_storm, anywhere])
    drill.turn()
    assert drill.state.phase == "storm"
    drill.turn()
    assert drill.state.phase == "calm"


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

"""Resolution of a turn, step by step in the documented order (docs/rules.md)."""

from __future__ import annotations

from typing import Any

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.rng import draw
from drill.engine.view import log_for
from drill.scenario.language import Effect
from tests.engine.support import F, game, of_type, outcomes

LATER = {
    "id": "later",
    "label": "Later",
    "delay": 1,
    "effects": [{"sector": {"id": "housing", "delta": 10}}],
}
GAMBLE = {
    "id": "gamble",
    "label": "Gamble",
    "chance": 0.5,
    "effects": [{"sector": {"id": "housing", "delta": 10}}],
    "on_failure": [{"trust": -5}],
}
STORM: dict[str, Any] = {
    "id": "storm",
    "label": "Storm",
    "impact": [
        {"sector": {"id": "housing", "delta": -10}},
        {"affect": {"zone": "z1", "count": 2}},
    ],
    "mitigations": [
        {"when": {"flag": "walls"}, "factor": 0.5},
        {"when": {"institution": "pact"}, "factor": 0.5},
    ],
}
CALM = {"id": "calm", "label": "Calm"}
WALLS = {"id": "walls", "label": "Walls", "effects": [{"flag": {"set": "walls"}}]}


def _stormy(**changes: Any) -> Any:
    return game(initial="storm", phases=[STORM, CALM], **changes)


def _index(events: list[ev.Event], wanted: ev.Event) -> int:
    return events.index(wanted)


# --- 1. delayed effects -----------------------------------------------------------------


def test_delayed_effects_apply_first_in_a_later_turn() -> None:
    drill = game(actions=[LATER])
    events = drill.turn(("com", "later"))
    assert of_type(events, ev.DelayedQueued) == [ev.DelayedQueued(2, 2, "com", "later", None, 1.0)]
    assert drill.state.sectors["housing"] == 80.0  # nothing yet at the end of turn 1
    events = drill.turn(("gov", "fix"))
    # 80 + 10 (delayed, step 1) + 10 (gov's fix, step 5) = 100
    assert events[1:3] == [ev.DelayedApplied(2), ev.SectorChanged("housing", 90.0)]
    assert drill.state.sectors["housing"] == 100.0 and drill.state.delayed == {}


# --- 2. approvals -----------------------------------------------------------------------


def test_request_then_approval_next_turn_then_carried_out() -> None:
    evacuate = {
        "id": "evacuate",
        "label": "Evacuate",
        "roles": ["com"],
        "target": "zone",
        "cost": {"funds": 1},
        "approval": {"by": "gov"},
        "effects": [{"assist": {"zone": "$target", "count": 5}}],
    }
    drill = game(actions=[evacuate])
    events = drill.turn(("com", "evacuate", {"target": "z1"}))
    (request,) = of_type(events, ev.RequestCreated)
    assert (request.request, request.order.id, request.approver, request.turn) == (2, 1, "gov", 1)
    assert outcomes(events) == {1: "requested"}
    # nothing happened and nothing was paid while waiting
    assert drill.state.assisted["elders"] == 0 and drill.state.resources["com"]["funds"] == 1
    events = drill.turn(("gov", "approve", {"request": 2}))
    assert outcomes(events) == {3: "done", 1: "done"}  # the approval, then the evacuation
    assert ev.RequestClosed(2, "approved", "gov") in events
    assert ev.LinkAdded("com", "gov", "approval") in events
    assert drill.state.assisted["elders"] == 5
    assert drill.state.resources["com"]["funds"] == 0
    assert drill.state.requests == {}


def test_an_approval_pays_its_own_cost() -> None:
    approve = {"id": "approve", "label": "Approve", "kind": "approve", "cost": {"funds": 1}}
    drill = game(actions=[approve])
    drill.turn(("com", "evacuate", {"target": "z1"}))
    drill.turn(("gov", "approve", {"request": 2}))
    assert drill.state.resources["gov"]["funds"] == 4  # 5 - 1
    assert drill.state.assisted["elders"] == 5


def test_unanswered_request_expires_after_two_turns() -> None:
    drill = game(turns=3)
    drill.turn(("com", "evacuate", {"target": "z1"}))
    assert of_type(drill.turn(), ev.RequestClosed) == []
    assert of_type(drill.turn(), ev.RequestClosed) == [ev.RequestClosed(2, "expired")]
    assert drill.state.requests == {}


def test_institution_waives_the_approval() -> None:
    drill = game()
    events = drill.turn(("com", "sign_pact"))
    assert ev.InstitutionEstablished("pact", "com") in events
    events = drill.turn(("com", "evacuate", {"target": "z1"}))
    assert of_type(events, ev.RequestCreated) == []
    assert drill.state.assisted["elders"] == 5


def test_the_approving_role_needs_no_approval_of_itself() -> None:
    own = {"id": "own", "label": "Own", "approval": {"by": "com"}, "effects": [{"trust": 5}]}
    drill = game(actions=[own])
    drill.turn(("com", "own"))
    assert drill.state.trust == 65.0 and drill.state.requests == {}


# --- 3. costs and exchanges -------------------------------------------------------------


def test_costs_are_paid_before_effects() -> None:
    drill = game()
    events = drill.turn(("gov", "buy"))
    paid = _index(events, ev.ResourceChanged("gov", "funds", 3))  # 5 - 2
    assert paid < _index(events, ev.SectorChanged("housing", 85.0))


def test_order_no_longer_affordable_is_refused() -> None:
    drill = game()
    drill.begin_turn()
    drill.order("gov", "buy")
    cut = Effect.model_validate({"resource": {"id": "funds", "delta": -4, "role": "gov"}})
    drill.fac(cmd.Override, "funds frozen", (cut,))
    events = drill.close_turn()
    (resolved,) = of_type(events, ev.OrderResolved)
    assert (resolved.outcome, resolved.reason) == ("refused", "no_resource")
    assert drill.state.sectors["housing"] == 80.0 and drill.state.resources["gov"]["funds"] == 1


def test_transfer_moves_resources_and_links_the_roles() -> None:
    drill = game()
    events = drill.turn(("gov", "give", {"to": "org", "resource": "funds", "amount": 3}))
    assert drill.state.resources["gov"]["funds"] == 2
    assert drill.state.resources["org"]["funds"] == 3
    assert ev.LinkAdded("gov", "org", "transfer") in events
    assert outcomes(events) == {1: "done"}


def test_share_to_a_role_and_to_the_platform() -> None:
    info = [
        {"id": "map", "text": "Map", "known_by": ["gov"]},
        {"id": "list", "text": "List", "known_by": ["com"]},
    ]
    drill = game(information=info)
    events = drill.turn(
        ("gov", "share", {"info": "map", "to": "com"}),
        ("com", "share", {"info": "list", "to": "platform"}),
    )
    assert drill.state.known == {
        "gov": {"map", "list"},
        "com": {"map", "list"},
        "org": {"list"},
    }
    assert drill.state.platform == ["list"]
    links = {(e.a, e.b) for e in of_type(events, ev.LinkAdded)}
    assert links == {("com", "gov"), ("com", "org")}


def test_shared_information_counts_for_actions_of_the_same_turn() -> None:
    info = [
        {"id": "map", "text": "Map", "known_by": ["gov"], "needed_by": ["fix"], "missing": "refuse"}
    ]
    drill = game(information=info)
    events = drill.turn(("com", "fix"), ("gov", "share", {"info": "map", "to": "com"}))
    assert outcomes(events) == {2: "done", 1: "done"}
    assert drill.state.sectors["housing"] == 90.0


# --- 4. joint actions -------------------------------------------------------------------


def test_joint_action_with_enough_partners_gets_the_bonus_once() -> None:
    drill = game()
    events = drill.turn(("com", "sandbag", {"target": "z1"}), ("org", "sandbag", {"target": "z1"}))
    # housing 80 + 10 * 1.5 = 95; exposure 2 - round(1 * 1.5) = 2 - 2 = 0
    assert drill.state.sectors["housing"] == 95.0 and drill.state.exposure["z1"] == 0
    resolved = of_type(events, ev.OrderResolved)
    assert [(r.role, r.outcome, r.joint) for r in resolved] == [
        ("com", "done", True),
        ("org", "done", True),
    ]
    assert ev.LinkAdded("com", "org", "joint") in events
    assert [t.joint for t in drill.state.taken] == [True, True]


def test_joint_action_with_too_few_partners_fails_and_spends_its_costs() -> None:
    sandbag = {
        "id": "sandbag",
        "label": "Sandbag",
        "target": "zone",
        "cost": {"funds": 1},
        "joint": {"roles": ["com", "org"], "min": 2},
        "effects": [{"sector": {"id": "housing", "delta": 10}}],
    }
    drill = game(actions=[sandbag])
    events = drill.turn(("com", "sandbag", {"target": "z1"}))
    (resolved,) = of_type(events, ev.OrderResolved)
    assert (resolved.outcome, resolved.reason) == ("alone", "partners")
    assert drill.state.resources["com"]["funds"] == 0
    assert drill.state.sectors["housing"] == 80.0 and drill.state.taken == []


def test_joint_partners_must_aim_at_the_same_target() -> None:
    zones = [{"id": "z1", "label": "Z1", "exposure": 2}, {"id": "z2", "label": "Z2"}]
    drill = game(zones=zones)
    events = drill.turn(("com", "sandbag", {"target": "z1"}), ("org", "sandbag", {"target": "z2"}))
    assert set(outcomes(events).values()) == {"alone"}


# --- 5. solo actions --------------------------------------------------------------------


def test_solo_order_is_priority_then_role_order_then_submission() -> None:
    urgent = {"id": "urgent", "label": "Urgent", "priority": 5, "effects": [{"trust": 1}]}
    drill = game(actions=[urgent])
    drill.begin_turn()
    ids = [
        drill.order("com", "fix").id,  # 1
        drill.order("gov", "fix").id,  # 2
        drill.order("org", "urgent").id,  # 3
        drill.order("gov", "fix").id,  # 4
    ]
    assert ids == [1, 2, 3, 4]
    resolved = [e.order for e in of_type(drill.close_turn(), ev.OrderResolved)]
    assert resolved == [3, 2, 4, 1]


def _needs(missing: str, factor: float = 0.5) -> list[dict[str, Any]]:
    return [
        {
            "id": "map",
            "text": "Map",
            "known_by": ["gov"],
            "needed_by": ["fix"],
            "missing": missing,
            "weaken_factor": factor,
        }
    ]


def test_missing_information_refuses_the_action() -> None:
    drill = game(information=_needs("refuse"))
    events = drill.turn(("com", "fix"), ("gov", "fix"))
    assert [(r.role, r.outcome, r.reason) for r in of_type(events, ev.OrderResolved)] == [
        ("gov", "done", ""),
        ("com", "refused", "info"),
    ]
    assert drill.state.sectors["housing"] == 90.0  # only gov's fix
    assert [t.role for t in drill.state.taken] == ["gov"]


def test_refused_for_missing_information_gives_back_what_it_paid() -> None:
    info = [
        {
            "id": "list",
            "text": "List",
            "known_by": ["com"],
            "needed_by": ["buy"],
            "missing": "refuse",
        }
    ]
    drill = game(information=info)
    events = drill.turn(("gov", "buy"))
    # paid 2 at step 3, refused at step 5 and refunded
    changes = [e.value for e in of_type(events, ev.ResourceChanged)]
    assert changes == [3, 5] and drill.state.resources["gov"]["funds"] == 5


def test_missing_information_weakens_the_action() -> None:
    drill = game(information=_needs("weaken", 0.5))
    drill.turn(("com", "fix"))
    assert drill.state.sectors["housing"] == 85.0  # 80 + 10 * 0.5
    assert drill.state.info_uses == [("com", "map", False)]


def test_two_missing_items_weaken_twice() -> None:
    plan = {"id": "plan", "text": "Plan", "needed_by": ["fix"], "weaken_factor": 0.4}
    info = [*_needs("weaken", 0.5), plan]
    drill = game(information=info)
    drill.turn(("gov", "fix"))
    assert drill.state.sectors["housing"] == 84.0  # 80 + 10 * 0.4 (gov knows the map)


def test_joint_action_is_informed_when_any_partner_knows() -> None:
    info = [{"id": "map", "text": "Map", "known_by": ["org"], "needed_by": ["sandbag"]}]
    drill = game(information=info)
    drill.turn(("com", "sandbag", {"target": "z1"}), ("org", "sandbag", {"target": "z1"}))
    assert drill.state.sectors["housing"] == 95.0
    assert drill.state.info_uses == [("com", "map", True), ("org", "map", True)]


def test_chance_success_uses_the_seeded_roll() -> None:
    drill = game(actions=[GAMBLE], seed=2)
    events = drill.turn(("gov", "gamble"))
    (resolved,) = of_type(events, ev.OrderResolved)
    assert resolved.roll == draw(2, 0) < 0.5  # 0.38...
    assert resolved.outcome == "done"
    assert drill.state.sectors["housing"] == 90.0 and drill.state.trust == 60.0
    assert drill.state.draws == 1


def test_chance_failure_applies_on_failure_effects_and_still_counts_as_taken() -> None:
    drill = game(actions=[GAMBLE], seed=1)
    events = drill.turn(("gov", "gamble"))
    (resolved,) = of_type(events, ev.OrderResolved)
    assert resolved.roll == draw(1, 0) >= 0.5  # 0.95...
    assert resolved.outcome == "failed"
    assert drill.state.sectors["housing"] == 80.0 and drill.state.trust == 55.0
    assert [t.action for t in drill.state.taken] == ["gamble"]


def test_each_roll_draws_the_next_number() -> None:
    drill = game(actions=[GAMBLE], seed=3)  # draws 0.366 then 0.612
    events = drill.turn(("gov", "gamble"), ("gov", "gamble"))
    assert [r.outcome for r in of_type(events, ev.OrderResolved)] == ["done", "failed"]
    assert [r.roll for r in of_type(events, ev.OrderResolved)] == [draw(3, 0), draw(3, 1)]


# --- 6. hazard impact -------------------------------------------------------------------


def test_hazard_impact_without_mitigation() -> None:
    drill = _stormy()
    drill.turn()
    assert drill.state.sectors["housing"] == 70.0 and drill.state.affected["elders"] == 2


def test_mitigation_scales_the_impact() -> None:
    drill = _stormy(actions=[WALLS])
    drill.turn(("gov", "walls"))  # the flag is set at step 5, before the impact
    # housing 80 - 10 * 0.5 = 75; affected round(2 * 0.5) = 1
    assert drill.state.sectors["housing"] == 75.0 and drill.state.affected["elders"] == 1


def test_mitigations_multiply() -> None:
    drill = _stormy(actions=[WALLS])
    drill.turn(("gov", "walls"), ("com", "sign_pact"))
    # housing 80 - 10 * 0.5 * 0.5 = 77.5; affected round(2 * 0.25) = round(0.5) = 1
    assert drill.state.sectors["housing"] == 77.5 and drill.state.affected["elders"] == 1


# --- 7. phase transitions ---------------------------------------------------------------


def test_automatic_transition_after_the_impact() -> None:
    calm_down = {
        "trigger": "calm_down",
        "source": "storm",
        "dest": "calm",
        "when": {"turn": {"gte": 2}},
    }
    drill = _stormy(transitions=[calm_down])
    drill.turn()
    assert drill.state.phase == "storm"
    events = drill.turn()
    assert events.index(ev.SectorChanged("housing", 60.0)) < events.index(
        ev.PhaseChanged("calm", "calm_down")
    )
    drill.turn()
    assert drill.state.phase == "calm" and drill.state.sectors["housing"] == 60.0


def test_only_the_first_automatic_transition_fires() -> None:
    moves = [
        {"trigger": "a", "source": "storm", "dest": "calm"},
        {"trigger": "b", "source": "storm", "dest": "flood"},
    ]
    phases = [STORM, CALM, {"id": "flood", "label": "Flood"}]
    drill = game(initial="storm", phases=phases, transitions=moves)
    assert of_type(drill.turn(), ev.PhaseChanged) == [ev.PhaseChanged("calm", "a")]


def test_manual_transitions_never_fire_by_themselves() -> None:
    move = {"trigger": "clear", "source": "storm", "dest": "calm", "auto": False}
    drill = _stormy(transitions=[move])
    drill.turn()
    assert drill.state.phase == "storm"


def test_trigger_effect_moves_the_phase_at_once() -> None:
    move = {"trigger": "clear", "source": "storm", "dest": "calm", "auto": False}
    clear = {"id": "clear", "label": "All clear", "effects": [{"trigger": "clear"}]}
    drill = _stormy(transitions=[move], actions=[clear])
    events = drill.turn(("gov", "clear"))
    assert ev.PhaseChanged("calm", "clear") in events
    assert drill.state.sectors["housing"] == 80.0  # the calm phase has no impact


def test_trigger_effect_respects_the_transition_condition() -> None:
    move = {"trigger": "clear", "source": "storm", "dest": "calm", "when": {"flag": "ok"}}
    clear = {"id": "clear", "label": "All clear", "effects": [{"trigger": "clear"}]}
    drill = _stormy(transitions=[move], actions=[clear])
    drill.turn(("gov", "clear"))
    assert drill.state.phase == "storm"


# --- 8. expectations --------------------------------------------------------------------


def _expects(within: int = 1) -> list[dict[str, Any]]:
    expects = [{"action": "fix", "by": ["com"], "within": within, "objective": "o"}]
    return [{"id": "i1", "turn": 1, "text": "Fix it", "expects": expects}]


def test_expectation_on_time() -> None:
    drill = game(injects=_expects())
    events = drill.turn(("com", "fix"))
    assert of_type(events, ev.ExpectationRated) == [
        ev.ExpectationRated("i1", 0, "on_time", "com", 1)
    ]


def test_expectation_late() -> None:
    drill = game(injects=_expects())
    assert of_type(drill.turn(), ev.ExpectationRated) == []
    events = drill.turn(("com", "fix"))
    assert of_type(events, ev.ExpectationRated) == [ev.ExpectationRated("i1", 0, "late", "com", 2)]


def test_expectation_missed_when_the_late_window_ends() -> None:
    drill = game(injects=_expects(within=2), turns=5)
    for _ in range(3):
        assert of_type(drill.turn(), ev.ExpectationRated) == []
    events = drill.turn(("com", "fix"))  # turn 4 = 1 + 2 * 2 - 1: too late even for late
    assert of_type(events, ev.ExpectationRated) == [ev.ExpectationRated("i1", 0, "late", "com", 4)]
    drill = game(injects=_expects(within=2), turns=5)
    for _ in range(3):
        drill.turn()
    events = drill.turn()
    assert of_type(events, ev.ExpectationRated) == [ev.ExpectationRated("i1", 0, "missed", "", 4)]


def test_expectation_needs_a_listed_role_carrying_it_out() -> None:
    info = _needs("refuse")
    drill = game(injects=_expects(), information=info)
    drill.turn(("gov", "fix"), ("com", "fix"))  # gov is not listed; com's fix is refused
    drill.turn()
    assert drill.state.expectations[("i1", 0)] == ("missed", "", 2)


# --- order of the steps, override -------------------------------------------------------


def test_steps_run_in_the_documented_order() -> None:
    calm_down = {
        "trigger": "calm_down",
        "source": "storm",
        "dest": "calm",
        "when": {"turn": {"gte": 2}},
    }
    drill = _stormy(actions=[LATER], transitions=[calm_down], injects=_expects())
    drill.turn(("gov", "later"), ("com", "evacuate", {"target": "z1"}))  # request 3
    events = drill.turn(
        ("gov", "approve", {"request": 3}),
        ("gov", "buy"),
        ("com", "sandbag", {"target": "z1"}),
        ("org", "sandbag", {"target": "z1"}),
    )
    # housing: 70 after turn 1; +10 delayed = 80; +15 joint = 95; +5 buy = 100; -10 storm = 90
    steps = [
        ev.DelayedApplied(4),  # 1 due
        ev.RequestClosed(3, "approved", "gov"),  # 2 approvals
        ev.ResourceChanged("gov", "funds", 3),  # 3 costs
        ev.SectorChanged("housing", 95.0),  # 4 joint actions
        ev.SectorChanged("housing", 100.0),  # 5 solo actions
        ev.GroupChanged("elders", 5, 2),  # 5 solo: the approved evacuation (2 affected in turn 1)
        ev.SectorChanged("housing", 90.0),  # 6 hazard impact
        ev.PhaseChanged("calm", "calm_down"),  # 7 transitions
        ev.ExpectationRated("i1", 0, "missed", "", 2),  # 8 expectations
        ev.FunctionalityRecorded(2, (90.0,), (5,)),  # 9 record
        ev.StageChanged("sitrep"),
    ]
    positions = [events.index(step) for step in steps]
    assert positions == sorted(positions)


def test_override_applies_effects_with_its_reason() -> None:
    drill = game()
    drill.begin_turn()
    hit = Effect.model_validate({"sector": {"id": "housing", "delta": -20}})
    events = drill.fac(cmd.Override, " basement flooded ", (hit,))
    assert events == [
        ev.Overridden("basement flooded", (hit,), 1),
        ev.SectorChanged("housing", 60.0),
    ]
    assert drill.state.overrides == [(1, "basement flooded")]
    assert not any(isinstance(e, ev.Overridden) for e in log_for(drill.rules, drill.log, "gov"))
    assert any(isinstance(e, ev.Overridden) for e in log_for(drill.rules, drill.log, F))


def test_override_refuses_effects_naming_unknown_things() -> None:
    drill = game()
    drill.begin_turn()
    for effect in (
        {"sector": {"id": "water", "delta": 1}},
        {"exposure": {"zone": "z9", "delta": 1}},
        {"release": "i9"},
        {"reveal": {"info": "secret"}},
    ):
        bad = Effect.model_validate(effect)
        assert drill.code(cmd.Override(F, "typo", (bad,))) == "target_unknown"

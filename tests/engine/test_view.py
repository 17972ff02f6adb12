"""What each seat sees: view_for and log_for filter everything at one place."""

from __future__ import annotations

from typing import Any

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.view import log_for, view_for
from drill.scenario.text import LocalText
from tests.engine.support import F, Game, game, of_type

INFO: list[dict[str, Any]] = [
    {"id": "map", "text": {"zh": "地图", "en": "Map"}, "known_by": ["gov"]},
    {"id": "list", "text": {"zh": "名单", "en": "List"}, "known_by": ["com"]},
]
INJECTS: list[dict[str, Any]] = [
    {"id": "call", "turn": 1, "to": ["com"], "text": "Call", "notes": "Watch com"},
    {"id": "news", "turn": 1, "text": "News"},
    {"id": "later", "turn": 3, "text": "Later"},
]


def _drill() -> Game:
    drill = game(
        information=INFO,
        injects=INJECTS,
        briefing="Public",
        role_briefings={"gov": "For gov", "com": "For com"},
    )
    drill.begin_turn()
    return drill


def test_a_role_sees_its_own_briefing_information_orders_and_resources() -> None:
    drill = _drill()
    drill.order("gov", "fix")
    drill.order("com", "fix")
    view = view_for(drill.rules, drill.state, "gov")
    assert (view.briefing, view.role_briefing) == ("Public", "For gov")
    assert view.information == {"map": LocalText(zh="地图", en="Map")}
    assert list(view.orders) == ["gov"] and len(view.orders["gov"]) == 1
    assert view.resources == {"gov": {"funds": 5}}
    assert (view.pending_injects, view.held) == ((), ())


def test_a_role_sees_only_injects_addressed_to_it_and_never_notes() -> None:
    drill = _drill()
    assert [i.id for i in view_for(drill.rules, drill.state, "gov").inbox] == ["news"]
    inbox = view_for(drill.rules, drill.state, "com").inbox
    assert [(i.id, i.notes) for i in inbox] == [("call", None), ("news", None)]


def test_the_facilitator_sees_everything() -> None:
    drill = _drill()
    drill.order("com", "fix")
    drill.fac(cmd.Hold, "later")
    view = view_for(drill.rules, drill.state, F)
    assert view.role_briefing is None
    assert set(view.information) == {"map", "list"}
    assert set(view.orders) == set(view.resources) == {"gov", "com", "org"}
    assert [(i.id, i.notes) for i in view.inbox] == [("call", "Watch com"), ("news", None)]
    assert view.pending_injects == ("later",) and view.held == ("later",)


def test_shared_information_becomes_visible_to_the_receiver() -> None:
    drill = _drill()
    drill.order("gov", "share", info="map", to="org")
    assert "map" not in view_for(drill.rules, drill.state, "org").information
    drill.close_turn()
    assert "map" in view_for(drill.rules, drill.state, "org").information
    assert "map" not in view_for(drill.rules, drill.state, "com").information


def test_requests_and_proposals_reach_only_those_concerned() -> None:
    drill = _drill()
    drill.execute(cmd.ProposeJoint("com", "sandbag", ("org",), "z1"))
    drill.order("com", "evacuate", target="z1")
    assert view_for(drill.rules, drill.state, "org").proposals != ()
    assert view_for(drill.rules, drill.state, "gov").proposals == ()
    drill.close_turn()
    assert len(view_for(drill.rules, drill.state, "gov").requests) == 1  # the approver
    assert len(view_for(drill.rules, drill.state, "com").requests) == 1  # the requester
    assert view_for(drill.rules, drill.state, "org").requests == ()


def test_log_for_hides_other_seats_orders_and_private_events() -> None:
    drill = _drill()
    drill.order("gov", "buy")
    drill.order("com", "fix")
    drill.execute(cmd.Submit("com"))
    drill.fac(cmd.Hold, "later")
    drill.close_turn()
    seen = log_for(drill.rules, drill.log, "gov")
    assert [e.order.role for e in of_type(seen, ev.OrderPlaced)] == ["gov"]
    assert of_type(seen, ev.OrdersSubmitted) == []
    assert of_type(seen, ev.InjectHeld) == []
    assert {e.inject for e in of_type(seen, ev.InjectReleased)} == {"news"}
    assert [e.info for e in of_type(seen, ev.InfoRevealed)] == []
    assert {e.role for e in of_type(seen, ev.ResourceChanged)} == {"gov"}
    assert of_type(seen, ev.OrderResolved) != []  # outcomes are public after resolution
    assert log_for(drill.rules, drill.log, F) == drill.log


def test_log_for_shows_platform_shares_to_everyone_and_direct_shares_to_the_pair() -> None:
    drill = _drill()
    drill.order("gov", "share", info="map", to="platform")
    drill.order("com", "share", info="list", to="gov")
    drill.close_turn()
    for role, expected in (
        ("org", [("map", "platform")]),
        ("gov", [("map", "platform"), ("list", "gov")]),
    ):
        shares = of_type(log_for(drill.rules, drill.log, role), ev.InfoShared)
        assert [(e.info, e.to) for e in shares] == expected


def test_others_see_that_an_order_was_resolved_but_not_what_it_needed() -> None:
    drill = game(
        information=[{"id": "plan", "text": "Plan", "known_by": ["gov"], "needed_by": ["fix"]}]
    )
    drill.turn(("gov", "fix"))
    (own,) = of_type(log_for(drill.rules, drill.log, "gov"), ev.OrderResolved)
    (other,) = of_type(log_for(drill.rules, drill.log, "com"), ev.OrderResolved)
    assert own.uses == (("plan", True),)
    assert other.uses == ()


def test_only_the_facilitator_sees_the_inject_queue() -> None:
    drill = _drill()
    drill.fac(cmd.Hold, "later")
    drill.fac(cmd.AddInject, text="Road closed", title="Road")
    boss = view_for(drill.rules, drill.state, F)
    assert boss.released == dict(drill.state.released) and "call" in boss.released
    assert [a.title for a in boss.adhoc] == ["Road"]
    assert (boss.skipped, boss.queued) == ((), ())
    for role in drill.rules.role_order:
        view = view_for(drill.rules, drill.state, role)
        assert (view.released, view.skipped, view.queued, view.adhoc) == ({}, (), (), ())

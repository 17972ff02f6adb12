"""Every command: the legal case and each refusal, with its reason code and text."""

from __future__ import annotations

import pytest

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.reasons import IllegalCommand, Refusal
from drill.i18n import CATALOGUE, Lang, t
from tests.engine.support import F, Game, game, make_rules, of_type


def said(refusal: Refusal, lang: Lang) -> str:
    """A refusal in words, as the app and the report render it."""
    return t(f"refusal.{refusal.code}", lang, **refusal.params)


@pytest.fixture
def g() -> Game:
    """A drill in the orders stage of turn 1 (default world)."""
    drill = game()
    drill.begin_turn()
    return drill


# --- who may send what ------------------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        cmd.Begin("gov"),
        cmd.StartTurn("com"),
        cmd.CloseTurn("org"),
        cmd.Release("gov", "i1"),
        cmd.Hold("gov", "i1"),
        cmd.Skip("gov", "i1"),
        cmd.AddInject("gov", "text"),
        cmd.Pause("gov"),
        cmd.Resume("gov"),
        cmd.Override("gov", "why"),
        cmd.End("gov"),
        cmd.Close("gov"),
    ],
)
def test_facilitator_commands_refused_from_a_role(command: cmd.Command) -> None:
    assert game().code(command) == "not_facilitator"


@pytest.mark.parametrize("seat", [F, "ghost"])
def test_seat_commands_need_a_role(g: Game, seat: str) -> None:
    refusal = g.refuse(cmd.PlaceOrder(seat, "fix"))
    assert refusal.refusal.code == "not_a_role"
    assert seat in said(refusal.refusal, "en")
    assert g.code(cmd.Submit(seat)) == "not_a_role"
    assert g.code(cmd.WithdrawOrder(seat, 1)) == "not_a_role"


def test_unknown_command_type_is_refused() -> None:
    class Dance(cmd.Command):
        pass

    assert game().code(Dance(F)) == "stage"


# --- stage ------------------------------------------------------------------------------


def test_begin_moves_lobby_to_briefing_once() -> None:
    drill = game()
    assert drill.fac(cmd.Begin) == [ev.StageChanged("briefing")]
    assert drill.code(cmd.Begin(F)) == "stage"


@pytest.mark.parametrize(
    "command",
    [
        cmd.StartTurn(F),
        cmd.CloseTurn(F),
        cmd.PlaceOrder("gov", "fix"),
        cmd.Submit("gov"),
        cmd.Pause(F),
        cmd.Resume(F),
        cmd.Release(F, "i1"),
        cmd.AddInject(F, "x"),
        cmd.Override(F, "why"),
        cmd.End(F),
        cmd.Close(F),
    ],
)
def test_nothing_but_begin_in_the_lobby(command: cmd.Command) -> None:
    refusal = game().refuse(command)
    assert refusal.refusal.code == "stage"
    assert "lobby" in said(refusal.refusal, "en")
    assert "lobby" in said(refusal.refusal, "zh")


def test_orders_only_in_the_orders_stage() -> None:
    drill = game()
    drill.fac(cmd.Begin)
    assert drill.code(cmd.PlaceOrder("gov", "fix")) == "stage"
    assert drill.code(cmd.Post("gov", "hello")) == "stage"
    drill.fac(cmd.StartTurn)
    assert drill.code(cmd.StartTurn(F)) == "stage"
    drill.close_turn()
    assert drill.code(cmd.PlaceOrder("gov", "fix")) == "stage"
    assert drill.code(cmd.CloseTurn(F)) == "stage"


# --- place_order ------------------------------------------------------------------------


def test_place_order_records_a_private_order(g: Game) -> None:
    order = g.order("com", "fix")
    assert (order.id, order.role, order.action, order.ap) == (1, "com", "fix", 1)
    assert g.state.orders["com"] == [order]
    assert g.order("com", "fix").id == 2


def test_unknown_action(g: Game) -> None:
    refusal = g.refuse(cmd.PlaceOrder("gov", "fly"))
    assert refusal.refusal.code == "unknown_action"
    assert "fly" in said(refusal.refusal, "en") and "fly" in said(refusal.refusal, "zh")


def test_role_cannot_take_an_action_of_other_roles(g: Game) -> None:
    assert g.code(cmd.PlaceOrder("gov", "big")) == "role_cannot"  # big: com only


def test_not_enough_action_points(g: Game) -> None:
    g.order("com", "big")  # 2 of com's 2 AP
    refusal = g.refuse(cmd.PlaceOrder("com", "fix"))
    assert refusal.refusal.code == "no_ap"
    assert refusal.refusal.params == {"need": 1, "left": 0}


def test_not_enough_resources_counts_orders_already_placed(g: Game) -> None:
    g.order("gov", "buy")
    g.order("gov", "buy")  # 2 + 2 of gov's 5 funds committed, 1 left
    refusal = g.refuse(cmd.PlaceOrder("gov", "buy"))
    assert refusal.refusal.code == "no_resource"
    assert refusal.refusal.params == {"resource": "funds", "need": 2, "left": 1}


def test_requirement_not_met_says_which(g: Game) -> None:
    refusal = g.refuse(cmd.PlaceOrder("gov", "storm_only"))
    assert refusal.refusal.code == "requires"
    assert said(refusal.refusal, "en") == "Its requirements are not met yet: phase is storm."
    assert "phase is storm" in said(refusal.refusal, "zh")


def test_requirement_met_allows_the_order() -> None:
    drill = game(initial="storm", phases=[{"id": "storm", "label": "Storm"}])
    drill.begin_turn()
    assert drill.order("gov", "storm_only").action == "storm_only"


def test_non_repeatable_once_per_turn_and_per_drill() -> None:
    drill = game()
    drill.begin_turn()
    drill.order("gov", "once")
    assert drill.code(cmd.PlaceOrder("gov", "once")) == "once"
    assert drill.order("com", "once").role == "com"  # per role
    drill.close_turn()
    drill.fac(cmd.StartTurn)
    assert drill.code(cmd.PlaceOrder("gov", "once")) == "once"


def test_non_repeatable_may_be_ordered_again_after_withdrawing(g: Game) -> None:
    order = g.order("gov", "once")
    g.execute(cmd.WithdrawOrder("gov", order.id))
    assert g.order("gov", "once").action == "once"


def test_non_repeatable_waiting_for_approval_cannot_be_ordered_again() -> None:
    once = {"id": "once", "label": "Once", "repeatable": False, "approval": {"by": "gov"}}
    drill = game(actions=[once])
    drill.turn(("com", "once"))  # becomes request 2
    drill.fac(cmd.StartTurn)
    assert drill.code(cmd.PlaceOrder("com", "once")) == "once"
    drill.order("gov", "approve", request=2)
    drill.close_turn()
    assert [t.action for t in drill.state.taken].count("once") == 1


def test_target_missing_and_unknown(g: Game) -> None:
    refusal = g.refuse(cmd.PlaceOrder("gov", "help"))
    assert refusal.refusal.code == "target_missing"
    assert refusal.refusal.params == {"kind": "group"}
    assert g.code(cmd.PlaceOrder("gov", "help", target="z1")) == "target_unknown"
    assert g.order("gov", "help", target="elders").target == "elders"


def test_target_is_dropped_for_actions_without_one(g: Game) -> None:
    assert g.order("gov", "fix", target="z1").target is None


def test_share_needs_known_information_and_a_receiver() -> None:
    drill = game(information=[{"id": "map", "text": "Map", "known_by": ["gov"]}])
    drill.begin_turn()
    assert drill.code(cmd.PlaceOrder("com", "share", info="map", to="gov")) == "info_unknown"
    assert drill.code(cmd.PlaceOrder("gov", "share", info="nope", to="com")) == "info_unknown"
    assert drill.code(cmd.PlaceOrder("gov", "share", info=None, to="com")) == "info_unknown"
    assert drill.code(cmd.PlaceOrder("gov", "share", info="map", to="gov")) == "receiver"
    assert drill.code(cmd.PlaceOrder("gov", "share", info="map")) == "receiver"
    assert drill.code(cmd.PlaceOrder("gov", "share", info="map", to="ghost")) == "receiver"
    assert drill.order("gov", "share", info="map", to="platform").to == "platform"
    assert drill.order("gov", "share", info="map", to="com").to == "com"


def test_transfer_needs_a_role_an_amount_and_the_stock(g: Game) -> None:
    assert g.code(cmd.PlaceOrder("gov", "give", resource="funds", amount=1)) == "receiver"
    refused = cmd.PlaceOrder("gov", "give", to="platform", resource="funds", amount=1)
    assert g.code(refused) == "receiver"
    assert g.code(cmd.PlaceOrder("gov", "give", to="com", resource="funds")) == "amount"
    assert g.code(cmd.PlaceOrder("gov", "give", to="com", amount=2)) == "amount"
    refusal = g.refuse(cmd.PlaceOrder("gov", "give", to="com", resource="funds", amount=6))
    assert refusal.refusal.params == {"resource": "funds", "need": 6, "left": 5}
    order = g.order("gov", "give", to="com", resource="funds", amount=5)
    assert (order.to, order.resource, order.amount) == ("com", "funds", 5)


def test_transfer_counts_the_action_cost_in_the_same_resource() -> None:
    # give costs 1 fund besides what it hands over: 4 + 1 fits gov's 5 funds, 5 + 1 does not
    give = {"id": "give", "label": "Give", "kind": "transfer", "cost": {"funds": 1}}
    drill = game(actions=[give])
    drill.begin_turn()
    assert drill.code(cmd.PlaceOrder("gov", "give", to="com", resource="funds", amount=5)) == (
        "no_resource"
    )
    drill.order("gov", "give", to="com", resource="funds", amount=4)


def test_approve_needs_a_pending_request_for_this_role() -> None:
    drill = game()
    drill.turn(("com", "evacuate", {"target": "z1"}))
    (request,) = drill.state.requests
    drill.fac(cmd.StartTurn)
    assert drill.code(cmd.PlaceOrder("gov", "approve")) == "request"
    assert drill.code(cmd.PlaceOrder("gov", "approve", request=99)) == "request"
    assert drill.code(cmd.PlaceOrder("com", "approve", request=request)) == "request"
    drill.order("gov", "approve", request=request)
    refusal = drill.refuse(cmd.PlaceOrder("gov", "approve", request=request))
    assert refusal.refusal.code == "request"
    assert str(request) in said(refusal.refusal, "zh")


def test_orders_refused_after_submit(g: Game) -> None:
    g.execute(cmd.Submit("gov"))
    assert g.code(cmd.PlaceOrder("gov", "fix")) == "submitted"
    assert g.order("com", "fix").role == "com"


# --- withdraw, submit -------------------------------------------------------------------


def test_withdraw_frees_action_points(g: Game) -> None:
    first = g.order("com", "big")
    assert g.execute(cmd.WithdrawOrder("com", first.id)) == [ev.OrderWithdrawn("com", first.id)]
    assert g.state.orders["com"] == []
    assert g.order("com", "big").id == first.id + 1


def test_withdraw_only_own_orders_of_this_turn(g: Game) -> None:
    order = g.order("gov", "fix")
    assert g.code(cmd.WithdrawOrder("com", order.id)) == "no_order"
    assert g.code(cmd.WithdrawOrder("gov", 99)) == "no_order"
    g.execute(cmd.Submit("gov"))
    assert g.code(cmd.WithdrawOrder("gov", order.id)) == "submitted"


def test_submit_once_per_turn_and_again_next_turn(g: Game) -> None:
    assert g.execute(cmd.Submit("org")) == [ev.OrdersSubmitted("org")]
    assert g.code(cmd.Submit("org")) == "submitted"
    g.close_turn()
    g.fac(cmd.StartTurn)
    assert g.state.submitted == set()
    g.execute(cmd.Submit("org"))


# --- propose_joint, post ----------------------------------------------------------------


def test_propose_joint(g: Game) -> None:
    events = g.execute(cmd.ProposeJoint("com", "sandbag", ("org", "com", "ghost"), "z1"))
    assert events == [ev.JointProposed("com", "sandbag", ("org",), "z1", 1)]
    assert g.state.proposals == [(1, "com", "sandbag", ("org",), "z1")]


def test_propose_joint_refusals(g: Game) -> None:
    assert g.code(cmd.ProposeJoint("com", "fix", ("org",))) == "not_joint"
    assert g.code(cmd.ProposeJoint("com", "fly", ("org",))) == "not_joint"
    assert g.code(cmd.ProposeJoint("com", "sandbag", ("com", "ghost"))) == "receiver"
    assert g.code(cmd.ProposeJoint("com", "sandbag", ())) == "receiver"


def test_proposals_last_for_their_turn() -> None:
    drill = game()
    drill.begin_turn()
    drill.execute(cmd.ProposeJoint("com", "sandbag", ("org",), "z1"))
    drill.close_turn()
    drill.fac(cmd.StartTurn)
    assert drill.state.proposals == []


def test_post_on_the_platform(g: Game) -> None:
    assert g.execute(cmd.Post("org", "  water at gate 3 ")) == [
        ev.MessagePosted("org", "water at gate 3", 1)
    ]
    assert g.code(cmd.Post("org", "   ")) == "empty"
    g.execute(cmd.Post(F, "facilitator speaking"))
    assert [m[1] for m in g.state.messages] == ["org", F]


# --- facilitator: injects, pause, override, end -----------------------------------------


def test_inject_commands_refuse_unknown_and_done_injects() -> None:
    inject = {"id": "i1", "turn": 3, "text": "Rain"}
    drill = game(injects=[inject, {"id": "i2", "turn": 3, "text": "Wind"}])
    drill.fac(cmd.Begin)
    for command in (cmd.Release, cmd.Hold, cmd.Skip):
        assert drill.code(command(F, "nope")) == "no_inject"
    drill.fac(cmd.Release, "i1")
    drill.fac(cmd.Skip, "i2")
    for inject_id in ("i1", "i2"):
        for command in (cmd.Release, cmd.Hold, cmd.Skip):
            assert drill.code(command(F, inject_id)) == "inject_done"


def test_add_inject_needs_text(g: Game) -> None:
    assert g.code(cmd.AddInject(F, "  ")) == "empty"


def test_pause_and_resume_refusals(g: Game) -> None:
    assert g.code(cmd.Resume(F)) == "stage"
    g.fac(cmd.Pause)
    assert g.code(cmd.Pause(F)) == "stage"
    assert g.code(cmd.PlaceOrder("gov", "fix")) == "stage"
    assert g.code(cmd.CloseTurn(F)) == "stage"
    assert g.code(cmd.Release(F, "i1")) == "stage"
    assert g.code(cmd.End(F)) == "stage"


def test_override_needs_a_reason(g: Game) -> None:
    assert g.code(cmd.Override(F, " ")) == "empty"


def test_close_only_from_the_debrief(g: Game) -> None:
    assert g.code(cmd.Close(F)) == "stage"
    g.fac(cmd.End)
    assert g.code(cmd.End(F)) == "stage"
    g.fac(cmd.Close)
    for command in (cmd.Close(F), cmd.Begin(F), cmd.StartTurn(F), cmd.Override(F, "x")):
        assert g.code(command) == "stage"


# --- refusal texts ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", sorted(k.split(".", 1)[1] for k in CATALOGUE if k.startswith("refusal."))
)
def test_every_refusal_has_an_english_and_a_chinese_text(code: str) -> None:
    params: dict[str, object] = {
        name: "X"
        for name in (
            "stage",
            "seat",
            "action",
            "need",
            "left",
            "resource",
            "detail",
            "kind",
            "target",
            "info",
            "request",
            "order",
            "inject",
        )
    }
    refusal = Refusal(code, params)
    en, zh = said(refusal, "en"), said(refusal, "zh")
    assert en and zh and en != zh
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert str(IllegalCommand(code, **params)).startswith(f"{code}(")


def test_refusals_leave_no_trace_in_the_log(g: Game) -> None:
    g.order("gov", "fix")
    log = list(g.log)
    g.refuse(cmd.PlaceOrder("gov", "fly"))
    assert g.log == log
    assert len(of_type(g.log, ev.OrderPlaced)) == 1


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

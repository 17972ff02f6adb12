"""Turn flow (stages, pause and resume, the end) and the release of injects."""

from __future__ import annotations

from typing import Any

import pytest

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.evolve import HANDLERS
from drill.engine.view import view_for
from tests.engine.support import F, game, of_type


def test_a_whole_drill_moves_through_every_stage() -> None:
    drill = game(turns=2)
    assert drill.state.stage == "lobby"
    assert drill.fac(cmd.Begin) == [ev.StageChanged("briefing")]
    assert drill.fac(cmd.StartTurn) == [ev.TurnStarted(1), ev.StageChanged("orders")]
    events = drill.close_turn()
    assert events[0] == ev.StageChanged("resolution")
    assert events[-2:] == [
        ev.FunctionalityRecorded(1, (80.0,), (0,)),
        ev.StageChanged("sitrep"),
    ]
    assert (drill.state.stage, drill.state.turn, drill.state.ended) == ("sitrep", 1, False)
    drill.fac(cmd.StartTurn)
    events = drill.close_turn()
    assert events[-3:-1] == [ev.FunctionalityRecorded(2, (80.0,), (0,)), ev.DrillEnded(2)]
    assert (drill.state.stage, drill.state.ended) == ("sitrep", True)
    assert drill.code(cmd.StartTurn(F)) == "last_turn"
    assert drill.fac(cmd.End) == [ev.StageChanged("debrief")]  # already ended: no 2nd DrillEnded
    assert drill.fac(cmd.Close) == [ev.StageChanged("closed")]


def test_start_turn_clears_orders_and_submissions() -> None:
    drill = game()
    drill.begin_turn()
    drill.order("gov", "fix")
    drill.execute(cmd.Submit("gov"))
    drill.close_turn()
    assert drill.state.orders["gov"] != []  # kept for the situation report
    drill.fac(cmd.StartTurn)
    assert drill.state.orders == {"gov": [], "com": [], "org": []}
    assert drill.state.submitted == set()


def test_close_turn_does_not_wait_for_submissions() -> None:
    drill = game()
    drill.begin_turn()
    drill.order("com", "fix")  # com never submits
    drill.close_turn()
    assert drill.state.sectors["housing"] == 90.0


@pytest.mark.parametrize("stage_setup", ["briefing", "orders", "sitrep"])
def test_end_from_any_live_stage_goes_to_debrief(stage_setup: str) -> None:
    drill = game()
    drill.fac(cmd.Begin)
    if stage_setup != "briefing":
        drill.fac(cmd.StartTurn)
    if stage_setup == "sitrep":
        drill.close_turn()
    turn = drill.state.turn
    assert drill.fac(cmd.End) == [ev.DrillEnded(turn), ev.StageChanged("debrief")]
    assert drill.state.ended


def test_the_end_flag_ends_the_drill_after_its_turn() -> None:
    finish = {"id": "finish", "label": "Finish", "effects": [{"flag": {"set": "end"}}]}
    drill = game(actions=[finish], turns=5)
    events = drill.turn(("gov", "finish"))
    assert ev.DrillEnded(1) in events and drill.state.ended
    assert drill.code(cmd.StartTurn(F)) == "last_turn"


@pytest.mark.parametrize("where", ["briefing", "orders", "sitrep"])
def test_pause_and_resume_return_to_the_same_stage(where: str) -> None:
    drill = game()
    drill.fac(cmd.Begin)
    if where != "briefing":
        drill.fac(cmd.StartTurn)
    if where == "sitrep":
        drill.close_turn()
    assert drill.fac(cmd.Pause) == [ev.StageChanged("paused", paused_from=where)]
    assert drill.fac(cmd.Resume) == [ev.StageChanged(where)]
    assert (drill.state.stage, drill.state.paused_from) == (where, None)


def test_orders_survive_a_pause() -> None:
    drill = game()
    drill.begin_turn()
    order = drill.order("com", "fix")
    drill.fac(cmd.Pause)
    drill.fac(cmd.Resume)
    assert drill.state.orders["com"] == [order]
    drill.close_turn()
    assert drill.state.sectors["housing"] == 90.0


# --- injects ----------------------------------------------------------------------------


def _inject(ident: str, **fields: Any) -> dict[str, Any]:
    return {"id": ident, "text": f"text of {ident}", **fields}


def test_inject_released_at_the_start_of_its_turn_to_its_addressees() -> None:
    info = [{"id": "levee", "text": "Levee", "known_by": []}]
    injects = [_inject("i2", turn=2, to=["com"], reveals=["levee"])]
    drill = game(information=info, injects=injects)
    drill.begin_turn()
    assert "i2" not in drill.state.released
    drill.close_turn()
    events = drill.fac(cmd.StartTurn)
    assert events[2:] == [ev.InjectReleased("i2", 2), ev.InfoRevealed("levee", ("com",))]
    assert drill.state.known["com"] == {"levee"} and drill.state.known["org"] == set()
    assert [item.id for item in view_for(drill.rules, drill.state, "com").inbox] == ["i2"]
    assert view_for(drill.rules, drill.state, "org").inbox == ()


def test_inject_effects_apply_on_release() -> None:
    injects = [_inject("i1", turn=1, effects=[{"sector": {"id": "housing", "delta": -30}}])]
    drill = game(injects=injects)
    drill.begin_turn()
    assert drill.state.sectors["housing"] == 50.0


def test_inject_released_by_condition_at_the_next_turn_start() -> None:
    alarm = {"id": "alarm", "label": "Alarm", "effects": [{"flag": {"set": "alarm"}}]}
    drill = game(actions=[alarm], injects=[_inject("siren", when={"flag": "alarm"})])
    drill.turn(("gov", "alarm"))
    assert "siren" not in drill.state.released  # conditions are checked at turn start
    drill.fac(cmd.StartTurn)
    assert drill.state.released == {"siren": 2}


def test_held_inject_waits_until_released() -> None:
    drill = game(injects=[_inject("i2", turn=2)])
    drill.fac(cmd.Begin)
    assert drill.fac(cmd.Hold, "i2") == [ev.InjectHeld("i2")]
    drill.fac(cmd.StartTurn)
    drill.close_turn()
    drill.fac(cmd.StartTurn)
    assert "i2" not in drill.state.released
    assert drill.fac(cmd.Release, "i2") == [ev.InjectReleased("i2", 2)]
    assert drill.state.held == set()


def test_skipped_inject_is_never_released() -> None:
    drill = game(injects=[_inject("i2", turn=2)])
    drill.fac(cmd.Begin)
    assert drill.fac(cmd.Skip, "i2") == [ev.InjectSkipped("i2")]
    for _ in range(2):
        drill.fac(cmd.StartTurn)
        drill.close_turn()
    assert "i2" not in drill.state.released


@pytest.mark.parametrize(("where", "answer_turn"), [("briefing", 1), ("orders", 1), ("sitrep", 2)])
def test_released_inject_counts_from_the_first_turn_players_can_answer(
    where: str, answer_turn: int
) -> None:
    drill = game(injects=[_inject("i3", turn=3)])
    drill.fac(cmd.Begin)
    if where != "briefing":
        drill.fac(cmd.StartTurn)
    if where == "sitrep":
        drill.close_turn()
    assert drill.fac(cmd.Release, "i3") == [ev.InjectReleased("i3", answer_turn)]


def test_adhoc_inject_goes_to_its_addressees_at_once() -> None:
    drill = game()
    drill.begin_turn()
    events = drill.fac(cmd.AddInject, " Gas smell ", ("com", "ghost"), "phone", "Gas")
    assert events == [ev.AdhocInjectAdded("adhoc-1", "Gas", "Gas smell", ("com",), "phone", 1)]
    assert drill.state.released["adhoc-1"] == 1
    (item,) = view_for(drill.rules, drill.state, "com").inbox
    assert (item.id, item.text, item.method) == ("adhoc-1", "Gas smell", "phone")
    assert view_for(drill.rules, drill.state, "org").inbox == ()
    everyone = drill.fac(cmd.AddInject, "Second")
    assert of_type(everyone, ev.AdhocInjectAdded)[0].to == ("gov", "com", "org")


def test_adhoc_inject_to_no_known_role_is_refused() -> None:
    drill = game()
    drill.begin_turn()
    assert drill.code(cmd.AddInject(F, "Gas smell", ("ghost",))) == "receiver"


def _expecting(within: int = 1, contingency: str | None = "c1") -> list[dict[str, Any]]:
    expects = [{"action": "fix", "by": ["com"], "within": within, "objective": "o"}]
    return [
        _inject("i1", turn=1, expects=expects, contingency=contingency),
        _inject("c1", to=["gov"]),
    ]


def test_contingency_released_the_turn_after_a_missed_deadline() -> None:
    drill = game(injects=_expecting(), turns=3)
    events = drill.turn()  # turn 1: com does not fix
    assert ev.ContingencyQueued("c1") in events
    assert drill.state.queued == ["c1"]
    events = drill.fac(cmd.StartTurn)
    assert ev.InjectReleased("c1", 2) in events
    assert drill.state.queued == []


def test_no_contingency_when_the_response_is_on_time() -> None:
    drill = game(injects=_expecting(), turns=3)
    drill.turn(("com", "fix"))
    drill.turn()
    assert "c1" not in drill.state.released and drill.state.queued == []


def test_contingency_waits_for_the_end_of_a_longer_window() -> None:
    drill = game(injects=_expecting(within=2), turns=4)
    assert of_type(drill.turn(), ev.ContingencyQueued) == []
    assert of_type(drill.turn(), ev.ContingencyQueued) == [ev.ContingencyQueued("c1")]
    drill.fac(cmd.StartTurn)
    assert drill.state.released["c1"] == 3


def test_held_contingency_stays_queued() -> None:
    drill = game(injects=_expecting(), turns=3)
    drill.turn()
    drill.fac(cmd.Hold, "c1")
    drill.fac(cmd.StartTurn)
    assert "c1" not in drill.state.released
    drill.fac(cmd.Release, "c1")
    assert drill.state.released["c1"] == 2 and drill.state.queued == []


def test_a_turn_that_breaks_off_half_way_leaves_the_drill_as_it_was(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drill = game()
    drill.begin_turn()
    drill.order("gov", "fix")
    before, logged = drill.state.clone(), list(drill.log)

    def broken(rules: Any, state: Any, event: Any) -> None:
        raise RuntimeError("a fault while recording the turn")

    # The record is the last step of the resolution: the orders have changed the state.
    monkeypatch.setitem(HANDLERS, ev.FunctionalityRecorded, broken)
    with pytest.raises(RuntimeError):
        drill.fac(cmd.CloseTurn)
    assert drill.state == before
    assert drill.log == logged
    monkeypatch.undo()
    assert drill.close_turn()[-1] == ev.StageChanged("sitrep")
    assert drill.state.sectors["housing"] == 90.0


def test_a_transition_from_any_phase_leaves_every_phase() -> None:
    phases = [{"id": "calm", "label": "Calm"}, {"id": "storm", "label": "Storm"}]
    to_storm = {"trigger": "blow", "source": "calm", "dest": "storm"}
    anywhere = {"trigger": "stop", "source": "*", "dest": "calm", "when": {"turn": 2}}
    drill = game(phases=phases, transitions=[to_storm, anywhere])
    drill.turn()
    assert drill.state.phase == "storm"
    drill.turn()
    assert drill.state.phase == "calm"

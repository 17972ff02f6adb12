"""The session as screens see it (DrillPort): views kept per version, one 'may this seat order'."""

from __future__ import annotations

import pytest

from drill.engine.commands import FACILITATOR, Begin, PlaceOrder, StartTurn, Submit
from drill.engine.drill import Drill
from drill.engine.reasons import IllegalCommand
from drill.engine.rules import compile_rules
from drill.engine.view import view_for
from drill.session.port import DrillPort, TimerReading
from drill.session.seats import SessionConfig
from drill.session.session import Session
from drill.store.files import SCENARIOS_DIR, load_bundle


class StoppedClock:
    """A clock that never moves."""

    def monotonic(self) -> float:
        """Always the same moment."""
        return 0.0

    def wall(self) -> float:
        """Always the same moment."""
        return 0.0


def session() -> Session:
    """A session of the flood scenario at turn 1, nobody has ordered yet."""
    bundle = load_bundle(SCENARIOS_DIR / "flood_old_community.yaml")
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    live = Session(rules, SessionConfig(seed=3), StoppedClock())
    live.execute(Begin(FACILITATOR))
    live.execute(StartTurn(FACILITATOR))
    return live


def test_a_view_is_built_once_per_version_of_the_drill() -> None:
    live = session()
    role = live.rules.role_order[0]
    first, version = live.view(role), live.version
    assert live.view(role) is first and live.facilitator_view() is live.facilitator_view()
    assert first == view_for(live.rules, live.state, role)
    live.execute(Submit(role))
    assert live.version > version and live.view(role) is not first
    assert live.view(role) == view_for(live.rules, live.state, role)


def test_a_refused_command_keeps_the_version_and_the_views() -> None:
    live = session()
    role = live.rules.role_order[0]
    view, version = live.view(role), live.version
    with pytest.raises(IllegalCommand):
        live.execute(PlaceOrder(role, "no-such-action"))
    assert (live.version, live.view(role)) == (version, view)
    assert live.view(role) is view


def test_another_drill_in_the_session_is_a_new_version() -> None:
    live = session()
    view, version = live.facilitator_view(), live.version
    live.drill = Drill(live.rules, live.config.seed)
    assert live.version > version and live.facilitator_view().stage == "lobby" != view.stage


def test_may_this_seat_order_has_one_answer() -> None:
    live = session()
    role = live.rules.role_order[0]
    assert live.seat_refusal(role) is None
    assert all(o.refusal is None or o.refusal.code != "stage" for o in live.action_options(role))
    live.execute(Submit(role))
    refusal = live.seat_refusal(role)
    assert refusal is not None and refusal.code == "submitted"
    with pytest.raises(IllegalCommand) as refused:
        live.execute(Submit(role))
    assert refused.value.refusal == refusal
    assert all(o.refusal == refusal for o in live.action_options(role))
    not_a_role = live.seat_refusal(FACILITATOR)
    assert not_a_role is not None and not_a_role.code == "not_a_role"


def test_the_timer_reading_and_the_port() -> None:
    live = session()
    port: DrillPort = live
    assert port.timer_reading() == TimerReading(True, 0.0, live.timer.limit, live.timer.limit)
    role = live.rules.role_order[0]
    total = live.rules.roles[role].action_points
    assert port.action_points_left(role) == total

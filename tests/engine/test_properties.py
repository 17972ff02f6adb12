"""Properties of every drill, on the mini fixture and each bundled scenario.

Hypothesis draws sequences of commands (facilitator controls and orders of random seats,
with random actions, targets and parameters, many of them illegal) and checks that the
engine is deterministic, that its log is its state, that it always ends, that scores stay
in range, that refusals change nothing, and that no seat sees another's secrets.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.commands import FACILITATOR as F
from drill.engine.drill import Drill, fold
from drill.engine.evolve import evolve
from drill.engine.policies import POLICIES
from drill.engine.reasons import IllegalCommand, Refusal
from drill.engine.rules import Rules, compile_rules
from drill.engine.scoring import Scores, score
from drill.engine.simulate import play
from drill.engine.state import DrillState
from drill.engine.view import log_for, view_for
from drill.i18n import Lang, t
from drill.scenario.language import Effect
from drill.scenario.models import Action
from drill.scenario.problems import ScenarioError
from drill.scenario.text import LocalText, Text
from drill.store.files import bundled_scenarios, load_bundle


def said(refusal: Refusal, lang: Lang) -> str:
    """A refusal in words, as the app and the report render it."""
    return t(f"refusal.{refusal.code}", lang, **refusal.params)


ROOT = Path(__file__).resolve().parents[2]
SCENARIO_FILES = {
    "mini": ROOT / "tests" / "fixtures" / "mini_scenario.yaml",
    **{path.stem: path for path in bundled_scenarios()},
}
BUDGET = 100
"""Examples per property over all scenarios: the suite stays fast as scenarios are added."""
EXAMPLES = settings(
    max_examples=max(8, BUDGET // len(SCENARIO_FILES)),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def load_rules(name: str) -> Rules:
    """The compiled rules of a scenario; skip the test if the file does not load yet."""
    try:
        bundle = load_bundle(SCENARIO_FILES[name])
    except ScenarioError as error:
        pytest.skip(f"{name} does not load (checked by the scenario tests): {error}")
    return compile_rules(bundle.ruleset, bundle.scenario)


# --- drawing commands -------------------------------------------------------------------


def _resources(rules: Rules) -> list[str]:
    names = {name for stock in rules.scenario.resources.values() for name in stock}
    names |= {name for action in rules.actions.values() for name in action.cost}
    return sorted(names)


def _effects(rules: Rules) -> st.SearchStrategy[Effect]:
    sector, zone, info = next(iter(rules.sectors)), next(iter(rules.zones), None), None
    info = next(iter(rules.info), None)
    raw: list[dict[str, Any]] = [
        {"sector": {"id": sector, "delta": -15}},
        {"sector": {"id": sector, "delta": 10}},
        {"sector": {"id": "no_such_sector", "delta": 1}},
        {"trust": -10},
        {"flag": {"set": "end"}},
        {"flag": {"clear": "end"}},
        {"resource": {"id": "funds", "delta": -3, "role": rules.role_order[0]}},
        *([{"exposure": {"zone": zone, "delta": 2}}] if zone else []),
        *([{"reveal": {"info": info, "to": [rules.role_order[-1]]}}] if info else []),
        *[{"release": inject} for inject in list(rules.injects)[:3]],
        {"trigger": "no_such_trigger"},
    ]
    return st.sampled_from([Effect.model_validate(r) for r in raw])


def _or_none(names: list[str]) -> list[str | None]:
    return [*names] if names else [None]


def _likely_order(rules: Rules, state: DrillState) -> st.SearchStrategy[Any]:
    """An order that fits: an action the role may take, with fitting parameters."""
    requests = sorted(state.requests) or [1]
    places: dict[str | None, list[str | None]] = {
        None: [None],
        "zone": [*rules.zones],
        "group": [*rules.groups],
    }

    def for_role(role: str) -> st.SearchStrategy[cmd.Command]:
        def for_action(action: Action) -> st.SearchStrategy[cmd.Command]:
            return st.builds(
                cmd.PlaceOrder,
                st.just(role),
                st.just(action.id),
                target=st.sampled_from(places[action.target] or [None]),
                info=st.sampled_from(_or_none(sorted(state.known[role]))),
                to=st.sampled_from([r for r in rules.role_order if r != role] + ["platform"]),
                resource=st.sampled_from(_or_none(sorted(state.resources[role]))),
                amount=st.integers(1, 3),
                request=st.sampled_from(requests),
            )

        return st.sampled_from(rules.role_actions[role]).flatmap(for_action)

    waiting = [r for r in rules.role_order if r not in state.submitted] or list(rules.role_order)
    return st.sampled_from(waiting).flatmap(for_role)


def _wild_order(rules: Rules, seats: list[str]) -> st.SearchStrategy[Any]:
    """An order with anything in it, mostly illegal."""
    roles = list(rules.role_order)
    return st.builds(
        cmd.PlaceOrder,
        st.sampled_from(seats),
        st.sampled_from([*rules.actions, "no_such_action"]),
        target=st.sampled_from([None, *rules.zones, *rules.groups, "nowhere"]),
        info=st.sampled_from([None, *rules.info, "no_such_item"]),
        to=st.sampled_from([None, *roles, "platform", "ghost"]),
        resource=st.sampled_from([None, *_resources(rules), "gold"]),
        amount=st.integers(-1, 8),
        request=st.one_of(st.none(), st.integers(0, 40)),
    )


ANY_FLOW = [
    cmd.Begin(F),
    cmd.StartTurn(F),
    cmd.CloseTurn(F),
    cmd.Pause(F),
    cmd.Resume(F),
    cmd.End(F),
    cmd.Close(F),
]


def next_flow(state: DrillState) -> cmd.Command:
    """The facilitator command that moves the drill on from its stage."""
    if state.stage in ("briefing", "sitrep"):
        return cmd.End(F) if state.ended else cmd.StartTurn(F)
    return {
        "lobby": cmd.Begin(F),
        "paused": cmd.Resume(F),
        "orders": cmd.CloseTurn(F),
        "debrief": cmd.Close(F),
    }.get(state.stage, cmd.Close(F))


@cache
def _fixed_parts(name: str) -> tuple[st.SearchStrategy[Any], ...]:
    rules = load_rules(name)
    roles = list(rules.role_order)
    seats = [*roles, F, "ghost"]
    injects = [*rules.injects, "no_such_inject"]
    texts = st.sampled_from(["Water at the gate", "  ", "All clear soon", "Need boats"])
    controls = st.one_of(
        st.builds(cmd.Release, st.just(F), st.sampled_from(injects)),
        st.builds(cmd.Hold, st.just(F), st.sampled_from(injects)),
        st.builds(cmd.Skip, st.just(F), st.sampled_from(injects)),
        st.builds(cmd.AddInject, st.just(F), texts, st.lists(st.sampled_from(seats)).map(tuple)),
        st.builds(
            cmd.Override, st.just(F), texts, st.lists(_effects(rules), max_size=2).map(tuple)
        ),
        st.builds(cmd.Begin, st.sampled_from(roles)),  # a role trying a facilitator command
    )
    seat_commands = st.one_of(
        st.builds(cmd.Submit, st.sampled_from(seats)),
        st.builds(cmd.WithdrawOrder, st.sampled_from(seats), st.integers(0, 40)),
        st.builds(
            cmd.ProposeJoint,
            st.sampled_from(seats),
            st.sampled_from([*rules.actions, "no_such_action"]),
            st.lists(st.sampled_from(seats), max_size=3).map(tuple),
            st.sampled_from([None, *rules.zones]),
        ),
        st.builds(cmd.Post, st.sampled_from(seats), texts),
    )
    return st.sampled_from(ANY_FLOW), controls, seat_commands, _wild_order(rules, seats)


ORDERS_MIX = ["order"] * 6 + ["next"] * 2 + ["withdraw", "seat", "control", "wild", "flow"]
OTHER_MIX = ["next"] * 4 + ["control", "control", "seat", "wild", "flow"]


def step_strategy(name: str, state: DrillState) -> st.SearchStrategy[Any]:
    """The next command: mostly what moves the drill on or fitting orders, often anything."""
    rules = load_rules(name)
    any_flow, controls, seat_commands, wild = _fixed_parts(name)

    def of_kind(kind: str) -> st.SearchStrategy[Any]:
        if kind == "order":
            return _likely_order(rules, state)
        if kind == "withdraw":
            own = [(o.role, o.id) for orders in state.orders.values() for o in orders]
            return st.sampled_from(own or [("ghost", 0)]).map(lambda p: cmd.WithdrawOrder(*p))
        parts = {"seat": seat_commands, "control": controls, "wild": wild, "flow": any_flow}
        return parts.get(kind, st.just(next_flow(state)))

    return st.sampled_from(ORDERS_MIX if state.stage == "orders" else OTHER_MIX).flatmap(of_kind)


Step = Callable[[Drill, cmd.Command, IllegalCommand | None], None]


def run(rules: Rules, seed: int, commands: list[cmd.Command], after: Step | None = None) -> Drill:
    """Execute the commands, ignoring refusals; `after` sees each step."""
    drill = Drill(rules, seed)
    for command in commands:
        execute(drill, command, after)
    return drill


def execute(drill: Drill, command: cmd.Command, after: Step | None = None) -> None:
    """Execute one command, ignoring a refusal; `after` sees the step."""
    refusal = None
    try:
        drill.execute(command)
    except IllegalCommand as error:
        refusal = error
    if after is not None:
        after(drill, command, refusal)


def drawn_drill(
    data: st.DataObject, name: str, seed: int, after: Step | None = None
) -> tuple[Drill, list[cmd.Command]]:
    """A drill driven by commands that hypothesis draws one by one from its current stage."""
    drill = Drill(load_rules(name), seed)
    commands: list[cmd.Command] = []
    for _ in range(data.draw(st.integers(20, 200), label="steps")):
        if drill.state.stage == "closed":
            break
        command = data.draw(step_strategy(name, drill.state))
        commands.append(command)
        execute(drill, command, after)
    return drill, commands


NAMES = pytest.mark.parametrize("name", sorted(SCENARIO_FILES))
SEEDS = st.integers(0, 2**32)


# --- (1) determinism --------------------------------------------------------------------


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_same_commands_and_seed_give_the_same_drill(
    name: str, data: st.DataObject, seed: int
) -> None:
    rules = load_rules(name)
    first, commands = drawn_drill(data, name, seed)
    second = run(rules, seed, commands)
    assert first.log == second.log
    assert repr(first.log) == repr(second.log)
    assert score(rules, first.state) == score(rules, second.state)


@pytest.mark.parametrize("name", [n for n in sorted(SCENARIO_FILES) if n != "mini"])
def test_same_drill_in_another_process(name: str) -> None:
    """No set or dict order leaks into events: other hash seeds give the same bytes."""
    load_rules(name)
    script = (
        "import hashlib, sys\n"
        "from drill.store.files import load_bundle\n"
        "from drill.engine.rules import compile_rules\n"
        "from drill.engine.simulate import play\n"
        "from drill.engine.policies import POLICIES\n"
        "b = load_bundle(sys.argv[1])\n"
        "rules = compile_rules(b.ruleset, b.scenario)\n"
        "logs = [repr(play(rules, 11, POLICIES[p]).log) for p in sorted(POLICIES)]\n"
        "print(hashlib.sha256(''.join(logs).encode()).hexdigest())\n"
    )
    digests = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        out = subprocess.run(
            [sys.executable, "-c", script, str(SCENARIO_FILES[name])],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(out.stdout.strip())
    here = "".join(repr(play(load_rules(name), 11, POLICIES[p]).log) for p in sorted(POLICIES))
    digests.add(hashlib.sha256(here.encode()).hexdigest())
    assert len(digests) == 1


# --- (2) the log is the state -----------------------------------------------------------


def _differences(a: DrillState, b: DrillState) -> list[str]:
    return [
        f.name for f in dataclasses.fields(DrillState) if getattr(a, f.name) != getattr(b, f.name)
    ]


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_folding_the_log_rebuilds_the_state(name: str, data: st.DataObject, seed: int) -> None:
    rules = load_rules(name)
    shadow = fold(rules, [], seed)

    def follow(drill: Drill, command: cmd.Command, refusal: IllegalCommand | None) -> None:
        if refusal is None:
            for event in drill.log[len(follow.seen) :]:  # type: ignore[attr-defined]
                evolve(rules, shadow, event)
            follow.seen = list(drill.log)  # type: ignore[attr-defined]
        assert _differences(shadow, drill.state) == [], command

    follow.seen = []  # type: ignore[attr-defined]
    drill, _ = drawn_drill(data, name, seed, follow)
    assert _differences(fold(rules, drill.log, seed), drill.state) == []
    assert Drill.from_log(rules, drill.log, seed).state == drill.state


def test_clone_shares_no_mutable_container() -> None:
    drill = play(load_rules("mini"), 3, POLICIES["greedy"])
    state, copy = drill.state, drill.state.clone()
    assert copy == state
    for field in dataclasses.fields(DrillState):
        value = getattr(state, field.name)
        if isinstance(value, dict | list | set):
            assert getattr(copy, field.name) is not value, field.name
        if isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, dict | list | set):
                    assert getattr(copy, field.name)[key] is not inner, (field.name, key)


# --- (3) every drill ends ---------------------------------------------------------------


def drive_to_close(drill: Drill) -> None:
    """Finish a drill with legal facilitator commands, checking the turn limit."""
    turns = drill.rules.turns
    for _ in range(3 * turns + 6):
        stage = drill.state.stage
        if stage == "closed":
            return
        if stage in ("briefing", "sitrep"):
            step: cmd.Command = cmd.End(F) if drill.state.ended else cmd.StartTurn(F)
        else:
            step = {
                "lobby": cmd.Begin(F),
                "paused": cmd.Resume(F),
                "orders": cmd.CloseTurn(F),
                "debrief": cmd.Close(F),
            }[stage]
        drill.execute(step)
        assert drill.state.turn <= turns
    raise AssertionError(f"not closed: {drill.state.stage} at turn {drill.state.turn}")


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_every_drill_closes_within_the_turn_limit(
    name: str, data: st.DataObject, seed: int
) -> None:
    rules = load_rules(name)

    def within_limit(drill: Drill, command: cmd.Command, refusal: IllegalCommand | None) -> None:
        assert drill.state.turn <= rules.turns

    drill, _ = drawn_drill(data, name, seed, within_limit)
    drive_to_close(drill)
    assert drill.state.stage == "closed"
    assert drill.state.ended
    assert len(drill.state.history) == drill.state.turn or drill.state.stage == "closed"


@NAMES
@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_bots_play_every_scenario_to_the_end(name: str, policy: str) -> None:
    rules = load_rules(name)
    for seed in (1, 2):
        drill = play(rules, seed, POLICIES[policy])
        assert drill.state.stage == "closed"
        assert drill.state.turn == rules.turns or "end" in drill.state.flags
        assert len(drill.state.history) == drill.state.turn


# --- (4) scores stay in range -----------------------------------------------------------


def assert_in_range(scores: Scores) -> None:
    """Every score in [0, 100] (or None where nothing was measured)."""
    for field in dataclasses.fields(Scores):
        value = getattr(scores, field.name)
        if field.name == "rapidity":
            assert value is None or value >= 0
        elif isinstance(value, float | int):
            assert 0.0 <= value <= 100.0, (field.name, value)
        elif field.name == "objectives":
            assert set(value.values()) <= {"P", "S", "M", "U", "-"}
        elif field.name != "roles":
            assert value is None, field.name


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_scores_stay_between_0_and_100(name: str, data: st.DataObject, seed: int) -> None:
    rules = load_rules(name)

    def check(drill: Drill, command: cmd.Command, refusal: IllegalCommand | None) -> None:
        if refusal is None:
            assert_in_range(score(rules, drill.state))

    drill, _ = drawn_drill(data, name, seed, check)
    drive_to_close(drill)
    assert_in_range(score(rules, drill.state))


# --- (5) refusals change nothing --------------------------------------------------------


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_refused_commands_change_nothing(name: str, data: st.DataObject, seed: int) -> None:
    rules = load_rules(name)
    drill = Drill(rules, seed)
    for _ in range(data.draw(st.integers(20, 200), label="steps")):
        command = data.draw(step_strategy(name, drill.state))
        before, log_length = drill.state.clone(), len(drill.log)
        try:
            drill.execute(command)
        except IllegalCommand as refusal:
            assert _differences(before, drill.state) == [], command
            assert len(drill.log) == log_length
            en, zh = said(refusal.refusal, "en"), said(refusal.refusal, "zh")
            assert en and zh and en != zh
            assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)


# --- (6) no secrets in a seat's view or log ---------------------------------------------


def texts_of(text: Text | None) -> list[str]:
    """Every language version of a text."""
    if text is None:
        return []
    if isinstance(text, LocalText):
        return [t for t in (text.zh, text.en) if t]
    return [text]


def strings_in(value: object) -> Iterator[str]:
    """Every string inside a view, event or model, however deeply nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, BaseModel):
        yield from strings_in(dict(value))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from strings_in(getattr(value, field.name))
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield from strings_in(key)
            yield from strings_in(inner)
    elif isinstance(value, list | tuple | set | frozenset):
        for inner in value:
            yield from strings_in(inner)


def secrets_of(rules: Rules, drill: Drill, role: str) -> dict[str, str]:
    """Texts the role must not see now, by what they are."""
    state, scenario = drill.state, rules.scenario
    secrets: dict[str, str] = {}
    for item in rules.info.values():
        if item.id not in state.known[role]:
            secrets |= {text: f"information '{item.id}'" for text in texts_of(item.text)}
    for other, briefing in scenario.role_briefings.items():
        if other != role:
            secrets |= {text: f"briefing of '{other}'" for text in texts_of(briefing)}
    for inject in rules.injects.values():
        secrets |= {text: f"notes of '{inject.id}'" for text in texts_of(inject.notes)}
    return secrets


def shown_to(rules: Rules, drill: Drill, role: str, since: int = 0) -> str:
    """All a role is shown: its view now and its log from event `since` on, as text."""
    view = view_for(rules, drill.state, role)
    log = log_for(rules, drill.log[since:], role)
    return "\n".join([*strings_in(view), *strings_in(log)])


def private_to_others(rules: Rules, event: ev.Event, role: str) -> bool:
    """Whether a log event is about something `role` must not learn from the log."""
    if isinstance(event, ev.OrderPlaced):
        return event.order.role != role
    if isinstance(event, ev.OrderWithdrawn | ev.OrdersSubmitted):
        return event.role != role
    if isinstance(event, ev.ResourceChanged):
        return event.role != role
    if isinstance(event, ev.InfoRevealed | ev.AdhocInjectAdded):
        return role not in (event.roles if isinstance(event, ev.InfoRevealed) else event.to)
    if isinstance(event, ev.InfoShared):
        return role not in (event.by, event.to) and event.to != "platform"
    if isinstance(event, ev.InjectReleased):
        inject = rules.injects[event.inject]
        return inject.to != "all" and role not in inject.to
    if isinstance(event, ev.RequestCreated):
        return role not in (event.approver, event.order.role)
    return isinstance(
        event, ev.Overridden | ev.InjectHeld | ev.InjectSkipped | ev.ContingencyQueued
    )


def assert_no_leak(rules: Rules, drill: Drill, since: int = 0) -> None:
    """Neither view_for nor log_for shows a role anything it must not see."""
    for role in rules.role_order:
        shown = shown_to(rules, drill, role, since)
        for text, what in secrets_of(rules, drill, role).items():
            assert text not in shown, f"{role} sees the {what}"
        for event in log_for(rules, drill.log[since:], role):
            assert not private_to_others(rules, event, role), (role, event)
        view = view_for(rules, drill.state, role)
        assert set(view.orders) == set(view.resources) == {role}
        assert set(view.information) <= drill.state.known[role]
        assert (view.pending_injects, view.held) == ((), ())
        assert (view.released, view.skipped, view.queued, view.adhoc) == ({}, (), (), ())
        assert all(item.notes is None for item in view.inbox)


def orders_in(value: object) -> Iterator[ev.Order]:
    """Every order inside a view, however deeply nested."""
    if isinstance(value, ev.Order):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from orders_in(getattr(value, field.name))
    elif isinstance(value, dict):
        for inner in value.values():
            yield from orders_in(inner)
    elif isinstance(value, list | tuple | set | frozenset):
        for inner in value:
            yield from orders_in(inner)


def assert_own_items_and_orders(rules: Rules, drill: Drill) -> None:
    """A role's view holds no information item it does not know and no order of another role
    (but the order of a request it is asked to approve)."""
    for role in rules.role_order:
        view = view_for(rules, drill.state, role)
        others = set(rules.info) - drill.state.known[role]
        assert not others & set(view.information), role
        assert not others & set(strings_in(view.information)), role
        asked = [r for r in view.requests if r.order.role != role]
        assert all(r.approver == role for r in asked), role
        rest = dataclasses.replace(view, requests=())
        assert {o.role for o in orders_in(rest)} <= {role}, role


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_a_role_view_holds_only_its_own_information_and_orders(
    name: str, data: st.DataObject, seed: int
) -> None:
    rules = load_rules(name)

    def check(drill: Drill, command: cmd.Command, refusal: IllegalCommand | None) -> None:
        if refusal is None:
            assert_own_items_and_orders(rules, drill)

    drill, _ = drawn_drill(data, name, seed, check)
    drive_to_close(drill)
    assert_own_items_and_orders(rules, drill)


@NAMES
@EXAMPLES
@given(data=st.data(), seed=SEEDS)
def test_no_seat_sees_what_it_does_not_know(name: str, data: st.DataObject, seed: int) -> None:
    rules = load_rules(name)

    seen = [0]

    def check(drill: Drill, command: cmd.Command, refusal: IllegalCommand | None) -> None:
        if refusal is None:
            assert_no_leak(rules, drill, since=seen[0])
            seen[0] = len(drill.log)

    drill, _ = drawn_drill(data, name, seed, check)
    drive_to_close(drill)
    assert_no_leak(rules, drill)


@NAMES
def test_secrets_exist_to_be_kept(name: str) -> None:
    """The leak test is only meaningful if a role starts without some secret text."""
    rules = load_rules(name)
    drill = Drill(rules)
    assert any(secrets_of(rules, drill, role) for role in rules.role_order)
    assert_no_leak(rules, drill)


@NAMES
def test_bot_drills_leak_nothing(name: str) -> None:
    rules = load_rules(name)
    for policy in sorted(POLICIES):
        assert_no_leak(rules, play(rules, 5, POLICIES[policy]))

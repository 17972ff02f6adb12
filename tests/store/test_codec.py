"""Commands and events survive JSON exactly: every class, every field type, nested effects."""

from __future__ import annotations

import dataclasses
import inspect
import types
import typing
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drill.engine import commands as command_module
from drill.engine import events as event_module
from drill.engine.commands import Command
from drill.engine.events import Event
from drill.scenario.language import (
    Effect,
    ExposureDelta,
    FlagChange,
    GroupCount,
    ResourceDelta,
    RevealInfo,
    SectorDelta,
)
from drill.store.codec import (
    COMMANDS,
    EVENTS,
    CodecError,
    dumps,
    loads_command,
    loads_event,
)
from tests.store.support import played

names = st.text(min_size=1, max_size=8)
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)

EFFECTS: st.SearchStrategy[Effect] = st.one_of(
    st.builds(lambda s: Effect(sector=s), st.builds(SectorDelta, id=names, delta=floats)),
    st.builds(
        lambda r: Effect(resource=r),
        st.builds(ResourceDelta, id=names, delta=st.integers(), role=names),
    ),
    st.builds(
        lambda x: Effect(exposure=x), st.builds(ExposureDelta, zone=names, delta=st.integers())
    ),
    st.builds(
        lambda g, assist: Effect(assist=g) if assist else Effect(affect=g),
        st.one_of(
            st.builds(GroupCount, group=names, count=st.integers(0, 99)),
            st.builds(GroupCount, zone=names, count=st.integers(0, 99)),
        ),
        st.booleans(),
    ),
    st.builds(lambda v: Effect(trust=v), floats),
    st.builds(
        lambda f: Effect(flag=f),
        st.one_of(st.builds(FlagChange, set=names), st.builds(FlagChange, clear=names)),
    ),
    st.builds(
        lambda r: Effect(reveal=r),
        st.builds(RevealInfo, info=names, to=st.one_of(names, st.lists(names, max_size=3))),
    ),
    st.builds(lambda v: Effect(release=v), names),
    st.builds(lambda v: Effect(trigger=v), names),
    st.builds(lambda v: Effect(institution=v), names),
)


def strategy(hint: Any) -> st.SearchStrategy[Any]:
    """Values of any field type the engine's dataclasses use."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(strategy(a) for a in args))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return st.lists(strategy(args[0]), max_size=4).map(tuple)
        return st.tuples(*(strategy(a) for a in args))
    if hint is Effect:
        return EFFECTS
    if dataclasses.is_dataclass(hint):
        return instances(hint)
    simple: dict[Any, st.SearchStrategy[Any]] = {
        str: st.text(max_size=20),
        int: st.integers(),
        float: floats,
        bool: st.booleans(),
        type(None): st.none(),
    }
    return simple[hint]


def instances(kind: Any) -> st.SearchStrategy[Any]:
    """Any instance of a dataclass, every field drawn from its declared type."""
    hints = typing.get_type_hints(kind)
    fields = {f.name: strategy(hints[f.name]) for f in dataclasses.fields(kind)}
    return st.builds(kind, **fields)


def classes(module: types.ModuleType, base: type) -> list[type]:
    return [
        k
        for _, k in inspect.getmembers(module, inspect.isclass)
        if issubclass(k, base) and k is not base
    ]


COMMAND_CLASSES = classes(command_module, Command)
EVENT_CLASSES = classes(event_module, Event)


def test_every_command_and_event_class_is_known_to_the_codec() -> None:
    assert {k.__name__ for k in COMMAND_CLASSES} == set(COMMANDS)
    assert {k.__name__ for k in EVENT_CLASSES} == set(EVENTS)


@settings(max_examples=400, deadline=None)
@given(st.one_of(*(instances(k) for k in COMMAND_CLASSES)))
def test_any_command_round_trips_exactly(command: Command) -> None:
    back = loads_command(dumps(command))
    assert back == command
    assert type(back) is type(command)


@settings(max_examples=600, deadline=None)
@given(st.one_of(*(instances(k) for k in EVENT_CLASSES)))
def test_any_event_round_trips_exactly(event: Event) -> None:
    back = loads_event(dumps(event))
    assert back == event
    assert type(back) is type(event)


def test_a_played_drill_round_trips_event_for_event() -> None:
    for command, events in played(3):
        assert loads_command(dumps(command)) == command
        assert [loads_event(dumps(e)) for e in events] == list(events)


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"type": "NoSuchEvent"}',
        '{"type": "TurnStarted", "turn": "three"}',
        '{"type": "TurnStarted", "turn": 3, "extra": 1}',
        '{"type": "TurnStarted"}',
        '{"type": "Overridden", "reason": "r", "effects": [{"sector": 1}], "turn": 1}',
    ],
)
def test_stored_json_that_is_not_an_event_is_refused_in_words(text: str) -> None:
    with pytest.raises(CodecError):
        loads_event(text)

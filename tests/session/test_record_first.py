"""A session records a command before its drill changes: a failed save changes nothing."""

from __future__ import annotations

import pytest

from drill.engine.commands import FACILITATOR, Begin
from drill.engine.events import Event
from drill.session.seats import SessionConfig
from drill.session.session import Session
from tests.store.support import reference


class BrokenRecord:
    """A record whose disk is full."""

    def append(self, command: object, events: list[Event]) -> None:
        raise OSError("disk full")


def test_a_failed_save_leaves_the_drill_as_it_was() -> None:
    _, rules = reference()
    session = Session(rules, SessionConfig(seed=1))
    session.record = BrokenRecord()
    with pytest.raises(OSError):
        session.execute(Begin(FACILITATOR))
    assert session.state.stage == "lobby"
    assert session.drill.log == []

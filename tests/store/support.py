"""Helpers for the store tests: the reference scenario, bot-played drills and fresh stores."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from drill.engine.commands import Command
from drill.engine.drill import Drill
from drill.engine.events import Event
from drill.engine.rules import Rules, compile_rules
from drill.scenario.bundle import Bundle
from drill.session.session import MemoryRecord
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.store.kept import bot_drill

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"


@cache
def reference() -> tuple[Bundle, Rules]:
    """The reference flood scenario, loaded and compiled once."""
    bundle = load_bundle(REFERENCE)
    return bundle, compile_rules(bundle.ruleset, bundle.scenario)


@cache
def played(seed: int, policy: str = "random") -> tuple[tuple[Command, tuple[Event, ...]], ...]:
    """Every accepted command (with its events) of one complete bot drill of the reference."""
    _, rules = reference()
    record = bot_drill(rules, seed, policy).record
    assert isinstance(record, MemoryRecord)
    return tuple((command, tuple(events)) for command, events in record.entries)


def replayed(commands: list[Command], seed: int) -> Drill:
    """A fresh drill of the reference scenario after `commands`."""
    _, rules = reference()
    drill = Drill(rules, seed)
    for command in commands:
        drill.execute(command)
    return drill


def db_path(folder: Path) -> Path:
    """Where a test keeps its drill database."""
    return folder / "drills.db"

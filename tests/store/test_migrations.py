"""Databases written by every earlier schema version open in this one with nothing lost."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from drill.engine.drill import fold
from drill.session.hotwash import HotWash, PlanItem
from drill.session.settings import ConsoleSettings
from drill.store import migrations as schema
from drill.store.codec import dumps
from drill.store.database import Store, config_json
from drill.store.kept import bot_config, header_for
from drill.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tests.store.support import db_path, played, reference

NOTES = "居民名单共享得太晚\nApprovals were slow."
PLAN = PlanItem(
    "Drill the warning chain monthly", "public_information_and_warning", "committee", "2026-05-01"
)


def old_database(path: Path, version: int) -> sqlite3.Connection:
    """A database as Drill with schema `version` left it."""
    db = sqlite3.connect(path, isolation_level=None)
    schema.prepare_new(db)
    schema.set_pragmas(db)
    schema.migrate(db, MIGRATIONS[:version])
    return db


def insert_v1_drill(db: sqlite3.Connection, hotwash: str = NOTES) -> None:
    """One played drill written with the columns of schema version 1."""
    bundle, rules = reference()
    h = header_for(bundle, bot_config(rules, 9, "random"), 1_700_000_000.0)
    keys = [hashlib.sha256(t.encode()).hexdigest() for t in (h.scenario_text, h.ruleset_text)]
    for key, text in zip(keys, (h.scenario_text, h.ruleset_text), strict=True):
        db.execute("INSERT OR IGNORE INTO sources VALUES (?, ?)", (key, text))
    db.execute(
        "INSERT INTO drills (id, scenario_path, scenario_id, ruleset, scenario_source,"
        " ruleset_path, ruleset_source, seed, lang, mode, seats, turn_minutes, started, status,"
        " turn, overall, hotwash) VALUES (1,?,?,?,?,?,?,9,'zh','facilitated',?,15,?,'closed',"
        " 12, 55.5, ?)",
        (
            *(h.scenario_path, h.scenario_id, h.ruleset, keys[0], h.ruleset_path, keys[1]),
            *(config_json(h.config), h.started, hotwash),
        ),
    )
    for seq, (command, events) in enumerate(played(9), start=1):
        db.execute(
            "INSERT INTO commands VALUES (1, ?, 0, ?, ?)", (seq, command.seat, dumps(command))
        )
        for idx, event in enumerate(events):
            db.execute(
                "INSERT INTO events VALUES (1, ?, ?, ?, ?)",
                (seq, idx, type(event).__name__, dumps(event)),
            )


def v3_hotwash() -> str:
    """The hot-wash notes as schema version 3 keeps them: structured JSON."""
    return json.dumps({"strengths": [], "improvements": [], "notes": NOTES}, ensure_ascii=False)


def insert_v3_branch(db: sqlite3.Connection) -> None:
    """A branch of drill 1 at turn 2, as schema version 3 keeps where it came from."""
    db.execute(
        "INSERT INTO drills (id, scenario_path, scenario_id, ruleset, scenario_source,"
        " ruleset_path, ruleset_source, seed, lang, mode, seats, turn_minutes, started, status,"
        " turn, hotwash, parent, branch_turn) SELECT 2, scenario_path, scenario_id, ruleset,"
        " scenario_source, ruleset_path, ruleset_source, seed, lang, mode, seats, 7, started,"
        " 'sitrep', 1, ?, 1, 2 FROM drills WHERE id = 1",
        (v3_hotwash(),),
    )


def insert_v2_plan(db: sqlite3.Connection) -> None:
    """An improvement plan row, as schema version 2 keeps it."""
    db.execute(
        "INSERT INTO improvements VALUES (1, 0, ?, ?, ?, ?)",
        (PLAN.action, PLAN.capability, PLAN.role, PLAN.due),
    )


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_database_of_every_earlier_version_migrates_with_nothing_lost(
    tmp_path: Path, version: int
) -> None:
    path = db_path(tmp_path)
    db = old_database(path, version)
    insert_v1_drill(db, v3_hotwash() if version >= 3 else NOTES)
    if version >= 2:
        insert_v2_plan(db)
    if version >= 3:
        insert_v3_branch(db)
    db.close()
    _, rules = reference()
    with Store(path) as store:
        assert store._db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        row = store.drill(1)
        assert (row.status, row.turn, row.overall, row.parent, row.branch_turn) == (
            "closed",
            12,
            55.5,
            None,
            None,
        )
        assert [(e.command, tuple(e.events)) for e in store.entries(1)] == list(played(9))
        assert fold(rules, store.events(1), 9).stage == "closed"
        assert store.hotwash(1) == HotWash(notes=NOTES)
        assert store.plan(1) == ([PLAN] if version >= 2 else [])
        assert store.settings(1) == ConsoleSettings(show_scores=True)


def test_a_version_3_branch_keeps_its_origin_and_gets_the_console_defaults(
    tmp_path: Path,
) -> None:
    path = db_path(tmp_path)
    db = old_database(path, 3)
    insert_v1_drill(db, v3_hotwash())
    insert_v3_branch(db)
    db.close()
    with Store(path) as store:
        branch = store.drill(2)
        assert (branch.parent, branch.branch_turn, branch.status, branch.turn) == (
            1,
            2,
            "sitrep",
            1,
        )
        assert branch.config.turn_minutes == 7
        assert store.hotwash(2) == HotWash(notes=NOTES)
        assert store.settings(2) == ConsoleSettings(True, None, 0.0)
        store.set_settings(2, ConsoleSettings(False, 2, 95.5))
        assert store.settings(2) == ConsoleSettings(False, 2, 95.5)
        assert store.settings(1) == ConsoleSettings()


@pytest.mark.parametrize("version", range(0, SCHEMA_VERSION))
def test_migrations_from_every_version_reach_the_same_schema(tmp_path: Path, version: int) -> None:
    old_database(tmp_path / "old.db", version).close()
    Store(tmp_path / "old.db").close()
    Store(tmp_path / "new.db").close()
    assert tables(tmp_path / "old.db") == tables(tmp_path / "new.db")


def tables(path: Path) -> list[tuple[str, str]]:
    """Every table's name and columns, as SQLite describes them."""
    db = sqlite3.connect(path)
    names = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out = [(n, repr(db.execute(f"PRAGMA table_info({n})").fetchall())) for n in sorted(names)]
    db.close()
    return out


def test_a_failing_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    db = old_database(path, 1)
    with pytest.raises(sqlite3.OperationalError):
        schema.migrate(db, [*MIGRATIONS[:1], ("CREATE TABLE ok (a)", "NOT SQL AT ALL")])
    assert schema.schema_version(db) == 1
    assert db.execute("SELECT name FROM sqlite_master WHERE name = 'ok'").fetchall() == []
    db.close()

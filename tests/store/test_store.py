"""The drill database: drills and their records, hot wash and plan, branches, refused files."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from drill.engine.drill import fold
from drill.session.clock import FrozenClock
from drill.session.hotwash import HotWash, PlanItem
from drill.store.database import Store
from drill.store.kept import (
    bot_config,
    header_for,
    resume_session,
    save_bot_drills,
    start_session,
    stored_bundle,
)
from drill.store.migrations import SCHEMA_VERSION, StoreError
from tests.store.support import db_path, played, reference, replayed


def test_a_new_database_is_in_wal_mode_with_full_sync_and_the_latest_schema(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store:
        db = store._db
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_every_command_of_a_session_is_stored_with_its_events(tmp_path: Path) -> None:
    bundle, rules = reference()
    clock = FrozenClock()
    with Store(db_path(tmp_path)) as store:
        session = start_session(store, bundle, bot_config(rules, 7, "random"), clock)
        for command, _ in played(7):
            session.execute(command)
        drill_id = 1
        entries = store.entries(drill_id)
        assert [(e.command, tuple(e.events)) for e in entries] == list(played(7))
        assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
        row = store.drill(drill_id)
        assert (row.status, row.turn) == ("closed", rules.turns)
        assert row.overall == pytest.approx(session.scores().overall)
        assert row.started == clock.wall()


def test_a_resumed_session_is_the_fold_of_the_stored_events(tmp_path: Path) -> None:
    bundle, rules = reference()
    commands = [c for c, _ in played(8)][:40]
    with Store(db_path(tmp_path)) as store:
        session = start_session(store, bundle, bot_config(rules, 8, "random"))
        for command in commands:
            session.execute(command)
    with Store(db_path(tmp_path)) as store:
        resumed = resume_session(store, 1)
        assert resumed.state == replayed(commands, 8).state
        assert resumed.state == fold(rules, store.events(1), 8)
        assert resumed.config == bot_config(rules, 8, "random")


def test_the_stored_scenario_text_is_used_not_the_file_of_today(tmp_path: Path) -> None:
    bundle, rules = reference()
    header = header_for(bundle, bot_config(rules, 1, "random"), 0.0)
    copy = tmp_path / "copy.yaml"
    copy.write_text(header.scenario_text, encoding="utf-8")
    with Store(db_path(tmp_path)) as store:
        drill_id = store.create_drill(header)
        copy.unlink()
        assert stored_bundle(store, drill_id).scenario == bundle.scenario


def test_drills_are_listed_newest_first(tmp_path: Path) -> None:
    bundle, _ = reference()
    with Store(db_path(tmp_path)) as store:
        ids = save_bot_drills(store, bundle, [1, 2, 3], "greedy")
        assert [d.id for d in store.drills()] == ids[::-1]
        assert all(d.status == "closed" and d.overall is not None for d in store.drills())


def test_hot_wash_and_improvement_plan_persist(tmp_path: Path) -> None:
    bundle, _ = reference()
    notes = HotWash(("快速共享名单",), ("审批太慢",), "整体良好\nline two")
    plan = [PlanItem("Train grid workers", "operational_coordination", "committee", "2026-03-01")]
    with Store(db_path(tmp_path)) as store:
        (drill_id,) = save_bot_drills(store, bundle, [1], "greedy")
        assert store.hotwash(drill_id) == HotWash()
        store.set_hotwash(drill_id, notes)
        store.set_plan(drill_id, plan)
    with Store(db_path(tmp_path)) as store:
        assert store.hotwash(drill_id) == notes
        assert store.plan(drill_id) == plan
        store.set_plan(drill_id, [])
        assert store.plan(drill_id) == []


def test_a_branch_holds_the_commands_before_the_start_of_its_turn(tmp_path: Path) -> None:
    bundle, _ = reference()
    entries = played(4)
    with Store(db_path(tmp_path)) as store:
        (source,) = save_bot_drills(store, bundle, [4], "random")
        branch = store.branch(source, 5)
        kept = store.entries(branch)
        starts = [i for i, (c, ev) in enumerate(entries) if type(c).__name__ == "StartTurn"]
        assert [e.command for e in kept] == [c for c, _ in entries[: starts[4]]]
        row = store.drill(branch)
        assert (row.parent, row.branch_turn, row.turn, row.status) == (source, 5, 4, "sitrep")
        session = resume_session(store, branch)
        assert session.state.turn == 4 and session.state.stage == "sitrep"
        with pytest.raises(StoreError, match="never reached turn 99"):
            store.branch(source, 99)


def test_an_unknown_drill_is_named(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store, pytest.raises(StoreError, match="no drill 42"):
        store.drill(42)


def test_a_file_of_random_bytes_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    data = os.urandom(8192)
    path.write_bytes(data)
    with pytest.raises(StoreError, match="not a Drill database"):
        Store(path)
    assert path.read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["drills.db"]


def test_a_foreign_sqlite_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    foreign = sqlite3.connect(path)
    foreign.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    foreign.execute("INSERT INTO invoices (total) VALUES (12.5)")
    foreign.commit()
    foreign.close()
    data = path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Store(path)
    assert path.read_bytes() == data


def test_a_damaged_drill_database_gets_a_clear_error(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    bundle, _ = reference()
    with Store(path) as store:
        save_bot_drills(store, bundle, [1], "greedy")
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="drill database"), Store(path) as store:
        store.events(1)
    assert path.read_bytes() == bytes(data)


def test_a_database_from_a_newer_drill_is_refused(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer"):
        Store(path)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = db_path(tmp_path)
    path.write_bytes(b"")
    with Store(path) as store:
        assert store.drills() == []


def test_after_a_failed_append_nothing_more_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, rules = reference()
    commands = [c for c, _ in played(7)]
    with Store(db_path(tmp_path)) as store:
        session = start_session(store, bundle, bot_config(rules, 7, "random"))
        for command in commands[:5]:
            session.execute(command)
        real = store.append

        def full_disk(*args: object, **kwargs: object) -> None:
            raise StoreError("database or disk is full")

        monkeypatch.setattr(store, "append", full_disk)
        with pytest.raises(StoreError, match="full"):
            session.execute(commands[5])
        monkeypatch.setattr(store, "append", real)
        with pytest.raises(StoreError, match="drill resume 1"):
            session.execute(commands[6])
        assert [e.command for e in store.entries(1)] == commands[:5]
        assert resume_session(store, 1).state == replayed(commands[:5], 7).state


def test_the_resume_command_names_the_database_unless_it_is_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "drills.db"
    monkeypatch.setattr("drill.store.database.default_path", lambda: default)
    with Store() as store:
        assert store.resume_command(4) == "drill resume 4"
    other = tmp_path / "my drills" / "centre.db"
    with Store(other) as store:
        assert store.resume_command(4) == f"drill resume 4 --db '{other}'"

"""The stored-drill commands: sessions, simulate --save, branch, export, report, compare."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from drill.cli.main import cli
from drill.session.simulation import simulate
from drill.store.codec import decode_command, decode_event
from drill.store.database import Store
from tests.store.support import db_path, reference


def drill(*args: str) -> tuple[int, str, str]:
    """Run `drill ARGS`; exit status, standard output, standard error."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A database holding three simulated drills (ids 1-3, seeds 7-9, random bots)."""
    path = str(db_path(tmp_path))
    code, _, err = drill(
        "simulate", "flood_old_community", "--runs", "3", "--seed", "7", "--save", "--db", path
    )
    assert code == 0 and "saved 3 drills" in err
    return path


def test_simulated_drills_are_stored_with_the_scores_of_the_batch(db: str) -> None:
    bundle, _ = reference()
    batch = simulate(bundle.ruleset, bundle.scenario, runs=3, seed=7, policy="random")
    with Store(db) as store:
        rows = sorted(store.drills(), key=lambda r: r.id)
    assert [r.config.seed for r in rows] == [7, 8, 9]
    assert [r.overall for r in rows] == [run.overall for run in batch.scores]
    assert all(r.status == "closed" for r in rows)


def test_sessions_lists_every_drill(db: str) -> None:
    code, out, _ = drill("sessions", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "scenario", "started", "turn", "status", "overall"]
    assert [line.split()[0] for line in lines[1:]] == ["3", "2", "1"]
    assert all("closed" in line and "flood_old_community" in line for line in lines[1:])


def test_branch_starts_a_new_drill_at_the_start_of_a_turn(db: str) -> None:
    code, out, _ = drill("branch", "2", "--turn", "6", "--no-open", "--db", db)
    assert code == 0 and "drill 4 starts at turn 6 of drill 2" in out
    _, listing, _ = drill("sessions", "--db", db)
    assert "branch of 2 at turn 6" in listing
    code, _, err = drill("branch", "2", "--turn", "40", "--no-open", "--db", db)
    assert code == 1 and "never reached turn 40" in err


def test_the_json_export_holds_every_command_and_event(db: str) -> None:
    code, out, _ = drill("export", "1", "--db", db)
    assert code == 0
    body = json.loads(out)
    with Store(db) as store:
        entries = store.entries(1)
    assert [decode_command(c["command"]) for c in body["commands"]] == [e.command for e in entries]
    events = [decode_event(e) for c in body["commands"] for e in c["events"]]
    assert events == [e for entry in entries for e in entry.events]
    assert body["drill"]["config"]["seed"] == 7


def test_the_csv_export_has_a_row_per_event(db: str, tmp_path: Path) -> None:
    target = tmp_path / "drill.csv"
    code, _, err = drill("export", "1", "--format", "csv", "-o", str(target), "--db", db)
    assert code == 0 and "wrote" in err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    with Store(db) as store:
        entries = store.entries(1)
    assert len(rows) == sum(max(1, len(e.events)) for e in entries)
    assert rows[0]["command"] == "Begin" and rows[0]["event"] == "StageChanged"


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_report_in_every_format(db: str, fmt: str) -> None:
    code, out, _ = drill("report", "1", "--format", fmt, "--lang", "en", "--db", db)
    assert code == 0
    assert {"md": "# After-action report", "html": "<!DOCTYPE html>", "json": "{"}[fmt] in out


def test_compare_puts_drills_side_by_side(db: str) -> None:
    code, out, _ = drill("compare", "1", "2", "3", "--lang", "en", "--db", db)
    assert code == 0
    assert "| Overall |" in out and out.count("#1 ") >= 2


def test_a_foreign_file_is_refused_in_words_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    data = os.urandom(4096)
    path.write_bytes(data)
    code, _, err = drill("sessions", "--db", str(path))
    assert code == 1 and "not a Drill database" in err and "untouched" in err
    assert path.read_bytes() == data


def test_an_unknown_drill_is_named(db: str) -> None:
    code, _, err = drill("report", "99", "--db", db)
    assert code == 1 and "no drill 99" in err

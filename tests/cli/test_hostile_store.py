"""The drill database: damaged files are never written to, reading commands never create one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from drill.store.database import Store
from tests.cli.support import run

PAGE = ("page_size", "page_count")
SAVE_ONE = ("simulate", "flood_old_community", "--runs", "1", "--save")


def saved_database(tmp_path: Path) -> Path:
    db = tmp_path / "drills.db"
    result = run(*SAVE_ONE, "--db", str(db))
    assert result.exit_code == 0, result.output
    return db


def damage(db: Path) -> None:
    """Overwrite part of one page, as a bad disk block would, so that SQLite's check fails."""
    with sqlite3.connect(db) as check:
        size, count = (check.execute(f"PRAGMA {name}").fetchone()[0] for name in PAGE)
    intact = db.read_bytes()
    for page in range(count, 1, -1):
        spot = (page - 1) * size + size // 2
        db.write_bytes(intact[:spot] + b"\xff" * 64 + intact[spot + 64 :])
        if not intact_file(db):
            return
    raise AssertionError("no page could be damaged")


def intact_file(db: Path) -> bool:
    check = sqlite3.connect(db)
    try:
        return bool(check.execute("PRAGMA integrity_check").fetchall() == [("ok",)])
    except sqlite3.DatabaseError:
        return False
    finally:
        check.close()


def test_a_damaged_database_is_never_written_to(tmp_path: Path) -> None:
    db = saved_database(tmp_path)
    damage(db)
    before = db.read_bytes()
    result = run(*SAVE_ONE, "--db", str(db))
    assert result.exit_code == 1
    assert "damaged" in result.output or "malformed" in result.output
    assert "This is a bug" not in result.output
    assert db.read_bytes() == before


def test_a_reading_command_does_not_create_a_database_or_its_folders(tmp_path: Path) -> None:
    db = tmp_path / "typo" / "dir" / "x.db"
    for command in ("sessions", "report", "export", "replay", "compare"):
        args = (command,) if command == "sessions" else (command, "1")
        result = run(*args, "--db", str(db))
        assert result.exit_code == 1, command
        assert f"there is no drill database at {db}" in result.output
        assert "This is a bug" not in result.output
    assert not (tmp_path / "typo").exists()


def test_a_reading_store_cannot_write(tmp_path: Path) -> None:
    db = saved_database(tmp_path)
    with Store(db, readonly=True) as store:
        assert len(store.drills()) == 1
        with pytest.raises(Exception, match=r"readonly|read-only|query_only"):
            store.set_overall(1, 1.0)


def as_ordinary_user() -> list[str]:
    """Root may write into any folder, so it runs the command as nobody (setpriv, util-linux)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    assert setpriv, "running as root: install util-linux (setpriv) to test a read-only folder"
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_sessions_work_in_a_read_only_folder() -> None:
    folder = Path(tempfile.mkdtemp())
    db = saved_database(folder)
    db.chmod(0o444)
    folder.chmod(0o555)
    command = [*as_ordinary_user(), sys.executable, "-m", "drill", "sessions", "--db", str(db)]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        left = sorted(path.name for path in folder.iterdir())
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder)
    assert result.returncode == 0, result.stderr
    assert "flood_old_community" in result.stdout
    assert left == ["drills.db"]

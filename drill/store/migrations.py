"""The drill database's schema, its migrations, and the checks made before a file is opened."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from drill.session.keeping import KeepError

APPLICATION_ID = 0x4452_4C4C
"""`PRAGMA application_id` of every Drill database ("DRLL"); other files are refused."""

SQLITE_MAGIC = b"SQLite format 3\x00"
_APPLICATION_ID_OFFSET = 68

Migration = tuple[str, ...]
"""The SQL statements that take the schema from one version to the next."""

V1: Migration = (
    """CREATE TABLE sources (
        hash TEXT PRIMARY KEY,
        text TEXT NOT NULL
    ) WITHOUT ROWID""",
    """CREATE TABLE drills (
        id INTEGER PRIMARY KEY,
        scenario_path TEXT NOT NULL,
        scenario_id TEXT NOT NULL,
        ruleset TEXT NOT NULL,
        scenario_source TEXT NOT NULL REFERENCES sources(hash),
        ruleset_path TEXT NOT NULL,
        ruleset_source TEXT NOT NULL REFERENCES sources(hash),
        seed INTEGER NOT NULL,
        lang TEXT NOT NULL,
        mode TEXT NOT NULL,
        seats TEXT NOT NULL,
        turn_minutes REAL NOT NULL,
        started REAL NOT NULL,
        status TEXT NOT NULL DEFAULT 'lobby',
        turn INTEGER NOT NULL DEFAULT 0,
        overall REAL,
        hotwash TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE commands (
        drill INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        at REAL NOT NULL,
        seat TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (drill, seq)
    ) WITHOUT ROWID""",
    """CREATE TABLE events (
        drill INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        idx INTEGER NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (drill, seq, idx),
        FOREIGN KEY (drill, seq) REFERENCES commands(drill, seq) ON DELETE CASCADE
    ) WITHOUT ROWID""",
)
"""Version 1: drills, their commands and events, and the scenario texts they were played on."""

V2: Migration = (
    """CREATE TABLE improvements (
        drill INTEGER NOT NULL REFERENCES drills(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        action TEXT NOT NULL,
        capability TEXT NOT NULL,
        role TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (drill, position)
    ) WITHOUT ROWID""",
)
"""Version 2: the improvement plan of the hot wash (HSEEP IP)."""

V3: Migration = (
    "ALTER TABLE drills ADD COLUMN parent INTEGER REFERENCES drills(id)",
    "ALTER TABLE drills ADD COLUMN branch_turn INTEGER",
    """UPDATE drills SET hotwash = json_object(
        'strengths', json('[]'), 'improvements', json('[]'), 'notes', hotwash)""",
)
"""Version 3: where a branched drill came from; hot-wash notes become structured JSON."""

V4: Migration = (
    "ALTER TABLE drills ADD COLUMN show_scores INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE drills ADD COLUMN timer_turn INTEGER",
    "ALTER TABLE drills ADD COLUMN timer_elapsed REAL NOT NULL DEFAULT 0",
)
"""Version 4: the console settings kept with a drill: scores shown to players, the countdown."""

MIGRATIONS: list[Migration] = [V1, V2, V3, V4]
"""Applied in order; the schema version is the number applied (`PRAGMA user_version`)."""

SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(KeepError):
    """The drill database cannot be used; the message says why and what to do."""


def check_file(path: Path) -> bool:
    """Whether `path` is a Drill database (True) or absent/empty (False); StoreError if not ours.

    Reads only the first 100 bytes, so a foreign or damaged file is never written to.
    """
    if path.is_dir():
        raise StoreError(f"{path} is a folder; give the path of a drill database file")
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise StoreError(
                f"{path} is not a regular file (a device, pipe or socket); "
                "give the path of a drill database file with --db"
            )
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from None
    if not header:
        return False
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise StoreError(
            f"{path} is not a Drill database (it is not an SQLite file, or it is damaged); "
            "it was left untouched. Give another path with --db."
        )
    found = int.from_bytes(header[_APPLICATION_ID_OFFSET : _APPLICATION_ID_OFFSET + 4], "big")
    if found != APPLICATION_ID:
        raise StoreError(
            f"{path} is an SQLite database of another program, not a Drill database; "
            "it was left untouched. Give another path with --db."
        )
    return True


def check_intact(connection: sqlite3.Connection, path: Path) -> None:
    """StoreError if `PRAGMA quick_check` finds damage: a damaged file is never written to."""
    try:
        rows = [tuple(row) for row in connection.execute("PRAGMA quick_check").fetchall()]
    except (sqlite3.DatabaseError, MemoryError) as error:  # damage can make SQLite give up
        rows = [(str(error) or type(error).__name__,)]
    if rows != [("ok",)]:
        found = " ".join(str(rows[0][0]).split())[:200]
        raise StoreError(
            f"the drill database {path} is damaged (SQLite's check found: {found}); "
            "it was left untouched. Keep a copy of it, and give another path with --db."
        )


def connect_readonly(path: Path) -> sqlite3.Connection:
    """Open a database for reading only, even in a folder the user cannot write to."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        connection = _connect(uri)
        connection.execute("PRAGMA schema_version").fetchone()
    except sqlite3.OperationalError:  # a WAL file in a read-only folder: read it as it is
        connection = _connect(uri + "&immutable=1")
    return connection


def _connect(uri: str) -> sqlite3.Connection:
    connection = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA query_only = ON")
    connection.execute("PRAGMA busy_timeout = 5000")
    return connection


def schema_version(connection: sqlite3.Connection) -> int:
    """The schema version of an open database."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(connection: sqlite3.Connection, migrations: list[Migration] | None = None) -> int:
    """Apply the migrations the database has not had yet, in one transaction; the new version."""
    steps = MIGRATIONS if migrations is None else migrations
    if schema_version(connection) == len(steps):
        return len(steps)  # nothing to do: write nothing
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = schema_version(connection)
        if version > len(steps):
            raise StoreError(
                f"this drill database has schema version {version}, newer than this Drill "
                f"knows ({len(steps)}); update Drill to open it"
            )
        for number in range(version, len(steps)):
            for statement in steps[number]:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {len(steps)}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    return len(steps)


def prepare_new(connection: sqlite3.Connection) -> None:
    """Mark a new, empty database as Drill's before anything else is written to it."""
    connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def set_pragmas(connection: sqlite3.Connection) -> None:
    """Write-ahead log, a full sync at every commit, foreign keys enforced."""
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        raise StoreError(f"the drill database cannot use a write-ahead log (mode {mode})")
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA busy_timeout = 5000")

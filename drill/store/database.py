"""The drill database: every accepted command and its events, durable before it is acknowledged."""

from __future__ import annotations

import hashlib
import json
import shlex
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import platformdirs

from drill.engine import events as ev
from drill.engine.commands import Command
from drill.engine.events import Event
from drill.session.clock import Clock
from drill.session.hotwash import HotWash, PlanItem
from drill.session.seats import SeatSetup, SessionConfig
from drill.session.settings import ConsoleSettings
from drill.store import migrations as schema
from drill.store.codec import CodecError, dumps, loads_command, loads_event
from drill.store.migrations import StoreError

DB_NAME = "drills.db"


def default_path() -> Path:
    """Where drills are kept unless --db says otherwise: the user data directory."""
    return platformdirs.user_data_path("drill", appauthor=False) / DB_NAME


@dataclass(frozen=True)
class DrillHeader:
    """What is known of a drill when it starts: the scenario, its texts, the seats."""

    scenario_path: str
    scenario_id: str
    ruleset: str
    ruleset_path: str
    scenario_text: str
    ruleset_text: str
    config: SessionConfig
    started: float
    parent: int | None = None
    branch_turn: int | None = None


@dataclass(frozen=True)
class DrillRow:
    """A stored drill as `drill sessions` lists it."""

    id: int
    scenario_path: str
    scenario_id: str
    ruleset: str
    ruleset_path: str
    config: SessionConfig
    started: float
    status: str
    turn: int
    overall: float | None
    parent: int | None
    branch_turn: int | None


@dataclass(frozen=True)
class Entry:
    """One stored command with the events it produced."""

    seq: int
    at: float
    command: Command
    events: list[Event]


def config_json(config: SessionConfig) -> str:
    """The seats, teams and participants of a session as JSON."""
    seats = {role: asdict(seat) for role, seat in config.seats.items()}
    return json.dumps(seats, ensure_ascii=False)


def config_from(row: sqlite3.Row) -> SessionConfig:
    """The session config stored in a drills row."""
    seats = {role: SeatSetup(**seat) for role, seat in json.loads(row["seats"]).items()}
    return SessionConfig(
        seed=row["seed"],
        lang=row["lang"],
        mode=row["mode"],
        seats=seats,
        turn_minutes=row["turn_minutes"],
    )


def _row(row: sqlite3.Row) -> DrillRow:
    return DrillRow(
        id=row["id"],
        scenario_path=row["scenario_path"],
        scenario_id=row["scenario_id"],
        ruleset=row["ruleset"],
        ruleset_path=row["ruleset_path"],
        config=config_from(row),
        started=row["started"],
        status=row["status"],
        turn=row["turn"],
        overall=row["overall"],
        parent=row["parent"],
        branch_turn=row["branch_turn"],
    )


def progress_of(events: list[Event]) -> tuple[str | None, int | None]:
    """The last stage and turn that `events` moved to (None where they did not)."""
    stage = turn = None
    for event in events:
        if isinstance(event, ev.StageChanged):
            stage = event.stage
        elif isinstance(event, ev.TurnStarted):
            turn = event.turn
    return stage, turn


class Store:
    """An open drill database; one connection, safe to share between threads."""

    def __init__(self, path: Path | str | None = None, readonly: bool = False) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.readonly = readonly
        self._lock = threading.RLock()
        self._db = self._open_readonly() if readonly else self._open()

    def _open(self) -> sqlite3.Connection:
        existed = schema.check_file(self.path)
        if not existed:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            db.row_factory = sqlite3.Row
            if existed:
                schema.check_intact(db, self.path)
            else:
                schema.prepare_new(db)
            schema.set_pragmas(db)
            schema.migrate(db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} cannot be opened as a drill database: {error}") from None
        return db

    def _open_readonly(self) -> sqlite3.Connection:
        """A connection that can only read; never creates a file or a folder."""
        if not schema.check_file(self.path):
            raise StoreError(
                f"there is no drill database at {self.path}: no drill was stored there yet "
                "(check the --db path if you gave one; `drill play` stores drills)"
            )
        try:
            db = schema.connect_readonly(self.path)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path} cannot be opened as a drill database: {error}") from None
        version = schema.schema_version(db)
        if version != schema.SCHEMA_VERSION:  # older: migrate it first; newer: refused there
            db.close()
            return self._open()
        return db

    def resume_command(self, drill_id: int) -> str:
        """The command that continues drill `drill_id` (with --db if this is not the default)."""
        command = f"drill resume {drill_id}"
        if self.path.resolve() != default_path().resolve():
            command += f" --db {shlex.quote(str(self.path))}"
        return command

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed (and synced) when the block ends."""
        with self._lock:
            db = self._db
            try:
                db.execute("BEGIN IMMEDIATE")
                yield db
                db.execute("COMMIT")
            except BaseException as error:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                if isinstance(error, sqlite3.DatabaseError):
                    raise StoreError(f"the drill database {self.path}: {error}") from None
                raise

    def _query(self, sql: str, args: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as error:
                raise StoreError(f"the drill database {self.path}: {error}") from None

    # --- drills ------------------------------------------------------------------------

    def create_drill(self, header: DrillHeader) -> int:
        """Store a new drill; its id."""
        with self.transaction() as db:
            return self._insert_drill(db, header)

    def _insert_drill(self, db: sqlite3.Connection, h: DrillHeader) -> int:
        hashes = [_put_source(db, text) for text in (h.scenario_text, h.ruleset_text)]
        c = h.config
        cursor = db.execute(
            "INSERT INTO drills (scenario_path, scenario_id, ruleset, scenario_source,"
            " ruleset_path, ruleset_source, seed, lang, mode, seats, turn_minutes, started,"
            " hotwash, parent, branch_turn) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                *(h.scenario_path, h.scenario_id, h.ruleset, hashes[0], h.ruleset_path, hashes[1]),
                *(c.seed, c.lang, c.mode, config_json(c), c.turn_minutes, h.started),
                *(_hotwash_json(HotWash()), h.parent, h.branch_turn),
            ),
        )
        return int(cursor.lastrowid or 0)

    def save_drill(
        self, header: DrillHeader, entries: list[Entry], progress: tuple[str, int, float | None]
    ) -> int:
        """Store a whole drill played elsewhere (a simulation) in one transaction; its id."""
        status, turn, overall = progress
        with self.transaction() as db:
            drill_id = self._insert_drill(db, header)
            _insert_entries(db, drill_id, entries)
            db.execute(
                "UPDATE drills SET status = ?, turn = ?, overall = ? WHERE id = ?",
                (status, turn, overall, drill_id),
            )
        return drill_id

    def drills(self) -> list[DrillRow]:
        """Every stored drill, newest first."""
        return [_row(r) for r in self._query("SELECT * FROM drills ORDER BY id DESC")]

    def drill(self, drill_id: int) -> DrillRow:
        """One stored drill; StoreError if there is none with that id."""
        rows = self._query("SELECT * FROM drills WHERE id = ?", (drill_id,))
        if not rows:
            raise StoreError(f"there is no drill {drill_id} in {self.path} (see `drill sessions`)")
        return _row(rows[0])

    def sources(self, drill_id: int) -> tuple[str, str]:
        """The scenario and ruleset texts the drill was played on."""
        self.drill(drill_id)
        rows = self._query(
            "SELECT s.text, r.text FROM drills d JOIN sources s ON s.hash = d.scenario_source"
            " JOIN sources r ON r.hash = d.ruleset_source WHERE d.id = ?",
            (drill_id,),
        )
        return rows[0][0], rows[0][1]

    # --- commands and events --------------------------------------------------------------

    def record(self, drill_id: int, clock: Clock | None = None) -> SqliteRecord:
        """A record that appends to drill `drill_id` after its last stored command."""
        self.drill(drill_id)
        row = self._query("SELECT MAX(seq) FROM commands WHERE drill = ?", (drill_id,))[0]
        return SqliteRecord(self, drill_id, (row[0] or 0) + 1, clock)

    def append(self, drill_id: int, entry: Entry) -> None:
        """Store one command and its events in one commit."""
        stage, turn = progress_of(entry.events)
        with self.transaction() as db:
            try:
                _insert_entries(db, drill_id, [entry])
            except sqlite3.IntegrityError:  # another process stored this step first
                raise StoreError(
                    f"drill {drill_id} is already open in another window, which stored this "
                    "step first; close this window and go on in the other one"
                ) from None
            if stage is not None:
                db.execute("UPDATE drills SET status = ? WHERE id = ?", (stage, drill_id))
            if turn is not None:
                db.execute("UPDATE drills SET turn = ? WHERE id = ?", (turn, drill_id))

    def entries(self, drill_id: int) -> list[Entry]:
        """Every stored command of a drill with its events, in order."""
        self.drill(drill_id)
        commands = self._query(
            "SELECT seq, at, body FROM commands WHERE drill = ? ORDER BY seq", (drill_id,)
        )
        by_seq: dict[int, list[Event]] = {row["seq"]: [] for row in commands}
        for seq, body in self._event_rows(drill_id):
            by_seq[seq].append(_event(body))
        return [Entry(r["seq"], r["at"], _command(r["body"]), by_seq[r["seq"]]) for r in commands]

    def events(self, drill_id: int) -> list[Event]:
        """Every stored event of a drill, in order."""
        self.drill(drill_id)
        return [_event(body) for _, body in self._event_rows(drill_id)]

    def _event_rows(self, drill_id: int) -> list[sqlite3.Row]:
        return self._query(
            "SELECT seq, body FROM events WHERE drill = ? ORDER BY seq, idx", (drill_id,)
        )

    def set_overall(self, drill_id: int, overall: float | None) -> None:
        """Keep the drill's overall score for `drill sessions`."""
        with self.transaction() as db:
            db.execute("UPDATE drills SET overall = ? WHERE id = ?", (overall, drill_id))

    # --- hot wash and improvement plan ------------------------------------------------

    def hotwash(self, drill_id: int) -> HotWash:
        """The drill's hot-wash notes."""
        self.drill(drill_id)
        row = self._query("SELECT hotwash FROM drills WHERE id = ?", (drill_id,))[0]
        data = json.loads(row[0] or "{}")
        return HotWash(
            strengths=tuple(data.get("strengths", ())),
            improvements=tuple(data.get("improvements", ())),
            notes=str(data.get("notes", "")),
        )

    def set_hotwash(self, drill_id: int, notes: HotWash) -> None:
        """Replace the drill's hot-wash notes."""
        self.drill(drill_id)
        with self.transaction() as db:
            db.execute(
                "UPDATE drills SET hotwash = ? WHERE id = ?", (_hotwash_json(notes), drill_id)
            )

    def plan(self, drill_id: int) -> list[PlanItem]:
        """The drill's improvement plan, in order."""
        self.drill(drill_id)
        rows = self._query(
            "SELECT action, capability, role, due FROM improvements WHERE drill = ?"
            " ORDER BY position",
            (drill_id,),
        )
        return [PlanItem(r["action"], r["capability"], r["role"], r["due"]) for r in rows]

    def set_plan(self, drill_id: int, items: list[PlanItem]) -> None:
        """Replace the drill's improvement plan."""
        self.drill(drill_id)
        with self.transaction() as db:
            db.execute("DELETE FROM improvements WHERE drill = ?", (drill_id,))
            db.executemany(
                "INSERT INTO improvements (drill, position, action, capability, role, due)"
                " VALUES (?,?,?,?,?,?)",
                [(drill_id, i, p.action, p.capability, p.role, p.due) for i, p in enumerate(items)],
            )

    # --- console settings ---------------------------------------------------------------

    def settings(self, drill_id: int) -> ConsoleSettings:
        """What the facilitator set on the console of the drill: scores shown, the countdown."""
        self.drill(drill_id)
        row = self._query(
            "SELECT show_scores, timer_turn, timer_elapsed FROM drills WHERE id = ?", (drill_id,)
        )[0]
        return ConsoleSettings(bool(row[0]), row[1], float(row[2]))

    def set_settings(self, drill_id: int, settings: ConsoleSettings) -> None:
        """Keep the console settings of the drill."""
        self.drill(drill_id)
        with self.transaction() as db:
            db.execute(
                "UPDATE drills SET show_scores = ?, timer_turn = ?, timer_elapsed = ? WHERE id = ?",
                (int(settings.show_scores), settings.timer_turn, settings.timer_elapsed, drill_id),
            )

    # --- branches ---------------------------------------------------------------------

    def branch(self, drill_id: int, turn: int, started: float | None = None) -> int:
        """A new drill holding drill `drill_id`'s commands up to the start of `turn`."""
        source = self.drill(drill_id)
        cut = self._turn_start(drill_id, turn)
        scenario_text, ruleset_text = self.sources(drill_id)
        header = DrillHeader(
            source.scenario_path,
            source.scenario_id,
            source.ruleset,
            source.ruleset_path,
            scenario_text,
            ruleset_text,
            source.config,
            time.time() if started is None else started,
            parent=drill_id,
            branch_turn=turn,
        )
        kept = [e for entry in self.entries(drill_id) if entry.seq < cut for e in entry.events]
        stage, last = progress_of(kept)
        shown = int(self.settings(drill_id).show_scores)
        with self.transaction() as db:
            new = self._insert_drill(db, header)
            _copy_prefix(db, drill_id, new, cut)
            db.execute(
                "UPDATE drills SET status = ?, turn = ?, show_scores = ? WHERE id = ?",
                (stage or "lobby", last or 0, shown, new),
            )
        return new

    def _turn_start(self, drill_id: int, turn: int) -> int:
        rows = self._query(
            "SELECT MIN(seq) FROM events WHERE drill = ? AND kind = 'TurnStarted'"
            " AND json_extract(body, '$.turn') = ?",
            (drill_id, turn),
        )
        if rows[0][0] is None:
            raise StoreError(f"drill {drill_id} never reached turn {turn}")
        return int(rows[0][0])


class SqliteRecord:
    """A Session record in the drill database: one committed transaction per command."""

    def __init__(self, store: Store, drill_id: int, next_seq: int, clock: Clock | None) -> None:
        self.store = store
        self.drill_id = drill_id
        self.next_seq = next_seq
        self.clock = clock
        self.failed: StoreError | None = None

    def append(self, command: Command, events: list[Event]) -> None:
        """Store the command and its events; returns only once they are on disk.

        After one failed append every later one fails too, so the stored drill never has a
        hole in it: it stays the drill as it was up to the last stored command.
        """
        if self.failed is not None:
            raise StoreError(
                f"{self.failed}; quit and `{self.store.resume_command(self.drill_id)}`"
            )
        at = self.clock.wall() if self.clock is not None else time.time()
        try:
            self.store.append(self.drill_id, Entry(self.next_seq, at, command, events))
        except StoreError as error:
            self.failed = error
            raise
        self.next_seq += 1

    def keep_score(self, events: list[Event], overall: Callable[[], float | None]) -> None:
        """After a command was applied: keep the overall score if it resolved a turn."""
        if self.failed is None and any(isinstance(e, SCORED_AFTER) for e in events):
            self.store.set_overall(self.drill_id, overall())


SCORED_AFTER = (ev.FunctionalityRecorded, ev.DrillEnded)
"""Events after which the overall score kept with the drill is brought up to date."""


def _put_source(db: sqlite3.Connection, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    db.execute("INSERT OR IGNORE INTO sources (hash, text) VALUES (?, ?)", (digest, text))
    return digest


def _insert_entries(db: sqlite3.Connection, drill_id: int, entries: list[Entry]) -> None:
    db.executemany(
        "INSERT INTO commands (drill, seq, at, seat, body) VALUES (?,?,?,?,?)",
        [(drill_id, e.seq, e.at, e.command.seat, dumps(e.command)) for e in entries],
    )
    db.executemany(
        "INSERT INTO events (drill, seq, idx, kind, body) VALUES (?,?,?,?,?)",
        [
            (drill_id, entry.seq, i, type(event).__name__, dumps(event))
            for entry in entries
            for i, event in enumerate(entry.events)
        ],
    )


def _copy_prefix(db: sqlite3.Connection, source: int, target: int, before_seq: int) -> None:
    db.execute(
        "INSERT INTO commands (drill, seq, at, seat, body)"
        " SELECT ?, seq, at, seat, body FROM commands WHERE drill = ? AND seq < ?",
        (target, source, before_seq),
    )
    db.execute(
        "INSERT INTO events (drill, seq, idx, kind, body)"
        " SELECT ?, seq, idx, kind, body FROM events WHERE drill = ? AND seq < ?",
        (target, source, before_seq),
    )


def _hotwash_json(notes: HotWash) -> str:
    return json.dumps(asdict(notes), ensure_ascii=False)


def _command(body: str) -> Command:
    try:
        return loads_command(body)
    except CodecError as error:
        raise StoreError(f"a stored command cannot be read: {error}") from None


def _event(body: str) -> Event:
    try:
        return loads_event(body)
    except CodecError as error:
        raise StoreError(f"a stored event cannot be read: {error}") from None

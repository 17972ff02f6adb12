"""Sessions kept in the drill database: start one, resume one, save bot-played drills."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from drill.engine.drill import Drill
from drill.engine.policies import POLICIES
from drill.engine.rules import Rules, compile_rules
from drill.engine.simulate import play_out
from drill.scenario.bundle import Bundle, build_bundle
from drill.scenario.problems import ScenarioError
from drill.session.clock import Clock, SystemClock
from drill.session.seats import SeatSetup, SessionConfig
from drill.session.session import MemoryRecord, Session
from drill.session.settings import restore_timer, timer_settings
from drill.store.database import DrillHeader, Entry, SqliteRecord, Store, progress_of
from drill.store.files import read_text
from drill.store.migrations import StoreError


def header_for(bundle: Bundle, config: SessionConfig, started: float) -> DrillHeader:
    """The stored header of a new drill of `bundle`, with the texts of both files."""
    return DrillHeader(
        scenario_path=str(Path(bundle.scenario_path).resolve()),
        scenario_id=bundle.scenario.meta.id,
        ruleset=bundle.ruleset.id,
        ruleset_path=str(Path(bundle.ruleset_path).resolve()),
        scenario_text=read_text(bundle.scenario_path),
        ruleset_text=read_text(bundle.ruleset_path),
        config=config,
        started=started,
    )


def stored_bundle(store: Store, drill_id: int) -> Bundle:
    """The scenario and ruleset exactly as the drill was played on them (not today's files)."""
    row = store.drill(drill_id)
    scenario_text, ruleset_text = store.sources(drill_id)
    try:
        return build_bundle(scenario_text, row.scenario_path, ruleset_text, row.ruleset_path)
    except ScenarioError as error:
        first = error.problems[0].format() if error.problems else ""
        raise StoreError(f"drill {drill_id}'s stored scenario no longer loads: {first}") from None


def stored_rules(store: Store, drill_id: int) -> Rules:
    """The compiled rules of a stored drill."""
    bundle = stored_bundle(store, drill_id)
    return compile_rules(bundle.ruleset, bundle.scenario)


def _overall(session: Session) -> Callable[[], float | None]:
    return lambda: session.scores().overall


def _durable(session: Session, record: SqliteRecord) -> Session:
    session.record = record
    session.listeners.append(lambda _, events: record.keep_score(events, _overall(session)))
    return session


def start_session(
    store: Store, bundle: Bundle, config: SessionConfig, clock: Clock | None = None
) -> Session:
    """A new session whose every accepted command is stored before it is acknowledged."""
    clock = clock or SystemClock()
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    drill_id = store.create_drill(header_for(bundle, config, clock.wall()))
    return _durable(Session(rules, config, clock), store.record(drill_id, clock))


def resume_session(
    store: Store, drill_id: int, clock: Clock | None = None, rules: Rules | None = None
) -> Session:
    """The session of a stored drill exactly where it stopped: the fold of its stored events."""
    row = store.drill(drill_id)
    rules = rules or stored_rules(store, drill_id)
    session = Session(rules, row.config, clock)
    session.drill = Drill.from_log(rules, store.events(drill_id), row.config.seed)
    restore_timer(store.settings(drill_id), session.state, session.timer)
    return _durable(session, store.record(drill_id, clock))


def keep_timer(store: Store, session: Session) -> None:
    """Keep how far the countdown of the current turn has run, for `drill resume`."""
    drill_id = drill_id_of(session)
    if drill_id is not None:
        kept = store.settings(drill_id)
        store.set_settings(drill_id, timer_settings(kept, session.state, session.timer))


def keep_show_scores(store: Store, session: Session, shown: bool) -> None:
    """Keep whether the players see the scores."""
    drill_id = drill_id_of(session)
    if drill_id is not None:
        store.set_settings(drill_id, replace(store.settings(drill_id), show_scores=shown))


def drill_id_of(session: Session) -> int | None:
    """The stored drill a session writes to, if it writes to the drill database."""
    record = session.record
    return record.drill_id if isinstance(record, SqliteRecord) else None


def bot_config(rules: Rules, seed: int, policy: str) -> SessionConfig:
    """Every seat played by the bot `policy`."""
    seats = {role: SeatSetup(role, team=policy, bot=policy) for role in rules.role_order}
    return SessionConfig(seed=seed, lang="en", mode="facilitated", seats=seats)


def bot_drill(rules: Rules, seed: int, policy: str) -> Session:
    """A complete bot-played drill, move for move as `engine.simulate.play` plays it."""
    session = Session(rules, bot_config(rules, seed, policy))
    play_out(session, seed, POLICIES[policy])
    return session


def save_session(store: Store, header: DrillHeader, session: Session, at: float) -> int:
    """Store a finished in-memory session in one transaction; the new drill's id."""
    record = session.record
    if not isinstance(record, MemoryRecord):
        raise TypeError("only a session kept in memory can be saved afterwards")
    entries = [Entry(i, at, c, e) for i, (c, e) in enumerate(record.entries, start=1)]
    stage, turn = progress_of([e for entry in entries for e in entry.events])
    return store.save_drill(
        header, entries, (stage or "lobby", turn or 0, session.scores().overall)
    )


def save_bot_drills(
    store: Store, bundle: Bundle, seeds: Iterable[int], policy: str, clock: Clock | None = None
) -> list[int]:
    """Play and store one bot drill per seed (as `drill simulate` plays them); their ids."""
    clock = clock or SystemClock()
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    template = header_for(bundle, bot_config(rules, 0, policy), clock.wall())
    ids = []
    for seed in seeds:
        session = bot_drill(rules, seed, policy)
        header = replace(template, config=session.config, started=clock.wall())
        ids.append(save_session(store, header, session, clock.wall()))
    return ids

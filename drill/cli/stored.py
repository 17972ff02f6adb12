"""The commands for stored drills: sessions, resume, replay, branch, export, report, compare."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

import click

from drill.cli.common import (
    DRILL_ID,
    TURN,
    counted,
    db_option,
    die,
    id_ranges,
    open_store,
    progress_bar,
    say,
    the_app,
    write_out,
)
from drill.report.render import FORMATS as REPORT_FORMATS
from drill.report.render import Format
from drill.report.reviews import drill_comparison, drill_report, reporting_keeper, stored_replay
from drill.report.tables import table
from drill.scenario.bundle import Bundle
from drill.scenario.text import LANGS, Lang
from drill.store.database import DrillRow
from drill.store.export import EXPORT_FORMATS, ExportFormat, export
from drill.store.kept import save_bot_drills
from drill.store.migrations import StoreError

F = TypeVar("F", bound=Callable[..., Any])


def when(started: float) -> str:
    """A start time in local time, to the minute."""
    return dt.datetime.fromtimestamp(started).astimezone().strftime("%Y-%m-%d %H:%M")


def sessions_table(rows: list[DrillRow]) -> str:
    """The stored drills as a table, newest first."""
    lines: list[list[str]] = [["id", "scenario", "started", "turn", "status", "overall"]]
    for row in rows:
        overall = "-" if row.overall is None else f"{row.overall:.1f}"
        origin = f" (branch of {row.parent} at turn {row.branch_turn})" if row.parent else ""
        scenario = row.scenario_id + origin
        lines.append([str(row.id), scenario, when(row.started), str(row.turn), row.status, overall])
    return table(lines, right=(0, 3, 5))


@click.command("sessions")
@db_option
def sessions(db: Path | None) -> None:
    """List the stored drills: id, scenario, started, turn, status, overall score."""
    with open_store(db, readonly=True) as store:
        rows = store.drills()
    if not rows:
        say(f"No drills stored yet in {store.path}.")
        return
    say(sessions_table(rows))


@click.command("resume")
@click.argument("drill_id", type=DRILL_ID)
@db_option
@click.option("--lang", type=click.Choice(LANGS), help="Language of the app.")
def resume(drill_id: int, db: Path | None, lang: Lang | None) -> None:
    """Reopen a stored drill in the app exactly where it stopped."""
    open_in_app(db, drill_id, lang)


def open_in_app(db: Path | None, drill_id: int, lang: Lang | None) -> None:
    """Run the app on a stored drill, writing on to the same database."""
    store = open_store(db)
    try:
        keeper = reporting_keeper(store)
        session = keeper.resume(drill_id)
        app = the_app("drill.tui.kept_app")
        app.run_kept(keeper, session, lang or session.config.lang)
    except StoreError as error:
        die(str(error))
    finally:
        store.close()


@click.command("replay")
@click.argument("drill_id", type=DRILL_ID)
@db_option
@click.option("--lang", type=click.Choice(LANGS), help="Language of the replay.")
def replay(drill_id: int, db: Path | None, lang: Lang | None) -> None:
    """Step forward and back through the turns of a stored drill, read-only."""
    with open_store(db, readonly=True) as store:
        try:
            replay_module = the_app("drill.tui.screens.replay")
            chosen = lang or store.drill(drill_id).config.lang
            app = replay_module.ReplayApp(stored_replay(store, drill_id, chosen), chosen)
        except StoreError as error:
            die(str(error))
    app.run()


@click.command("branch")
@click.argument("drill_id", type=DRILL_ID)
@click.option("--turn", required=True, type=TURN, help="Start again at this turn.")
@db_option
@click.option("--open/--no-open", "open_app", default=True, help="Open the new drill in the app.")
def branch(drill_id: int, turn: int, db: Path | None, open_app: bool) -> None:
    """Start a new drill from the start of turn N of a stored one."""
    with open_store(db) as store:
        try:
            new = store.branch(drill_id, turn)
        except StoreError as error:
            die(str(error))
        command = store.resume_command(new)
    say(f"drill {new} starts at turn {turn} of drill {drill_id}; `{command}`.")
    if open_app:
        open_in_app(db, new, None)


@click.command("export")
@click.argument("drill_id", type=DRILL_ID)
@click.option(
    "--format", "fmt", default="json", show_default=True, type=click.Choice(EXPORT_FORMATS)
)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def export_command(drill_id: int, fmt: ExportFormat, output: Path | None, db: Path | None) -> None:
    """Write a stored drill's commands and events as JSON or CSV."""
    with open_store(db, readonly=True) as store:
        try:
            text = export(store, drill_id, fmt)
        except StoreError as error:
            die(str(error))
    write_out(text, output)


@click.command("report")
@click.argument("drill_id", type=DRILL_ID)
@click.option("--format", "fmt", default="md", show_default=True, type=click.Choice(REPORT_FORMATS))
@click.option("--lang", type=click.Choice(LANGS), help="Language (default: the drill's).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--charts/--no-charts", default=None, help="Draw charts (default: in HTML only).")
@db_option
def report_command(
    drill_id: int,
    fmt: str,
    lang: Lang | None,
    output: Path | None,
    charts: bool | None,
    db: Path | None,
) -> None:
    """The after-action report and improvement plan (HSEEP AAR/IP) of a stored drill."""
    with open_store(db, readonly=True) as store:
        try:
            text = drill_report(store, drill_id, cast(Format, fmt), lang, charts)
        except StoreError as error:
            die(str(error))
    write_out(text, output)


@click.command("compare")
@click.argument("drill_ids", nargs=-1, required=True, type=DRILL_ID)
@click.option("--format", "fmt", default="md", show_default=True, type=click.Choice(REPORT_FORMATS))
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path))
@db_option
def compare_command(
    drill_ids: tuple[int, ...], fmt: str, lang: Lang, output: Path | None, db: Path | None
) -> None:
    """Several stored drills of the same group side by side: scores, ratings, curves."""
    with open_store(db, readonly=True) as store:
        try:
            text = drill_comparison(store, list(drill_ids), cast(Format, fmt), lang)
        except StoreError as error:
            die(str(error))
    write_out(text, output)


def save_runs(db: Path | None, bundle: Bundle, seeds: range, policy: str) -> None:
    """`drill simulate --save`: store every simulated drill so reports can be made of it."""
    with open_store(db) as store, progress_bar(len(seeds), "saving drills") as progress:
        try:
            ids = save_bot_drills(store, bundle, counted(seeds, progress), policy)
        except StoreError as error:
            die(str(error))
    where = id_ranges(ids)
    say(f"saved {len(ids)} drills ({where}) in {store.path}; see `drill sessions`.", err=True)


STORE_COMMANDS = (
    sessions,
    resume,
    replay,
    branch,
    export_command,
    report_command,
    compare_command,
)
"""Added to the `drill` group by drill.cli.main."""

"""`drill play`: start the Textual app (the app itself is imported only when it runs)."""

from __future__ import annotations

from pathlib import Path

import click

from drill.cli.common import SEED, open_store, resolve_scenario
from drill.scenario.text import LANGS, Lang
from drill.session.seats import Mode

MODES = ("facilitated", "hotseat")


def run(
    scenario: str | None,
    lang: Lang = "zh",
    seed: int | None = None,
    mode: Mode = "facilitated",
    exit_after_ready: bool = False,
    db: Path | None = None,
) -> int:
    """Run the app until it is closed; the exit status. Drills are kept in the database `db`."""
    from drill.report.reviews import reporting_keeper
    from drill.store.files import ScenarioFiles
    from drill.tui.kept_app import KeptApp

    with open_store(db) as store:
        app = KeptApp(
            reporting_keeper(store),
            resolve_scenario(scenario) if scenario else None,
            lang=lang,
            seed=seed,
            mode=mode,
            exit_after_ready=exit_after_ready,
            shelf=ScenarioFiles(),
        )
        app.run(headless=exit_after_ready)
    return app.return_code or 0


@click.command("play")
@click.argument("scenario", required=False)
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
@click.option("--seed", type=SEED, help="Seed of the drill (default: the scenario's seed).")
@click.option("--mode", type=click.Choice(MODES), default="facilitated", show_default=True)
@click.option("--exit-after-ready", is_flag=True, hidden=True)
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), envvar="DRILL_DB")
def play(
    scenario: str | None,
    lang: Lang,
    seed: int | None,
    mode: Mode,
    exit_after_ready: bool,
    db: Path | None,
) -> None:
    """Play a drill: facilitated (one screen) or hot-seat (teams take the keyboard in turn).

    Without SCENARIO a list of the scenarios shipped with Drill opens. Every command is
    kept in the drill database (--db; `drill sessions` lists them, `drill resume` continues).
    """
    raise SystemExit(run(scenario, lang, seed, mode, exit_after_ready, db))

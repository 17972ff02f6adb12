"""`drill simulate`: bots play a batch of drills; the scores summarised as text or JSON."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import click

from drill.cli.batch_text import report
from drill.cli.common import SEED, check_seeds, db_option, open_bundle, progress_bar, say
from drill.cli.stored import save_runs
from drill.engine.policies import POLICIES
from drill.scenario.bundle import Bundle
from drill.scenario.text import LANGS, Lang
from drill.session.simulation import Batch, RunScore, Summary, Tally, simulate, summarise


def batch_json(batch: Batch, bundle: Bundle, seed: int) -> str:
    """The one JSON object of `drill simulate --json`, for a batch that kept its scores."""
    objectives = [o.id for o in bundle.scenario.objectives]
    runs = (json.dumps(run.as_dict(), ensure_ascii=False) for run in batch.scores)
    return "".join(json_pieces(batch, bundle, seed, runs, summarise(batch.scores, objectives)))


def json_pieces(
    batch: Batch, bundle: Bundle, seed: int, runs: Iterable[str], summary: Summary
) -> Iterator[str]:
    """The JSON object in pieces, each run's scores (already JSON) streamed in between."""
    head = {
        "scenario": bundle.scenario.meta.id,
        "path": bundle.scenario_path,
        "policy": batch.policy,
        "seed": seed,
        "runs": batch.runs,
        "jobs": batch.jobs,
        "seconds": batch.seconds,
        "drills_per_second": batch.drills_per_second,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "scores": ['
    for n, run in enumerate(runs):
        yield run if n == 0 else ", " + run
    yield '], "summary": ' + json.dumps(summary.as_dict(), ensure_ascii=False) + "}"


class Streamed:
    """Each run as one JSON line in a temporary file, and its summary, as the batch plays."""

    def __init__(self, objectives: list[str], spool: IO[str]) -> None:
        self.tally = Tally(objectives)
        self.spool = spool

    def add(self, run: RunScore) -> None:
        """Count one run and spool its JSON."""
        self.tally.add(run)
        self.spool.write(json.dumps(run.as_dict(), ensure_ascii=False) + "\n")

    def lines(self) -> Iterator[str]:
        """The spooled runs, in run order."""
        self.spool.seek(0)
        return (line.rstrip("\n") for line in self.spool)


@click.command("simulate")
@click.argument("scenario")
@click.option("--runs", default=100, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--seed", type=SEED, help="Seed of the first run (default: the scenario's seed).")
@click.option("--policy", default="random", show_default=True, type=click.Choice(POLICIES))
@click.option("--jobs", default=1, show_default=True, type=click.IntRange(1, 256))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@click.option("--lang", type=click.Choice(LANGS), help="Language of the scenario title.")
@click.option("--save", is_flag=True, help="Store every drill in the drill database (see --db).")
@db_option
def simulate_command(
    scenario: str,
    runs: int,
    seed: int | None,
    policy: str,
    jobs: int,
    as_json: bool,
    lang: Lang | None,
    save: bool,
    db: Path | None,
) -> None:
    """Let bots play complete drills (run i uses seed S+i) and summarise the scores."""
    bundle = open_bundle(scenario)
    first = bundle.scenario.meta.seed if seed is None else seed
    check_seeds(first, runs)
    objectives = [o.id for o in bundle.scenario.objectives]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        streamed = Streamed(objectives, spool)
        with progress_bar(runs) as progress:
            batch = simulate(
                bundle.ruleset,
                bundle.scenario,
                runs=runs,
                seed=first,
                policy=policy,
                jobs=jobs,
                progress=progress,
                on_run=streamed.add if as_json else streamed.tally.add,
                keep=False,
            )
        if save:
            save_runs(db, bundle, range(first, first + runs), policy)
        summary = streamed.tally.summary()
        if as_json:
            for piece in json_pieces(batch, bundle, first, streamed.lines(), summary):
                say(piece, nl=False)
            say()
            return
    say(report(batch, summary, bundle.scenario, first, lang or "en"))

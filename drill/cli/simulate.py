"""`drill simulate`: bots play a batch of drills; the scores summarised as text or JSON."""

from __future__ import annotations

import json
from pathlib import Path

import click

from drill.cli.batch_text import report
from drill.cli.common import SEED, check_seeds, db_option, open_bundle, progress_bar, say
from drill.cli.stored import save_runs
from drill.engine.policies import POLICIES
from drill.scenario.bundle import Bundle
from drill.scenario.text import LANGS, Lang
from drill.session.simulation import Batch, simulate, summarise


def batch_json(batch: Batch, bundle: Bundle, seed: int) -> str:
    """The one JSON object of `drill simulate --json`."""
    objectives = [o.id for o in bundle.scenario.objectives]
    body = {
        "scenario": bundle.scenario.meta.id,
        "path": bundle.scenario_path,
        "policy": batch.policy,
        "seed": seed,
        "runs": len(batch.scores),
        "jobs": batch.jobs,
        "seconds": batch.seconds,
        "drills_per_second": batch.drills_per_second,
        "scores": [run.as_dict() for run in batch.scores],
        "summary": summarise(batch.scores, objectives).as_dict(),
    }
    return json.dumps(body, ensure_ascii=False)


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
    with progress_bar(runs) as progress:
        batch = simulate(
            bundle.ruleset,
            bundle.scenario,
            runs=runs,
            seed=first,
            policy=policy,
            jobs=jobs,
            progress=progress,
        )
    if save:
        save_runs(db, bundle, range(first, first + runs), policy)
    if as_json:
        say(batch_json(batch, bundle, first))
        return
    objectives = [o.id for o in bundle.scenario.objectives]
    summary = summarise(batch.scores, objectives)
    say(report(batch, summary, bundle.scenario, first, lang or "en"))

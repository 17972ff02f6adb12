"""The `drill` command: validate, info, simulate, schema and demo, with errors in plain words."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from drill.authoring.commands import AUTHORING_COMMANDS
from drill.batch_text import report
from drill.describe import describe
from drill.durable_cli import STORE_COMMANDS, db_option, save_runs
from drill.engine.policies import POLICIES
from drill.files import YAML_SUFFIXES, bundled_scenarios, load_bundle, load_ruleset, read_text
from drill.scenario.bundle import Bundle
from drill.scenario.problems import Problem, ScenarioError
from drill.scenario.source import load_yaml
from drill.scenario.text import LANGS, Lang
from drill.simulation import Batch, Progress, simulate, summarise
from drill.tables import plural
from drill.tui.launch import play

DEBUG_ENV = "DRILL_DEBUG"
"""Set to 1 to see the full traceback of an unexpected error."""


class SafeGroup(click.Group):
    """A command group that turns any unexpected error into one line and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; never let a traceback reach the user."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except KeyboardInterrupt:
            click.echo("drill: interrupted.", err=True)
            ctx.exit(130)
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            name = ctx.invoked_subcommand or "drill"
            click.echo(
                f"drill {name}: unexpected error ({type(error).__name__}: {error}). "
                f"This is a bug in Drill: please report it with the command you ran; "
                f"run again with {DEBUG_ENV}=1 to see the details.",
                err=True,
            )
            ctx.exit(2)


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="drill")
def cli() -> None:
    """Drill: tabletop emergency drills for resilient communities.

    社区应急桌面推演：政府、社区居委会、社会组织和居民一起应对灾害。
    """


# --- finding and loading files ------------------------------------------------------


def resolve_scenario(name: str) -> Path:
    """A path as given, or the bundled scenario with that name (e.g. 'flood_old_community')."""
    path = Path(name)
    if path.exists():
        return path
    return next((p for p in bundled_scenarios() if name in (p.stem, p.name)), path)


def _bundled_hint() -> str:
    names = ", ".join(p.stem for p in bundled_scenarios())
    return f" Scenarios shipped with Drill: {names}." if names else ""


def die(message: str, status: int = 1) -> NoReturn:
    """Print one line on stderr and exit."""
    click.echo(f"drill: {message}", err=True)
    sys.exit(status)


def fail(problems: list[Problem], path: str) -> NoReturn:
    """Print the problems of an unusable scenario on stderr and exit 1."""
    for problem in problems:
        click.echo(problem.format(), err=True)
    die(f"{path} cannot be used; fix the problems above (`drill validate {path}` rechecks it).")


def open_bundle(name: str) -> Bundle:
    """The checked scenario (and its ruleset) at `name`; on problems, explain and exit 1."""
    path = resolve_scenario(name)
    if not path.exists():
        die(f"cannot read {name}: no such file.{_bundled_hint()}")
    if path.is_dir():
        die(f"cannot read {name}: it is a folder; give one scenario file.{_bundled_hint()}")
    try:
        return load_bundle(path)
    except ScenarioError as error:
        fail(error.problems, str(path))


# --- validate ------------------------------------------------------------------------


def expand(paths: tuple[str, ...]) -> Iterator[tuple[Path, list[Problem]]]:
    """Each file to check, with problems found before reading it (an empty folder)."""
    for name in paths:
        path = resolve_scenario(name)  # a bundled scenario may be named without its path
        if not path.is_dir():
            yield path, []
            continue
        found = sorted(p for p in path.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
        if not found:
            yield path, [Problem(name, 1, 1, "this folder has no .yaml files to check")]
        for inner in found:
            yield inner, []


def looks_like_ruleset(path: Path) -> bool:
    """Whether the file is a ruleset (it has 'roles' and no 'meta'), not a scenario."""
    try:
        data = load_yaml(read_text(path), str(path)).data
    except ScenarioError:
        return False
    return "roles" in data and "meta" not in data


def check_file(path: Path, as_ruleset: bool) -> tuple[str | None, list[Problem]]:
    """An OK line (or None) and the problems of one scenario or ruleset file."""
    try:
        if as_ruleset or looks_like_ruleset(path):
            ruleset, _ = load_ruleset(path)
            size = f"{len(ruleset.roles)} roles, {len(ruleset.actions)} actions"
            return f"{path}: OK (ruleset '{ruleset.id}', {size})", []
        bundle = load_bundle(path)
    except ScenarioError as error:
        return None, error.problems
    scenario = bundle.scenario
    size = f"{scenario.meta.turns} turns, {len(scenario.injects)} injects"
    size += f", {len(scenario.objectives)} objectives, ruleset '{bundle.ruleset.id}'"
    return f"{path}: OK (scenario '{scenario.meta.id}', {size})", list(bundle.warnings)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--ruleset", "as_ruleset", is_flag=True, help="Check the files as rulesets.")
def validate(paths: tuple[str, ...], as_ruleset: bool) -> None:
    """Check scenario (or ruleset) files; print every problem as path:line:column.

    Exit status 0 when every file is valid, 1 when any has an error.
    """
    errors = 0
    for path, early in expand(paths):
        ok, problems = (None, early) if early else check_file(path, as_ruleset)
        if ok is not None:
            click.echo(ok)
        for problem in problems:
            click.echo(problem.format())
        errors += sum(1 for p in problems if p.severity == "error")
    if errors:
        found = plural(errors, "error")
        click.echo(f"{found} found; fix and run `drill validate` again.", err=True)
        sys.exit(1)


# --- info ------------------------------------------------------------------------------


@cli.command()
@click.argument("scenario")
@click.option("--lang", type=click.Choice(LANGS), help="Language of the texts (zh or en).")
def info(scenario: str, lang: Lang | None) -> None:
    """Describe a scenario: roles, turns, phases, injects, objectives, vulnerable groups."""
    bundle = open_bundle(scenario)
    click.echo(describe(bundle, lang or bundle.scenario.meta.languages[0]))


# --- simulate -------------------------------------------------------------------------


@contextmanager
def progress_bar(runs: int) -> Iterator[Progress | None]:
    """A progress bar on stderr when stderr is a terminal; otherwise nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=runs, label="playing drills", file=sys.stderr) as bar:
        yield bar.update


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


@cli.command("simulate")
@click.argument("scenario")
@click.option("--runs", default=100, show_default=True, type=click.IntRange(1, 1_000_000))
@click.option("--seed", type=int, help="Seed of the first run (default: the scenario's seed).")
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
        click.echo(batch_json(batch, bundle, first))
        return
    objectives = [o.id for o in bundle.scenario.objectives]
    summary = summarise(batch.scores, objectives)
    click.echo(report(batch, summary, bundle.scenario, first, lang or "en"))


# --- schema and demo ---------------------------------------------------------------------


@cli.command()
@click.option("--ruleset", "of_ruleset", is_flag=True, help="The ruleset schema instead.")
def schema(of_ruleset: bool) -> None:
    """Print the JSON Schema of scenario files (or of ruleset files)."""
    from drill.scenario.schema import ruleset_schema, scenario_schema

    body = ruleset_schema() if of_ruleset else scenario_schema()
    click.echo(json.dumps(body, indent=2, ensure_ascii=False))


@cli.command()
@click.option("--seed", type=int, help="Seed of both drills (default: the scenario's seed).")
def demo(seed: int | None) -> None:
    """Two bot teams play the reference flood scenario; see what Drill does."""
    from drill.demo import demo as demo_text
    from drill.demo import reference_path

    try:
        click.echo(demo_text(seed=seed))
    except ScenarioError as error:
        fail(error.problems, str(reference_path()))


for _command in AUTHORING_COMMANDS:  # new, lint, graph, balance, handouts
    cli.add_command(_command)
for _command in STORE_COMMANDS:  # sessions, resume, replay, branch, export, report, compare
    cli.add_command(_command)
cli.add_command(play)  # the Textual app (drill/tui/launch.py)


def main() -> None:
    """Entry point of the `drill` console script."""
    try:
        cli.main(prog_name="drill")
    except BrokenPipeError:  # e.g. `drill schema | head`: the reader left; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)

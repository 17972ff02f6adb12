"""The authoring commands of `drill`: new, lint, graph, balance and handouts."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from drill.authoring.graph import FORMATS
from drill.authoring.new import HAZARDS
from drill.cli.common import SEED, check_seeds, die, open_bundle, progress_bar, say
from drill.cli.scenario import check_file, expand, looks_like_ruleset
from drill.scenario.problems import Problem, ScenarioError, sorted_problems
from drill.scenario.text import LANGS, Lang


@click.command("new")
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--hazard", type=click.Choice(HAZARDS), default="flood", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), default="zh", show_default=True)
def new_command(out: Path, hazard: str, lang: Lang) -> None:
    """Write a commented starting scenario to OUT (never overwrites a file)."""
    from drill.authoring.new import ExistsError, write_scenario

    if not out.parent.is_dir():
        die(f"cannot write {out}: the folder {out.parent} does not exist.")
    try:
        write_scenario(out, hazard, lang)
    except ExistsError:
        die(f"{out} already exists; `drill new` never overwrites a file. Choose another name.")
    except OSError as error:
        die(f"cannot write {out}: {error.strerror or error}.")
    say(f"Wrote {out}: a {hazard} scenario in {lang}, ready to play.")
    say(f"Next: edit it, then `drill validate {out}` and `drill lint {out}`.")


# --- lint --------------------------------------------------------------------------


def lint_file(path: Path) -> tuple[str | None, list[Problem]]:
    """The OK line (or None) and the problems of one file: validation, then lint."""
    from drill.scenario.lint import lint
    from drill.store.files import load_bundle

    if looks_like_ruleset(path):
        return check_file(path, as_ruleset=True)
    try:
        bundle = load_bundle(path)
    except ScenarioError as error:
        return None, error.problems
    problems = sorted_problems([*bundle.warnings, *lint(bundle)])
    return (None if problems else f"{path}: OK, nothing to warn about"), problems


@click.command("lint")
@click.argument("paths", nargs=-1, required=True)
@click.option("--strict", is_flag=True, help="Exit with status 1 on warnings too.")
def lint_command(paths: tuple[str, ...], strict: bool) -> None:
    """Check scenarios like `validate`, and warn about what is legal but probably wrong.

    Exit status 1 on errors (and on warnings with --strict), else 0.
    """
    from drill.report.tables import plural

    errors = warnings = 0
    for path, early in expand(paths):
        ok, problems = (None, early) if early else lint_file(path)
        if ok is not None:
            say(ok)
        for problem in problems:
            say(problem.format())
        errors += sum(1 for p in problems if p.severity == "error")
        warnings += sum(1 for p in problems if p.severity == "warning")
    if errors or warnings:
        say(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}.", err=True)
    if errors or (strict and warnings):
        sys.exit(1)


# --- graph, balance, handouts ------------------------------------------------------------


@click.command("graph")
@click.argument("scenario")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="mermaid", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), help="Language of the phase names.")
def graph_command(scenario: str, fmt: str, lang: Lang | None) -> None:
    """Print the hazard's phases and transitions as a Mermaid or Graphviz (dot) diagram.

    Dashed: phases and transitions that can never happen (see `drill lint`).
    """
    from drill.authoring.graph import graph_text

    bundle = open_bundle(scenario)
    say(graph_text(bundle, fmt, lang or bundle.scenario.meta.languages[0]), nl=False)


@click.command("balance")
@click.argument("scenario")
@click.option("--runs", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.option(
    "--jobs",
    default=min(os.cpu_count() or 1, 4),
    show_default=True,
    type=click.IntRange(1, 256),
    help="Processes to play on (the results do not depend on it).",
)
@click.option("--seed", type=SEED, help="Seed of the first run (default: the scenario's seed).")
@click.option("--lang", type=click.Choice(LANGS), help="Language of the scenario title.")
def balance_command(
    scenario: str, runs: int, jobs: int, seed: int | None, lang: Lang | None
) -> None:
    """Play RUNS drills with random and greedy bots: is the scenario too easy, or unwinnable?"""
    from drill.authoring.balance import balance
    from drill.authoring.balance_text import report

    bundle = open_bundle(scenario)
    first = bundle.scenario.meta.seed if seed is None else seed
    check_seeds(first, runs)
    with progress_bar(2 * runs) as progress:
        result = balance(bundle, runs, first, jobs, progress)
    say(report(result, bundle.scenario, lang or bundle.scenario.meta.languages[0]))


@click.command("handouts")
@click.argument("scenario")
@click.option(
    "-o",
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write the pages into (created if missing).",
)
@click.option("--lang", type=click.Choice(LANGS), help="Language of the cards.")
def handouts_command(scenario: str, out: Path, lang: Lang | None) -> None:
    """Write printable role cards, inject cards and a facilitator sheet (HTML, A4) to OUT."""
    from drill.authoring.handouts import write_handouts

    bundle = open_bundle(scenario)
    try:
        written = write_handouts(bundle, lang or bundle.scenario.meta.languages[0], out)
    except OSError as error:
        die(f"cannot write the handouts into {out}: {error.strerror or error}.")
    for path in written:
        say(str(path))
    say(f"Open {out / 'index.html'} in a browser and print each page on A4.", err=True)


AUTHORING_COMMANDS = (new_command, lint_command, graph_command, balance_command, handouts_command)
"""The commands `drill.cli.main` adds to the `drill` group."""

"""The commands on scenario files: validate, info and schema."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from drill.authoring.describe import describe
from drill.cli.common import open_bundle, resolve_scenario, say
from drill.report.tables import plural
from drill.scenario.problems import Problem, ScenarioError
from drill.scenario.source import load_yaml
from drill.scenario.text import LANGS, Lang
from drill.store.files import YAML_SUFFIXES, load_bundle, load_ruleset, read_text


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


@click.command()
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
            say(ok)
        for problem in problems:
            say(problem.format())
        errors += sum(1 for p in problems if p.severity == "error")
    if errors:
        found = plural(errors, "error")
        say(f"{found} found; fix and run `drill validate` again.", err=True)
        sys.exit(1)


@click.command()
@click.argument("scenario")
@click.option("--lang", type=click.Choice(LANGS), help="Language of the texts (zh or en).")
def info(scenario: str, lang: Lang | None) -> None:
    """Describe a scenario: roles, turns, phases, injects, objectives, vulnerable groups."""
    bundle = open_bundle(scenario)
    say(describe(bundle, lang or bundle.scenario.meta.languages[0]))


@click.command()
@click.option("--ruleset", "of_ruleset", is_flag=True, help="The ruleset schema instead.")
def schema(of_ruleset: bool) -> None:
    """Print the JSON Schema of scenario files (or of ruleset files)."""
    from drill.scenario.schema import ruleset_schema, scenario_schema

    body = ruleset_schema() if of_ruleset else scenario_schema()
    say(json.dumps(body, indent=2, ensure_ascii=False))


SCENARIO_COMMANDS = (validate, info, schema)
"""The commands `drill` has for scenario files."""

"""The `drill` command: every command group registered on one click group, and its entry point."""

from __future__ import annotations

import os
import sys

import click

from drill.cli.authoring import AUTHORING_COMMANDS
from drill.cli.common import SafeGroup
from drill.cli.demo import demo_command
from drill.cli.play import play
from drill.cli.scenario import SCENARIO_COMMANDS
from drill.cli.simulate import simulate_command
from drill.cli.stored import STORE_COMMANDS
from drill.i18n import t


@click.group(
    cls=SafeGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=f"{t('cli.about', 'en')}\n\n{t('cli.about', 'zh')}",
)
@click.version_option(package_name="drill")
def cli() -> None:
    """The `drill` command; its help text is the catalogue's cli.about in both languages."""


for _command in (*SCENARIO_COMMANDS, simulate_command, demo_command):
    cli.add_command(_command)
for _command in AUTHORING_COMMANDS:  # new, lint, graph, balance, handouts
    cli.add_command(_command)
for _command in STORE_COMMANDS:  # sessions, resume, replay, branch, export, report, compare
    cli.add_command(_command)
cli.add_command(play)  # the Textual app (drill/cli/play.py)


def main() -> None:
    """Entry point of the `drill` console script."""
    try:
        cli.main(prog_name="drill")
    except BrokenPipeError:  # e.g. `drill schema | head`: the reader left; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)

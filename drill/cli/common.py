"""What the `drill` commands share: plain-word errors, finding scenarios, the drill database."""

from __future__ import annotations

import importlib
import os
import re
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any, NoReturn, TypeVar

import click

from drill.scenario.bundle import Bundle
from drill.scenario.models import MAX_SEED, MAX_TURNS
from drill.scenario.problems import Problem, ScenarioError
from drill.session.simulation import Progress
from drill.store.database import Store, default_path
from drill.store.files import bundled_scenarios, load_bundle
from drill.store.migrations import StoreError

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

DEBUG_ENV = "DRILL_DEBUG"
"""Set to 1 to see the full traceback of an unexpected error."""

MAX_ID = 2**63 - 1
"""The largest drill id SQLite can hold."""
SEED = click.IntRange(0, MAX_SEED)
"""A seed typed on the command line: 0..2^63-1, what the drill database can store."""
DRILL_ID = click.IntRange(1, MAX_ID)
"""A stored drill's id typed on the command line."""
TURN = click.IntRange(1, MAX_TURNS)
"""A turn number typed on the command line."""

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """`text` with every control character (but tab and newline) shown as `\\xNN`, inert."""
    return _CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", text)


def say(text: object = "", err: bool = False, nl: bool = True) -> None:
    """Print to stdout (or stderr): the one way every command writes, so no value can act."""
    click.echo(visible(str(text)), err=err, nl=nl)


class SafeGroup(click.Group):
    """A command group that turns any unexpected error into one line and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        """Run the subcommand; never let a traceback reach the user."""
        try:
            return super().invoke(ctx)
        except click.ClickException as error:
            error.message = visible(error.message)  # type: ignore[misc]  # it may quote input
            raise
        except (click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # leaving anyway: a second is moot
            say("drill: interrupted.", err=True)
            ctx.exit(130)
        except Exception as error:
            if os.environ.get(DEBUG_ENV):
                raise
            name = ctx.invoked_subcommand or "drill"
            say(
                f"drill {name}: unexpected error ({type(error).__name__}: {error}). "
                f"This is a bug in Drill: please report it with the command you ran; "
                f"run again with {DEBUG_ENV}=1 to see the details.",
                err=True,
            )
            ctx.exit(2)


def resolve_scenario(name: str) -> Path:
    """A path as given, or the bundled scenario with that name (e.g. 'flood_old_community')."""
    path = Path(name).expanduser()
    if path.exists():
        return path
    return next((p for p in bundled_scenarios() if name in (p.stem, p.name)), path)


def _bundled_hint() -> str:
    names = ", ".join(p.stem for p in bundled_scenarios())
    return f" Scenarios shipped with Drill: {names}." if names else ""


def die(message: str, status: int = 1) -> NoReturn:
    """Print one line on stderr and exit."""
    say(f"drill: {message}", err=True)
    sys.exit(status)


def fail(problems: list[Problem], path: str) -> NoReturn:
    """Print the problems of an unusable scenario on stderr and exit 1."""
    for problem in problems:
        say(problem.format(), err=True)
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


def check_seeds(first: int, runs: int) -> None:
    """Exit with a plain message if runs first..first+runs-1 would go past the largest seed."""
    if first + runs - 1 > MAX_SEED:
        die(
            f"seeds {first} to {first + runs - 1} go past the largest seed ({MAX_SEED}); "
            "give a smaller --seed or fewer --runs"
        )


@contextmanager
def progress_bar(runs: int, label: str = "playing drills") -> Iterator[Progress | None]:
    """A progress bar on stderr when stderr is a terminal; otherwise nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=runs, label=label, file=sys.stderr) as bar:
        yield bar.update


def counted(items: Iterable[T], progress: Progress | None) -> Iterator[T]:
    """`items`, telling `progress` of each one once the next is asked for (it is done)."""
    for item in items:
        yield item
        if progress is not None:
            progress(1)


def id_ranges(ids: Sequence[int]) -> str:
    """Ids as runs of consecutive numbers, e.g. 'ids 5-9, 12' ('none' if empty)."""
    if not ids:
        return "none"
    runs: list[list[int]] = []
    for drill_id in sorted(ids):
        if runs and drill_id == runs[-1][1] + 1:
            runs[-1][1] = drill_id
        else:
            runs.append([drill_id, drill_id])
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in runs]
    return ("id " if len(ids) == 1 else "ids ") + ", ".join(parts)


def db_option(command: F) -> F:
    """The --db option every stored-drill command takes."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False, path_type=Path),
        envvar="DRILL_DB",
        help=f"The drill database (default: {default_path()}).",
    )(command)


def open_store(db: Path | None, readonly: bool = False) -> Store:
    """The drill database at `db` (or the default one); a clear error if it cannot be used.

    `readonly` opens an existing database for reading only: nothing is created or written.
    """
    try:
        return Store(db, readonly=readonly)
    except StoreError as error:
        die(str(error))


def the_app(module: str) -> ModuleType:
    """A module of the Textual app, imported only when a command opens it (it loads slowly)."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        die(f"the Drill app cannot be started ({error}); reinstall Drill with its dependencies")


def write_out(text: str, output: Path | None) -> None:
    """Write to the file given with -o, or to standard output."""
    if output is None:
        say(text, nl=False)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        die(f"cannot write {output}: {error.strerror or error}")
    say(f"wrote {output}", err=True)

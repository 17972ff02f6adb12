"""Reading scenario and ruleset files from disk; everything after reading is pure."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any, NoReturn

import yaml

from drill.bundled import RULESETS_DIR as RULESETS_DIR  # re-exported: one lookup, there
from drill.bundled import SCENARIOS_DIR as SCENARIOS_DIR
from drill.scenario.bundle import Bundle, build_bundle, ruleset_name
from drill.scenario.crossref import check_ruleset
from drill.scenario.models import Ruleset
from drill.scenario.parse import parse_ruleset
from drill.scenario.problems import Problem, ScenarioError, only_scenario_errors
from drill.scenario.source import Positions, load_yaml
from drill.scenario.text import Lang

MAX_BYTES = 2_000_000
YAML_SUFFIXES = (".yaml", ".yml")


def bundled_scenarios() -> list[Path]:
    """The scenarios shipped with Drill, sorted by file name."""
    if not SCENARIOS_DIR.is_dir():
        return []
    return sorted(p for p in SCENARIOS_DIR.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def bundled_rulesets() -> list[Path]:
    """The rulesets shipped with Drill, sorted by file name."""
    if not RULESETS_DIR.is_dir():
        return []
    return sorted(p for p in RULESETS_DIR.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())


def read_text(path: Path | str, limit: int = MAX_BYTES) -> str:
    """The UTF-8 text of a regular file; ScenarioError if it cannot be read as one."""
    path = Path(path)
    try:
        data = read_regular(path, limit)
    except FileNotFoundError:
        _fail(path, "no such file")
    except IsADirectoryError:
        _fail(path, "this is a folder, not a file")
    except OSError as error:
        _fail(path, f"cannot read the file: {error.strerror or error}")
    if len(data) > limit:
        _fail(path, f"the file is too large (more than {limit} bytes)")
    return _decode(path, data)


def read_regular(path: Path, limit: int) -> bytes:
    """At most `limit` + 1 bytes of a regular file; OSError for a device, pipe or socket.

    The file is opened without blocking (a FIFO never waits for a writer) and its size is
    not trusted: /dev/zero or a growing file stops at the limit.
    """
    if stat.S_ISDIR(os.stat(path).st_mode):
        raise IsADirectoryError(path)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(0, "it is not a regular file (a device, pipe or socket); give a file")
        return handle.read(limit + 1)


def _decode(path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = "the file is not UTF-8 text"
        hint = "save it as UTF-8 in your editor"
        raise ScenarioError([Problem(str(path), line, column, message, hint=hint)]) from None


def _fail(path: Path, message: str) -> NoReturn:
    raise ScenarioError([Problem(str(path), 1, 1, message)])


def find_ruleset(name: str, scenario_path: Path | str) -> Path:
    """Where the ruleset `name` of a scenario lives: next to it, or bundled with Drill."""
    folder = Path(scenario_path).parent
    candidates = [
        folder.parent / "rulesets" / f"{name}.yaml",
        folder / f"{name}.yaml",
        RULESETS_DIR / f"{name}.yaml",
    ]
    return next((path for path in candidates if path.is_file()), candidates[-1])


def load_bundle(path: Path | str) -> Bundle:
    """Read a scenario and the ruleset it names, and check both; ScenarioError if unusable."""
    with only_scenario_errors(str(path)):
        document = load_yaml(read_text(path), str(path))
        ruleset_path = find_ruleset(ruleset_name(document, str(path)), path)
        try:
            ruleset_text = read_text(ruleset_path)
        except ScenarioError as error:
            message = f"cannot read the ruleset this scenario uses ({ruleset_path})"
            problem = Problem(str(path), 1, 1, message)
            raise ScenarioError([problem, *error.problems]) from None
        return build_bundle(document, str(path), ruleset_text, str(ruleset_path))


def load_ruleset(path: Path | str) -> tuple[Ruleset, Positions]:
    """Read and check a ruleset on its own; ScenarioError if unusable."""
    with only_scenario_errors(str(path)):
        ruleset, positions = parse_ruleset(read_text(path), str(path))
        problems = check_ruleset(ruleset, positions, str(path))
        if problems:
            raise ScenarioError(problems)
        return ruleset, positions


def scenario_title(path: Path, lang: Lang) -> str:
    """The title a scenario file gives itself, or its file name when it cannot be read."""
    try:
        data: Any = yaml.load(read_text(path), Loader=yaml.CSafeLoader)
        title = data["meta"]["title"]
        if isinstance(title, dict):
            return str(title.get(lang) or next(iter(title.values())))
        return str(title)
    except (ScenarioError, yaml.YAMLError, KeyError, TypeError, StopIteration):
        return path.stem


class ScenarioFiles:
    """The app's ScenarioShelf on disk: the scenarios folder of Drill, and any path given."""

    def bundled(self) -> list[Path]:
        """The scenarios shipped with Drill, sorted by file name."""
        return bundled_scenarios()

    def title(self, path: Path, lang: Lang) -> str:
        """The scenario's own title, or its file name."""
        return scenario_title(path, lang)

    def load(self, path: Path | str) -> Bundle:
        """The scenario file and the ruleset it names, checked."""
        return load_bundle(path)

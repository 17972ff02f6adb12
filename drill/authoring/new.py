"""`drill new`: a commented starting scenario that validates and plays, from a template.

The templates are Jinja2 files in drill/authoring/templates/scenarios/: one per
language, filled with the words of one hazard from hazards.yaml.
"""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from drill.bundled import SCHEMA_DIR
from drill.scenario.text import Lang

HAZARDS = ("flood", "typhoon", "earthquake", "fire", "heatwave", "epidemic", "chemical")
SCHEMA_FILE = SCHEMA_DIR / "scenario.schema.json"


class ExistsError(Exception):
    """The file `drill new` would write is already there."""


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("drill.authoring", "templates/scenarios"),
        autoescape=False,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
    )
    env.filters["q"] = quoted
    return env


def quoted(text: object) -> str:
    """A YAML double-quoted scalar of `text` (JSON strings are valid YAML)."""
    return json.dumps(str(text), ensure_ascii=False)


@cache
def hazard_words() -> dict[str, Any]:
    """The words of every hazard, from the template folder."""
    loader = _environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(_environment(), "hazards.yaml")
    data: dict[str, Any] = yaml.safe_load(source)
    return data


def scenario_id(path: Path) -> str:
    """An id for the scenario from its file name: letters, digits and '_'."""
    stem = re.sub(r"[^A-Za-z0-9_]+", "_", path.stem).strip("_").lower()
    return stem if stem and not stem[0].isdigit() else f"scenario_{stem}".rstrip("_")


def schema_reference(path: Path) -> str:
    """Where an editor finds the scenario schema: a path relative to `path` inside the folder
    that holds Drill's schema/ (the repository), else '' (the file then says how to save the
    schema beside it): an absolute path would only hold on the machine that wrote it."""
    home = SCHEMA_DIR.parent
    folder = path.resolve().parent
    if not SCHEMA_FILE.is_file() or not folder.is_relative_to(home):
        return ""
    return Path(os.path.relpath(SCHEMA_FILE, folder)).as_posix()


def render_scenario(path: Path, hazard: str, lang: Lang) -> str:
    """The text of a new scenario for `hazard` in `lang`, to be saved at `path`."""
    words = hazard_words()[hazard]
    template = _environment().get_template(f"scenario.{lang}.yaml.j2")
    return template.render(
        id=scenario_id(path),
        path=str(path),
        hazard=hazard,
        h=words,
        t=words[lang],
        schema=schema_reference(path),
    )


def write_scenario(path: Path, hazard: str, lang: Lang) -> None:
    """Write a new scenario; ExistsError if the file is already there (never overwritten)."""
    text = render_scenario(path, hazard, lang)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise ExistsError(str(path)) from None

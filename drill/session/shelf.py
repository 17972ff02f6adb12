"""Where the app finds scenarios: the ones shipped with Drill, or any file by its path."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from drill.scenario.bundle import Bundle
from drill.scenario.problems import Problem, ScenarioError
from drill.scenario.text import Lang


class ScenarioShelf(Protocol):
    """The scenarios the app can offer and open."""

    def bundled(self) -> list[Path]:
        """The scenarios shipped with Drill, in the order to list them."""
        ...

    def title(self, path: Path, lang: Lang) -> str:
        """The title a scenario gives itself, or its file name when it cannot be read."""
        ...

    def load(self, path: Path | str) -> Bundle:
        """The checked scenario at `path` with its ruleset; ScenarioError if it is unusable."""
        ...


class EmptyShelf:
    """No scenarios at all: for an app handed its scenario, that never looks for another."""

    def bundled(self) -> list[Path]:
        """Nothing is offered."""
        return []

    def title(self, path: Path, lang: Lang) -> str:
        """The file name."""
        return path.stem

    def load(self, path: Path | str) -> Bundle:
        """Nothing can be opened: a ScenarioError that says so."""
        raise ScenarioError([Problem(str(path), 1, 1, "this app opens no scenario files")])

"""Problems found in scenario and ruleset files, each with a file position."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a file, at a 1-based line and column."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"
    hint: str | None = None

    def format(self) -> str:
        """One line: `path:line:column: error: message (hint: ...)`."""
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (hint: {self.hint})"
        return " ".join(text.splitlines())

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order problems by file, then position, then message."""
        return (self.path, self.line, self.column, self.message)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems without duplicates, ordered by file and position."""
    return sorted(set(problems), key=Problem.sort_key)


class ScenarioError(Exception):
    """A scenario or ruleset cannot be used; `problems` says why and where."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted_problems(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(problem.format() for problem in self.problems)

    @property
    def errors(self) -> list[Problem]:
        """The problems of severity 'error'."""
        return [p for p in self.problems if p.severity == "error"]


@contextmanager
def only_scenario_errors(path: str) -> Iterator[None]:
    """Turn any unexpected exception into a ScenarioError, so no file can crash a caller."""
    try:
        yield
    except ScenarioError:
        raise
    except Exception as error:  # a safety net; tests assert it is never reached
        message = f"internal error while checking this file: {type(error).__name__}: {error}"
        raise ScenarioError([Problem(path, 1, 1, message)]) from error

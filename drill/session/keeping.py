"""Keeping a drill: what the app asks of wherever played drills are kept (a database, say)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal, Protocol

from drill.scenario.bundle import Bundle
from drill.session.clock import Clock
from drill.session.hotwash import HotWash, PlanItem
from drill.session.seats import SessionConfig
from drill.session.session import Session
from drill.session.settings import ConsoleSettings

ReviewOutput = Literal["report.html", "report.md", "export.json", "export.csv"]
"""A file written after the drill: the after-action report or the export, in one format."""
REVIEW_OUTPUTS: tuple[ReviewOutput, ...] = ("report.html", "report.md", "export.json", "export.csv")


class KeepError(Exception):
    """A kept drill could not be read or written; the message says why and what to do."""


class DrillKeeper(Protocol):
    """Where drills are kept as they are played, and taken up again where they stopped.

    Every method may raise KeepError when what keeps the drills cannot be used.
    """

    def start(self, bundle: Bundle, config: SessionConfig, clock: Clock | None = None) -> Session:
        """A new kept drill: every accepted command is kept before it is acknowledged."""
        ...

    def resume(self, drill_id: int, clock: Clock | None = None) -> Session:
        """A kept drill where it stopped, with the situation reports of its resolved turns."""
        ...

    def kept_id(self, session: Session) -> int | None:
        """The id of the kept drill `session` plays, or None if it is not kept here."""
        ...

    def hotwash(self, drill_id: int) -> HotWash:
        """The hot-wash notes of the drill."""
        ...

    def keep_hotwash(self, drill_id: int, notes: HotWash) -> None:
        """Replace the hot-wash notes of the drill."""
        ...

    def plan(self, drill_id: int) -> list[PlanItem]:
        """The improvement plan of the drill, in order."""
        ...

    def keep_plan(self, drill_id: int, items: list[PlanItem]) -> None:
        """Replace the improvement plan of the drill."""
        ...

    def settings(self, drill_id: int) -> ConsoleSettings:
        """What the facilitator set on the console: scores shown, the countdown."""
        ...

    def keep_show_scores(self, session: Session, shown: bool) -> None:
        """Keep whether the players see the scores."""
        ...

    def keep_countdown(self, session: Session) -> None:
        """Keep how far the countdown of the current turn has run."""
        ...

    def resume_command(self, drill_id: int) -> str:
        """The command that takes the drill up again where it stopped."""
        ...

    def write_review(self, drill_id: int, output: ReviewOutput, path: Path) -> None:
        """Write the report or the export of the drill to `path` (OSError if it cannot be)."""
        ...

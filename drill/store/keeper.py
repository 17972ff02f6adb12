"""Drills kept in the drill database, as the app asks for them (a session-level DrillKeeper)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from drill.scenario.bundle import Bundle
from drill.session.clock import Clock
from drill.session.hotwash import HotWash, PlanItem
from drill.session.keeping import KeepError, ReviewOutput
from drill.session.resume import rebuilt_reports
from drill.session.seats import SessionConfig
from drill.session.session import Session
from drill.session.settings import ConsoleSettings
from drill.store.database import Store
from drill.store.export import export
from drill.store.kept import (
    drill_id_of,
    keep_show_scores,
    keep_timer,
    resume_session,
    start_session,
)

ReportFormat = Literal["html", "md"]
WriteReport = Callable[[int, ReportFormat], str]
"""The after-action report of a kept drill in a format (the report layer makes it)."""


class StoreKeeper:
    """The app's DrillKeeper on the drill database; reports come from `report`, if given."""

    def __init__(self, store: Store, report: WriteReport | None = None) -> None:
        self.store, self.report = store, report

    def start(self, bundle: Bundle, config: SessionConfig, clock: Clock | None = None) -> Session:
        """A new drill whose every accepted command is stored before it is acknowledged."""
        return start_session(self.store, bundle, config, clock)

    def resume(self, drill_id: int, clock: Clock | None = None) -> Session:
        """The stored drill where it stopped, with the reports of the turns it resolved."""
        session = resume_session(self.store, drill_id, clock)
        entries = ((entry.command, entry.events) for entry in self.store.entries(drill_id))
        session.reports.extend(rebuilt_reports(session.rules, session.config.seed, entries))
        return session

    def kept_id(self, session: Session) -> int | None:
        """The stored drill `session` writes to, if it writes to this database."""
        return drill_id_of(session)

    def hotwash(self, drill_id: int) -> HotWash:
        """The stored hot-wash notes."""
        return self.store.hotwash(drill_id)

    def keep_hotwash(self, drill_id: int, notes: HotWash) -> None:
        """Store the hot-wash notes."""
        self.store.set_hotwash(drill_id, notes)

    def plan(self, drill_id: int) -> list[PlanItem]:
        """The stored improvement plan."""
        return self.store.plan(drill_id)

    def keep_plan(self, drill_id: int, items: list[PlanItem]) -> None:
        """Store the improvement plan."""
        self.store.set_plan(drill_id, items)

    def settings(self, drill_id: int) -> ConsoleSettings:
        """The stored console settings."""
        return self.store.settings(drill_id)

    def keep_show_scores(self, session: Session, shown: bool) -> None:
        """Store whether the players see the scores."""
        keep_show_scores(self.store, session, shown)

    def keep_countdown(self, session: Session) -> None:
        """Store how far the turn's countdown has run."""
        keep_timer(self.store, session)

    def resume_command(self, drill_id: int) -> str:
        """`drill resume ID`, with --db if this is not the default database."""
        return self.store.resume_command(drill_id)

    def write_review(self, drill_id: int, output: ReviewOutput, path: Path) -> None:
        """Render the report or the export, then write it (OSError if it cannot be written)."""
        path.write_text(self.review_text(drill_id, output), encoding="utf-8")

    def review_text(self, drill_id: int, output: ReviewOutput) -> str:
        """The text of the report or the export of a stored drill."""
        if output == "export.json" or output == "export.csv":
            return export(self.store, drill_id, "json" if output == "export.json" else "csv")
        if self.report is None:
            raise KeepError("reports cannot be written here; try `drill report`")
        return self.report(drill_id, "html" if output == "report.html" else "md")

"""Reports and comparisons of stored drills: the glue between the drill database and the report."""

from __future__ import annotations

from drill.report.compare import compare, render_comparison
from drill.report.facts import DrillFacts, ReportInput, Seat
from drill.report.history import timeline
from drill.report.model import build_report
from drill.report.render import Format, render
from drill.scenario.text import Lang, pick
from drill.session.replay import Replay, replay_turns
from drill.store.database import Store
from drill.store.keeper import ReportFormat, StoreKeeper
from drill.store.kept import stored_rules


def report_input(store: Store, drill_id: int) -> ReportInput:
    """Everything the report of a stored drill needs."""
    row = store.drill(drill_id)
    seats = tuple(
        Seat(role, seat.team, tuple(seat.participants), seat.bot)
        for role, seat in row.config.seats.items()
    )
    facts = DrillFacts(
        drill_id=drill_id,
        started=row.started,
        seed=row.config.seed,
        mode=row.config.mode,
        seats=seats,
        parent=row.parent,
        branch_turn=row.branch_turn,
    )
    return ReportInput(
        stored_rules(store, drill_id),
        store.events(drill_id),
        facts,
        store.hotwash(drill_id),
        store.plan(drill_id),
    )


def drill_report(
    store: Store, drill_id: int, fmt: Format, lang: Lang | None = None, charts: bool | None = None
) -> str:
    """The after-action report of a stored drill (in the drill's language unless told).

    Charts are drawn for HTML, and for Markdown when asked (as data: images).
    """
    chosen: Lang = lang or store.drill(drill_id).config.lang
    drawn = fmt == "html" if charts is None else charts and fmt != "json"
    report = build_report(report_input(store, drill_id), chosen, with_charts=drawn)
    return render(report, fmt)


def drill_comparison(store: Store, ids: list[int], fmt: Format, lang: Lang) -> str:
    """Several stored drills side by side."""
    sources = [report_input(store, drill_id) for drill_id in ids]
    return render_comparison(compare(sources, lang, with_chart=fmt != "json"), fmt)


def reporting_keeper(store: Store) -> StoreKeeper:
    """The app's keeper of the drills in `store`, writing their reports too."""

    def report(drill_id: int, fmt: ReportFormat) -> str:
        return drill_report(store, drill_id, fmt)

    return StoreKeeper(store, report)


def stored_replay(store: Store, drill_id: int, lang: Lang) -> Replay:
    """A stored drill turn by turn, with the timeline's lines of each turn, for the replay."""
    row = store.drill(drill_id)
    rules = stored_rules(store, drill_id)
    log = store.events(drill_id)
    moments = [(m.turn, m.kind, m.text) for m in timeline(rules, log, lang)]
    turns = replay_turns(rules, row.config.seed, log, lang, moments)
    return Replay(drill_id, pick(rules.scenario.meta.title, lang), turns)

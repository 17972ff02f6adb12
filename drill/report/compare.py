"""Several drills side by side: scores, objective ratings and functionality curves."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from drill.engine.scoring import Scores, score
from drill.i18n import t
from drill.report.facts import ReportInput
from drill.report.history import Curves, curves
from drill.report.render import Format, render_template
from drill.report.words import capability
from drill.scenario.text import Lang, pick

SCORES = (
    "overall",
    "coordination",
    "response",
    "information",
    "joint",
    "cohesion",
    "self_organisation",
    "recovery",
    "robustness",
    "equity",
)


@dataclass(frozen=True)
class Column:
    """One drill of the comparison."""

    drill_id: int
    label: str
    scenario: str
    turns_played: int
    scores: Scores
    curves: Curves


@dataclass(frozen=True)
class Row:
    """One compared line: a score or an objective, its value in every drill."""

    key: str
    label: str
    values: list[str]


@dataclass
class Comparison:
    """Drills side by side."""

    lang: Lang
    columns: list[Column]
    scores: list[Row]
    objectives: list[Row]
    chart: str | None = field(default=None)


def _date(started: float) -> str:
    return dt.datetime.fromtimestamp(started).astimezone().strftime("%Y-%m-%d")


def column(source: ReportInput, lang: Lang) -> Column:
    """One drill's column."""
    meta = source.rules.scenario.meta
    facts = source.facts
    return Column(
        drill_id=facts.drill_id,
        label=f"#{facts.drill_id} {_date(facts.started)}",
        scenario=pick(meta.title, lang),
        turns_played=source.state.turn,
        scores=score(source.rules, source.state),
        curves=curves(source.rules, source.state),
    )


def _value(value: float | None, lang: Lang) -> str:
    return t("report.not_measured", lang) if value is None else f"{value:.1f}"


def compare(sources: list[ReportInput], lang: Lang, with_chart: bool = True) -> Comparison:
    """The comparison of `sources`, in the order given."""
    columns = [column(source, lang) for source in sources]
    scores = [
        Row(key, t(f"report.{key}", lang), [_value(getattr(c.scores, key), lang) for c in columns])
        for key in SCORES
    ]
    objectives = []
    for objective_id, text, cap in _objectives(sources, lang):
        label = f"{text} ({capability(cap, lang)})"
        values = [c.scores.objectives.get(objective_id, "") for c in columns]
        objectives.append(Row(objective_id, label, values))
    comparison = Comparison(lang, columns, scores, objectives)
    if with_chart:
        from drill.report import charts  # matplotlib is loaded only when drawing

        comparison.chart = charts.compare_chart([(c.label, c.curves) for c in columns], lang)
    return comparison


def _objectives(sources: list[ReportInput], lang: Lang) -> list[tuple[str, str, str]]:
    seen: dict[str, tuple[str, str, str]] = {}
    for source in sources:
        for objective in source.rules.scenario.objectives:
            seen.setdefault(
                objective.id, (objective.id, pick(objective.text, lang), objective.capability)
            )
    return list(seen.values())


def render_comparison(comparison: Comparison, fmt: Format) -> str:
    """The comparison as Markdown, HTML or JSON."""
    if fmt == "json":
        body = asdict(comparison)
        body.pop("chart", None)
        return json.dumps(body, ensure_ascii=False, indent=2) + "\n"
    name = "compare.html.j2" if fmt == "html" else "compare.md.j2"
    return render_template(name, comparison.lang, comparison=comparison)

"""The after-action report as data: every section HSEEP's AAR/IP asks for, in one language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from drill.engine.scoring import Scores, score
from drill.i18n import t
from drill.report import evidence
from drill.report.evidence import Finding, ObjectiveResult
from drill.report.facts import ReportInput
from drill.report.history import Curves, Moment, Tie, curves, ties, timeline
from drill.report.words import capability, short
from drill.scenario.text import Lang, pick
from drill.session.hotwash import PlanItem


@dataclass(frozen=True)
class TeamLine:
    """Who played one role."""

    role: str
    label: str
    team: str
    participants: list[str]
    bot: str | None


@dataclass(frozen=True)
class Overview:
    """Scenario, date, teams and hazard of the drill."""

    drill_id: int
    scenario_id: str
    title: str
    summary: str
    hazard: str
    date: str
    turns_played: int
    turns: int
    minutes_per_turn: int
    seed: int
    mode: str
    teams: list[TeamLine]
    parent: int | None
    branch_turn: int | None


@dataclass(frozen=True)
class ScoreLine:
    """One row of the score table: a score or one of its parts (depth 1)."""

    key: str
    label: str
    value: float | None
    shown: str
    weight: float | None
    depth: int


@dataclass(frozen=True)
class GroupLine:
    """A vulnerable group and how many were assisted by its deadline."""

    id: str
    label: str
    count: int
    deadline: int
    assisted: int


@dataclass(frozen=True)
class RoleLine:
    """What one role did in the drill."""

    role: str
    label: str
    team: str
    actions: int
    responses_met: int
    information_shared: int
    joint_actions: int


@dataclass(frozen=True)
class Charts:
    """The report's charts as inline SVG."""

    functionality: str
    network: str
    scores: str


@dataclass
class Report:
    """Everything the report shows; renderers only lay it out."""

    lang: Lang
    overview: Overview
    summary: list[str]
    scores: Scores
    score_lines: list[ScoreLine]
    groups: list[GroupLine]
    objectives: list[ObjectiveResult]
    strengths: list[Finding]
    improvements: list[Finding]
    notes: str
    plan: list[PlanItem]
    plan_proposed: bool
    timeline: list[Moment]
    roles: list[RoleLine]
    curves: Curves
    ties: list[Tie]
    charts: Charts | None = field(default=None)


def build_report(source: ReportInput, lang: Lang, with_charts: bool = True) -> Report:
    """The report of a drill in `lang`; charts are drawn only when asked for."""
    rules, state = source.rules, source.state
    scores = score(rules, state)
    objectives = evidence.objective_results(rules, state, scores, lang)
    strengths, areas = evidence.findings(scores, objectives, source.hotwash, lang)
    plan = [plan_line(source, item, lang) for item in source.plan]
    plan = plan or evidence.proposed_plan(objectives, lang)
    report = Report(
        lang=lang,
        overview=overview(source, lang),
        summary=[],
        scores=scores,
        score_lines=score_lines(source, scores, lang),
        groups=groups(source, lang),
        objectives=objectives,
        strengths=strengths,
        improvements=areas,
        notes=source.hotwash.notes,
        plan=plan,
        plan_proposed=not source.plan and bool(plan),
        timeline=timeline(rules, source.events, lang),
        roles=role_lines(source, scores, lang),
        curves=curves(rules, state),
        ties=ties(rules, source.events),
    )
    report.summary = executive_summary(report, lang)
    if with_charts:
        report.charts = draw(source, report, lang)
    return report


def plan_line(source: ReportInput, item: PlanItem, lang: Lang) -> PlanItem:
    """A stored plan item with capability and role ids put in words."""
    role = source.rules.roles.get(item.role)
    known = {o.capability for o in source.rules.objectives.values()}
    return PlanItem(
        item.action,
        capability(item.capability, lang) if item.capability in known else item.capability,
        short(pick(role.label, lang)) if role else item.role,
        item.due,
    )


def overview(source: ReportInput, lang: Lang) -> Overview:
    """The exercise overview."""
    rules, facts, meta = source.rules, source.facts, source.rules.scenario.meta
    seats = {seat.role: seat for seat in facts.seats}
    teams = [
        TeamLine(
            role,
            pick(rules.roles[role].label, lang),
            seats[role].team if role in seats else "",
            list(seats[role].participants) if role in seats else [],
            seats[role].bot if role in seats else None,
        )
        for role in rules.role_order
    ]
    return Overview(
        drill_id=facts.drill_id,
        scenario_id=meta.id,
        title=pick(meta.title, lang),
        summary=pick(meta.summary, lang),
        hazard=meta.hazard,
        date=dt.datetime.fromtimestamp(facts.started).astimezone().strftime("%Y-%m-%d %H:%M %z"),
        turns_played=source.state.turn,
        turns=meta.turns,
        minutes_per_turn=meta.minutes_per_turn,
        seed=facts.seed,
        mode=facts.mode,
        teams=teams,
        parent=facts.parent,
        branch_turn=facts.branch_turn,
    )


def _shown(value: float | None, lang: Lang) -> str:
    return t("report.not_measured", lang) if value is None else f"{value:.1f}"


def score_lines(source: ReportInput, scores: Scores, lang: Lang) -> list[ScoreLine]:
    """Overall; coordination and its parts; recovery with robustness and rapidity; equity."""
    weights = source.rules.ruleset.scoring.weights

    def line(key: str, value: float | None, weight: float | None, depth: int) -> ScoreLine:
        return ScoreLine(key, t(f"report.{key}", lang), value, _shown(value, lang), weight, depth)

    parts = ("response", "information", "joint", "cohesion", "self_organisation")
    rapidity = t("report.never", lang) if scores.rapidity is None else f"{scores.rapidity}"
    return [
        line("overall", scores.overall, None, 0),
        line("coordination", scores.coordination, weights.coordination, 0),
        *(line(p, getattr(scores, p), getattr(weights, p), 1) for p in parts),
        line("recovery", scores.recovery, weights.recovery, 0),
        line("robustness", scores.robustness, None, 1),
        ScoreLine("rapidity", t("report.rapidity", lang), None, rapidity, None, 1),
        line("equity", scores.equity, weights.equity, 0),
    ]


def groups(source: ReportInput, lang: Lang) -> list[GroupLine]:
    """Every vulnerable group with the number assisted by its deadline."""
    history = source.state.assisted_history
    out = []
    for i, group in enumerate(source.rules.groups.values()):
        turn = min(group.deadline, len(history))
        assisted = history[turn - 1][i] if turn > 0 else 0
        out.append(
            GroupLine(group.id, pick(group.label, lang), group.count, group.deadline, assisted)
        )
    return out


def role_lines(source: ReportInput, scores: Scores, lang: Lang) -> list[RoleLine]:
    """The contribution of every role, in role order."""
    teams = {seat.role: seat.team for seat in source.facts.seats}
    return [
        RoleLine(
            role,
            short(pick(source.rules.roles[role].label, lang)),
            teams.get(role, ""),
            done.actions,
            done.responses_met,
            done.information_shared,
            done.joint_actions,
        )
        for role, done in scores.roles.items()
    ]


def executive_summary(report: Report, lang: Lang) -> list[str]:
    """A few sentences a busy reader can stop after."""
    s, o = report.scores, report.overview
    first = t("report.sum.scores", lang).format(
        title=o.title,
        played=o.turns_played,
        turns=o.turns,
        overall=_shown(s.overall, lang),
        coordination=_shown(s.coordination, lang),
        recovery=_shown(s.recovery, lang),
        equity=_shown(s.equity, lang),
    )
    q0 = report.curves.community[0]
    key = "sum.recovered" if s.rapidity is not None else "sum.not_recovered"
    if s.robustness >= 0.9 * q0:
        key = "sum.held"
    second = t(f"report.{key}", lang).format(
        q0=f"{q0:.0f}", low=f"{s.robustness:.0f}", turns=s.rapidity
    )
    ratings = [r.rating for r in report.objectives]
    counts = ", ".join(f"{ratings.count(r)} {r}" for r in "PSMU")
    rated = len(ratings) - ratings.count("-")
    third = t("report.sum.objectives", lang).format(count=rated, counts=counts)
    if ratings.count("-"):
        third += t("report.sum.unrated", lang).format(count=ratings.count("-"))
    return [first, second, third + _extremes(report, lang)]


def _extremes(report: Report, lang: Lang) -> str:
    measured = [
        (line.value, line.label)
        for line in report.score_lines
        if line.depth == 1 and line.value is not None and line.key != "robustness"
    ]
    if not measured:
        return ""
    best, worst = max(measured), min(measured)
    return t("report.sum.extremes", lang).format(
        best=best[1], best_value=f"{best[0]:.0f}", worst=worst[1], worst_value=f"{worst[0]:.0f}"
    )


def draw(source: ReportInput, report: Report, lang: Lang) -> Charts:
    """The three charts of the report (matplotlib is loaded only now)."""
    from drill.report import charts

    rules = source.rules
    sectors = {sid: pick(s.label, lang) for sid, s in rules.sectors.items()}
    roles = {rid: short(pick(r.label, lang)) for rid, r in rules.roles.items()}
    actions = {line.role: line.actions for line in report.roles}
    parts = [
        (line.label, line.value)
        for line in report.score_lines
        if line.key not in ("robustness", "rapidity")
    ]
    return Charts(
        functionality=charts.functionality_chart(report.curves, sectors, lang),
        network=charts.network_chart(list(rules.role_order), roles, report.ties, actions),
        scores=charts.scores_chart(parts, lang),
    )

"""Objectives rated with their evidence, strengths and areas for improvement, a proposed plan."""

from __future__ import annotations

from dataclasses import dataclass

from drill.engine.rules import Rules
from drill.engine.scoring import Scores, expectation_statuses
from drill.engine.state import DrillState
from drill.i18n import t
from drill.report.words import capability, short
from drill.scenario.text import Lang, pick
from drill.session.hotwash import HotWash, PlanItem

STRONG = 75.0
"""A score part at or above this is a strength."""

WEAK = 50.0
"""A score part below this is an area for improvement."""

PARTS = ("response", "information", "joint", "cohesion", "self_organisation", "recovery", "equity")


@dataclass(frozen=True)
class Evidence:
    """One expected response of an objective: what was expected and what happened."""

    inject: str
    inject_title: str
    released: int | None
    action: str
    action_label: str
    roles: list[str]
    within: int
    status: str
    met_by: str | None
    met_in: int | None


@dataclass(frozen=True)
class ObjectiveResult:
    """An objective, the capability it exercises, its HSEEP rating and the evidence."""

    id: str
    text: str
    capability: str
    capability_label: str
    rating: str
    evidence: list[Evidence]


@dataclass(frozen=True)
class Finding:
    """A strength or an area for improvement, and where it comes from."""

    text: str
    source: str


def objective_results(
    rules: Rules, state: DrillState, scores: Scores, lang: Lang
) -> list[ObjectiveResult]:
    """Every objective with the expected responses that rate it, released or not."""
    statuses = expectation_statuses(rules, state)
    found: dict[str, list[Evidence]] = {o: [] for o in rules.objectives}
    for inject in rules.scenario.injects:
        for index, expected in enumerate(inject.expects):
            rated = state.expectations.get((inject.id, index))
            status = statuses.get((inject.id, index), "not_released")
            met = rated is not None and rated[0] != "missed"
            found.setdefault(expected.objective, []).append(
                Evidence(
                    inject=inject.id,
                    inject_title=pick(inject.title or inject.text, lang),
                    released=state.released.get(inject.id),
                    action=expected.action,
                    action_label=_label(rules, expected.action, lang),
                    roles=[_role(rules, r, lang) for r in expected.by],
                    within=expected.within,
                    status=status,
                    met_by=_role(rules, rated[1], lang) if met and rated else None,
                    met_in=rated[2] if met and rated else None,
                )
            )
    return [_objective(rules, oid, found.get(oid, []), scores, lang) for oid in rules.objectives]


def _objective(
    rules: Rules, oid: str, evidence: list[Evidence], scores: Scores, lang: Lang
) -> ObjectiveResult:
    objective = rules.objectives[oid]
    return ObjectiveResult(
        id=oid,
        text=pick(objective.text, lang),
        capability=objective.capability,
        capability_label=capability(objective.capability, lang),
        rating=scores.objectives.get(oid, "-"),
        evidence=evidence,
    )


def _label(rules: Rules, action: str, lang: Lang) -> str:
    found = rules.actions.get(action)
    return pick(found.label, lang) if found else action


def _role(rules: Rules, role: str, lang: Lang) -> str:
    found = rules.roles.get(role)
    return short(pick(found.label, lang)) if found else role


def part_value(scores: Scores, part: str) -> float | None:
    """The value of one score part by name."""
    value = getattr(scores, part)
    return None if value is None else float(value)


def findings(
    scores: Scores, objectives: list[ObjectiveResult], notes: HotWash, lang: Lang
) -> tuple[list[Finding], list[Finding]]:
    """Strengths and areas for improvement from the scores, the ratings and the hot wash."""
    strengths: list[Finding] = []
    areas: list[Finding] = []
    for part in PARTS:
        value = part_value(scores, part)
        if value is not None and value >= STRONG:
            strengths.append(Finding(_say("find.part_strong", lang, part, value), "scores"))
        elif value is not None and value < WEAK:
            areas.append(Finding(_say("find.part_weak", lang, part, value), "scores"))
    for result in objectives:
        if result.rating in ("P", "S"):
            strengths.append(Finding(_rated(result, lang), "objective"))
        elif result.rating in ("M", "U"):
            areas.append(Finding(_rated(result, lang) + _missed(result, lang), "objective"))
    strengths += [Finding(text, "hotwash") for text in notes.strengths]
    areas += [Finding(text, "hotwash") for text in notes.improvements]
    return strengths, areas


def _say(key: str, lang: Lang, part: str, value: float) -> str:
    return t(f"report.{key}", lang).format(part=t(f"report.{part}", lang), value=f"{value:.0f}")


def _rated(result: ObjectiveResult, lang: Lang) -> str:
    return t("report.find.objective", lang).format(
        text=result.text.rstrip("。.；;"), capability=result.capability_label, rating=result.rating
    )


def _missed(result: ObjectiveResult, lang: Lang) -> str:
    missed = [e for e in result.evidence if e.status == "missed"]
    if not missed:
        return ""
    item = t("report.find.missed_item", lang)
    items = t("report.list.sep", lang).join(
        item.format(action=e.action_label, inject=e.inject_title) for e in missed
    )
    return t("report.find.missed", lang).format(items=items)


def proposed_plan(objectives: list[ObjectiveResult], lang: Lang) -> list[PlanItem]:
    """Corrective actions for every missed response of an objective rated M or U."""
    plan: list[PlanItem] = []
    for result in objectives:
        if result.rating not in ("M", "U"):
            continue
        for e in result.evidence:
            if e.status != "missed":
                continue
            action = t("report.plan.practise", lang).format(
                action=e.action_label, inject=e.inject_title, within=e.within
            )
            plan.append(PlanItem(action, result.capability_label, " / ".join(e.roles), ""))
    return plan

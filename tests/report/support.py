"""Known drills for report tests: a fixed scenario, seed and policy, with fixed facts."""

from __future__ import annotations

from functools import cache

from drill.engine.rules import compile_rules
from drill.report.facts import DrillFacts, ReportInput, Seat
from drill.session.hotwash import HotWash, PlanItem
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.store.kept import bot_drill

STARTED = 1_767_250_800.0
"""2026-01-01 07:00 UTC: the date every known drill was 'played'."""

KNOWN = {
    "flood_greedy": ("flood_old_community", 20240716, "greedy"),
    "flood_random": ("flood_old_community", 5, "random"),
}
"""Name → (scenario, seed, policy) of the drills whose reports are committed."""

NOTES = HotWash(
    strengths=("Building leaders knew every older resident by name.",),
    improvements=("The pump request waited two turns for approval.",),
    notes="Hot wash held in the community centre.\nEveryone stayed for it.",
)
PLAN = [
    PlanItem(
        "Pre-approve pumping for the committee in the emergency plan",
        "infrastructure_systems",
        "government",
        "2026-03-31",
    )
]


@cache
def known(name: str, with_notes: bool = False) -> ReportInput:
    """The report input of a known drill (with hot-wash notes and a plan if asked)."""
    scenario, seed, policy = KNOWN[name]
    bundle = load_bundle(SCENARIOS_DIR / f"{scenario}.yaml")
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    session = bot_drill(rules, seed, policy)
    seats = tuple(
        Seat(role, f"Team {i + 1}", (f"P{i + 1}a", f"P{i + 1}b"), policy)
        for i, role in enumerate(rules.role_order)
    )
    facts = DrillFacts(1, STARTED, seed, "facilitated", seats)
    if with_notes:
        return ReportInput(rules, list(session.drill.log), facts, NOTES, PLAN)
    return ReportInput(rules, list(session.drill.log), facts)

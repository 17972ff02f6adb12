"""The report names core capabilities from the one table, in both languages."""

from __future__ import annotations

from drill.engine.rules import compile_rules
from drill.report.facts import DrillFacts, ReportInput, Seat
from drill.report.model import build_report
from drill.report.words import capability
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.store.kept import bot_drill

SCENARIO = "epidemic_lockdown_supplies"
"""A bundled scenario with capabilities the app and the report could not name before."""


def epidemic() -> ReportInput:
    """A short bot-played drill of the epidemic scenario."""
    bundle = load_bundle(SCENARIOS_DIR / f"{SCENARIO}.yaml")
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    session = bot_drill(rules, 7, "greedy")
    seats = tuple(Seat(role, role, (), "greedy") for role in rules.role_order)
    return ReportInput(rules, list(session.drill.log), DrillFacts(1, 0.0, 7, "bots", seats))


def test_the_report_names_every_capability_in_chinese() -> None:
    report = build_report(epidemic(), "zh", with_charts=False)
    labels = {o.capability: o.capability_label for o in report.objectives}
    assert labels["economic_recovery"] == "经济恢复"
    assert labels["health_and_social_services"] == "卫生与社会服务恢复"


def test_the_report_capitalises_names_and_spaces_unknown_ids() -> None:
    assert capability("public_health_healthcare_and_emergency_medical_services", "en") == (
        "Public health, healthcare, and emergency medical services"
    )
    assert capability("neighbourly_tea", "en") == "Neighbourly tea"
    assert capability("neighbourly_tea", "zh") == "Neighbourly tea"

"""Reports of known drills match the reviewed files under expected/, and agree with score()."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from drill.engine.scoring import score
from drill.report.model import build_report
from drill.report.render import render
from drill.scenario.text import Lang
from tests.report.support import KNOWN, known

EXPECTED = Path(__file__).with_name("expected")
REGENERATE = os.environ.get("DRILL_REGENERATE_REPORTS") == "1"
"""Set to 1 to rewrite the expected files (then read every change before committing)."""

CASES = [
    ("flood_greedy", "en", "md", False),
    ("flood_greedy", "en", "json", False),
    ("flood_random", "zh", "md", True),
    ("flood_random", "en", "json", True),
]


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    """Dates in the reports are local time: make local time UTC."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def expected_name(name: str, lang: str, fmt: str, notes: bool) -> str:
    return f"{name}{'_hotwash' if notes else ''}.{lang}.{fmt}"


@pytest.mark.parametrize(("name", "lang", "fmt", "notes"), CASES)
def test_a_known_drill_gives_the_reviewed_report(
    name: str, lang: Lang, fmt: str, notes: bool
) -> None:
    report = build_report(known(name, notes), lang, with_charts=False)
    text = render(report, "md" if fmt == "md" else "json")
    path = EXPECTED / expected_name(name, lang, fmt, notes)
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_the_numbers_of_the_report_are_those_of_score(name: str) -> None:
    source = known(name)
    scores = score(source.rules, source.state)
    body = json.loads(render(build_report(source, "en", with_charts=False), "json"))
    for key in ("overall", "coordination", "recovery", "robustness", "rapidity", "equity"):
        assert body["scores"][key] == getattr(scores, key)
    for key in ("response", "information", "joint", "cohesion", "self_organisation"):
        assert body["scores"][key] == getattr(scores, key)
    assert {o["id"]: o["rating"] for o in body["objectives"]} == scores.objectives
    for line in body["roles"]:
        done = scores.roles[line["role"]]
        assert (line["actions"], line["responses_met"]) == (done.actions, done.responses_met)
        assert line["information_shared"] == done.information_shared
        assert line["joint_actions"] == done.joint_actions


def test_the_evidence_agrees_with_the_expectation_ratings() -> None:
    source = known("flood_random")
    body = json.loads(render(build_report(source, "en", with_charts=False), "json"))
    state = source.state
    for objective in body["objectives"]:
        for e in objective["evidence"]:
            index = next(
                i
                for i, x in enumerate(source.rules.injects[e["inject"]].expects)
                if x.action == e["action"] and x.objective == objective["id"]
            )
            rated = state.expectations.get((e["inject"], index))
            if e["released"] is None:
                assert e["status"] == "not_released"
            elif rated is None:
                assert e["status"] == "missed"
            else:
                assert e["status"] == rated[0]
                assert e["met_in"] == (rated[2] if rated[0] != "missed" else None)


def test_the_hot_wash_and_the_plan_reach_the_report() -> None:
    report = build_report(known("flood_random", True), "en", with_charts=False)
    assert any(f.source == "hotwash" for f in report.strengths)
    assert any(f.source == "hotwash" for f in report.improvements)
    assert not report.plan_proposed
    assert report.plan[0].role == "District / sub-district office"
    assert report.plan[0].capability == "Infrastructure systems"


def test_without_a_plan_one_is_proposed_from_the_missed_responses() -> None:
    report = build_report(known("flood_random"), "en", with_charts=False)
    assert report.plan_proposed and report.plan
    assert all(item.action.startswith("Practise") for item in report.plan)

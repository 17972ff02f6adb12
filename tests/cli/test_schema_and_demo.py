"""`drill schema` prints JSON Schemas; `drill demo` plays the reference scenario twice."""

from __future__ import annotations

import json

from drill.scenario.text import pick
from drill.store.files import load_bundle
from tests.cli.support import REFERENCE, run, run_process


def test_scenario_schema_is_json() -> None:
    result = run("schema")
    assert result.exit_code == 0
    body = json.loads(result.stdout)
    assert body["$schema"].startswith("https://json-schema.org/")
    assert {"meta", "community", "hazard", "injects"} <= set(body["properties"])


def test_ruleset_schema_is_json() -> None:
    body = json.loads(run("schema", "--ruleset").stdout)
    assert {"roles", "actions"} <= set(body["properties"])


def test_demo_shows_both_teams_turn_by_turn_in_both_languages() -> None:
    result = run("demo")
    assert result.exit_code == 0, result.output
    out = result.stdout
    meta = load_bundle(REFERENCE).scenario.meta
    assert pick(meta.title, "zh") in out
    assert pick(meta.title, "en") in out
    assert "greedy" in out and "random" in out
    turn_lines = [line for line in out.splitlines() if line.strip()[:3].strip().isdigit()]
    assert len(turn_lines) >= meta.turns + 1
    assert "总分 overall" in out


def test_demo_is_the_same_every_time() -> None:
    assert run("demo").stdout == run("demo").stdout


def test_python_dash_m_drill_works() -> None:
    done = run_process("--help")
    assert done.returncode == 0
    for command in ("validate", "info", "simulate", "schema", "demo"):
        assert command in done.stdout

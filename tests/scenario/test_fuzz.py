"""Property: malformed scenarios and rulesets give ScenarioError with positions, never a crash."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.scenario.bundle import build_bundle
from drill.scenario.problems import ScenarioError
from tests.scenario.support import RULESET_TEXT, SCENARIO_TEXT, dump, ruleset_data, scenario_data

Loc = tuple[Any, ...]
LINE_BREAKS = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")
FUZZ = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None
)
YAML_GARBAGE = [
    ": ",
    "- ",
    "\n  ",
    "\n",
    "&a ",
    "*a",
    "*nothing ",
    "!!python/object:os.system ",
    "!!binary ",
    "!custom ",
    "{",
    "}",
    "[",
    "]",
    "'",
    '"',
    "\t",
    "<<: *a\n",
    "---\n",
    "...\n",
    "? ",
    "|\n",
    "%YAML 1.1\n",
    "&x [*x]",
    "\x00",
    "\ud800",
    "\ufeff",
    "#",
    "~",
    "1e999",
    "-.inf",
    "0x",
    "9" * 5000,
    "中文",
]
garbage_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.sampled_from(["$target", "$self", "all", "government", "housing", "low_block"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)


def locations(data: Any, loc: Loc = ()) -> list[Loc]:
    """Every place in plain data, the top excluded."""
    found: list[Loc] = []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        found.append((*loc, key))
        found.extend(locations(value, (*loc, key)))
    return found


def container(data: Any, loc: Loc) -> Any:
    for part in loc[:-1]:
        data = data[part]
    return data


@st.composite
def mutated_data(draw: st.DrawFn, fresh: Callable[[], dict[str, Any]]) -> str:
    """A fresh base document with a few values deleted or replaced by garbage, as YAML."""
    base = fresh()
    for _ in range(draw(st.integers(1, 4))):
        loc = draw(st.sampled_from(locations(base)))
        parent, key = container(base, loc), loc[-1]
        if draw(st.booleans()):
            del parent[key]
        else:
            parent[key] = draw(garbage_values)
    return dump(base)


@st.composite
def mutated_text(draw: st.DrawFn, base: str) -> str:
    """The base text with a few pieces inserted, deleted or replaced."""
    text = base
    for _ in range(draw(st.integers(1, 3))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 40)))
        piece = draw(st.sampled_from(YAML_GARBAGE) | st.text(max_size=8))
        operation = draw(st.sampled_from(["insert", "delete", "replace"]))
        if operation == "insert":
            text = text[:start] + piece + text[start:]
        elif operation == "delete":
            text = text[:start] + text[end:]
        else:
            text = text[:start] + piece + text[end:]
    return text


def assert_only_scenario_errors(scenario: str, ruleset: str = RULESET_TEXT) -> None:
    texts = {"s.yaml": scenario, "r.yaml": ruleset}
    try:
        build_bundle(scenario, "s.yaml", ruleset, "r.yaml")
    except ScenarioError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path in texts
            assert 1 <= problem.line <= len(LINE_BREAKS.split(texts[problem.path])) + 1
            assert problem.column >= 1
            assert not problem.message.startswith("internal error"), problem.format()
            line = problem.format()
            assert line.startswith(f"{problem.path}:{problem.line}:{problem.column}: error: ")
            assert "\n" not in line


@FUZZ
@given(mutated_data(scenario_data))
def test_scenarios_with_broken_values_give_only_scenario_errors(text: str) -> None:
    assert_only_scenario_errors(text)


@FUZZ
@given(mutated_data(ruleset_data))
def test_rulesets_with_broken_values_give_only_scenario_errors(text: str) -> None:
    assert_only_scenario_errors(SCENARIO_TEXT, text)


@FUZZ
@given(mutated_text(SCENARIO_TEXT))
def test_scenarios_with_garbled_text_give_only_scenario_errors(text: str) -> None:
    assert_only_scenario_errors(text)


@FUZZ
@given(st.text(max_size=200))
def test_random_text_gives_only_scenario_errors(text: str) -> None:
    assert_only_scenario_errors(text)


@FUZZ
@given(st.lists(st.sampled_from(YAML_GARBAGE) | st.text(max_size=5), max_size=30))
def test_random_yaml_tokens_give_only_scenario_errors(pieces: list[str]) -> None:
    assert_only_scenario_errors("".join(pieces))

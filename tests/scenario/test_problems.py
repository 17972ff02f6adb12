"""Problem formatting and ScenarioError."""

from __future__ import annotations

import pickle

from drill.scenario.problems import Problem, ScenarioError


def test_format_is_path_line_column_severity_message() -> None:
    problem = Problem("scenarios/a.yaml", 3, 7, "unknown field 'trns'")
    assert problem.format() == "scenarios/a.yaml:3:7: error: unknown field 'trns'"


def test_format_appends_hint_on_the_same_line() -> None:
    problem = Problem("a.yaml", 1, 2, "unknown field 'trns'", hint="did you mean 'turns'?")
    assert (
        problem.format() == "a.yaml:1:2: error: unknown field 'trns' (hint: did you mean 'turns'?)"
    )


def test_format_of_a_warning_and_of_a_multiline_message_is_one_line() -> None:
    problem = Problem("a.yaml", 1, 1, "first\nsecond", severity="warning")
    assert problem.format() == "a.yaml:1:1: warning: first second"


def test_error_sorts_problems_by_path_line_column_and_drops_duplicates() -> None:
    late = Problem("b.yaml", 1, 1, "x")
    second = Problem("a.yaml", 2, 1, "y")
    first = Problem("a.yaml", 1, 9, "z")
    error = ScenarioError([late, second, first, second])
    assert error.problems == [first, second, late]
    assert str(error).splitlines() == [first.format(), second.format(), late.format()]


def test_errors_leaves_out_warnings() -> None:
    warning = Problem("a.yaml", 1, 1, "w", severity="warning")
    error = Problem("a.yaml", 2, 1, "e")
    assert ScenarioError([warning, error]).errors == [error]


def test_error_survives_pickling() -> None:
    error = ScenarioError([Problem("a.yaml", 1, 1, "x", hint="y")])
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert str(copy) == str(error)

"""Safe YAML reading: plain values, positions, and limits against hostile files."""

from __future__ import annotations

import math
from collections.abc import Iterator

import pytest
import yaml

from drill.scenario import source
from drill.scenario.problems import Problem, ScenarioError
from drill.scenario.source import Limits, load_yaml


@pytest.fixture(params=["c", "python"])
def loader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run a test with libyaml's parser and with PyYAML's pure-Python one."""
    if request.param == "python":
        monkeypatch.setattr(source, "_LOADER", yaml.SafeLoader)
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("libyaml is not available")
    yield request.param


def only_problem(text: str, limits: Limits | None = None) -> Problem:
    with pytest.raises(ScenarioError) as caught:
        load_yaml(text, "f.yaml", limits or Limits())
    assert len(caught.value.problems) == 1, str(caught.value)
    return caught.value.problems[0]


def problems(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        load_yaml(text, "f.yaml")
    return caught.value.problems


def laughs(levels: int) -> str:
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, levels):
        refs = ", ".join([f"*l{n - 1}"] * 10)
        lines.append(f"l{n}: &l{n} [{refs}]")
    return "\n".join(lines) + "\n"


# --- values and positions -------------------------------------------------------


def test_plain_data_and_positions_of_values_and_keys(loader: str) -> None:
    doc = load_yaml("meta:\n  id: x\n  tags: [a, 中文]\nn: 3\n", "f.yaml")
    assert doc.data == {"meta": {"id": "x", "tags": ["a", "中文"]}, "n": 3}
    assert doc.positions[()] == (1, 1)
    assert doc.positions[("meta", "id")] == (2, 7)
    assert doc.positions[("meta", "tags", 1)] == (3, 13)
    assert doc.positions.key_positions[("meta", "id")] == (2, 3)
    assert doc.positions.key_at(("n",)) == (4, 1)


def test_unknown_locations_fall_back_to_the_deepest_known_one() -> None:
    doc = load_yaml("a:\n  b: 1\n", "f.yaml")
    assert doc.positions.at(("a", "b", "c", 0)) == (2, 6)
    assert doc.positions.at(("zzz",)) == (1, 1)
    assert doc.positions.key_at(("a", "missing")) == (2, 3)


def test_columns_count_characters_not_bytes(loader: str) -> None:
    doc = load_yaml("a: 中文中文\nb: {c: 中, d: x}\n", "f.yaml")
    assert doc.positions[("b", "d")] == (2, 14)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1", 1),
        ("-7", -7),
        ("0x1F", 31),
        ("2.5", 2.5),
        ("1e3", 1000.0),
        ("true", True),
        ("False", False),
        ("~", None),
        ("null", None),
        ("", None),
        ("yes", "yes"),
        ("no", "no"),
        ("on", "on"),
        ("8:00", "8:00"),
        ("2024-05-01", "2024-05-01"),
        ("1_000", "1_000"),
        ("'1'", "1"),
        ('"true"', "true"),
        ("!!str 5", "5"),
        ("!!int '5'", 5),
        ("!!float 2", 2.0),
        ("!!bool true", True),
        ("!!null ''", None),
    ],
)
def test_scalars_follow_plain_yaml_core_rules(text: str, value: object) -> None:
    assert load_yaml(f"v: {text}\n", "f.yaml").data["v"] == value


@pytest.mark.parametrize("text", [".inf", "-.Inf", ".nan", "!!float .inf"])
def test_infinity_and_nan_are_read_as_floats_but_refused(text: str) -> None:
    value = source.implicit_scalar(text.removeprefix("!!float "))
    assert isinstance(value, float) and not math.isfinite(value)
    problem = only_problem(f"v: {text}\n")
    assert (problem.line, problem.column) == (1, 4)
    assert problem.message.endswith("is not a finite number")


def test_merge_keys_copy_an_anchored_map_and_explicit_keys_win() -> None:
    text = "base: &b {x: 1, y: 2}\nother:\n  <<: *b\n  y: 3\nboth:\n  <<: [*b, {z: 4}]\n"
    data = load_yaml(text, "f.yaml").data
    assert data["other"] == {"y": 3, "x": 1}
    assert data["both"] == {"x": 1, "y": 2, "z": 4}


def test_merge_of_something_else_than_a_map_is_refused() -> None:
    problem = only_problem("a:\n  <<: 5\n")
    assert (problem.line, problem.column) == (2, 7)
    assert "'<<' must be followed by a map" in problem.message


def test_aliases_repeat_values_and_their_positions(loader: str) -> None:
    doc = load_yaml("a: &x {k: v}\nb: *x\n", "f.yaml")
    assert doc.data["b"] == {"k": "v"}
    assert doc.data["b"] is not doc.data["a"]
    assert doc.positions[("b", "k")] == (1, 11)


# --- refused documents ----------------------------------------------------------------


def test_duplicate_keys_are_refused_at_the_second_key(loader: str) -> None:
    problem = only_problem("a: 1\nb: 2\na: 3\n")
    assert problem.format() == (
        "f.yaml:3:1: error: duplicate key 'a' (first at line 1) (hint: keep only one of them)"
    )


def test_every_duplicate_and_bad_key_is_reported_at_once() -> None:
    found = problems("a: 1\na: 2\n1: x\nb:\n  c: 1\n  c: 2\n")
    assert [(p.line, p.column) for p in found] == [(2, 1), (3, 1), (6, 3)]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("1: a\n", "a key must be text, not a number (1)"),
        ("true: a\n", "a key must be text, not true/false"),
        ("~: a\n", "a key must be text, not an empty value"),
        ("? [x]\n: a\n", "a key must be text, not a list"),
        ("? {x: 1}\n: a\n", "a key must be text, not a map"),
    ],
)
def test_keys_must_be_text(text: str, words: str) -> None:
    assert only_problem(text).message == words


def test_a_number_key_gets_a_quoting_hint() -> None:
    assert only_problem("2024: a\n").hint == "put it in quotes: '2024'"


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("a: !!python/object:os.system x\n", 4, "unsupported tag '!!python/object:os.system'"),
        ("a: !!python/object/apply:os.system [ls]\n", 4, "unsupported tag"),
        ("a: !custom {x: 1}\n", 4, "unsupported tag '!custom'"),
        ("a: !!binary aGk=\n", 4, "unsupported tag '!!binary'"),
        ("a: !!set {x}\n", 4, "unsupported tag '!!set'"),
        ("a: !!int x\n", 4, "'x' is not a whole number"),
        ("a: !!float x\n", 4, "'x' is not a number"),
        ("a: !!bool yes\n", 4, "'yes' is not true or false"),
        ("a: !!null x\n", 4, "'x' is not empty (null)"),
    ],
)
def test_tags_other_than_plain_yaml_types_are_refused(
    loader: str, text: str, column: int, words: str
) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == (1, column)
    assert words in problem.message


@pytest.mark.parametrize(
    ("text", "position", "words", "hint"),
    [
        ("a: b: c\n", (1, 5), "mapping values are not allowed", "put the value in quotes"),
        ("a:\n\tb: 1\n", (2, 1), "cannot start any token", "spaces, not tabs"),
        ("a: 'abc\nb: 2\n", (3, 1), "unexpected end of stream", "not closed"),
        ("a: [1, 2\n", (2, 1), "YAML syntax error", None),
        ("a:\n  - x\n  y: 1\n", (3, 3), "YAML syntax error", None),
    ],
)
def test_syntax_errors_point_at_the_problem_mark(
    loader: str, text: str, position: tuple[int, int], words: str, hint: str | None
) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == position
    assert problem.message.startswith("YAML syntax error: ")
    assert words in problem.message
    if hint is not None:
        assert problem.hint is not None and hint in problem.hint


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n", "~\n", "\n\n"])
def test_an_empty_file_is_refused(text: str) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column, problem.message) == (1, 1, "the file is empty")


def test_more_than_one_document_is_refused(loader: str) -> None:
    problem = only_problem("a: 1\n---\nb: 2\n")
    assert (problem.line, problem.column) == (2, 1)
    assert "more than one YAML document" in problem.message


@pytest.mark.parametrize(
    ("text", "kind"),
    [("- a\n- b\n", "a list"), ("hello\n", "a text ('hello')"), ("5\n", "a number")],
)
def test_the_top_level_must_be_a_map(text: str, kind: str) -> None:
    problem = only_problem(text)
    assert problem.message.startswith("the top level must be a map of fields")
    assert kind in problem.message


@pytest.mark.parametrize(
    ("text", "position", "code"),
    [("a: b\x07\n", (1, 5), "U+0007"), ("a: ok\nb: \x00\n", (2, 4), "U+0000")],
)
def test_characters_yaml_forbids_are_refused_with_their_position(
    text: str, position: tuple[int, int], code: str
) -> None:
    problem = only_problem(text)
    assert (problem.line, problem.column) == position
    assert code in problem.message


def test_lone_surrogates_are_refused() -> None:
    assert "U+D800" in only_problem("a: \ud800\n").message


def test_text_that_is_not_a_string_is_refused() -> None:
    not_text: object = b"a: 1"
    assert only_problem(not_text).message == "the file content is not text"  # type: ignore[arg-type]


# --- limits -----------------------------------------------------------------------------


def test_text_over_the_size_limit_is_refused_before_parsing() -> None:
    problem = only_problem("a: " + "x" * 200 + "\n", Limits(max_bytes=100))
    assert problem.message == "the file is too large (more than 100 bytes)"


def test_size_is_counted_in_utf8_bytes() -> None:
    problem = only_problem("a: " + "中" * 40 + "\n", Limits(max_bytes=100))
    assert problem.message == "the file is too large (124 bytes; the limit is 100)"


def test_billion_laughs_fails_fast_with_a_problem(loader: str) -> None:
    problem = only_problem(laughs(9))
    assert "expands to more than 200000 values" in problem.message
    assert problem.hint is not None and "aliases" in problem.hint


def test_a_few_aliases_are_fine() -> None:
    assert len(load_yaml(laughs(3), "f.yaml").data["l2"]) == 10


def test_deep_block_nesting_fails_fast_with_a_problem(loader: str) -> None:
    text = "".join("  " * depth + f"k{depth}:\n" for depth in range(200)) + "  " * 200 + "v\n"
    problem = only_problem(text)
    assert problem.message == "values are nested more than 64 levels deep"
    assert problem.line == 65


@pytest.mark.parametrize("depth", [65, 999, 100_000])
def test_deep_flow_nesting_fails_fast_with_a_problem(loader: str, depth: int) -> None:
    problem = only_problem("a: " + "[" * depth + "]" * depth + "\n")
    assert problem.line == 1 and problem.column >= 1


def test_nesting_at_the_limit_is_fine() -> None:
    depth = 63  # plus the top-level map: 64 levels
    data = load_yaml("a: " + "[" * depth + "]" * depth + "\n", "f.yaml").data
    assert isinstance(data["a"], list)


def test_aliases_cannot_nest_deeper_than_the_limit() -> None:
    text = "a: &a [[[[[[[[[[x]]]]]]]]]]\n" + "".join(
        f"b{n}: &b{n} [[[[[[[[[[*{'a' if n == 0 else f'b{n - 1}'}]]]]]]]]]]\n" for n in range(8)
    )
    assert "nested more than 64 levels" in only_problem(text).message


def test_node_limit_counts_values_in_the_text() -> None:
    text = "a: [" + ", ".join(["1"] * 50) + "]\n"
    assert "more than 20 values" in only_problem(text, Limits(max_nodes=20)).message


@pytest.mark.parametrize("text", ["a: &x [*x]\n", "a: *nothing\n", "a: &x {b: *x}\n"])
def test_recursive_or_undefined_aliases_are_refused(loader: str, text: str) -> None:
    problem = only_problem(text)
    assert "has no anchor" in problem.message
    assert problem.hint is not None and "cannot point into its own anchor" in problem.hint

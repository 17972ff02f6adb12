"""The YAML examples of docs/scenario-format.md are valid, and the page covers the format.

Each fenced ```yaml block of the page is preceded by an HTML comment saying what it is:

- `<!-- model: Effect -->`: a whole Effect, or a list of them (each item is checked).
  `Scenario` examples are checked with the standard ruleset, cross-references included;
  `Ruleset` examples are checked on their own, cross-references included.
- `<!-- fragment: Action -->`: a map of some fields of Action, each checked on its own.
- `<!-- invalid: Effect -->`: an example of a mistake; it must be refused.
- `<!-- output: /tmp/x.yaml -->` before a ```text block: what `drill validate` prints
  for the Scenario example just above it (valid or invalid), saved at that path.

Blocks are read with Drill's own safe YAML reader, so they mean what they would mean in
a scenario file.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import textwrap
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

from drill.scenario import language, models
from drill.scenario.bundle import build_bundle
from drill.scenario.crossref import check_ruleset
from drill.scenario.parse import parse_ruleset
from drill.scenario.problems import ScenarioError
from drill.scenario.refs import METRIC_PARTS
from drill.scenario.source import load_yaml
from drill.scenario.text import Text

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "scenario-format.md"
STANDARD = ROOT / "rulesets" / "standard.yaml"

MODELS: dict[str, Any] = {
    name: value
    for module in (models, language)
    for name, value in vars(module).items()
    if isinstance(value, type) and issubclass(value, BaseModel) and not name.startswith("_")
}
MODELS["Text"] = Text

_MARKER = re.compile(r"<!--\s*(model|fragment|invalid|output):\s*(\S+)\s*-->")
_FENCE = re.compile(r"^```(\w*)\s*$")


@dataclass(frozen=True)
class Block:
    """One fenced code block of the page, with the marker in front of it."""

    line: int
    lang: str
    text: str
    marker: str | None
    name: str | None

    @property
    def where(self) -> str:
        return f"docs/scenario-format.md (example at line {self.line})"


def read_blocks(markdown: str) -> list[Block]:
    """Every fenced code block, with the marker comment on the nearest line above it."""
    lines = markdown.splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        start = index
        index += 1
        while not lines[index].startswith("```"):
            index += 1
        marker = _marker_above(lines, start)
        text = "\n".join(lines[start + 1 : index]) + "\n"
        kind, name = marker if marker else (None, None)
        blocks.append(Block(start + 2, opening.group(1), text, kind, name))
        index += 1
    return blocks


def _marker_above(lines: list[str], fence: int) -> tuple[str, str] | None:
    above = fence - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    found = _MARKER.search(lines[above]) if above >= 0 else None
    return (found.group(1), found.group(2)) if found else None


BLOCKS = read_blocks(DOC.read_text(encoding="utf-8"))
YAML_BLOCKS = [b for b in BLOCKS if b.lang == "yaml"]


def _id(block: Block) -> str:
    return f"line{block.line}-{block.marker}-{block.name}"


def blocks_marked(*kinds: str) -> list[Any]:
    """Pytest parameters for the YAML blocks with one of these markers."""
    chosen = [b for b in YAML_BLOCKS if b.marker in kinds]
    return [pytest.param(b, id=_id(b)) for b in chosen]


# --- reading and checking one block ------------------------------------------------


def read_yaml(block: Block) -> Any:
    """The block's value, read as it would be inside a scenario file."""
    wrapped = "example:\n" + textwrap.indent(block.text, "  ")
    try:
        return load_yaml(wrapped, block.where).data["example"]
    except ScenarioError as error:
        pytest.fail(f"{block.where}: not readable YAML:\n{error}")


def _is_list_type(annotation: Any) -> bool:
    return typing.get_origin(annotation) is list


def _adapter(annotation: Any) -> TypeAdapter[Any]:
    return TypeAdapter(annotation)


def _items(model: Any, data: Any) -> list[Any]:
    if isinstance(data, list) and not _is_list_type(model):
        return data
    return [data]


def validate_items(block: Block, model: Any) -> list[Any]:
    """Validate the block (each item, for a list) with `model`; the validated values."""
    return [_adapter(model).validate_python(item) for item in _items(model, read_yaml(block))]


def field_annotation(model: type[BaseModel], key: str) -> Any:
    """The type of the field named `key` (or aliased `key`) of `model`."""
    for name, info in model.model_fields.items():
        if key in (name, info.alias):
            return info.annotation
    raise AssertionError(f"{model.__name__} has no field '{key}'")


def validate_fragment(block: Block, model: type[BaseModel]) -> None:
    """Validate each top-level key of the block as the field of `model` it names."""
    data = read_yaml(block)
    assert isinstance(data, dict), f"{block.where}: a fragment must be a map of fields"
    for key, value in data.items():
        try:
            _adapter(field_annotation(model, key)).validate_python(value)
        except (ValidationError, AssertionError) as error:
            pytest.fail(f"{block.where}: field '{key}' of {model.__name__}:\n{error}")


def check_scenario(block: Block) -> None:
    """A whole scenario, checked with the standard ruleset as `drill validate` would."""
    ruleset_text = STANDARD.read_text(encoding="utf-8")
    try:
        bundle = build_bundle(block.text, block.where, ruleset_text, str(STANDARD))
    except ScenarioError as error:
        pytest.fail(f"the scenario example is not valid:\n{error}")
    assert not bundle.warnings, "\n".join(p.format() for p in bundle.warnings)


def check_ruleset_text(block: Block) -> None:
    """A whole ruleset, cross-references included."""
    try:
        ruleset, positions = parse_ruleset(block.text, block.where)
    except ScenarioError as error:
        pytest.fail(f"the ruleset example is not valid:\n{error}")
    problems = check_ruleset(ruleset, positions, block.where)
    assert not problems, "\n".join(p.format() for p in problems)


def model_of(block: Block) -> Any:
    assert block.name in MODELS, f"{block.where}: unknown model '{block.name}'"
    return MODELS[block.name]


# --- the examples ---------------------------------------------------------------------


@pytest.mark.parametrize("block", blocks_marked("model"))
def test_model_example_is_valid(block: Block) -> None:
    model = model_of(block)
    if model is models.Scenario:
        check_scenario(block)
    elif model is models.Ruleset:
        check_ruleset_text(block)
    else:
        try:
            validate_items(block, model)
        except ValidationError as error:
            pytest.fail(f"{block.where}: not a valid {block.name}:\n{error}")


@pytest.mark.parametrize("block", blocks_marked("fragment"))
def test_fragment_example_is_valid(block: Block) -> None:
    validate_fragment(block, model_of(block))


@pytest.mark.parametrize("block", blocks_marked("invalid"))
def test_invalid_example_is_refused(block: Block) -> None:
    model = model_of(block)
    if model is models.Scenario:
        ruleset_text = STANDARD.read_text(encoding="utf-8")
        with pytest.raises(ScenarioError):
            build_bundle(block.text, block.where, ruleset_text, str(STANDARD))
        return
    with pytest.raises(ValidationError):
        validate_items(block, model)


def _output_pairs() -> list[Any]:
    """(scenario example, shown output) pairs: each output follows its scenario."""
    pairs = []
    for index, block in enumerate(BLOCKS):
        if block.marker == "output":
            source = BLOCKS[index - 1]
            where = f"{block.where}: output must follow a Scenario example"
            assert source.name == "Scenario" and source.marker in ("model", "invalid"), where
            pairs.append(pytest.param(source, block, id=f"line{block.line}"))
    return pairs


_PROBLEM = re.compile(r"^\S+:\d+:\d+: (error|warning): ")
_RULESET_PATH = re.compile(r"^\S*rulesets/standard\.yaml(?=:)")
_REPASTE = "re-run the command shown and paste its output into the page"


def _normalised(lines: list[str]) -> tuple[list[str], list[str]]:
    """Problem lines (sorted, ruleset path made relative) and the other lines, in order."""
    problems = [_RULESET_PATH.sub("rulesets/standard.yaml", x) for x in lines if _PROBLEM.match(x)]
    others = [x for x in lines if not _PROBLEM.match(x) and not x.startswith("$ ")]
    return sorted(problems), others


@pytest.mark.parametrize(("source", "output"), _output_pairs())
def test_shown_command_checks_the_file_named(source: Block, output: Block) -> None:
    commands = [x for x in output.text.splitlines() if x.startswith("$ ")]
    assert commands == [f"$ drill validate {output.name}"]


@pytest.mark.parametrize(("source", "output"), _output_pairs())
def test_shown_problems_are_what_the_checker_finds(source: Block, output: Block) -> None:
    assert output.name is not None
    ruleset_text = STANDARD.read_text(encoding="utf-8")
    try:
        bundle = build_bundle(source.text, output.name, ruleset_text, str(STANDARD))
        lines = [problem.format() for problem in bundle.warnings]
    except ScenarioError as error:
        lines = str(error).splitlines()
    found, _ = _normalised(lines)
    shown, _ = _normalised(output.text.splitlines())
    assert found == shown, _REPASTE


@pytest.mark.parametrize(("source", "output"), _output_pairs())
def test_shown_output_is_what_drill_validate_prints(
    source: Block, output: Block, tmp_path: Path
) -> None:
    if importlib.util.find_spec("drill.cli.main") is None:
        pytest.skip("the drill command is not built yet")
    assert output.name is not None
    shown_path = Path(output.name)
    path = tmp_path / shown_path.name
    path.write_text(source.text, encoding="utf-8")
    command = [sys.executable, "-m", "drill", "validate", str(path)]
    run = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, check=False)
    assert run.returncode == (1 if source.marker == "invalid" else 0), run.stdout + run.stderr
    printed = (run.stdout + run.stderr).replace(str(path), str(shown_path))
    assert _normalised(printed.splitlines()) == _normalised(output.text.splitlines()), _REPASTE


# --- the page as a whole ----------------------------------------------------------------


def test_every_yaml_block_says_what_it_is() -> None:
    unmarked = [b.where for b in YAML_BLOCKS if b.marker not in ("model", "fragment", "invalid")]
    assert not unmarked, "YAML blocks without a <!-- model: X --> marker: " + ", ".join(unmarked)


def test_there_is_a_complete_scenario_and_ruleset() -> None:
    names = {b.name for b in YAML_BLOCKS if b.marker == "model"}
    assert {"Scenario", "Ruleset"} <= names


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    elif origin in (list, dict, tuple, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            yield from _models_in(arg)


def all_models() -> list[type[BaseModel]]:
    """Every model reachable from a scenario or a ruleset."""
    seen: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [models.Scenario, models.Ruleset]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            todo.extend(_models_in(info.annotation))
    return seen


def _in_code(word: str, markdown: str) -> bool:
    return re.search(rf"`[^`\n]*(?<![\w$]){re.escape(word)}(?!\w)[^`\n]*`", markdown) is not None


@pytest.mark.parametrize("model", all_models(), ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    markdown = DOC.read_text(encoding="utf-8")
    names = [info.alias or name for name, info in model.model_fields.items()]
    missing = [name for name in names if not _in_code(name, markdown)]
    assert not missing, f"fields of {model.__name__} not on the page: {missing}"


def _keys(values: list[Any]) -> set[str]:
    keys: set[str] = set()
    for value in values:
        fields = type(value).model_fields
        keys |= {info.alias or n for n, info in fields.items() if getattr(value, n) is not None}
    return keys


def _examples_of(name: str) -> list[Any]:
    values: list[Any] = []
    for block in YAML_BLOCKS:
        if block.marker == "model" and block.name == name:
            values.extend(validate_items(block, MODELS[name]))
    return values


def test_every_effect_kind_has_an_example() -> None:
    kinds = {info.alias or n for n, info in language.Effect.model_fields.items()}
    assert kinds <= _keys(_examples_of("Effect"))


def test_every_condition_kind_has_an_example() -> None:
    kinds = {info.alias or n for n, info in language.Condition.model_fields.items()}
    assert kinds <= _keys(_examples_of("Condition"))


def test_every_metric_has_an_example() -> None:
    metrics = [c.metric.name for c in _examples_of("Condition") if c.metric is not None]
    assert set(METRIC_PARTS) <= {name.split(".")[0] for name in metrics}


def test_every_action_kind_and_target_has_an_example() -> None:
    actions = _examples_of("Action")
    assert set(typing.get_args(models.ActionKind)) <= {a.kind for a in actions}
    assert set(typing.get_args(models.TargetKind)) <= {a.target for a in actions}


def _slug(heading: str) -> str:
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def test_links_within_the_page_lead_to_headings() -> None:
    markdown = DOC.read_text(encoding="utf-8")
    outside = re.sub(r"^```.*?^```", "", markdown, flags=re.S | re.M)
    headings = re.findall(r"^#{1,6} (.+)$", outside, flags=re.M)
    slugs = {_slug(h) for h in headings}
    broken = [a for a in re.findall(r"\]\(#([^)]+)\)", markdown) if a not in slugs]
    assert not broken, f"links to missing headings: {broken}"

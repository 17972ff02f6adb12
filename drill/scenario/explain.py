"""Pydantic validation errors rewritten in plain words, each at its place in the file."""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from drill.scenario.problems import Problem
from drill.scenario.source import Loc, Positions

_TYPE_ERRORS = {
    "string_type",
    "int_type",
    "int_parsing",
    "int_from_float",
    "float_type",
    "float_parsing",
    "bool_type",
    "bool_parsing",
    "list_type",
    "tuple_type",
    "dict_type",
    "model_type",
    "model_attributes_type",
    "literal_error",
    "none_required",
}
_EXPECTED = {
    "string_type": "a text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a map (key: value)",
    "model_type": "a map of fields (key: value)",
    "model_attributes_type": "a map of fields (key: value)",
}
_BOUNDS = {
    "greater_than_equal": ("ge", "must be at least"),
    "greater_than": ("gt", "must be more than"),
    "less_than_equal": ("le", "must be at most"),
    "less_than": ("lt", "must be less than"),
}
_TAG_WORDS = {
    "str": "a text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
}


@dataclass(frozen=True)
class _Located:
    """A pydantic error with its place in the data and the union branch it came from."""

    error: ErrorDetails
    loc: Loc
    owner: type[BaseModel] | None
    union_loc: Loc | None = None
    branch: str = ""

    @property
    def specific(self) -> bool:
        """Whether the value matched the branch's shape and failed deeper or on a rule."""
        deeper = self.union_loc is not None and len(self.loc) > len(self.union_loc)
        return deeper or self.error["type"] not in _TYPE_ERRORS


def explain_errors(
    errors: Sequence[ErrorDetails], model: type[BaseModel], positions: Positions, path: str
) -> list[Problem]:
    """One Problem per error (one per union of alternatives), at the deepest known position."""
    located = [_locate(error, model) for error in errors]
    plain = [item for item in located if item.union_loc is None]
    problems = [_problem(item, positions, path) for item in plain]
    for group in _union_groups(located).values():
        problems.extend(_union_problems(group, positions, path))
    return problems


# --- locating an error in the data --------------------------------------------


def _locate(error: ErrorDetails, model: type[BaseModel]) -> _Located:
    tp: Any = model
    loc: list[str | int] = []
    owner: type[BaseModel] | None = None
    union_loc: Loc | None = None
    branch = ""
    for part in error["loc"]:
        tp = _without_none(tp)
        members = _union_members(tp)
        if members is not None or part == "[key]":
            if union_loc is None and members is not None:
                union_loc, branch = tuple(loc), str(part)
            tp = _member_for_tag(members or [], str(part))
            continue
        owner = tp if _is_model(tp) else None
        tp = _step(tp, part)
        loc.append(part)
    return _Located(error, tuple(loc), owner, union_loc, branch)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _is_union(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType)


def _without_none(tp: Any) -> Any:
    if not _is_union(tp):
        return tp
    args = [arg for arg in get_args(tp) if arg is not type(None)]
    return args[0] if len(args) == 1 else tp


def _union_members(tp: Any) -> list[Any] | None:
    return list(get_args(tp)) if _is_union(tp) else None


def _member_for_tag(members: list[Any], tag: str) -> Any:
    for member in members:
        origin = get_origin(member)
        if _is_model(member) and (tag == member.__name__ or tag.endswith(f" {member.__name__}]")):
            return member
        if origin is list and tag.startswith("list["):
            return member
        if origin is Literal and tag.startswith("literal["):
            return member
        if isinstance(member, type) and tag == member.__name__:
            return member
    return None


def _step(tp: Any, part: str | int) -> Any:
    if _is_model(tp):
        for name, info in tp.model_fields.items():
            if part in (name, info.alias):
                return info.annotation
        return None
    origin, args = get_origin(tp), get_args(tp)
    if origin is list and args:
        return args[0]
    if origin is dict and len(args) == 2:
        return args[1]
    if origin is tuple and args:
        index = part if isinstance(part, int) and part < len(args) else 0
        return args[index]
    return None


# --- unions: one problem for a value that fits none of the alternatives ---------


def _union_groups(located: list[_Located]) -> dict[Loc, list[_Located]]:
    groups: dict[Loc, list[_Located]] = {}
    for item in located:
        if item.union_loc is not None:
            groups.setdefault(item.union_loc, []).append(item)
    return groups


def _union_problems(group: list[_Located], positions: Positions, path: str) -> list[Problem]:
    branches: dict[str, list[_Located]] = {}
    for item in group:
        branches.setdefault(item.branch, []).append(item)
    for items in branches.values():
        if any(item.specific for item in items):
            return [_problem(item, positions, path) for item in items]
    first = group[0]
    loc = first.union_loc or ()
    wanted = " or ".join(dict.fromkeys(_tag_words(branch) for branch in branches))
    value = first.error["input"]
    message = f"{_subject(loc)} should be {wanted}, not {describe(value)}"
    hint = None
    if isinstance(value, str) and any(b.startswith("list[") for b in branches):
        hint = f"for a single item write [{value}]"
    line, column = positions.at(loc)
    return [Problem(path, line, column, message, hint=hint)]


def _tag_words(tag: str) -> str:
    if tag.endswith("LocalText]") or tag == "LocalText":
        return "a {zh: …, en: …} map"
    if tag.startswith("list["):
        return "a list"
    if tag.startswith("literal["):
        return " or ".join(re.findall(r"'[^']*'", tag)) or tag
    return _TAG_WORDS.get(tag, tag)


# --- one error in plain words ---------------------------------------------------


def _missing(loc: tuple[str | int, ...]) -> str:
    """'missing required field' naming where it is missing, e.g. in 'meta' or 'injects[2]'."""
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc[:-1])
    inside = f" in '{where.lstrip('.')}'" if where else ""
    return f"missing required field '{loc[-1]}'{inside}"


def _problem(item: _Located, positions: Positions, path: str) -> Problem:
    kind = item.error["type"]
    if kind == "extra_forbidden":
        line, column = positions.key_at(item.loc)
        message, hint = _unknown_field(item)
        return Problem(path, line, column, message, hint=hint)
    line, column = positions.at(item.loc)
    if kind == "missing":
        return Problem(path, line, column, _missing(item.loc))
    message, hint = _message(item)
    return Problem(path, line, column, message, hint=hint)


def _unknown_field(item: _Located) -> tuple[str, str | None]:
    name = str(item.loc[-1]) if item.loc else "?"
    allowed = [
        info.alias or field for field, info in (item.owner or BaseModel).model_fields.items()
    ]
    return f"unknown field '{name}'", did_you_mean(name, allowed, show_all=12)


def _message(item: _Located) -> tuple[str, str | None]:
    error, subject = item.error, _subject(item.loc)
    kind, ctx, value = error["type"], error.get("ctx") or {}, error["input"]
    if kind in ("value_error", "assertion_error"):
        return _strip_prefix(error["msg"]), None
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        text = f"{subject} must be {ctx.get('expected')}, not {describe(value)}"
        return text, did_you_mean(str(value), options, show_all=0)
    if kind in _EXPECTED:
        hint = f"for a single item write [{value}]" if kind == "list_type" else None
        hint = hint if isinstance(value, str) else None
        return f"{subject} should be {_EXPECTED[kind]}, not {describe(value)}", hint
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"{subject} {words} {_number(ctx.get(key))}, not {_number(value)}", None
    if kind in ("too_short", "too_long"):
        return _length_message(kind, subject, ctx), None
    return f"{subject}: {_lower_first(error['msg'])}", None


def _length_message(kind: str, subject: str, ctx: dict[str, Any]) -> str:
    if kind == "too_short":
        least = int(ctx.get("min_length", 1))
        return f"{subject} needs at least {least} item{'s' if least != 1 else ''}"
    most = int(ctx.get("max_length", 0))
    return f"{subject} has too many items (at most {most})"


def _subject(loc: Loc) -> str:
    if not loc:
        return "the file"
    last = loc[-1]
    if isinstance(last, int):
        owner = f" of '{loc[-2]}'" if len(loc) > 1 else ""
        return f"item {last + 1}{owner}"
    return f"'{last}'"


def _strip_prefix(message: str) -> str:
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    return message


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return describe(value) if not isinstance(value, int | float) else str(value)


def describe(value: Any) -> str:
    """A value as a non-programmer would name it: 'the text 'x'', 'a list', 'a map'."""
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {_number(value)}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a map"
    return type(value).__name__


def did_you_mean(word: str, choices: Sequence[str], show_all: int = 8) -> str | None:
    """A 'did you mean' hint, else the list of choices when there are at most `show_all`."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if choices and len(choices) <= show_all:
        return "expected one of: " + ", ".join(f"'{c}'" for c in choices)
    return None

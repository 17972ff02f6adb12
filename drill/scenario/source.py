"""Safe YAML reading: plain data, a position for every value, limits against hostile files."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml import events as ev

from drill.scenario.problems import Problem, ScenarioError

Loc = tuple[str | int, ...]
"""Where a value sits in a document: keys of maps and indexes of lists, from the top."""

Pos = tuple[int, int]
"""A 1-based (line, column)."""

_LOADER: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_YAML_TAG = "tag:yaml.org,2002:"
_STR, _INT, _FLOAT, _BOOL, _NULL = (_YAML_TAG + t for t in ("str", "int", "float", "bool", "null"))
_CONTAINER_TAGS = {None, "!", _YAML_TAG + "seq", _YAML_TAG + "map"}
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT_RE = re.compile(r"[-+]?[0-9]+|0x[0-9a-fA-F]+|0o[0-7]+")
_FLOAT_RE = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?")
_SPECIAL_FLOATS = {".inf": "inf", ".nan": "nan"}
_BAD_CHAR = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_CONTROL_CHAR = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 (but tab and newline), DEL and C1: a terminal acts on them, so no text may hold one."""
_CONTROL_NAMES = {
    0x00: "null",
    0x07: "bell",
    0x08: "backspace",
    0x0B: "vertical tab",
    0x0C: "form feed",
    0x0D: "carriage return",
    0x1B: "escape",
    0x7F: "delete",
    0x85: "next line",
    0x9B: "control sequence introducer",
    0x9D: "operating system command",
}
_SYNTAX_HINTS = {
    "mapping values are not allowed": "is there a ':' inside a value? put the value in quotes",
    "cannot start any token": "use spaces, not tabs, and quote values starting with @ or `",
    "could not find expected ':'": "a key is missing its ':' or the indentation is off",
    "did not find expected key": "check the indentation of this line and the one above",
    "did not find expected '-'": "check the indentation of this list",
    "found unexpected end of stream": "a quote or bracket is not closed",
    "found undefined tag handle": "remove the '!' tag in front of the value",
}


class Positions(dict[Loc, Pos]):
    """Where each value of a document starts; `key_positions` holds where map keys start."""

    def __init__(self) -> None:
        super().__init__()
        self.key_positions: dict[Loc, Pos] = {}

    def at(self, loc: Sequence[str | int]) -> Pos:
        """Position of the value at `loc`, or of its deepest known ancestor, or (1, 1)."""
        path = tuple(loc)
        while path:
            found = self.get(path)
            if found is not None:
                return found
            path = path[:-1]
        return self.get((), (1, 1))

    def key_at(self, loc: Sequence[str | int]) -> Pos:
        """Position of the map key naming the value at `loc`, else as `at`."""
        return self.key_positions.get(tuple(loc)) or self.at(loc)


@dataclass(frozen=True)
class Limits:
    """Bounds that keep a hostile or broken file from hanging or exhausting the program."""

    max_bytes: int = 2_000_000
    max_depth: int = 64
    max_nodes: int = 200_000


@dataclass(frozen=True)
class Document:
    """A YAML document as plain data, with the position of every value."""

    data: dict[str, Any]
    positions: Positions = field(default_factory=Positions)


class _Stop(Exception):
    """Reading cannot go on; carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Node:
    """A composed YAML node: a scalar (already a Python value), a sequence or a mapping."""

    __slots__ = ("column", "kind", "line", "text", "value")

    def __init__(self, kind: str, value: Any, mark: Any, text: str = "") -> None:
        self.kind = kind
        self.value = value
        self.text = text
        self.line: int = mark.line + 1
        self.column: int = mark.column + 1


def load_yaml(text: str, path: str, limits: Limits = Limits()) -> Document:
    """Read one YAML document whose top level is a map; raise ScenarioError if it cannot be."""
    try:
        _check_text(text, path, limits)
        root, problems = _Composer(path, limits).compose(text)
        data, positions, walk_problems = _Walker(path, limits).document(root)
    except _Stop as stop:
        raise ScenarioError([stop.problem]) from None
    if problems or walk_problems:
        raise ScenarioError(problems + walk_problems)
    return Document(data, positions)


def _check_text(text: str, path: str, limits: Limits) -> None:
    if not isinstance(text, str):
        raise _Stop(Problem(path, 1, 1, "the file content is not text"))
    if len(text) > limits.max_bytes:  # every character is at least one byte
        message = f"the file is too large (more than {limits.max_bytes} bytes)"
        raise _Stop(Problem(path, 1, 1, message))
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        message = f"the file is too large ({size} bytes; the limit is {limits.max_bytes})"
        raise _Stop(Problem(path, 1, 1, message))
    bad = _BAD_CHAR.search(text)
    if bad:
        line, column = offset_position(text, bad.start())
        code = f"U+{ord(bad.group()):04X}"
        message = f"the file contains a character YAML does not allow ({code})"
        raise _Stop(Problem(path, line, column, message, hint="delete it or retype the line"))


def control_problem(text: str) -> str | None:
    """Why `text` cannot be used as text (it holds a control character), or None if it can."""
    found = _CONTROL_CHAR.search(text)
    if found is None:
        return None
    code = ord(found.group())
    name = _CONTROL_NAMES.get(code, "a control character")
    return f"U+{code:04X} ({name}) is not allowed in text"


LARGEST = 2**63 - 1
"""The largest number a file may hold (a seed fits; anything stored fits in SQLite)."""


def number_problem(value: Any, text: str) -> str | None:
    """Why a number cannot be used (not finite, or beyond +-LARGEST), or None if it can."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return f"'{text}' is not a finite number"
    if abs(value) > LARGEST:
        return f"'{text[:30]}' is too large (numbers must be between -{LARGEST} and {LARGEST})"
    return None


def offset_position(text: str, offset: int) -> Pos:
    """1-based (line, column) of a character offset in `text`."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _events(text: str, path: str) -> Iterator[ev.Event]:
    try:
        yield from yaml.parse(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as error:
        raise _Stop(_syntax_problem(error, path)) from None
    except yaml.YAMLError as error:
        position = getattr(error, "position", 0)
        line, column = offset_position(text, position if isinstance(position, int) else 0)
        raise _Stop(Problem(path, line, column, f"cannot read the file: {error}")) from None


def _syntax_problem(error: yaml.MarkedYAMLError, path: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or error.context or "not valid YAML"
    hint = next((h for key, h in _SYNTAX_HINTS.items() if key in problem), None)
    if hint is None and error.context:
        hint = error.context
    return Problem(path, line, column, f"YAML syntax error: {problem}", hint=hint)


def _tag_name(tag: str) -> str:
    return "!!" + tag.removeprefix(_YAML_TAG) if tag.startswith(_YAML_TAG) else tag


def implicit_scalar(text: str) -> Any:
    """The value of a plain (unquoted) scalar: null, bool, int, float or the text itself."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if not text or text[0] not in "+-.0123456789":
        return text
    if _INT_RE.fullmatch(text):
        try:
            return int(text, 0) if text[:2] in ("0x", "0o") else int(text)
        except ValueError:
            return text
    if _FLOAT_RE.fullmatch(text):
        return float(text)
    special = _SPECIAL_FLOATS.get(text.lstrip("+-").lower())
    if special is not None:
        return float(("-" if text.startswith("-") else "") + special)
    return text


def _tagged_scalar(text: str, tag: str) -> tuple[Any, str | None]:
    """The value of a scalar with an explicit tag, and a problem message if it is refused."""
    if tag in ("!", _STR):
        return text, None
    value = implicit_scalar(text)
    kind = type(value)
    if tag == _INT:
        return (value, None) if kind is int else (text, f"'{text}' is not a whole number")
    if tag == _FLOAT:
        ok = kind in (int, float)
        return (float(value), None) if ok else (text, f"'{text}' is not a number")
    if tag == _BOOL:
        return (value, None) if kind is bool else (text, f"'{text}' is not true or false")
    if tag == _NULL:
        return (None, None) if value is None else (text, f"'{text}' is not empty (null)")
    return text, f"unsupported tag '{_tag_name(tag)}'"


class _Composer:
    """Builds a node graph from parser events, without recursion, within the limits."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.stack: list[tuple[_Node, str | None]] = []
        self.anchors: dict[str, _Node] = {}
        self.root: _Node | None = None
        self.documents = 0
        self.nodes = 0
        self.problems: list[Problem] = []

    def compose(self, text: str) -> tuple[_Node | None, list[Problem]]:
        """The root node (None for an empty file) and the problems found on the way."""
        handlers: dict[type[ev.Event], Callable[[Any], None]] = {
            ev.ScalarEvent: self._scalar,
            ev.AliasEvent: self._alias,
            ev.SequenceStartEvent: self._start,
            ev.MappingStartEvent: self._start,
            ev.SequenceEndEvent: self._end,
            ev.MappingEndEvent: self._end,
            ev.DocumentStartEvent: self._document,
        }
        for event in _events(text, self.path):
            handler = handlers.get(type(event))
            if handler is not None:
                handler(event)
        return self.root, self.problems

    def _problem(self, mark: Any, message: str, hint: str | None = None) -> Problem:
        return Problem(self.path, mark.line + 1, mark.column + 1, message, hint=hint)

    def _document(self, event: ev.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            message = "the file holds more than one YAML document"
            hint = "keep one document; remove the extra '---' line"
            raise _Stop(self._problem(event.start_mark, message, hint))

    def _count(self, mark: Any) -> None:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes:
            message = f"the file has more than {self.limits.max_nodes} values"
            raise _Stop(self._problem(mark, message))

    def _scalar(self, event: ev.ScalarEvent) -> None:
        self._count(event.start_mark)
        text, tag = event.value, event.tag
        kind = "scalar"
        if tag is None:
            plain = event.implicit[0]
            value = implicit_scalar(text) if plain else text
            kind = "merge" if plain and text == "<<" else kind
        else:
            value, refused = _tagged_scalar(text, tag)
            if refused:
                hint = "remove the tag; only plain YAML values are allowed"
                self.problems.append(self._problem(event.start_mark, refused, hint))
        wrong = number_problem(value, text)
        if wrong:
            self.problems.append(self._problem(event.start_mark, wrong, "use a smaller number"))
        control = control_problem(text)
        if control:
            hint = "delete it; in quotes, a backslash escape such as \\e or \\a makes one"
            self.problems.append(self._problem(event.start_mark, control, hint))
        self._add(_Node(kind, value, event.start_mark, text), event.anchor)

    def _alias(self, event: ev.AliasEvent) -> None:
        self._count(event.start_mark)
        node = self.anchors.get(event.anchor or "")
        if node is None:
            message = f"alias '*{event.anchor}' has no anchor '&{event.anchor}' before it"
            hint = "an anchor must come first, and an alias cannot point into its own anchor"
            raise _Stop(self._problem(event.start_mark, message, hint))
        self._add(node, None)

    def _start(self, event: ev.SequenceStartEvent | ev.MappingStartEvent) -> None:
        self._count(event.start_mark)
        if event.tag not in _CONTAINER_TAGS:
            message = f"unsupported tag '{_tag_name(event.tag or '')}'"
            hint = "remove the tag; only plain YAML values are allowed"
            self.problems.append(self._problem(event.start_mark, message, hint))
        kind = "seq" if isinstance(event, ev.SequenceStartEvent) else "map"
        self.stack.append((_Node(kind, [], event.start_mark), event.anchor))
        if len(self.stack) > self.limits.max_depth:
            message = f"values are nested more than {self.limits.max_depth} levels deep"
            raise _Stop(self._problem(event.start_mark, message))

    def _end(self, event: ev.CollectionEndEvent) -> None:
        node, anchor = self.stack.pop()
        self._add(node, anchor)

    def _add(self, node: _Node, anchor: str | None) -> None:
        if anchor is not None:
            self.anchors[anchor] = node
        if self.stack:
            self.stack[-1][0].value.append(node)
        else:
            self.root = node


class _Walker:
    """Turns a node graph into plain data and positions, counting every value visited."""

    def __init__(self, path: str, limits: Limits) -> None:
        self.path = path
        self.limits = limits
        self.positions = Positions()
        self.problems: list[Problem] = []
        self.visits = 0

    def document(self, root: _Node | None) -> tuple[dict[str, Any], Positions, list[Problem]]:
        """The top-level map, its positions and the problems found."""
        if root is None or (root.kind == "scalar" and root.value is None):
            raise _Stop(Problem(self.path, 1, 1, "the file is empty"))
        if root.kind != "map":
            message = f"the top level must be a map of fields (key: value), not {_kind(root)}"
            raise _Stop(Problem(self.path, root.line, root.column, message))
        data = self._value(root, (), 0)
        return data, self.positions, self.problems

    def _problem(self, node: _Node, message: str, hint: str | None = None) -> Problem:
        return Problem(self.path, node.line, node.column, message, hint=hint)

    def _visit(self, node: _Node, depth: int) -> None:
        self.visits += 1
        if self.visits > self.limits.max_nodes:
            message = f"the file expands to more than {self.limits.max_nodes} values"
            hint = "aliases (*name) repeating large parts multiply the size; use fewer"
            raise _Stop(self._problem(node, message, hint))
        if depth > self.limits.max_depth:
            message = f"values are nested more than {self.limits.max_depth} levels deep"
            raise _Stop(self._problem(node, message, "aliases inside aliases add depth"))

    def _value(self, node: _Node, loc: Loc, depth: int) -> Any:
        self._visit(node, depth)
        self.positions[loc] = (node.line, node.column)
        if node.kind == "seq":
            return [self._value(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        if node.kind == "map":
            out: dict[str, Any] = {}
            self._pairs(node, loc, depth, out, explicit=True)
            return out
        return node.value

    def _pairs(
        self, node: _Node, loc: Loc, depth: int, out: dict[str, Any], explicit: bool
    ) -> None:
        items: list[_Node] = node.value
        merges = []
        for key_node, value_node in zip(items[::2], items[1::2], strict=True):
            if key_node.kind == "merge":
                merges.append(value_node)
                continue
            key = self._key(key_node)
            if key is None:
                continue
            if key in out:
                if explicit:
                    self._duplicate(key_node, (*loc, key))
                continue
            self.positions.key_positions[(*loc, key)] = (key_node.line, key_node.column)
            out[key] = self._value(value_node, (*loc, key), depth + 1)
        for source in merges:
            self._merge(source, loc, depth, out)

    def _key(self, node: _Node) -> str | None:
        self._visit(node, 0)
        if node.kind in ("scalar", "merge") and isinstance(node.value, str):
            return node.value
        hint = f"put it in quotes: '{node.text}'" if node.kind == "scalar" else None
        message = f"a key must be text, not {_kind(node)}"
        self.problems.append(self._problem(node, message, hint))
        return None

    def _duplicate(self, node: _Node, loc: Loc) -> None:
        first = self.positions.key_positions.get(loc, (node.line, node.column))
        message = f"duplicate key '{loc[-1]}' (first at line {first[0]})"
        self.problems.append(self._problem(node, message, "keep only one of them"))

    def _merge(self, source: _Node, loc: Loc, depth: int, out: dict[str, Any]) -> None:
        self._visit(source, depth)
        parts = source.value if source.kind == "seq" else [source]
        for part in parts:
            if part.kind != "map":
                message = "'<<' must be followed by a map or a list of maps"
                self.problems.append(self._problem(part, message, "usually an alias: <<: *name"))
                continue
            self._pairs(part, loc, depth, out, explicit=False)


def _kind(node: _Node) -> str:
    if node.kind == "seq":
        return "a list"
    if node.kind == "map":
        return "a map"
    value = node.value
    if value is None:
        return "an empty value"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return f"a number ({node.text})"
    return f"a text ('{node.text[:30]}')"

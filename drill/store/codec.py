"""JSON for commands and events: exact round trips of the engine's frozen dataclasses."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from drill.engine import commands as command_module
from drill.engine import events as event_module
from drill.engine.commands import Command
from drill.engine.events import Event

TYPE_KEY = "type"
"""The key that names a command's or an event's class in its JSON object."""

Plain = Any
"""JSON-ready data: str, int, float, bool, None, lists and dicts of them."""

Decoder = Callable[[Plain], Any]
T = TypeVar("T")


class CodecError(ValueError):
    """Stored JSON that is not a command or event this version of Drill knows."""


def plain(value: Any) -> Plain:
    """`value` (a dataclass, pydantic model, tuple or scalar) as JSON-ready data."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_none=True)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise CodecError(f"cannot store a value of type {type(value).__name__}")


def _optional(inner: Decoder) -> Decoder:
    return lambda data: None if data is None else inner(data)


def _tuple_of(inner: Decoder) -> Decoder:
    return lambda data: tuple(inner(item) for item in _list(data))


def _fixed_tuple(parts: list[Decoder]) -> Decoder:
    return lambda data: tuple(d(item) for d, item in zip(parts, _list(data), strict=True))


def _list(data: Plain) -> list[Plain]:
    if not isinstance(data, list):
        raise CodecError(f"expected a list, found {type(data).__name__}")
    return data


def _scalar(kind: type) -> Decoder:
    def decode(data: Plain) -> Any:
        if kind is float and isinstance(data, int) and not isinstance(data, bool):
            return float(data)
        if not isinstance(data, kind) or (kind is int and isinstance(data, bool)):
            raise CodecError(f"expected {kind.__name__}, found {type(data).__name__}")
        return data

    return decode


def _model(kind: type[BaseModel]) -> Decoder:
    def decode(data: Plain) -> Any:
        try:
            return kind.model_validate(data)
        except ValidationError as error:
            raise CodecError(f"not a valid {kind.__name__}: {error}") from None

    return decode


def decoder_for(hint: Any) -> Decoder:
    """A function that turns JSON-ready data back into a value of type `hint`."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"unsupported union {hint}")
        return _optional(decoder_for(rest[0]))
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _tuple_of(decoder_for(args[0]))
        return _fixed_tuple([decoder_for(a) for a in args])
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        return _model(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _dataclass(hint)
    if hint in (str, int, float, bool):
        return _scalar(hint)
    raise TypeError(f"unsupported field type {hint}")


def _dataclass(kind: type[T]) -> Callable[[Plain], T]:
    hints = typing.get_type_hints(kind)
    names = [f.name for f in dataclasses.fields(kind)]  # type: ignore[arg-type]
    field_decoders = {name: decoder_for(hints[name]) for name in names}

    def decode(data: Plain) -> T:
        if not isinstance(data, dict):
            raise CodecError(f"{kind.__name__}: expected an object")
        unknown = set(data) - set(field_decoders) - {TYPE_KEY}
        if unknown:
            raise CodecError(f"{kind.__name__}: unknown fields {sorted(unknown)}")
        try:
            values = {k: field_decoders[k](v) for k, v in data.items() if k != TYPE_KEY}
            return kind(**values)
        except TypeError as error:
            raise CodecError(f"{kind.__name__}: {error}") from None

    return decode


def _registry(module: types.ModuleType, base: type[T]) -> dict[str, Callable[[Plain], T]]:
    found: dict[str, Callable[[Plain], T]] = {}
    for name, kind in vars(module).items():
        if isinstance(kind, type) and issubclass(kind, base) and kind is not base:
            fields = {f.name for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
            assert TYPE_KEY not in fields, f"{name} has a field named {TYPE_KEY}"
            found[name] = _dataclass(kind)
    return found


COMMANDS = _registry(command_module, Command)
EVENTS = _registry(event_module, Event)


def encode(item: Command | Event) -> dict[str, Plain]:
    """A command or event as a JSON object whose 'type' names its class."""
    body: dict[str, Plain] = {TYPE_KEY: type(item).__name__}
    body.update(plain(item))
    return body


def _decode(data: Plain, registry: dict[str, Callable[[Plain], T]], what: str) -> T:
    if not isinstance(data, dict):
        raise CodecError(f"a stored {what} must be an object")
    name = data.get(TYPE_KEY)
    decode = registry.get(name) if isinstance(name, str) else None
    if decode is None:
        raise CodecError(f"unknown {what} type {name!r}")
    return decode(data)


def decode_command(data: Plain) -> Command:
    """The command that `encode` turned into `data`."""
    return _decode(data, COMMANDS, "command")


def decode_event(data: Plain) -> Event:
    """The event that `encode` turned into `data`."""
    return _decode(data, EVENTS, "event")


def dumps(item: Command | Event) -> str:
    """A command or event as compact JSON text."""
    return json.dumps(encode(item), ensure_ascii=False, separators=(",", ":"))


def loads_command(text: str) -> Command:
    """The command stored as JSON `text`."""
    return decode_command(_parse(text))


def loads_event(text: str) -> Event:
    """The event stored as JSON `text`."""
    return decode_event(_parse(text))


def _parse(text: str) -> Plain:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CodecError(f"stored JSON cannot be read: {error}") from None

"""Keys in the reader's words: key names and what each key does, through the catalogue."""

from __future__ import annotations

import re
from collections.abc import Iterable

from textual.binding import Binding
from textual.keys import format_key

from drill.i18n import CATALOGUE, t, t_or
from drill.scenario.text import Lang

_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def key_name(key: str, lang: Lang) -> str:
    """One key as printed on the keyboard: 'ctrl+q' → 'Ctrl+Q', 'enter' → '回车 Enter'."""
    *modifiers, last = key.split("+")
    parts = [t_or(f"keyname.{m}", lang, m.capitalize()) for m in modifiers]
    shown = format_key(last)
    fallback = shown.upper() if len(shown) == 1 or re.fullmatch(r"f\d+", shown) else shown
    return "+".join([*parts, t_or(f"keyname.{last}", lang, fallback)])


def key_display(binding: Binding, lang: Lang) -> str:
    """How a binding's key is shown in the footer, the help and the command palette."""
    if binding.key_display:
        return binding.key_display
    return key_name(binding.key, lang)


def key_description(description: str, lang: Lang) -> str:
    """What a key does: the app's own catalogue key, or Textual's words in the catalogue."""
    if description in CATALOGUE:
        return t(description, lang)
    slug = _NOT_A_WORD.sub("_", description.lower()).strip("_")
    return t_or(f"textual.{slug}", lang, description)


def help_rows(bindings: Iterable[Binding], lang: Lang) -> list[tuple[str, str]]:
    """The keys of a screen for F1, one row per thing to do, its keys joined ('Ctrl+C / …').

    The drill's own keys come first, then those of Textual's lists and fields. Keys shown
    under one label ('1-4') already cover the others with the same description.
    """
    rows: dict[str, list[str]] = {}
    own: set[str] = set()
    covered: set[str] = set()
    for binding in bindings:
        if not binding.description or binding.description in covered:
            continue
        if binding.key_display:
            covered.add(binding.description)
        description = key_description(binding.description, lang)
        if binding.description in CATALOGUE:
            own.add(description)
        keys = rows.setdefault(description, [])
        name = key_display(binding, lang)
        if name not in keys:
            keys.append(name)
    ordered = sorted(rows.items(), key=lambda row: row[0] not in own)
    return [(" / ".join(keys), description) for description, keys in ordered]

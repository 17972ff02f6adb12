"""Labels in the report: shortened role labels, capitalised capability names."""

from __future__ import annotations

from drill.i18n.capabilities import capability_name
from drill.scenario.text import Lang


def short(label: str) -> str:
    """A label without its explanation in brackets: 'Committee (grid workers)' → 'Committee'."""
    for bracket in (" (", "（", "("):
        head = label.split(bracket, 1)[0].strip()
        if head and head != label:
            return head
    return label


def capability(capability_id: str, lang: Lang) -> str:
    """An HSEEP core capability id in words, starting with a capital (any other id: spaced)."""
    name = capability_name(capability_id, lang)
    return name[:1].upper() + name[1:]

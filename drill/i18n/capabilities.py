"""A core capability's name through the catalogue; an unknown id with spaces for underscores."""

from __future__ import annotations

from drill.i18n import t_or
from drill.i18n.lang import Lang


def capability_name(capability_id: str, lang: Lang) -> str:
    """A core capability's name in `lang`; any other id with spaces for its underscores."""
    return t_or(f"capability.{capability_id}", lang, capability_id.replace("_", " "))

"""The whole catalogue: key → (English, Chinese), gathered from its parts."""

from __future__ import annotations

from drill.tui.i18n.common import COMMON
from drill.tui.i18n.facilitator import FACILITATOR
from drill.tui.i18n.help import HELP
from drill.tui.i18n.keys import KEYS
from drill.tui.i18n.play import PLAY

CATALOGUE: dict[str, tuple[str, str]] = {**COMMON, **PLAY, **FACILITATOR, **HELP, **KEYS}

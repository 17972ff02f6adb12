"""The whole catalogue: key → (English, Chinese), gathered from its parts."""

from __future__ import annotations

from drill.i18n.parts.app_common import COMMON
from drill.i18n.parts.app_facilitator import FACILITATOR
from drill.i18n.parts.app_help import HELP
from drill.i18n.parts.app_keys import KEYS
from drill.i18n.parts.app_play import PLAY
from drill.i18n.parts.app_review import REVIEW
from drill.i18n.parts.capabilities import CAPABILITY_NAMES
from drill.i18n.parts.cli import CLI
from drill.i18n.parts.describe import DESCRIBE
from drill.i18n.parts.handouts import HANDOUTS
from drill.i18n.parts.refusals import REFUSALS
from drill.i18n.parts.report import REPORT

PARTS: dict[str, dict[str, tuple[str, str]]] = {
    "app_common": COMMON,
    "app_play": PLAY,
    "app_facilitator": FACILITATOR,
    "app_help": HELP,
    "app_keys": KEYS,
    "app_review": REVIEW,
    "refusals": REFUSALS,
    "report": REPORT,
    "capabilities": CAPABILITY_NAMES,
    "handouts": HANDOUTS,
    "describe": DESCRIBE,
    "cli": CLI,
}
"""Every part by name; no key is in two parts (tests/i18n checks)."""

CATALOGUE: dict[str, tuple[str, str]] = {
    key: entry for part in PARTS.values() for key, entry in part.items()
}

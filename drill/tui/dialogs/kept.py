"""The base of the dialogs about a kept drill (its plan, its report): the keeper and the words."""

from __future__ import annotations

from typing import ClassVar

from drill.report.words import w
from drill.session.keeping import DrillKeeper
from drill.tui.base import DrillDialog


class KeptDrillDialog(DrillDialog[bool]):
    """A dialog about a kept drill, with its own words and those of the report.

    PlanDialog and ReviewDialog both derive from this and not from each other: Textual runs
    the mount handler of every class in the chain, so a subclass cannot replace it.
    """

    WORDS: ClassVar[dict[str, tuple[str, str]]] = {
        "save": ("Save", "保存"),
        "cancel": ("Cancel", "取消"),
    }
    """This dialog's words, (English, Chinese) by key; other keys are the report's."""

    def __init__(self, keeper: DrillKeeper, drill_id: int) -> None:
        super().__init__()
        self.keeper, self.drill_id = keeper, drill_id

    def say(self, key: str) -> str:
        """A word of this dialog or of the report in the app's language."""
        pair = self.WORDS.get(key)
        if pair is None:
            return w(key, self.lang)
        return pair[1] if self.lang == "zh" else pair[0]

"""The base of the dialogs about a kept drill (its plan, its report): the keeper and the id."""

from __future__ import annotations

from drill.session.keeping import DrillKeeper
from drill.tui.base import DrillDialog


class KeptDrillDialog(DrillDialog[bool]):
    """A dialog about a kept drill.

    PlanDialog and ReviewDialog both derive from this and not from each other: Textual runs
    the mount handler of every class in the chain, so a subclass cannot replace it.
    """

    def __init__(self, keeper: DrillKeeper, drill_id: int) -> None:
        super().__init__()
        self.keeper, self.drill_id = keeper, drill_id

"""Hot-wash notes and the improvement plan: plain records shared by the store, app and report."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class HotWash:
    """What the players and facilitator said in the debrief right after the drill."""

    strengths: tuple[str, ...] = ()
    improvements: tuple[str, ...] = ()
    notes: str = ""

    @property
    def empty(self) -> bool:
        """Whether nothing was written."""
        return not (self.strengths or self.improvements or self.notes.strip())


@dataclass(frozen=True)
class PlanItem:
    """One corrective action of the improvement plan (HSEEP IP)."""

    action: str
    capability: str = ""
    role: str = ""
    due: str = ""

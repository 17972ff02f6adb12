"""Who sits where: teams, participants and bots for each role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from drill.scenario.text import Lang

Mode = Literal["facilitated", "hotseat"]
BOT_POLICIES = ("random", "greedy")


@dataclass
class SeatSetup:
    """One role's seat: the team's name, its participants, or a bot policy."""

    role: str
    team: str = ""
    participants: list[str] = field(default_factory=list)
    bot: str | None = None

    @property
    def human(self) -> bool:
        """Whether people play this seat."""
        return self.bot is None


@dataclass
class SessionConfig:
    """Everything chosen in the lobby."""

    seed: int
    lang: Lang = "zh"
    mode: Mode = "facilitated"
    seats: dict[str, SeatSetup] = field(default_factory=dict)
    turn_minutes: float = 15.0

    def seat(self, role: str) -> SeatSetup:
        """The seat of `role`, created on first use."""
        return self.seats.setdefault(role, SeatSetup(role))

    def human_roles(self, order: tuple[str, ...]) -> list[str]:
        """Roles played by people, in role order."""
        return [r for r in order if self.seat(r).human]

    def bot_roles(self, order: tuple[str, ...]) -> list[str]:
        """Roles played by bots, in role order."""
        return [r for r in order if not self.seat(r).human]

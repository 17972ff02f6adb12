"""A played drill turn by turn: how it stood at the end of each turn, ready to show."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drill.engine import events as ev
from drill.engine.drill import Drill
from drill.engine.evolve import evolve
from drill.engine.rules import Rules
from drill.engine.scoring import score
from drill.scenario.text import Lang, pick

Moment = tuple[int, str, str]
"""One line of the drill's timeline: its turn, its kind ('inject', ...) and its text."""


@dataclass(frozen=True)
class ReplayTurn:
    """The drill as it stood at the end of one turn (turn 0: before the first)."""

    turn: int
    phase: str
    sectors: list[tuple[str, float]]
    overall: float
    moments: list[tuple[str, str]]


@dataclass(frozen=True)
class Replay:
    """Every turn of a kept drill, ready to show."""

    drill_id: int
    title: str
    turns: list[ReplayTurn]


def _snapshot(rules: Rules, drill: Drill, lang: Lang, moments: Sequence[Moment]) -> ReplayTurn:
    state = drill.state
    phase = rules.phases.get(state.phase)
    return ReplayTurn(
        turn=state.turn,
        phase=pick(phase.label, lang) if phase else state.phase,
        sectors=[(pick(s.label, lang), state.sectors[sid]) for sid, s in rules.sectors.items()],
        overall=score(rules, state).overall,
        moments=[(kind, text) for turn, kind, text in moments if turn == state.turn],
    )


def replay_turns(
    rules: Rules, seed: int, log: Sequence[ev.Event], lang: Lang, moments: Sequence[Moment]
) -> list[ReplayTurn]:
    """Fold the log turn by turn, keeping a picture of the end of each turn."""
    drill = Drill(rules, seed)
    turns: list[ReplayTurn] = []
    for event in log:
        if isinstance(event, ev.TurnStarted):
            turns.append(_snapshot(rules, drill, lang, moments))
        evolve(rules, drill.state, event)
    turns.append(_snapshot(rules, drill, lang, moments))
    return turns

"""`drill balance`: random and greedy bots play a scenario; is it too easy, or unwinnable?

Both batches come from `drill.session.simulation.simulate` (the runner of `drill simulate`).
Readings, stated so authors can predict them:

* trivially won: the random bots' mean overall score is within TIE_MARGIN points of the
  greedy bots' (or above it), or the random mean is at least EASY_SCORE;
* unwinnable: the greedy mean overall is below HARD_SCORE, or an objective is never
  rated P or S in any run of either policy;
* an expected response is "almost never met" when, over the runs in which its inject was
  released, both policies met it (on time or late) in less than RARE_SHARE of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from drill.scenario.bundle import Bundle
from drill.session.simulation import Batch, Progress, RunScore, Summary, simulate, summarise

POLICIES = ("random", "greedy")
TIE_MARGIN = 2.0
EASY_SCORE = 90.0
HARD_SCORE = 50.0
RARE_SHARE = 0.1


@dataclass(frozen=True)
class Response:
    """How often one expected response was released and met, by policy."""

    inject: str
    index: int
    action: str
    by: tuple[str, ...]
    released: dict[str, int]
    met: dict[str, int]

    def share(self, policy: str) -> float | None:
        """Share of the runs that released it in which it was met; None if never released."""
        released = self.released[policy]
        return None if released == 0 else self.met[policy] / released

    @property
    def never_released(self) -> bool:
        """No run of either policy released its inject."""
        return not any(self.released.values())

    @property
    def rare(self) -> bool:
        """Released, and met in less than RARE_SHARE of those runs by both policies."""
        shares = [self.share(policy) for policy in POLICIES]
        found = [share for share in shares if share is not None]
        return bool(found) and all(share < RARE_SHARE for share in found)

    @property
    def greedy_misses(self) -> bool:
        """The greedy bots (nearly) never meet it although the random ones sometimes do."""
        greedy = self.share("greedy")
        return greedy is not None and greedy < RARE_SHARE and not self.rare


@dataclass(frozen=True)
class Balance:
    """What the two batches say about the scenario."""

    runs: int
    seed: int
    batches: dict[str, Batch]
    summaries: dict[str, Summary]
    responses: list[Response]
    never_chosen: dict[str, int]
    trivial: list[str]
    unwinnable: list[str]

    @property
    def verdict(self) -> str:
        """'trivially won', 'unwinnable', 'both…' or 'balanced'."""
        if self.trivial and self.unwinnable:
            return "suspicious: both trivially won and unwinnable"
        if self.trivial:
            return "trivially won"
        return "unwinnable" if self.unwinnable else "balanced"


def balance(
    bundle: Bundle, runs: int, seed: int, jobs: int = 1, progress: Progress | None = None
) -> Balance:
    """Play `runs` drills with each policy (seeds seed … seed+runs−1) and read the results."""
    batches = {
        policy: simulate(
            bundle.ruleset,
            bundle.scenario,
            runs=runs,
            seed=seed,
            policy=policy,
            jobs=jobs,
            progress=progress,
        )
        for policy in POLICIES
    }
    objectives = [objective.id for objective in bundle.scenario.objectives]
    summaries = {policy: summarise(batch.scores, objectives) for policy, batch in batches.items()}
    return Balance(
        runs=runs,
        seed=seed,
        batches=batches,
        summaries=summaries,
        responses=responses(bundle, batches),
        never_chosen=never_chosen(bundle, batches),
        trivial=trivial_reasons(summaries),
        unwinnable=unwinnable_reasons(summaries),
    )


def responses(bundle: Bundle, batches: dict[str, Batch]) -> list[Response]:
    """Every expected response of the scenario with how often it was released and met."""
    out = []
    for inject in bundle.scenario.injects:
        for index, expected in enumerate(inject.expects):
            key = f"{inject.id}#{index}"
            released = {p: _count(b.scores, key, None) for p, b in batches.items()}
            met = {p: _count(b.scores, key, ("on_time", "late")) for p, b in batches.items()}
            out.append(
                Response(inject.id, index, expected.action, tuple(expected.by), released, met)
            )
    return out


def _count(scores: Sequence[RunScore], key: str, statuses: tuple[str, ...] | None) -> int:
    return sum(
        1
        for run in scores
        if key in run.responses and (statuses is None or run.responses[key] in statuses)
    )


def never_chosen(bundle: Bundle, batches: dict[str, Batch]) -> dict[str, int]:
    """Actions in force that the greedy bots never ordered, with how often random ones did."""
    actions = [a.id for a in bundle.ruleset.actions]
    actions += [a.id for a in bundle.scenario.actions if a.id not in actions]
    greedy = {name for run in batches["greedy"].scores for name in run.orders}
    return {
        name: sum(run.orders.get(name, 0) for run in batches["random"].scores)
        for name in actions
        if name not in greedy
    }


def _mean(summary: Summary) -> float:
    return summary.scores["overall"].mean or 0.0


def trivial_reasons(summaries: dict[str, Summary]) -> list[str]:
    """Why the scenario looks trivially won ([] when it does not)."""
    rand, greedy = _mean(summaries["random"]), _mean(summaries["greedy"])
    reasons = []
    if rand >= greedy - TIE_MARGIN:
        reasons.append(f"random bots score as well as greedy ones ({rand:.1f} vs {greedy:.1f})")
    if rand >= EASY_SCORE:
        reasons.append(f"random bots score {rand:.1f} on average (≥ {EASY_SCORE:g})")
    return reasons


def unwinnable_reasons(summaries: dict[str, Summary]) -> list[str]:
    """Why the scenario looks unwinnable ([] when it does not)."""
    greedy = _mean(summaries["greedy"])
    reasons = []
    if greedy < HARD_SCORE:
        reasons.append(f"greedy bots score only {greedy:.1f} on average (< {HARD_SCORE:g})")
    for objective in summaries["greedy"].objectives:
        good = sum(
            summary.objectives.get(objective, {}).get(rating, 0)
            for summary in summaries.values()
            for rating in ("P", "S")
        )
        if good == 0:
            reasons.append(f"objective '{objective}' is never rated P or S")
    return reasons

"""Scores of a drill exactly as DESIGN §5: recovery, coordination and its parts, equity."""

from __future__ import annotations

from dataclasses import dataclass, field

from drill.engine.rules import Rules
from drill.engine.state import DrillState


@dataclass(frozen=True)
class RoleContribution:
    """What one role did."""

    actions: int = 0
    responses_met: int = 0
    information_shared: int = 0
    joint_actions: int = 0


@dataclass(frozen=True)
class Scores:
    """All scores of a drill, each in [0, 100]; None where nothing could be measured."""

    overall: float
    coordination: float | None
    recovery: float
    robustness: float
    rapidity: int | None
    response: float | None
    information: float | None
    joint: float | None
    cohesion: float | None
    self_organisation: float | None
    equity: float | None
    objectives: dict[str, str] = field(default_factory=dict)
    roles: dict[str, RoleContribution] = field(default_factory=dict)


def weighted_mean(parts: list[tuple[float | None, float]]) -> float | None:
    """Mean of the measured parts by weight; None if no part was measured."""
    present = [(value, weight) for value, weight in parts if value is not None and weight > 0]
    total = sum(weight for _, weight in present)
    return None if total == 0 else sum(v * w for v, w in present) / total


def series(rules: Rules, state: DrillState) -> list[float]:
    """Q(t) for t = 1..T from the recorded functionality."""
    weights = [s.weight for s in rules.sectors.values()]
    return [
        sum(w * q for w, q in zip(weights, row, strict=True)) / rules.weight_total
        for row in state.history
    ]


def recovery(q0: float, q: list[float]) -> tuple[float, float, int | None]:
    """Recovery index R, robustness min Q(t), rapidity in turns (None if never back)."""
    if not q:
        return 100.0, q0, 0
    index = 100.0 if q0 <= 0 else min(100.0, 100.0 * sum(x / q0 for x in q) / len(q))
    low = min(q)
    start = q.index(low)
    back = next((t for t in range(start, len(q)) if q[t] >= 0.9 * q0), None)
    return index, low, None if back is None else back - start


def expectation_statuses(rules: Rules, state: DrillState) -> dict[tuple[str, int], str]:
    """on_time / late / missed for every expected response of a released inject.

    While the drill runs, a response still inside its window is left out (not yet
    known); once it has ended, every response not met counts as missed. An inject
    released too late for any turn to answer (after the last turn played) is left out:
    nothing could have been expected of the players.
    """
    out: dict[tuple[str, int], str] = {}
    for inject_id, released in state.released.items():
        inject = rules.injects.get(inject_id)
        if inject is None or released > state.turn:
            continue
        for index in range(len(inject.expects)):
            rated = state.expectations.get((inject_id, index))
            if rated is not None:
                out[(inject_id, index)] = rated[0]
            elif state.ended:
                out[(inject_id, index)] = "missed"
    return out


def response(statuses: dict[tuple[str, int], str]) -> float | None:
    """TARGETs response score: on time counts 1, late 0.5."""
    if not statuses:
        return None
    points = sum(1.0 if s == "on_time" else 0.5 if s == "late" else 0.0 for s in statuses.values())
    return 100.0 * points / len(statuses)


def information(state: DrillState) -> float | None:
    """Share of (role, needed item) uses where the role knew the item."""
    if not state.info_uses:
        return None
    return 100.0 * sum(1 for *_, known in state.info_uses if known) / len(state.info_uses)


def share_score(part: int, whole: int, target: float) -> float | None:
    """100 · min(1, (part / whole) / target); None when nothing was done."""
    if whole == 0:
        return None
    return 100.0 * min(1.0, (part / whole) / target)


def cohesion(roles: tuple[str, ...], links: set[tuple[str, str]]) -> float | None:
    """100 · (1 − DF), Borgatti's distance-weighted fragmentation of the role graph."""
    n = len(roles)
    if n < 2:
        return None
    neighbours: dict[str, set[str]] = {r: set() for r in roles}
    for a, b in links:
        if a in neighbours and b in neighbours:
            neighbours[a].add(b)
            neighbours[b].add(a)
    total = sum(1.0 / d for r in roles for d in _distances(r, neighbours).values() if d > 0)
    return 100.0 * total / (n * (n - 1))


def _distances(start: str, neighbours: dict[str, set[str]]) -> dict[str, int]:
    dist, frontier = {start: 0}, [start]
    while frontier:
        nxt = []
        for node in frontier:
            for other in neighbours[node]:
                if other not in dist:
                    dist[other] = dist[node] + 1
                    nxt.append(other)
        frontier = nxt
    return dist


def equity(rules: Rules, state: DrillState) -> float | None:
    """Mean over vulnerable groups of the share assisted by their deadline."""
    if not rules.groups:
        return None
    shares = []
    for i, group in enumerate(rules.groups.values()):
        turn = min(group.deadline, len(state.assisted_history))
        assisted = state.assisted_history[turn - 1][i] if turn > 0 else 0
        shares.append(100.0 * assisted / group.count)
    return sum(shares) / len(shares)


def rating(statuses: list[str]) -> str:
    """HSEEP rating: P, S, M, U; '-' when nothing was expected."""
    if not statuses:
        return "-"
    met = [s for s in statuses if s != "missed"]
    if len(met) == len(statuses):
        return "P" if all(s == "on_time" for s in statuses) else "S"
    return "M" if 2 * len(met) >= len(statuses) else "U"


def objective_ratings(rules: Rules, statuses: dict[tuple[str, int], str]) -> dict[str, str]:
    """The rating of every objective from the expected responses that name it."""
    by_objective: dict[str, list[str]] = {o: [] for o in rules.objectives}
    for (inject_id, index), status in statuses.items():
        objective = rules.injects[inject_id].expects[index].objective
        by_objective.setdefault(objective, []).append(status)
    return {objective: rating(found) for objective, found in by_objective.items()}


def contributions(rules: Rules, state: DrillState) -> dict[str, RoleContribution]:
    """Per role: actions carried out, responses met, items shared, joint actions joined."""
    met = {role: 0 for role in rules.role_order}
    for status, role, _ in state.expectations.values():
        if status != "missed" and role in met:
            met[role] += 1
    actions, joint, shared = dict.fromkeys(met, 0), dict.fromkeys(met, 0), dict.fromkeys(met, 0)
    for taken in state.taken:
        if taken.role in actions:
            actions[taken.role] += 1
            joint[taken.role] += taken.joint
    for by, *_ in state.shares:
        if by in shared:
            shared[by] += 1
    return {
        role: RoleContribution(actions[role], met[role], shared[role], joint[role])
        for role in rules.role_order
    }


def score(rules: Rules, state: DrillState) -> Scores:
    """Every score of the drill as it stands."""
    weights, targets = rules.ruleset.scoring.weights, rules.ruleset.scoring.targets
    q0 = rules.functionality({s.id: s.start for s in rules.sectors.values()})
    rec, robust, rapid = recovery(q0, series(rules, state))
    statuses = expectation_statuses(rules, state)
    roles = contributions(rules, state)
    taken = len(state.taken)
    joint = sum(c.joint_actions for c in roles.values())
    civic = sum(c.actions for r, c in roles.items() if not rules.roles[r].government)
    parts = {
        "response": response(statuses),
        "information": information(state),
        "joint": share_score(joint, taken, targets.joint),
        "cohesion": cohesion(rules.role_order, state.links),
        "self_organisation": share_score(civic, taken, targets.self_organisation),
    }
    coordination = weighted_mean([(v, getattr(weights, k)) for k, v in parts.items()])
    eq = equity(rules, state)
    overall = weighted_mean(
        [(coordination, weights.coordination), (rec, weights.recovery), (eq, weights.equity)]
    )
    return Scores(
        overall=overall if overall is not None else 0.0,
        coordination=coordination,
        recovery=rec,
        robustness=robust,
        rapidity=rapid,
        equity=eq,
        objectives=objective_ratings(rules, statuses),
        roles=roles,
        **parts,
    )

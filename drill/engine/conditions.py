"""Evaluate conditions of the scenario language against a drill state."""

from __future__ import annotations

from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.scenario.language import Compare, Condition


def metric(rules: Rules, state: DrillState, name: str) -> float:
    """The current value of a named metric (see MetricCompare); 0 when unknown."""
    head, _, rest = name.partition(".")
    if head == "functionality":
        return rules.functionality(state.sectors)
    if head == "trust":
        return state.trust
    table: dict[str, dict[str, float] | dict[str, int]] = {
        "sector": state.sectors,
        "exposure": state.exposure,
        "assisted": state.assisted,
        "affected": state.affected,
    }
    if head in table:
        return float(table[head].get(rest, 0))
    if head == "resource":
        role, _, resource = rest.partition(".")
        return float(state.resources.get(role, {}).get(resource, 0))
    return 0.0


def holds(rules: Rules, state: DrillState, cond: Condition | None) -> bool:
    """Whether `cond` holds now; a missing condition always holds."""
    if cond is None:
        return True
    if cond.turn is not None:
        return cond.turn.holds(state.turn)
    if cond.phase is not None:
        return state.phase in cond.phase
    if cond.flag is not None:
        return cond.flag in state.flags
    if cond.institution is not None:
        return cond.institution in state.institutions
    if cond.metric is not None:
        return cond.metric.holds(metric(rules, state, cond.metric.name))
    if cond.all is not None:
        return all(holds(rules, state, c) for c in cond.all)
    if cond.any is not None:
        return any(holds(rules, state, c) for c in cond.any)
    if cond.not_ is not None:
        return not holds(rules, state, cond.not_)
    return _record_holds(state, cond)


def _record_holds(state: DrillState, cond: Condition) -> bool:
    if cond.action is not None:
        wanted, by = cond.action.id, cond.action.by
        return any(t.action == wanted and (by is None or t.role in by) for t in state.taken)
    if cond.known is not None:
        info, role = cond.known.info, cond.known.by
        if role is not None:
            return info in state.known.get(role, set())
        return any(info in items for items in state.known.values())
    return False


def bounds(subject: str, compare: Compare) -> str:
    """A comparison as text, e.g. 'turn >= 3'."""
    found = [(sign, getattr(compare, key)) for key, sign in _BOUNDS]
    return f"{subject} " + " and ".join(f"{sign} {v:g}" for sign, v in found if v is not None)


def describe(cond: Condition) -> str:
    """A condition in plain words, e.g. 'turn >= 4 and flag garage_sealed'."""
    if cond.turn is not None:
        return bounds("turn", cond.turn)
    if cond.phase is not None:
        return "phase is " + " or ".join(cond.phase)
    if cond.flag is not None:
        return f"flag {cond.flag}"
    if cond.institution is not None:
        return f"institution {cond.institution}"
    if cond.metric is not None:
        return bounds(cond.metric.name, cond.metric)
    if cond.action is not None:
        by = f" by {', '.join(cond.action.by)}" if cond.action.by else ""
        return f"{cond.action.id} taken{by}"
    if cond.known is not None:
        by = f" by {cond.known.by}" if cond.known.by else ""
        return f"{cond.known.info} known{by}"
    if cond.all is not None:
        return "(" + " and ".join(describe(c) for c in cond.all) + ")"
    if cond.any is not None:
        return "(" + " or ".join(describe(c) for c in cond.any) + ")"
    return f"not {describe(cond.not_)}" if cond.not_ is not None else "always"


_BOUNDS = (("eq", "="), ("lt", "<"), ("lte", "<="), ("gt", ">"), ("gte", ">="))

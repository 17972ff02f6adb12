"""What the log tells a reviewer: the timeline, functionality curves, who worked with whom."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from drill.engine import events as ev
from drill.engine.commands import PLATFORM
from drill.engine.effects import addressees
from drill.engine.events import Order
from drill.engine.rules import Rules
from drill.engine.scoring import series
from drill.engine.state import DrillState
from drill.i18n import t
from drill.report.words import short
from drill.scenario.text import Lang, pick


@dataclass(frozen=True)
class Moment:
    """One line of the timeline."""

    turn: int
    kind: str
    text: str


@dataclass(frozen=True)
class Curves:
    """Functionality at the start (t = 0) and the end of every turn played."""

    turns: list[int]
    sectors: dict[str, list[float]]
    community: list[float]


@dataclass(frozen=True)
class Tie:
    """Two roles that worked together, how often and in which ways."""

    a: str
    b: str
    count: int
    ways: list[str]


def curves(rules: Rules, state: DrillState) -> Curves:
    """Q_s(t) for every sector and the weighted Q(t), t = 0..T."""
    starts = [s.start for s in rules.sectors.values()]
    q0 = rules.functionality({s.id: s.start for s in rules.sectors.values()})
    rows = [tuple(starts), *state.history]
    sectors = {sid: [float(row[i]) for row in rows] for i, sid in enumerate(rules.sectors)}
    return Curves(list(range(len(rows))), sectors, [q0, *series(rules, state)])


def ties(rules: Rules, log: list[ev.Event]) -> list[Tie]:
    """Every pair of roles that shared, acted jointly, transferred or approved, with counts."""
    counts: Counter[tuple[str, str, str]] = Counter()
    orders: dict[int, Order] = {}
    joint: dict[tuple[int, str], list[str]] = {}
    requests: dict[int, str] = {}
    for e in log:
        if isinstance(e, ev.OrderPlaced):
            orders[e.order.id] = e.order
        elif isinstance(e, ev.RequestCreated):
            requests[e.request] = e.order.role
        elif isinstance(e, ev.InfoShared):
            receivers = rules.role_order if e.to == PLATFORM else (e.to,)
            counts.update(_pair(e.by, r, "information") for r in receivers if r != e.by)
        elif isinstance(e, ev.RequestClosed) and e.outcome == "approved":
            counts[_pair(e.by, requests.get(e.request, e.by), "approval")] += 1
        elif isinstance(e, ev.OrderResolved) and e.outcome in ("done", "failed"):
            _count_order(e, orders.get(e.order), counts, joint)
    for roles in joint.values():
        counts.update(_pair(a, b, "joint") for a in roles for b in roles if a < b)
    return _merge(counts)


def _count_order(
    e: ev.OrderResolved,
    order: Order | None,
    counts: Counter[tuple[str, str, str]],
    joint: dict[tuple[int, str], list[str]],
) -> None:
    if e.joint:
        joint.setdefault((e.turn, e.action), []).append(e.role)
    elif order is not None and order.resource is not None and order.to not in (None, e.role):
        counts[_pair(e.role, str(order.to), "transfer")] += 1


def _pair(a: str, b: str, way: str) -> tuple[str, str, str]:
    return (a, b, way) if a < b else (b, a, way)


def _merge(counts: Counter[tuple[str, str, str]]) -> list[Tie]:
    merged: dict[tuple[str, str], Tie] = {}
    for (a, b, way), n in sorted(counts.items()):
        if a == b:
            continue
        old = merged.get((a, b))
        ways = [*old.ways, way] if old else [way]
        merged[(a, b)] = Tie(a, b, (old.count if old else 0) + n, ways)
    return list(merged.values())


class _Namer:
    """Labels of roles, actions, injects and phases in one language."""

    def __init__(self, rules: Rules, lang: Lang) -> None:
        self.rules, self.lang = rules, lang

    def role(self, role: str) -> str:
        found = self.rules.roles.get(role)
        return short(pick(found.label, self.lang)) if found else role

    def roles(self, roles: tuple[str, ...] | list[str]) -> str:
        return ("、" if self.lang == "zh" else ", ").join(self.role(r) for r in roles)

    def action(self, action: str) -> str:
        found = self.rules.actions.get(action)
        return pick(found.label, self.lang) if found else action

    def inject(self, inject: str) -> str:
        found = self.rules.injects.get(inject)
        return pick(found.title or found.text, self.lang) if found else inject

    def phase(self, phase: str) -> str:
        found = self.rules.phases.get(phase)
        return pick(found.label, self.lang) if found else phase

    def target(self, order: Order | None) -> str:
        if order is None:
            return ""
        where = order.target or order.to
        if where in self.rules.zones:
            return pick(self.rules.zones[where].label, self.lang)
        if where in self.rules.groups:
            return pick(self.rules.groups[where].label, self.lang)
        if where == PLATFORM:
            return t("report.tl.platform", self.lang)
        return self.role(where) if where else ""


def timeline(rules: Rules, log: list[ev.Event], lang: Lang) -> list[Moment]:
    """Injects, actions, phase changes and the facilitator's interventions, turn by turn."""
    name, turn = _Namer(rules, lang), 0
    orders: dict[int, Order] = {}
    out: list[Moment] = []
    for e in log:
        if isinstance(e, ev.TurnStarted):
            turn = e.turn
        elif isinstance(e, ev.OrderPlaced):
            orders[e.order.id] = e.order
        line = _moment(rules, name, e, orders, lang)
        if line is not None:
            out.append(Moment(turn, line[0], line[1]))
    return out


def _moment(
    rules: Rules, name: _Namer, e: ev.Event, orders: dict[int, Order], lang: Lang
) -> tuple[str, str] | None:
    if isinstance(e, ev.InjectReleased):
        inject = rules.injects.get(e.inject)
        to = addressees(rules, inject.to) if inject else ()
        return "inject", _say("tl.inject", lang, title=name.inject(e.inject), to=name.roles(to))
    if isinstance(e, ev.AdhocInjectAdded):
        return "inject", _say("tl.adhoc", lang, title=e.title or e.text, to=name.roles(e.to))
    if isinstance(e, ev.OrderResolved):
        return "action", _order_text(name, e, orders.get(e.order), lang)
    if isinstance(e, ev.PhaseChanged):
        return "phase", _say("tl.phase", lang, phase=name.phase(e.phase))
    if isinstance(e, ev.Overridden):
        return "override", _say("tl.override", lang, reason=e.reason)
    if isinstance(e, ev.InjectHeld | ev.InjectSkipped):
        key = "tl.held" if isinstance(e, ev.InjectHeld) else "tl.skipped"
        return "facilitator", _say(key, lang, title=name.inject(e.inject))
    if isinstance(e, ev.InstitutionEstablished):
        found = rules.institutions.get(e.institution)
        label = pick(found.label, lang) if found else e.institution
        return "institution", _say("tl.institution", lang, what=label, role=name.role(e.by))
    if isinstance(e, ev.ContingencyQueued):
        return "inject", _say("tl.contingency", lang, title=name.inject(e.inject))
    if isinstance(e, ev.MessagePosted):
        return "message", _say("tl.message", lang, role=name.role(e.seat), text=e.text)
    if isinstance(e, ev.StageChanged) and e.stage == "paused":
        return "facilitator", t("report.tl.paused", lang)
    return None


def _order_text(name: _Namer, e: ev.OrderResolved, order: Order | None, lang: Lang) -> str:
    target = name.target(order)
    what = name.action(e.action) + (f" → {target}" if target else "")
    outcome = t(f"report.outcome.{e.outcome}", lang)
    joint = t("report.tl.jointly", lang) if e.joint else ""
    return f"{name.role(e.role)}: {what}{joint} — {outcome}"


def _say(key: str, lang: Lang, **values: str) -> str:
    return t(f"report.{key}", lang).format(**values)

"""`drill info`: a scenario described in plain words — roles, turns, phases, MSEL, objectives."""

from __future__ import annotations

import re

from drill.engine.conditions import describe as condition
from drill.i18n import t
from drill.report.tables import Row, plural, table
from drill.scenario.bundle import Bundle
from drill.scenario.models import Inject, Meta, PhaseTransition, Scenario
from drill.scenario.text import Lang, pick

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def heading(key: str, lang: Lang, count: int) -> str:
    """A section heading in `lang`, with how many items follow."""
    return f"{t(f'describe.{key}', lang)} ({count})"


def clock(meta: Meta, turn: int) -> str:
    """Scenario time at the start of `turn` (1-based), e.g. '06:30' or 'day 2 01:00'."""
    found = _CLOCK.fullmatch(meta.start_time.strip())
    if found is None:
        return ""
    minutes = int(found[1]) * 60 + int(found[2]) + (turn - 1) * meta.minutes_per_turn
    day, rest = divmod(minutes, 24 * 60)
    time = f"{rest // 60:02d}:{rest % 60:02d}"
    return time if day == 0 else f"day {day + 1} {time}"


def header(bundle: Bundle, lang: Lang) -> str:
    """Title, id, hazard, ruleset and the length of the drill."""
    meta = bundle.scenario.meta
    last = clock(meta, meta.turns + 1)
    span = f", {clock(meta, 1)} → {last}" if last else ""
    return "\n".join(
        [
            f"{pick(meta.title, lang)}  ({meta.id})",
            f"  hazard: {meta.hazard} · ruleset: {bundle.ruleset.id} · "
            f"languages: {', '.join(meta.languages)} · default seed: {meta.seed}",
            f"  {meta.turns} turns × {meta.minutes_per_turn} minutes{span}",
        ]
    )


def roles(bundle: Bundle, lang: Lang) -> str:
    """Each role: label, action points, government or not, capabilities, resources."""
    rows: list[Row] = []
    for role in bundle.ruleset.roles:
        stock = bundle.scenario.resources.get(role.id, {})
        kind = "government" if role.government else "non-government"
        rows.append([role.id, f"{role.action_points} AP", kind, pick(role.label, lang)])
        if role.capabilities:
            rows.append("capabilities: " + ", ".join(role.capabilities))
        if stock:
            rows.append("resources: " + ", ".join(f"{k} {v}" for k, v in stock.items()))
    return heading("roles", lang, len(bundle.ruleset.roles)) + "\n" + table(rows)


def _move(transition: PhaseTransition, source: str) -> str | None:
    sources = [transition.source] if isinstance(transition.source, str) else transition.source
    if source not in sources and "*" not in sources:
        return None
    how = "automatic" if transition.auto else "fired by effects"
    when = f" when {condition(transition.when)}" if transition.when is not None else ""
    return f"→ {transition.dest}  [{transition.trigger}, {how}]{when}"


def phases(scenario: Scenario, lang: Lang) -> str:
    """Each hazard phase with its impact and the transitions out of it."""
    hazard = scenario.hazard
    rows: list[Row] = []
    for phase in hazard.phases:
        start = " (start)" if phase.id == hazard.initial else ""
        impact = plural(len(phase.impact), "impact effect")
        impact += ", " + plural(len(phase.mitigations), "mitigation")
        rows.append([phase.id + start, pick(phase.label, lang), impact])
        rows.extend(m for t in hazard.transitions if (m := _move(t, phase.id)) is not None)
    return heading("phases", lang, len(hazard.phases)) + "\n" + table(rows)


def _release(scenario: Scenario, inject: Inject) -> tuple[str, str]:
    """When an inject comes: a short cell and, if needed, a note saying more."""
    if inject.turn is not None:
        return f"turn {inject.turn} {clock(scenario.meta, inject.turn)}".rstrip(), ""
    if inject.when is not None:
        return "on condition", f"released when {condition(inject.when)}"
    parents = [i.id for i in scenario.injects if i.contingency == inject.id]
    if parents:
        return "contingency", f"released when a response to {', '.join(parents)} is missed"
    return "on demand", "released by an effect or by the facilitator"


def injects(scenario: Scenario, lang: Lang) -> str:
    """The MSEL: when each inject comes, to whom, how, and what it expects."""
    rows: list[Row] = []
    for inject in scenario.injects:
        to = "all" if inject.to == "all" else ", ".join(inject.to)
        cell, note = _release(scenario, inject)
        expects = plural(len(inject.expects), "expected response")
        rows.append([inject.id, cell, inject.method, f"to {to}", expects])
        rows.append(pick(inject.title, lang) or pick(inject.text, lang)[:60])
        if note:
            rows.append(note)
        if inject.contingency:
            rows.append(f"if missed: {inject.contingency}")
    return heading("injects", lang, len(scenario.injects)) + "\n" + table(rows)


def objectives(scenario: Scenario, lang: Lang) -> str:
    """Each objective, its HSEEP core capability and how many expected responses rate it."""
    rated = [e.objective for i in scenario.injects for e in i.expects]
    rows: list[Row] = []
    for objective in scenario.objectives:
        count = rated.count(objective.id)
        rows.append([objective.id, objective.capability, plural(count, "expected response")])
        rows.append(pick(objective.text, lang))
    return heading("objectives", lang, len(scenario.objectives)) + "\n" + table(rows)


def groups(scenario: Scenario, lang: Lang) -> str:
    """Each vulnerable group: how many people, where, and by when they need help."""
    rows: list[Row] = []
    for group in scenario.community.groups:
        where = f"zone {group.zone}" if group.zone else "anywhere"
        end = clock(scenario.meta, group.deadline + 1)
        by = f"by end of turn {group.deadline}" + (f" ({end})" if end else "")
        rows.append([group.id, f"{group.count} people", where, by, pick(group.label, lang)])
    return heading("groups", lang, len(scenario.community.groups)) + "\n" + table(rows, right=(1,))


def describe(bundle: Bundle, lang: Lang) -> str:
    """The whole `drill info` text."""
    scenario = bundle.scenario
    parts = [
        header(bundle, lang),
        roles(bundle, lang),
        phases(scenario, lang),
        injects(scenario, lang),
        objectives(scenario, lang),
        groups(scenario, lang),
    ]
    return "\n\n".join(parts)

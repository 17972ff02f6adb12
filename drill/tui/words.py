"""The drill in words: labels of roles, actions and places, clocks, outcomes and reasons."""

from __future__ import annotations

import re

from drill.engine.reasons import Refusal
from drill.engine.rules import Rules
from drill.i18n import t, t_or
from drill.scenario.language import Compare, Condition
from drill.scenario.models import Action, Meta
from drill.scenario.text import Lang, pick

_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")
_OPS = (("eq", "="), ("lt", "<"), ("lte", "≤"), ("gt", ">"), ("gte", "≥"))


def role_full(rules: Rules, role: str, lang: Lang) -> str:
    """A role's whole name, explanation included ('facilitator' and 'platform' too)."""
    if role in rules.roles:
        return pick(rules.roles[role].label, lang)
    return t_or(f"seat.{role}", lang, role)


def role_label(rules: Rules, role: str, lang: Lang) -> str:
    """A role's name without its explanation in brackets."""
    return short(role_full(rules, role, lang))


def short(label: str) -> str:
    """A label without its explanation in brackets: 'Uphill (blocks 7-9)' → 'Uphill'."""
    return re.split(r"\s*[(（]", label, maxsplit=1)[0] or label


def action_label(rules: Rules, action: str, lang: Lang) -> str:
    """An action's name."""
    found = rules.actions.get(action)
    return pick(found.label, lang) if found is not None else action


def target_label(rules: Rules, target: str | None, lang: Lang) -> str:
    """A zone's, group's or role's name, or '' for no target."""
    if target is None:
        return ""
    for table in (rules.zones, rules.groups):
        if target in table:
            return short(pick(table[target].label, lang))
    return short(role_label(rules, target, lang))


def sector_label(rules: Rules, sector: str, lang: Lang) -> str:
    """A sector's name."""
    found = rules.sectors.get(sector)
    return pick(found.label, lang) if found is not None else sector


def phase_label(rules: Rules, phase: str, lang: Lang) -> str:
    """A hazard phase's name."""
    found = rules.phases.get(phase)
    return pick(found.label, lang) if found is not None else phase


def institution_label(rules: Rules, institution: str, lang: Lang) -> str:
    """An institution's name."""
    found = rules.institutions.get(institution)
    return pick(found.label, lang) if found is not None else institution


def resource_label(resource: str, lang: Lang) -> str:
    """A resource's name (known resources are translated; others shown as written)."""
    return t_or(f"resource.{resource}", lang, resource.replace("_", " "))


def method_label(method: str, lang: Lang) -> str:
    """How an inject arrives: phone, radio, in person, ..."""
    return t_or(f"method.{method}", lang, method.replace("_", " "))


def inject_title(rules: Rules, inject: str, lang: Lang) -> str:
    """An inject's title, or the start of its text."""
    found = rules.injects.get(inject)
    if found is None:
        return inject
    return pick(found.title, lang) or pick(found.text, lang)[:40]


def clock_at(meta: Meta, minutes: int, lang: Lang) -> str:
    """The scenario's clock `minutes` after its start, e.g. '07:30' or 'day 2 01:00'."""
    found = _CLOCK.fullmatch(meta.start_time.strip())
    if found is None:
        return ""
    total = int(found[1]) * 60 + int(found[2]) + minutes
    day, rest = divmod(total, 24 * 60)
    time = f"{rest // 60:02d}:{rest % 60:02d}"
    return time if day == 0 else t("clock.day", lang, day=day + 1, time=time)


def turn_span(meta: Meta, turn: int, lang: Lang) -> str:
    """The scenario time a turn stands for: start_time + (turn-1)×m to start_time + turn×m."""
    if turn <= 0:
        return clock_at(meta, 0, lang)
    start = clock_at(meta, (turn - 1) * meta.minutes_per_turn, lang)
    end = clock_at(meta, turn * meta.minutes_per_turn, lang)
    return f"{start}–{end}" if start else ""


def resources_text(stock: dict[str, int], lang: Lang) -> str:
    """'funds 2, volunteers 1' in `lang`; '' when nothing."""
    return t("list.sep", lang).join(
        f"{resource_label(name, lang)} {amount}" for name, amount in stock.items()
    )


def _bounds(subject: str, compare: Compare) -> str:
    found = [(sign, getattr(compare, key)) for key, sign in _OPS]
    return subject + " " + ", ".join(f"{sign} {v:g}" for sign, v in found if v is not None)


def _metric_name(rules: Rules, name: str, lang: Lang) -> str:
    head, _, rest = name.partition(".")
    if head == "sector":
        return sector_label(rules, rest, lang)
    if head in ("exposure", "assisted", "affected"):
        return t(f"metric.{head}", lang, what=target_label(rules, rest, lang))
    if head == "resource":
        role, _, resource = rest.partition(".")
        return f"{role_label(rules, role, lang)} {resource_label(resource, lang)}"
    return t_or(f"metric.{head}", lang, name)


def condition_text(rules: Rules, cond: Condition, lang: Lang) -> str:
    """A condition of the scenario language in plain words with the scenario's own labels."""
    if cond.turn is not None:
        return _bounds(t("word.turn", lang), cond.turn)
    if cond.phase is not None:
        phases = t("list.or", lang).join(phase_label(rules, p, lang) for p in cond.phase)
        return t("cond.phase", lang, phases=phases)
    if cond.flag is not None:
        return t_or(f"flag.{cond.flag}", lang, _flag_text(rules, cond.flag, lang))
    if cond.institution is not None:
        return t("cond.institution", lang, name=institution_label(rules, cond.institution, lang))
    if cond.metric is not None:
        return _bounds(_metric_name(rules, cond.metric.name, lang), cond.metric)
    if cond.action is not None:
        return t("cond.action", lang, action=action_label(rules, cond.action.id, lang))
    if cond.known is not None:
        return t("cond.known", lang, info=cond.known.info)
    if cond.all is not None:
        return t("list.and", lang).join(condition_text(rules, c, lang) for c in cond.all)
    if cond.any is not None:
        return t("list.or", lang).join(condition_text(rules, c, lang) for c in cond.any)
    inner = condition_text(rules, cond.not_, lang) if cond.not_ is not None else ""
    return t("cond.not", lang, inner=inner)


def _flag_text(rules: Rules, flag: str, lang: Lang) -> str:
    """A flag as the actions that set it ('Damage assessment' has been done), not its id."""
    setters = [
        action_label(rules, action.id, lang)
        for action in rules.actions.values()
        if any(e.flag is not None and e.flag.set == flag for e in action.effects)
    ]
    if setters:
        return t("cond.flag_set_by", lang, actions=t("list.or", lang).join(setters))
    return t("cond.flag", lang, flag=flag.replace("_", " "))


def refusal_text(rules: Rules, refusal: Refusal, lang: Lang, action: Action | None = None) -> str:
    """Why something cannot be done, with the scenario's labels where the engine gives ids."""
    p = refusal.params
    if refusal.code == "requires" and action is not None and action.requires is not None:
        return t("refusal.requires", lang, detail=condition_text(rules, action.requires, lang))
    if refusal.code == "no_resource":
        name = resource_label(str(p.get("resource", "")), lang)
        return t("why.no_resource", lang, resource=name, need=p.get("need"), left=p.get("left"))
    if refusal.code in ("target_missing", "target_unknown"):
        kind = t(f"word.{p.get('kind', 'zone')}", lang)
        return t(f"refusal.{refusal.code}", lang, kind=kind, target=p.get("target", ""))
    if refusal.code == "stage":
        stage = t_or(f"stage.{p.get('stage')}", lang, str(p.get("stage")))
        return t("why.stage", lang, stage=stage)
    return t(f"refusal.{refusal.code}", lang, **refusal.params)


def outcome_mark(outcome: str) -> str:
    """A symbol for an order's outcome that does not rely on colour."""
    return {"done": "✓", "failed": "✗", "refused": "⊘", "requested": "⧗", "alone": "◌"}.get(
        outcome, "·"
    )


def gauge(value: float, width: int = 10) -> str:
    """A bar for a value 0-100: '██████░░░░'."""
    filled = max(0, min(width, round(value / 100 * width)))
    return "█" * filled + "░" * (width - filled)


def health_key(value: float) -> str:
    """'good', 'damaged' or 'critical' for a functionality 0-100."""
    return "good" if value >= 80 else "damaged" if value >= 50 else "critical"


def exposure_bar(level: int) -> str:
    """Exposure 0-5 as filled and empty blocks: '▮▮▮▯▯'."""
    level = max(0, min(5, level))
    return "▮" * level + "▯" * (5 - level)

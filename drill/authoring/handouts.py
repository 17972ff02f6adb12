"""`drill handouts`: printable role cards, inject cards and a facilitator sheet (HTML, A4).

The pages are self-contained (styles inline, no scripts, no links to the network) and
written with the Jinja2 templates in drill/authoring/templates/handouts/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from drill.authoring.describe import clock
from drill.engine.conditions import describe as condition
from drill.engine.rules import compile_rules
from drill.i18n import t, t_or
from drill.i18n.capabilities import capability_name
from drill.scenario.bundle import Bundle
from drill.scenario.models import Action, Inject, Role, Scenario
from drill.scenario.text import Lang, Text, pick


@dataclass(frozen=True)
class ActionLine:
    """One action on a role card."""

    label: str
    description: str
    ap: int
    cost: str
    notes: list[str]


@dataclass(frozen=True)
class RoleCard:
    """What one role's card says."""

    id: str
    file: str
    label: str
    description: str
    action_points: int
    briefing: str
    information: list[str]
    actions: list[ActionLine]
    resources: list[tuple[str, int]]


@dataclass(frozen=True)
class InjectCard:
    """What one inject's card (and its facilitator entry) says."""

    id: str
    time: str
    sender: str
    to: str
    method: str
    title: str
    text: str
    notes: str
    expects: list[str]
    contingency: str


class Cards:
    """The texts of every card of one bundle, in one language."""

    def __init__(self, bundle: Bundle, lang: Lang) -> None:
        self.bundle, self.lang = bundle, lang
        self.scenario: Scenario = bundle.scenario
        self.rules = compile_rules(bundle.ruleset, bundle.scenario)
        self.labels = {role.id: pick(role.label, lang) for role in bundle.ruleset.roles}

    def text(self, value: Text | None) -> str:
        """A scenario text in the language."""
        return pick(value, self.lang)

    def role(self, role: Role) -> RoleCard:
        """The card of one role."""
        scenario = self.scenario
        known = [i for i in scenario.information if role.id in i.known_by]
        return RoleCard(
            id=role.id,
            file=role_file(role.id),
            label=self.text(role.label),
            description=self.text(role.description),
            action_points=role.action_points,
            briefing=self.text(scenario.role_briefings.get(role.id)),
            information=[self.text(item.text) for item in known],
            actions=[self.action(a) for a in self.rules.role_actions[role.id]],
            resources=sorted(scenario.resources.get(role.id, {}).items()),
        )

    def action(self, action: Action) -> ActionLine:
        """One action line: label, cost and what to know about it."""
        cost = ", ".join(f"{name} {amount}" for name, amount in action.cost.items())
        notes = []
        if action.joint is not None:
            notes.append(t("handout.joint", self.lang, n=action.joint.min))
        if action.approval is not None:
            notes.append(
                t("handout.approval", self.lang, role=self.labels.get(action.approval.by, ""))
            )
        needed = [i for i in self.scenario.information if action.id in i.needed_by]
        if needed:
            refused = any(item.missing == "refuse" for item in needed)
            notes.append(t("handout.refuse" if refused else "handout.weaken", self.lang))
        return ActionLine(
            self.text(action.label), self.text(action.description), action.ap, cost, notes
        )

    def inject(self, inject: Inject) -> InjectCard:
        """The card of one inject and its facilitator entry."""
        to = (
            t("handout.all", self.lang)
            if inject.to == "all"
            else ", ".join(self.labels[r] for r in inject.to)
        )
        expects = [
            f"{e.action} — {', '.join(self.labels[r] for r in e.by)} — "
            f"{t('handout.within', self.lang, n=e.within)} — {e.objective}"
            for e in inject.expects
        ]
        return InjectCard(
            id=inject.id,
            time=self.release(inject),
            sender=self.text(inject.sender),
            to=to,
            method=t_or(f"handout.method.{inject.method}", self.lang, inject.method),
            title=self.text(inject.title),
            text=self.text(inject.text),
            notes=self.text(inject.notes),
            expects=expects,
            contingency=inject.contingency or "",
        )

    def release(self, inject: Inject) -> str:
        """When the inject comes, in words."""
        meta = self.scenario.meta
        if inject.turn is not None:
            turn = t("handout.turn", self.lang, n=inject.turn)
            return f"{turn} · {clock(meta, inject.turn)}".rstrip(" ·")
        if inject.when is not None:
            return condition(inject.when)
        parents = [i.id for i in self.scenario.injects if i.contingency == inject.id]
        return f"← {', '.join(parents)}" if parents else "—"


def role_file(role: str) -> str:
    """The file name of a role's card."""
    return "role-" + re.sub(r"[^A-Za-z0-9_-]", "_", role) + ".html"


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("drill.authoring", "templates/handouts"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_handouts(bundle: Bundle, lang: Lang) -> dict[str, str]:
    """Every page of the handouts: file name → HTML text."""
    cards = Cards(bundle, lang)
    scenario = bundle.scenario
    env = _environment()
    roles = [cards.role(role) for role in bundle.ruleset.roles]
    injects = sorted(
        (cards.inject(i) for i in scenario.injects),
        key=lambda c: _order(scenario, c.id),
    )
    common = {
        "lang": lang,
        "t": lambda key: t(key, lang),
        "title": cards.text(scenario.meta.title),
        "summary": cards.text(scenario.meta.summary),
        "briefing": cards.text(scenario.briefing),
        "length": t("handout.turns", lang, n=scenario.meta.turns, m=scenario.meta.minutes_per_turn),
    }
    pages = {
        card.file: env.get_template("role.html.j2").render(card=card, **common) for card in roles
    }
    pages["injects.html"] = env.get_template("injects.html.j2").render(injects=injects, **common)
    objectives = [
        (o.id, capability_name(o.capability, lang), cards.text(o.text)) for o in scenario.objectives
    ]
    pages["facilitator.html"] = env.get_template("facilitator.html.j2").render(
        injects=injects, objectives=objectives, **common
    )
    pages["index.html"] = env.get_template("index.html.j2").render(roles=roles, **common)
    return pages


def _order(scenario: Scenario, inject_id: str) -> tuple[int, int]:
    index = next(i for i, inject in enumerate(scenario.injects) if inject.id == inject_id)
    turn = scenario.injects[index].turn
    return (turn if turn is not None else 10_000, index)


def write_handouts(bundle: Bundle, lang: Lang, folder: Path) -> list[Path]:
    """Write every page into `folder` (created if needed); the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in render_handouts(bundle, lang).items():
        path = folder / name
        path.write_text(html, encoding="utf-8")
        written.append(path)
    return written

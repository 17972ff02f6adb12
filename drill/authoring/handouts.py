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
from drill.i18n.capabilities import capability_name
from drill.scenario.bundle import Bundle
from drill.scenario.models import Action, Inject, Role, Scenario
from drill.scenario.text import Lang, Text, pick

WORDS: dict[str, dict[Lang, str]] = {
    "role_card": {"zh": "角色简报卡", "en": "Role briefing card"},
    "public": {"zh": "公开情况介绍", "en": "Public briefing"},
    "private": {
        "zh": "你的秘密简报（不要给别的小组看）",
        "en": "Your private briefing (do not show other teams)",
    },
    "information": {"zh": "只有你知道的情况", "en": "What only you know"},
    "actions": {"zh": "你可以采取的行动", "en": "Actions you can take"},
    "resources": {"zh": "你手里的资源", "en": "Your resources"},
    "action_points": {"zh": "每轮行动点", "en": "Action points per turn"},
    "ap": {"zh": "行动点", "en": "AP"},
    "cost": {"zh": "花费", "en": "Cost"},
    "notes": {"zh": "说明", "en": "Notes"},
    "joint": {"zh": "联合行动：至少{n}方一起做", "en": "Joint: at least {n} parties together"},
    "approval": {"zh": "需要{role}批准", "en": "Needs approval by {role}"},
    "refuse": {"zh": "缺少相关信息时做不成", "en": "Refused without the information it needs"},
    "weaken": {"zh": "缺少相关信息时效果减弱", "en": "Weaker without the information it needs"},
    "inject_card": {"zh": "情景注入卡", "en": "Inject card"},
    "time": {"zh": "时间", "en": "Time"},
    "from": {"zh": "来自", "en": "From"},
    "to": {"zh": "发给", "en": "To"},
    "method": {"zh": "方式", "en": "Method"},
    "all": {"zh": "所有小组", "en": "Everyone"},
    "none": {"zh": "无", "en": "None"},
    "facilitator": {
        "zh": "导调人员工作表（不要发给参演人员）",
        "en": "Facilitator sheet (do not hand out)",
    },
    "expects": {"zh": "预期响应", "en": "Expected responses"},
    "within": {"zh": "{n}轮内", "en": "within {n} turn(s)"},
    "contingency": {"zh": "未完成时发布", "en": "If missed, release"},
    "objectives": {"zh": "演练目标", "en": "Objectives"},
    "index": {"zh": "打印材料", "en": "Handouts"},
    "turns": {"zh": "{n}轮，每轮{m}分钟", "en": "{n} turns of {m} minutes"},
    "turn": {"zh": "第{n}轮", "en": "Turn {n}"},
    "print": {"zh": "用A4纸打印，每张卡片一页。", "en": "Print on A4; each card is one page."},
}


METHODS: dict[str, dict[Lang, str]] = {
    "phone": {"zh": "电话", "en": "phone"},
    "radio": {"zh": "对讲机", "en": "radio"},
    "platform": {"zh": "社区信息平台", "en": "community platform"},
    "media": {"zh": "新闻媒体", "en": "news media"},
    "social_media": {"zh": "社交媒体", "en": "social media"},
    "in_person": {"zh": "当面", "en": "in person"},
    "email": {"zh": "电子邮件", "en": "email"},
    "sms": {"zh": "短信", "en": "text message"},
    "loudspeaker": {"zh": "广播喇叭", "en": "loudspeaker"},
}
"""How common inject methods are written on the cards; others are shown as they are."""


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

    def word(self, key: str, **values: object) -> str:
        """A fixed word of the cards in the language, with values filled in."""
        return WORDS[key][self.lang].format(**values)

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
            notes.append(self.word("joint", n=action.joint.min))
        if action.approval is not None:
            notes.append(self.word("approval", role=self.labels.get(action.approval.by, "")))
        needed = [i for i in self.scenario.information if action.id in i.needed_by]
        if needed:
            refused = any(item.missing == "refuse" for item in needed)
            notes.append(self.word("refuse" if refused else "weaken"))
        return ActionLine(
            self.text(action.label), self.text(action.description), action.ap, cost, notes
        )

    def inject(self, inject: Inject) -> InjectCard:
        """The card of one inject and its facilitator entry."""
        to = (
            self.word("all") if inject.to == "all" else ", ".join(self.labels[r] for r in inject.to)
        )
        expects = [
            f"{e.action} — {', '.join(self.labels[r] for r in e.by)} — "
            f"{self.word('within', n=e.within)} — {e.objective}"
            for e in inject.expects
        ]
        return InjectCard(
            id=inject.id,
            time=self.release(inject),
            sender=self.text(inject.sender),
            to=to,
            method=METHODS.get(inject.method, {}).get(self.lang, inject.method),
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
            turn = self.word("turn", n=inject.turn)
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
        "w": cards.word,
        "title": cards.text(scenario.meta.title),
        "summary": cards.text(scenario.meta.summary),
        "briefing": cards.text(scenario.briefing),
        "length": cards.word("turns", n=scenario.meta.turns, m=scenario.meta.minutes_per_turn),
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

"""What one seat sees, as text: inbox, information, resources, proposals, platform, orders."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from drill.engine.commands import FACILITATOR, PLATFORM
from drill.engine.events import Order, RequestCreated
from drill.engine.rules import Rules
from drill.engine.view import InboxItem, SeatView
from drill.i18n import t
from drill.scenario.text import Lang, pick
from drill.tui.words import (
    action_label,
    method_label,
    resource_label,
    role_label,
    target_label,
    turn_span,
)

METHOD_MARK = {"phone": "☎", "radio": "⌁", "platform": "▣", "media": "◫", "in_person": "☺"}


def _inject(rules: Rules, item: InboxItem, view: SeatView, lang: Lang) -> RenderableType:
    new = item.turn >= view.turn
    sender = pick(item.sender, lang) or t("inbox.facilitator", lang)
    head = Text.assemble(
        ("★ " + t("inbox.new", lang) + " " if new else "", "bold yellow"),
        (t("board.turn_short", lang, turn=item.turn), "dim"),
        " ",
        (f"{METHOD_MARK.get(item.method, '✉')} {method_label(item.method, lang)}", "cyan"),
        " · ",
        (sender, "italic"),
    )
    title = Text(pick(item.title, lang), style="bold") if item.title else Text("")
    parts: list[RenderableType] = [head, title, Text(pick(item.text, lang))]
    if item.notes is not None:
        parts.append(marked("✎ " + t("inbox.notes", lang) + ":", pick(item.notes, lang), "magenta"))
    return Group(*parts, Text(""))


def inbox(rules: Rules, view: SeatView, lang: Lang) -> RenderableType:
    """The seat's injects, newest first; facilitator notes only on the facilitator's view."""
    items = sorted(view.inbox, key=lambda i: -i.turn)
    if not items:
        return Text(t("inbox.empty", lang), style="dim")
    return Group(*(_inject(rules, item, view, lang) for item in items))


def information(rules: Rules, view: SeatView, lang: Lang) -> RenderableType:
    """What the seat knows, marking what is already on the community platform."""
    if not view.information:
        return Text(t("info.empty", lang), style="dim")
    lines: list[RenderableType] = []
    for info, text in view.information.items():
        shared = info in view.platform
        mark = "▣ " + t("info.on_platform", lang) if shared else "•"
        lines.append(marked(mark, pick(text, lang), "cyan" if shared else ""))
        lines.append(Text(""))
    return Group(*lines)


def resources(view: SeatView, seat: str, committed: dict[str, int], lang: Lang) -> Table:
    """The seat's stock, what this turn's orders will use, and what stays free."""
    table = Table(box=None, padding=(0, 2), show_edge=False)
    table.add_column(t("res.name", lang))
    table.add_column(t("res.have", lang), justify="right")
    table.add_column(t("res.committed", lang), justify="right")
    table.add_column(t("res.free", lang), justify="right")
    for name, amount in view.resources.get(seat, {}).items():
        used = committed.get(name, 0)
        table.add_row(
            resource_label(name, lang), str(amount), str(used) if used else "", str(amount - used)
        )
    return table


def proposal_text(
    rules: Rules, proposal: tuple[int, str, str, tuple[str, ...], str | None], lang: Lang
) -> str:
    """'Committee invites Residents to: Sandbag defences (Riverside)'."""
    _, role, action, to, target = proposal
    where = f" ({target_label(rules, target, lang)})" if target else ""
    partners = t("list.sep", lang).join(role_label(rules, r, lang) for r in to)
    return t(
        "joint.invite",
        lang,
        role=role_label(rules, role, lang),
        to=partners,
        action=action_label(rules, action, lang) + where,
    )


def platform(rules: Rules, view: SeatView, lang: Lang) -> RenderableType:
    """Messages on the community platform, newest first."""
    if not view.messages:
        return Text(t("platform.empty", lang), style="dim")
    lines = []
    for turn, seat, text in sorted(view.messages, key=lambda m: -m[0]):
        who = t("seat.facilitator", lang) if seat == FACILITATOR else role_label(rules, seat, lang)
        lines.append(
            Text.assemble(
                (t("board.turn_short", lang, turn=turn), "dim"), " ", (who, "bold"), ": ", text
            )
        )
    return Group(*lines)


def order_text(rules: Rules, order: Order, lang: Lang) -> str:
    """One order in a line: the action, its target or receiver, what it gives, its AP."""
    parts = [action_label(rules, order.action, lang)]
    if order.target:
        parts.append("→ " + target_label(rules, order.target, lang))
    if order.to:
        receiver = (
            t("seat.platform", lang) if order.to == PLATFORM else role_label(rules, order.to, lang)
        )
        parts.append("→ " + receiver)
    if order.info and order.info in rules.info:
        parts.append(f"“{pick(rules.info[order.info].text, lang)[:18]}…”")
    if order.resource:
        parts.append(f"({resource_label(order.resource, lang)} {order.amount})")
    if order.request is not None:
        parts.append(f"#{order.request}")
    parts.append(t("order.ap", lang, ap=order.ap))
    return " ".join(parts)


def clock_line(rules: Rules, view: SeatView, lang: Lang) -> str:
    """'Turn 3 of 12 · 07:00–07:30'."""
    span = turn_span(rules.scenario.meta, view.turn, lang)
    return t("board.turn", lang, turn=view.turn, turns=view.turns) + (f" · {span}" if span else "")


def marked(mark: str, text: str | Text, style: str = "") -> Table:
    """A symbol or label beside a text that wraps under itself (Chinese text included).

    The text column folds: a Chinese sentence has no spaces to wrap at, and a column that
    only wraps at spaces cuts it to one line with "…".
    """
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, style=style)
    table.add_column(ratio=1, style=style, overflow="fold")
    table.add_row(mark, text)
    return table


def request_text(rules: Rules, request: RequestCreated, lang: Lang) -> str:
    """'#7 Community committee: Evacuate a zone → Riverside'."""
    order = request.order
    where = f" → {target_label(rules, order.target, lang)}" if order.target else ""
    who = role_label(rules, order.role, lang)
    return f"#{request.request} {who}: {action_label(rules, order.action, lang)}{where}"

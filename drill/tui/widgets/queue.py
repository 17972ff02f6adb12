"""The facilitator's tables as rows: the seats and who submitted, the inject queue (MSEL)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from drill.engine.rules import Rules
from drill.engine.view import SeatView
from drill.i18n import t
from drill.scenario.text import Lang, pick
from drill.session.seats import SessionConfig
from drill.tui.widgets.panels import marked
from drill.tui.words import inject_title, method_label, role_label

SeatRow = tuple[str, str, str, Text]
InjectRow = tuple[str, Text, str, str]


def seat_rows(rules: Rules, view: SeatView, setup: SessionConfig, lang: Lang) -> list[SeatRow]:
    """Per role: number, name (and team), orders and action points, submitted or not."""
    rows = []
    for i, role in enumerate(rules.role_order):
        seat = setup.seat(role)
        name = role_label(rules, role, lang)
        if seat.team:
            name += f" · {seat.team}"
        orders = view.orders.get(role, ())
        used, total = sum(o.ap for o in orders), rules.roles[role].action_points
        if role in view.submitted:
            state = Text("✓ " + t("console.submitted", lang), "green")
        elif seat.bot is not None:
            state = Text("⚙ " + t(f"lobby.bot_{seat.bot}", lang), "cyan")
        else:
            state = Text("… " + t("console.waiting", lang), "yellow")
        rows.append((str(i + 1), name, f"{len(orders)} · {used}/{total}", state))
    return rows


def inject_state(view: SeatView, inject: str, lang: Lang) -> Text:
    """Released, skipped, held, coming next turn, or waiting — with a symbol.

    `view` is the facilitator's: only it holds the inject queue.
    """
    if inject in view.released:
        return Text("✓ " + t("inject.released", lang, turn=view.released[inject]), "green")
    if inject in view.skipped:
        return Text("⤫ " + t("inject.skipped", lang), "dim")
    if inject in view.held:
        return Text("⏸ " + t("inject.held", lang), "bold yellow")
    if inject in view.queued:
        return Text("! " + t("inject.queued", lang), "bold magenta")
    return Text("· " + t("inject.pending", lang))


def inject_when(rules: Rules, inject: str, lang: Lang) -> str:
    """When an inject comes: its turn, a condition, a missed response, or on demand."""
    found = rules.injects[inject]
    if found.turn is not None:
        return t("inject.turn", lang, turn=found.turn)
    if found.when is not None:
        return t("inject.condition", lang)
    if any(i.contingency == inject for i in rules.injects.values()):
        return t("inject.contingency", lang)
    return t("inject.on_demand", lang)


def addressed(rules: Rules, to: list[str] | str | tuple[str, ...], lang: Lang) -> str:
    """'everyone' or the roles an inject goes to."""
    if to == "all" or tuple(to) == rules.role_order:
        return t("inject.everyone", lang)
    return t("list.sep", lang).join(role_label(rules, r, lang) for r in to)


def inject_rows(rules: Rules, view: SeatView, lang: Lang) -> list[InjectRow]:
    """The MSEL in file order, then the facilitator's own injects (of the facilitator's view)."""
    rows: list[InjectRow] = [
        (i, inject_state(view, i, lang), inject_when(rules, i, lang), inject_title(rules, i, lang))
        for i in rules.injects
    ]
    for adhoc in view.adhoc:
        released = Text("✓ " + t("inject.released", lang, turn=adhoc.turn), "green")
        rows.append((adhoc.id, released, t("inject.adhoc", lang), adhoc.title or adhoc.text[:40]))
    return rows


def inject_detail(rules: Rules, view: SeatView, inject: str, lang: Lang) -> RenderableType:
    """Title, to whom and how, the text, and the facilitator's notes (the facilitator's view)."""
    found = rules.injects.get(inject)
    if found is None:
        adhoc = next((a for a in view.adhoc if a.id == inject), None)
        if adhoc is None:
            return Text("")
        how = f"→ {addressed(rules, adhoc.to, lang)} · {method_label(adhoc.method, lang)}"
        return Group(Text(adhoc.title, style="bold"), Text(how, style="dim"), Text(adhoc.text))
    how = f"→ {addressed(rules, found.to, lang)} · {method_label(found.method, lang)}"
    parts: list[RenderableType] = [
        Text(inject_title(rules, inject, lang), style="bold"),
        Text(how, style="dim"),
        Text(pick(found.text, lang)),
    ]
    if found.notes is not None:
        notes = pick(found.notes, lang)
        parts.append(marked("✎ " + t("inbox.notes", lang) + ":", notes, "magenta"))
    return Group(*parts)

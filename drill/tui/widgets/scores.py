"""Scores as tables: overall and its parts, objective ratings, each role's contribution."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from drill.engine.rules import Rules
from drill.engine.scoring import Scores
from drill.i18n import t
from drill.i18n.capabilities import capability_name
from drill.scenario.text import Lang, pick
from drill.tui.words import role_label

RATING_STYLE = {"P": "bold green", "S": "green", "M": "yellow", "U": "bold red", "-": "dim"}
RATING_MARK = {"P": "●", "S": "◕", "M": "◑", "U": "○", "-": "·"}


def number(value: float | None) -> str:
    """A score to one decimal, or '—' when nothing was measured."""
    return "—" if value is None else f"{value:.1f}"


def _bar(value: float | None, width: int = 10) -> Text:
    if value is None:
        return Text("")
    filled = max(0, min(width, round(value / 100 * width)))
    style = "green" if value >= 70 else "yellow" if value >= 40 else "red"
    return Text("█" * filled + "░" * (width - filled), style=style)


def scores_table(scores: Scores, lang: Lang, detail: bool = True) -> Table:
    """Overall, coordination, recovery, equity (and the parts when `detail`)."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    table.add_column(no_wrap=True)
    rows: list[tuple[str, float | None, bool]] = [
        ("overall", scores.overall, True),
        ("coordination", scores.coordination, True),
    ]
    if detail:
        rows += [
            (part, getattr(scores, part), False)
            for part in ("response", "information", "joint", "cohesion", "self_organisation")
        ]
    rows += [("recovery", scores.recovery, True), ("equity", scores.equity, True)]
    for key, value, main in rows:
        name = t(f"score.{key}", lang) if main else "  " + t(f"score.{key}", lang)
        table.add_row(Text(name, style="bold" if main else ""), number(value), _bar(value))
    if detail:
        rapid = "—" if scores.rapidity is None else t("score.turns", lang, n=scores.rapidity)
        table.add_row("  " + t("score.robustness", lang), number(scores.robustness), "")
        table.add_row("  " + t("score.rapidity", lang), rapid, "")
    return table


def objectives_table(rules: Rules, scores: Scores, lang: Lang) -> Table:
    """Each objective with its HSEEP rating as a letter, a symbol and a word."""
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column(no_wrap=True)
    table.add_column(ratio=1)
    for oid, objective in rules.objectives.items():
        rating = scores.objectives.get(oid, "-")
        style = RATING_STYLE.get(rating, "")
        mark = Text(f"{RATING_MARK.get(rating, '·')} {rating}", style=style)
        capability = capability_name(objective.capability, lang)
        about = Text.assemble(
            (t(f"rating.{rating}", lang), style),
            (f" · {capability}", "dim"),
            "\n",
            pick(objective.text, lang),
        )
        table.add_row(mark, about)
        table.add_row("", "")
    return table


def roles_table(rules: Rules, scores: Scores, lang: Lang) -> Table:
    """Per role: actions, responses met, information shared, joint actions joined."""
    table = Table(box=None, padding=(0, 1), show_edge=False)
    table.add_column(t("end.role", lang))
    for key in ("actions", "responses", "shared", "joint"):
        table.add_column(t(f"end.{key}", lang), justify="right")
    for role in rules.role_order:
        c = scores.roles.get(role)
        if c is not None:
            table.add_row(
                role_label(rules, role, lang).split("（")[0].split(" (")[0],
                str(c.actions),
                str(c.responses_met),
                str(c.information_shared),
                str(c.joint_actions),
            )
    return table

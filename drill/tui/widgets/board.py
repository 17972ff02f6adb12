"""The situation board: zones on a map with their exposure, sector gauges, groups, trust."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from drill.engine.rules import Rules
from drill.engine.view import SeatView
from drill.i18n import t
from drill.scenario.text import Lang, pick
from drill.tui.words import (
    exposure_bar,
    gauge,
    health_key,
    institution_label,
    phase_label,
    short,
    turn_span,
)

HEALTH_STYLE = {"good": "green", "damaged": "yellow", "critical": "bold red"}
HEALTH_MARK = {"good": "●", "damaged": "◐", "critical": "○"}
EXPOSURE_STYLE = ("green", "green", "yellow", "dark_orange", "red", "bold red")


def health_text(value: float, lang: Lang) -> Text:
    """A sector's gauge, value and a word with a symbol (never colour alone)."""
    key = health_key(value)
    style = HEALTH_STYLE[key]
    return Text.assemble(
        (gauge(value), style),
        f" {value:5.1f} ",
        (f"{HEALTH_MARK[key]} {t('health.' + key, lang)}", style),
    )


def exposure_text(level: int, lang: Lang) -> Text:
    """A zone's exposure as blocks, the number and a word."""
    style = EXPOSURE_STYLE[max(0, min(5, level))]
    return Text.assemble(
        (exposure_bar(level), style), f" {level} ", (t(f"exposure.{level}", lang), style)
    )


def sectors_table(rules: Rules, sectors: dict[str, float], lang: Lang) -> Table:
    """One line per sector: name, gauge, value and state."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(no_wrap=True)
    for sid, sector in rules.sectors.items():
        table.add_row(pick(sector.label, lang), health_text(sectors.get(sid, 0.0), lang))
    return table


def groups_table(rules: Rules, view: SeatView, lang: Lang) -> Table:
    """One line per vulnerable group: assisted of all, affected, and the deadline."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=False, ratio=1)
    table.add_column(no_wrap=True)
    meta = rules.scenario.meta
    for gid, group in rules.groups.items():
        assisted, affected = view.assisted.get(gid, 0), view.affected.get(gid, 0)
        done = assisted >= group.count
        mark = (
            ("✓", "green")
            if done
            else ("…", "yellow")
            if view.turn <= group.deadline
            else ("✗", "red")
        )
        counts = Text.assemble(
            (mark[0] + " ", mark[1]),
            t("group.counts", lang, assisted=assisted, count=group.count, affected=affected),
            " ",
            (
                t(
                    "group.deadline",
                    lang,
                    turn=group.deadline,
                    time=turn_span(meta, group.deadline, lang).split("–")[-1],
                ),
                "dim",
            ),
        )
        table.add_row(short(pick(group.label, lang)), counts)
    return table


class ZoneMap(Grid):
    """The zones at their map positions, each with its exposure."""

    def __init__(self, rules: Rules, view: SeatView, lang: Lang) -> None:
        super().__init__(classes="zone-map")
        self.rules, self.view, self.lang = rules, view, lang
        zones = list(rules.zones.values())
        self.xs = sorted({z.position[0] for z in zones})
        self.ys = sorted({z.position[1] for z in zones})

    def compose(self) -> ComposeResult:
        """One cell per map position, empty where there is no zone."""
        at = {(z.position[0], z.position[1]): z for z in self.rules.zones.values()}
        for y in self.ys:
            for x in self.xs:
                zone = at.get((x, y))
                if zone is None:
                    yield Static("", classes="zone -empty")
                else:
                    yield Static(self._cell(zone.id), id=f"zone-{zone.id}", classes="zone")

    def _cell(self, zone: str) -> Text:
        label = short(pick(self.rules.zones[zone].label, self.lang))
        level = self.view.exposure.get(zone, 0)
        return Text.assemble((label, "bold"), "\n", exposure_text(level, self.lang))

    def on_mount(self) -> None:
        """Size the grid to the map."""
        self.styles.grid_size_columns = max(1, len(self.xs))
        self.styles.grid_size_rows = max(1, len(self.ys))

    def show(self, view: SeatView) -> None:
        """Update the exposures."""
        self.view = view
        for zone in self.rules.zones:
            self.query_one(f"#zone-{zone}", Static).update(self._cell(zone))


def headline(rules: Rules, view: SeatView, lang: Lang) -> Text:
    """Turn, scenario time and hazard phase in one line."""
    meta = rules.scenario.meta
    return Text.assemble(
        (t("board.turn", lang, turn=view.turn, turns=view.turns), "bold"),
        "  ",
        turn_span(meta, view.turn, lang),
        "  ",
        (t("board.phase", lang, phase=phase_label(rules, view.phase, lang)), "bold yellow"),
    )


def community_line(rules: Rules, view: SeatView, lang: Lang) -> Text:
    """Trust and the institutions established so far."""
    names = t("list.sep", lang).join(institution_label(rules, i, lang) for i in view.institutions)
    return Text.assemble(
        t("board.trust", lang, trust=f"{view.trust:.0f}"),
        "\n",
        t("board.institutions", lang, names=names or t("word.none", lang)),
    )


class SituationBoard(VerticalScroll):
    """The public picture of the community: what every seat may see of it."""

    def __init__(self, rules: Rules, view: SeatView, lang: Lang, id: str | None = None) -> None:
        super().__init__(classes="board", id=id)
        self.rules, self.view, self.lang = rules, view, lang

    def compose(self) -> ComposeResult:
        """Headline, map, sectors, groups, trust."""
        rules, view, lang = self.rules, self.view, self.lang
        yield Static(headline(rules, view, lang), classes="board-headline")
        yield Static(t("board.zones", lang), classes="section-title")
        yield ZoneMap(rules, view, lang)
        yield Static(t("board.sectors", lang), classes="section-title")
        yield Static(sectors_table(rules, view.sectors, lang), classes="board-sectors")
        yield Static(t("board.groups", lang), classes="section-title")
        yield Static(groups_table(rules, view, lang), classes="board-groups")
        yield Static(community_line(rules, view, lang), classes="board-community")

    def show(self, view: SeatView) -> None:
        """Show the drill as it stands now."""
        self.view = view
        rules, lang = self.rules, self.lang
        self.query_one(".board-headline", Static).update(headline(rules, view, lang))
        self.query_one(ZoneMap).show(view)
        self.query_one(".board-sectors", Static).update(sectors_table(rules, view.sectors, lang))
        self.query_one(".board-groups", Static).update(groups_table(rules, view, lang))
        self.query_one(".board-community", Static).update(community_line(rules, view, lang))

"""The situation report after a turn: what each order did and why, the hazard, the changes."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Static

from drill.i18n import t_or
from drill.scenario.text import pick
from drill.session.sitrep import Change, OrderOutcome, TurnReport
from drill.tui.base import DrillScreen
from drill.tui.widgets.board import sectors_table
from drill.tui.widgets.footer import KeyFooter
from drill.tui.widgets.scores import scores_table
from drill.tui.words import (
    action_label,
    inject_title,
    institution_label,
    outcome_mark,
    phase_label,
    role_label,
    sector_label,
    short,
    target_label,
    turn_span,
)

OUTCOME_STYLE = {
    "done": "green",
    "failed": "red",
    "refused": "red",
    "requested": "yellow",
    "alone": "yellow",
}
STATUS_MARK = {"on_time": ("✓", "green"), "late": ("◑", "yellow"), "missed": ("✗", "red")}


def signed(value: float) -> str:
    """'+3', '−2.5', '±0'."""
    if abs(value) < 0.05:
        return "±0"
    text = f"{abs(value):.1f}".removesuffix(".0")
    return ("+" if value > 0 else "−") + text


class SitrepScreen(DrillScreen):
    """The report of the last resolved turn; Enter goes on to the next turn or the end."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "continue", "key.continue", priority=True)
    ]
    HELP_KEY = "help.sitrep"

    class Next(Message):
        """The report was read: the next turn, or the end of the drill."""

    @property
    def report(self) -> TurnReport:
        """The report of the turn just resolved."""
        return self.session.reports[-1]

    def compose(self) -> ComposeResult:
        """Hazard and orders on the left; expectations, changes and scores on the right."""
        report, meta = self.report, self.rules.scenario.meta
        title = self.tr(
            "sitrep.title", turn=report.turn, span=turn_span(meta, report.turn, self.lang)
        )
        yield Static(Text(f" {title} ", style="bold reverse"), classes="status")
        with VerticalScroll(id="sitrep-body"), Horizontal(id="sitrep-columns"):
            with Vertical(id="sitrep-left"):
                yield Static(self.tr("sitrep.hazard"), classes="section-title")
                yield Static(self._hazard(), id="sitrep-hazard")
                yield Static(self.tr("sitrep.orders"), classes="section-title")
                yield Static(self._orders(), id="sitrep-orders")
            with Vertical(id="sitrep-right"):
                yield Static(self.tr("sitrep.expectations"), classes="section-title")
                yield Static(self._expectations(), id="sitrep-expectations")
                yield Static(self.tr("sitrep.changes"), classes="section-title")
                yield Static(self._changes(), id="sitrep-changes")
                if self.host.show_scores:
                    yield Static(self.tr("sitrep.scores"), classes="section-title")
                    yield Static(scores_table(self.session.scores(), self.lang, detail=False))
        with Horizontal(classes="buttons"):
            yield Button(self._next_label(), id="continue", variant="success")
        yield KeyFooter()

    def _next_label(self) -> str:
        report = self.report
        if report.ended or report.turn >= self.rules.turns:
            return self.tr("sitrep.to_end")
        return self.tr("sitrep.next", turn=report.turn + 1)

    def _hazard(self) -> RenderableType:
        rules, lang, report = self.rules, self.lang, self.report
        hazard = report.hazard
        phase = rules.phases[hazard.phase]
        lines: list[RenderableType] = []
        name = phase_label(rules, hazard.phase, lang)
        if hazard.factor is None:
            lines.append(Text(self.tr("sitrep.struck", phase=name), style="bold"))
        else:
            lines.append(
                Text(
                    self.tr("sitrep.struck_at", phase=name, share=round(hazard.factor * 100)),
                    style="bold",
                )
            )
        if phase.description is not None:
            lines.append(Text(pick(phase.description, lang), style="italic"))
        for index in hazard.mitigations:
            mitigation = phase.mitigations[index]
            label = pick(mitigation.label, lang) or self.tr("sitrep.mitigation")
            lines.append(Text(f"◆ {label} (×{mitigation.factor:g})", style="green"))
        changes = [self._change(c) for c in hazard.changes if abs(c.delta) >= 0.05]
        if changes:
            lines.append(Text("  ".join(changes)))
        if report.phase_after != report.phase_before:
            before, after = (
                phase_label(rules, report.phase_before, lang),
                phase_label(rules, report.phase_after, lang),
            )
            lines.append(
                Text(
                    "➜ " + self.tr("sitrep.phase_moved", before=before, after=after),
                    style="bold yellow",
                )
            )
        return Group(*lines)

    def _change(self, change: Change) -> str:
        if change.kind == "sector":
            name = sector_label(self.rules, change.id, self.lang)
        elif change.kind == "exposure":
            name = self.tr(
                "sitrep.exposure_of", zone=target_label(self.rules, change.id, self.lang)
            )
        else:
            name = self.tr("score.trust")
        return f"{name} {signed(change.delta)}"

    def _orders(self) -> RenderableType:
        if not self.report.outcomes:
            return Text(self.tr("sitrep.no_orders"), style="dim")
        table = Table.grid(padding=(0, 2), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for outcome in self.report.outcomes:
            table.add_row(
                Text(role_label(self.rules, outcome.role, self.lang), style="bold"),
                self._outcome(outcome),
            )
        return table

    def _outcome(self, outcome: OrderOutcome) -> Text:
        rules, lang = self.rules, self.lang
        what = action_label(rules, outcome.action, lang)
        if outcome.target:
            what += " → " + target_label(rules, outcome.target, lang)
        if outcome.joint:
            what += " " + self.tr("sitrep.joint")
        word = self.tr(f"outcome.{outcome.outcome}")
        if outcome.reason:
            word += " — " + t_or(f"reason.{outcome.reason}", self.lang, outcome.reason)
        style = OUTCOME_STYLE.get(outcome.outcome, "")
        return Text.assemble(what, "  ", (f"{outcome_mark(outcome.outcome)} {word}", style))

    def _expectations(self) -> RenderableType:
        rules, lang = self.rules, self.lang
        if not self.report.expectations:
            return Text(self.tr("sitrep.no_expectations"), style="dim")
        lines = []
        for rated in self.report.expectations:
            expected = rules.injects[rated.inject].expects[rated.index]
            mark, style = STATUS_MARK.get(rated.status, ("·", ""))
            who = (
                role_label(rules, rated.role, lang)
                if rated.role
                else self.tr("list.sep").join(role_label(rules, r, lang) for r in expected.by)
            )
            lines.append(
                Text.assemble(
                    (f"{mark} {self.tr('status.' + rated.status)}", style),
                    f"  {inject_title(rules, rated.inject, lang)}: ",
                    (action_label(rules, expected.action, lang), "bold"),
                    f" ({short(who)})",
                )
            )
        return Group(*lines)

    def _changes(self) -> RenderableType:
        rules, lang, report = self.rules, self.lang, self.report
        parts: list[RenderableType] = [
            sectors_table(rules, {c.id: c.after for c in report.sectors}, lang)
        ]
        deltas = "  ".join(
            f"{sector_label(rules, c.id, lang)} {signed(c.delta)}"
            for c in report.sectors
            if abs(c.delta) >= 0.05
        )
        if deltas:
            parts.append(Text(deltas, style="dim"))
        for group in report.groups:
            helped = group.assisted[1] - group.assisted[0]
            hurt = group.affected[1] - group.affected[0]
            if helped or hurt:
                name = short(pick(rules.groups[group.id].label, lang))
                parts.append(
                    Text(
                        self.tr(
                            "sitrep.group",
                            name=name,
                            helped=helped,
                            hurt=hurt,
                            assisted=group.assisted[1],
                            count=rules.groups[group.id].count,
                        )
                    )
                )
        for zone in report.exposure:
            if zone.delta:
                parts.append(
                    Text(
                        self.tr(
                            "sitrep.exposure",
                            zone=target_label(rules, zone.id, lang),
                            before=int(zone.before),
                            after=int(zone.after),
                        )
                    )
                )
        if abs(report.trust.delta) >= 0.05:
            parts.append(
                Text(
                    self.tr(
                        "sitrep.trust",
                        before=f"{report.trust.before:.0f}",
                        after=f"{report.trust.after:.0f}",
                    )
                )
            )
        for made in report.institutions:
            parts.append(
                Text(
                    "★ "
                    + self.tr(
                        "sitrep.institution", name=institution_label(rules, made.institution, lang)
                    ),
                    style="bold green",
                )
            )
        for request in report.requests:
            parts.append(
                Text(
                    "⧗ "
                    + self.tr(
                        "sitrep.request",
                        who=role_label(rules, request.order.role, lang),
                        action=action_label(rules, request.order.action, lang),
                        by=role_label(rules, request.approver, lang),
                    ),
                    style="yellow",
                )
            )
        return Group(*parts)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Continue."""
        self.action_continue()

    def action_continue(self) -> None:
        """The next turn, or the end of the drill."""
        self.post_message(self.Next())

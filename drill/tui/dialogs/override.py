"""The facilitator overrides the rules: one change to the drill, with the reason recorded."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, Static

from drill.engine.commands import FACILITATOR, Override
from drill.scenario.language import Effect, ExposureDelta, GroupCount, ResourceDelta, SectorDelta
from drill.scenario.text import pick
from drill.tui.base import DrillDialog
from drill.tui.dialogs.notice import NoticeDialog
from drill.tui.words import resource_label, role_label, short

KINDS = ("sector", "exposure", "assist", "affect", "trust", "resource", "none")


class OverrideDialog(DrillDialog[bool]):
    """Reason (required), what to change, and by how much."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "apply", "key.apply", priority=True),
    ]
    HELP_KEY = "help.override"
    AUTO_FOCUS = "#reason"

    def compose(self) -> ComposeResult:
        """Reason, kind of change, what it applies to, amount."""
        with Vertical(classes="dialog -wide", id="override-dialog"):
            yield Static(self.tr("override.title"), classes="dialog-title")
            yield Static(self.tr("override.reason"), classes="field-label")
            yield Input(id="reason", max_length=300, compact=True)
            yield Static(self.tr("override.kind"), classes="field-label")
            kinds = [(self.tr(f"override.kind.{k}"), k) for k in KINDS]
            yield Select(kinds, value="sector", allow_blank=False, id="kind", compact=True)
            with Vertical(id="override-target-box"):
                yield Static(self.tr("override.target"), classes="field-label")
                yield Select[str]([], id="target", compact=True, prompt=self.tr("order.choose"))
            with Vertical(id="override-resource-box"):
                yield Static(self.tr("order.param.resource"), classes="field-label")
                yield Select[str]([], id="resource", compact=True, prompt=self.tr("order.choose"))
            with Vertical(id="override-amount-box"):
                yield Static(self.tr("override.amount"), classes="field-label")
                yield Input(placeholder="0", type="number", id="amount", compact=True)
            with Horizontal(classes="buttons"):
                yield Button(self.tr("override.apply"), id="apply", variant="warning")
                yield Button(self.tr("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        """Start with a sector change."""
        self.call_after_refresh(self._fill, "sector")

    def on_select_changed(self, event: Select.Changed) -> None:
        """Targets follow the kind of change."""
        if event.select.id == "kind" and isinstance(event.value, str):
            self._fill(event.value)

    def _fill(self, kind: str) -> None:
        rules, lang = self.rules, self.lang
        targets: list[tuple[str, str]] = []
        if kind == "sector":
            targets = [(pick(s.label, lang), i) for i, s in rules.sectors.items()]
        elif kind == "exposure":
            targets = [(short(pick(z.label, lang)), i) for i, z in rules.zones.items()]
        elif kind in ("assist", "affect"):
            targets = [(short(pick(g.label, lang)), i) for i, g in rules.groups.items()]
        elif kind == "resource":
            targets = [(role_label(rules, r, lang), r) for r in rules.role_order]
            stocks = self.session.facilitator_view().resources.values()
            names = sorted({n for stock in stocks for n in stock})
            self.query_one("#resource", Select).set_options(
                [(resource_label(n, lang), n) for n in names]
            )
        self.query_one("#target", Select).set_options(targets)
        self.query_one("#override-target-box").display = bool(targets)
        self.query_one("#override-resource-box").display = kind == "resource"
        self.query_one("#override-amount-box").display = kind != "none"

    def effect(self) -> Effect | None:
        """The change the form describes (None: only the reason is recorded)."""
        kind = self.query_one("#kind", Select).value
        target = self.query_one("#target", Select).value
        target_id = target if isinstance(target, str) else ""
        text = self.query_one("#amount", Input).value.strip() or "0"
        amount = float(text)
        if kind == "sector":
            return Effect(sector=SectorDelta(id=target_id, delta=amount))
        if kind == "exposure":
            return Effect(exposure=ExposureDelta(zone=target_id, delta=round(amount)))
        if kind == "assist":
            return Effect(assist=GroupCount(group=target_id, count=round(amount)))
        if kind == "affect":
            return Effect(affect=GroupCount(group=target_id, count=round(amount)))
        if kind == "trust":
            return Effect(trust=amount)
        if kind == "resource":
            resource = self.query_one("#resource", Select).value
            name = resource if isinstance(resource, str) else ""
            return Effect(resource=ResourceDelta(id=name, delta=round(amount), role=target_id))
        return None

    def _complete(self) -> bool:
        kind = self.query_one("#kind", Select).value
        if kind in ("trust", "none"):
            return True
        if not isinstance(self.query_one("#target", Select).value, str):
            return False
        return kind != "resource" or isinstance(self.query_one("#resource", Select).value, str)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Apply or cancel."""
        if event.button.id == "apply":
            self.action_apply()
        else:
            self.dismiss(False)

    def action_apply(self) -> None:
        """Apply the change; anything missing or refused is explained and the form kept."""
        if not self._complete():
            self.app.push_screen(
                NoticeDialog(self.tr("override.title"), self.tr("override.incomplete"))
            )
            return
        try:
            effect = self.effect()
        except (ValueError, ValidationError):
            self.app.push_screen(
                NoticeDialog(self.tr("override.title"), self.tr("override.bad_amount"))
            )
            return
        reason = self.query_one("#reason", Input).value
        self.send(Override(FACILITATOR, reason, (effect,) if effect else ()), self._done)

    def _done(self) -> None:
        self.notify(self.tr("override.done"))
        self.dismiss(True)

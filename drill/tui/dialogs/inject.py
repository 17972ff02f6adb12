"""The facilitator writes an ad-hoc inject: title, text, to whom and how; released at once."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Select, SelectionList, Static

from drill.engine.commands import FACILITATOR, AddInject
from drill.tui.base import DrillDialog
from drill.tui.words import method_label, role_label

METHODS = ("in_person", "phone", "radio", "platform", "media")


class InjectDialog(DrillDialog[bool]):
    """An inject of the facilitator's own; nobody chosen means everyone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "send", "key.send", priority=True),
    ]
    HELP_KEY = "help.inject"
    AUTO_FOCUS = "#adhoc-title"

    def compose(self) -> ComposeResult:
        """Title, text, addressees and method."""
        rules, lang = self.rules, self.lang
        with Vertical(classes="dialog -wide", id="inject-dialog"):
            yield Static(self.tr("adhoc.title"), classes="dialog-title")
            yield Static(self.tr("adhoc.field_title"), classes="field-label")
            yield Input(id="adhoc-title", max_length=120, compact=True)
            yield Static(self.tr("adhoc.field_text"), classes="field-label")
            yield Input(id="adhoc-text", max_length=1000, compact=True)
            yield Static(self.tr("adhoc.field_to"), classes="field-label")
            yield SelectionList[str](
                *[(role_label(rules, r, lang), r) for r in rules.role_order],
                id="adhoc-to",
                compact=True,
            )
            yield Static(self.tr("adhoc.field_method"), classes="field-label")
            yield Select(
                [(method_label(m, lang), m) for m in METHODS],
                value="in_person",
                allow_blank=False,
                id="adhoc-method",
                compact=True,
            )
            with Horizontal(classes="buttons"):
                yield Button(self.tr("adhoc.send"), id="send", variant="success")
                yield Button(self.tr("button.cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Send or cancel."""
        if event.button.id == "send":
            self.action_send()
        else:
            self.dismiss(False)

    def action_send(self) -> None:
        """Release the inject; a refusal keeps what was typed."""
        method = self.query_one("#adhoc-method", Select).value
        command = AddInject(
            FACILITATOR,
            text=self.query_one("#adhoc-text", Input).value,
            to=tuple(self.query_one("#adhoc-to", SelectionList).selected),
            method=method if isinstance(method, str) else "in_person",
            title=self.query_one("#adhoc-title", Input).value,
        )
        self.send(command, self._sent)

    def _sent(self) -> None:
        self.notify(self.tr("adhoc.sent"))
        self.dismiss(True)

"""After the drill: edit the improvement plan (HSEEP IP) of the kept drill."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.report.words import w
from drill.session.hotwash import PlanItem
from drill.tui.dialogs.kept import KeptDrillDialog

PLAN_ROWS = 6
FIELDS = ("action", "capability", "responsible", "due")


class PlanDialog(KeptDrillDialog):
    """The improvement plan (HSEEP IP): action, capability, responsible role, due date."""

    WORDS: ClassVar[dict[str, tuple[str, str]]] = {
        **KeptDrillDialog.WORDS,
        "plan.intro": (
            "One corrective action per row; leave a row empty to drop it.",
            "每行一项纠正措施；留空的行不保存。",
        ),
        "saved": ("Improvement plan saved.", "改进计划已保存。"),
    }

    def compose(self) -> ComposeResult:
        """A grid of fields, one row per corrective action."""
        items = self.keeper.plan(self.drill_id)
        with Vertical(classes="dialog -large"):
            yield Static(w("plan", self.lang), classes="dialog-title")
            yield Static(self.say("plan.intro"), classes="dialog-text")
            with Grid(id="plan-grid"):
                for name in FIELDS:
                    yield Static(w(name, self.lang), classes="field-label")
                for row in range(max(PLAN_ROWS, len(items) + 1)):
                    item = items[row] if row < len(items) else PlanItem("")
                    values = (item.action, item.capability, item.role, item.due)
                    for name, value in zip(FIELDS, values, strict=True):
                        yield Input(value, id=f"plan-{row}-{name}")
            with Horizontal(classes="buttons"):
                yield Button(self.say("save"), id="save", variant="success")
                yield Button(self.say("cancel"), id="cancel")

    def on_mount(self) -> None:
        """Four columns."""
        self.query_one("#plan-grid", Grid).styles.grid_size_columns = len(FIELDS)

    def plan(self) -> list[PlanItem]:
        """The rows that name an action."""
        rows = len(self.query(Input)) // len(FIELDS)
        out = []
        for row in range(rows):
            values = [self.query_one(f"#plan-{row}-{n}", Input).value.strip() for n in FIELDS]
            if values[0]:
                out.append(PlanItem(*values))
        return out

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Save or cancel."""
        if event.button.id == "save":
            self.keeper.keep_plan(self.drill_id, self.plan())
            self.notify(self.say("saved"))
            self.dismiss(True)
        else:
            self.dismiss(False)

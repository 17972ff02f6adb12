"""After the drill: edit the improvement plan (HSEEP IP) of the kept drill."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.i18n import t
from drill.session.hotwash import PlanItem
from drill.tui.dialogs.kept import KeptDrillDialog

PLAN_ROWS = 6
FIELDS = ("action", "capability", "responsible", "due")


class PlanDialog(KeptDrillDialog):
    """The improvement plan (HSEEP IP): action, capability, responsible role, due date."""

    def compose(self) -> ComposeResult:
        """A grid of fields, one row per corrective action."""
        items = self.keeper.plan(self.drill_id)
        with Vertical(classes="dialog -large"):
            yield Static(t("key.plan", self.lang), classes="dialog-title")
            yield Static(t("review.plan_intro", self.lang), classes="dialog-text")
            with Grid(id="plan-grid"):
                for name in FIELDS:
                    yield Static(t(f"report.{name}", self.lang), classes="field-label")
                for row in range(max(PLAN_ROWS, len(items) + 1)):
                    item = items[row] if row < len(items) else PlanItem("")
                    values = (item.action, item.capability, item.role, item.due)
                    for name, value in zip(FIELDS, values, strict=True):
                        yield Input(value, id=f"plan-{row}-{name}")
            with Horizontal(classes="buttons"):
                yield Button(t("review.save", self.lang), id="save", variant="success")
                yield Button(t("button.cancel", self.lang), id="cancel")

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
            self.notify(t("review.saved", self.lang))
            self.dismiss(True)
        else:
            self.dismiss(False)

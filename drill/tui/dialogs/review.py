"""After the drill: edit the improvement plan, write the report or the export to a file."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.i18n import t
from drill.report.reviews import drill_report
from drill.session.hotwash import PlanItem
from drill.store.database import Store
from drill.store.export import export
from drill.tui.base import DrillDialog

PLAN_ROWS = 6
FIELDS = ("action", "capability", "responsible", "due")
OUTPUTS = ("report.html", "report.md", "export.json", "export.csv")


class StoredDrillDialog(DrillDialog[bool]):
    """A dialog about a stored drill, with the words of the report.

    PlanDialog and ReviewDialog both derive from this and not from each other: Textual runs
    the mount handler of every class in the chain, so a subclass cannot replace it.
    """

    def __init__(self, store: Store, drill_id: int) -> None:
        super().__init__()
        self.store, self.drill_id = store, drill_id


class PlanDialog(StoredDrillDialog):
    """The improvement plan (HSEEP IP): action, capability, responsible role, due date."""

    def compose(self) -> ComposeResult:
        """A grid of fields, one row per corrective action."""
        items = self.store.plan(self.drill_id)
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
            self.store.set_plan(self.drill_id, self.plan())
            self.notify(t("review.saved", self.lang))
            self.dismiss(True)
        else:
            self.dismiss(False)


class ReviewDialog(StoredDrillDialog):
    """Write the after-action report or the export of the drill to a file."""

    def compose(self) -> ComposeResult:
        """A folder and one button per kind of file."""
        with Vertical(classes="dialog -wide"):
            yield Static(t("review.title", self.lang), classes="dialog-title")
            yield Static(t("review.folder", self.lang), classes="field-label")
            yield Input(str(Path.cwd()), id="folder")
            with Horizontal(classes="buttons"):
                for name in OUTPUTS:
                    yield Button(t(f"review.{name}", self.lang), id=name.replace(".", "-"))
                yield Button(t("button.cancel", self.lang), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Write the file asked for (in a worker), or close."""
        name = (event.button.id or "").replace("-", ".")
        if name not in OUTPUTS:
            self.dismiss(False)
            return
        kind, suffix = name.split(".")
        folder = Path(self.query_one("#folder", Input).value.strip() or ".")
        path = folder / f"drill-{self.drill_id}-{kind}.{suffix}"
        app, done, failed = (
            self.drill,
            t("review.written", self.lang),
            t("review.not_written", self.lang),
        )

        def then(error: OSError | None) -> None:
            # through the app: the dialog may be closed by the time the file is written
            if error is None:
                app.notify(done.format(path=path))
            else:
                app.notify(
                    failed.format(path=path, reason=error.strerror or error), severity="error"
                )

        app.run_engine(lambda: self.write(kind, suffix, path), then)

    def write(self, kind: str, suffix: str, path: Path) -> OSError | None:
        """Render and write one file; why it could not be written, if it could not."""
        if kind == "report":
            text = drill_report(self.store, self.drill_id, "html" if suffix == "html" else "md")
        else:
            text = export(self.store, self.drill_id, "json" if suffix == "json" else "csv")
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            return error
        return None

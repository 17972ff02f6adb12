"""After the drill: edit the improvement plan, write the report or the export to a file."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.report.reviews import drill_report
from drill.report.words import w
from drill.session.hotwash import PlanItem
from drill.store.database import Store
from drill.store.export import export
from drill.tui.base import DrillDialog

PLAN_ROWS = 6
FIELDS = ("action", "capability", "responsible", "due")
_WORDS = {
    "plan.intro": (
        "One corrective action per row; leave a row empty to drop it.",
        "每行一项纠正措施；留空的行不保存。",
    ),
    "save": ("Save", "保存"),
    "cancel": ("Cancel", "取消"),
    "saved": ("Improvement plan saved.", "改进计划已保存。"),
    "review.title": ("Report and export", "报告与导出"),
    "review.folder": ("Folder to write to", "保存到文件夹"),
    "written": ("Written: {path}", "已写入：{path}"),
    "not_written": ("Could not write {path}: {reason}", "无法写入 {path}：{reason}"),
    "report.html": ("Report (HTML, A4)", "报告（HTML，A4）"),
    "report.md": ("Report (Markdown)", "报告（Markdown）"),
    "export.json": ("Export (JSON)", "导出（JSON）"),
    "export.csv": ("Export (CSV)", "导出（CSV）"),
}
OUTPUTS = ("report.html", "report.md", "export.json", "export.csv")


class StoredDrillDialog(DrillDialog[bool]):
    """A dialog about a stored drill, with the words of the report.

    PlanDialog and ReviewDialog both derive from this and not from each other: Textual runs
    the mount handler of every class in the chain, so a subclass cannot replace it.
    """

    def __init__(self, store: Store, drill_id: int) -> None:
        super().__init__()
        self.store, self.drill_id = store, drill_id

    def say(self, key: str) -> str:
        """A word of this dialog or of the report in the app's language."""
        pair = _WORDS.get(key)
        if pair is None:
            return w(key, self.lang)
        return pair[1] if self.lang == "zh" else pair[0]


class PlanDialog(StoredDrillDialog):
    """The improvement plan (HSEEP IP): action, capability, responsible role, due date."""

    def compose(self) -> ComposeResult:
        """A grid of fields, one row per corrective action."""
        items = self.store.plan(self.drill_id)
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
            self.store.set_plan(self.drill_id, self.plan())
            self.notify(self.say("saved"))
            self.dismiss(True)
        else:
            self.dismiss(False)


class ReviewDialog(StoredDrillDialog):
    """Write the after-action report or the export of the drill to a file."""

    def compose(self) -> ComposeResult:
        """A folder and one button per kind of file."""
        with Vertical(classes="dialog -wide"):
            yield Static(self.say("review.title"), classes="dialog-title")
            yield Static(self.say("review.folder"), classes="field-label")
            yield Input(str(Path.cwd()), id="folder")
            with Horizontal(classes="buttons"):
                for name in OUTPUTS:
                    yield Button(self.say(name), id=name.replace(".", "-"))
                yield Button(self.say("cancel"), id="cancel")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Write the file asked for (in a worker), or close."""
        name = (event.button.id or "").replace("-", ".")
        if name not in OUTPUTS:
            self.dismiss(False)
            return
        kind, suffix = name.split(".")
        folder = Path(self.query_one("#folder", Input).value.strip() or ".")
        path = folder / f"drill-{self.drill_id}-{kind}.{suffix}"
        app, done, failed = self.host, self.say("written"), self.say("not_written")

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

"""After the drill: write the report or the export of the kept drill to a file."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.session.keeping import REVIEW_OUTPUTS, ReviewOutput
from drill.tui.dialogs.kept import KeptDrillDialog

OUTPUTS = REVIEW_OUTPUTS


class ReviewDialog(KeptDrillDialog):
    """Write the after-action report or the export of the drill to a file."""

    WORDS: ClassVar[dict[str, tuple[str, str]]] = {
        **KeptDrillDialog.WORDS,
        "review.title": ("Report and export", "报告与导出"),
        "review.folder": ("Folder to write to", "保存到文件夹"),
        "written": ("Written: {path}", "已写入：{path}"),
        "not_written": ("Could not write {path}: {reason}", "无法写入 {path}：{reason}"),
        "report.html": ("Report (HTML, A4)", "报告（HTML，A4）"),
        "report.md": ("Report (Markdown)", "报告（Markdown）"),
        "export.json": ("Export (JSON)", "导出（JSON）"),
        "export.csv": ("Export (CSV)", "导出（CSV）"),
    }

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
        output = _output((event.button.id or "").replace("-", "."))
        if output is None:
            self.dismiss(False)
            return
        kind, suffix = output.split(".")
        folder = Path(self.query_one("#folder", Input).value.strip() or ".")
        path = folder / f"drill-{self.drill_id}-{kind}.{suffix}"
        app, done, failed = self.drill, self.say("written"), self.say("not_written")

        def then(error: OSError | None) -> None:
            # through the app: the dialog may be closed by the time the file is written
            if error is None:
                app.notify(done.format(path=path))
            else:
                app.notify(
                    failed.format(path=path, reason=error.strerror or error), severity="error"
                )

        app.run_engine(lambda: self.write(output, path), then)

    def write(self, output: ReviewOutput, path: Path) -> OSError | None:
        """Write one file; why it could not be written, if it could not."""
        try:
            self.keeper.write_review(self.drill_id, output, path)
        except OSError as error:
            return error
        return None


def _output(name: str) -> ReviewOutput | None:
    return next((output for output in OUTPUTS if output == name), None)

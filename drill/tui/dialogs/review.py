"""After the drill: write the report or the export of the kept drill to a file."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Static

from drill.i18n import t
from drill.session.keeping import REVIEW_OUTPUTS, ReviewOutput
from drill.tui.dialogs.kept import KeptDrillDialog

OUTPUTS = REVIEW_OUTPUTS


class ReviewDialog(KeptDrillDialog):
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
        output = _output((event.button.id or "").replace("-", "."))
        if output is None:
            self.dismiss(False)
            return
        kind, suffix = output.split(".")
        folder = Path(self.query_one("#folder", Input).value.strip() or ".")
        path = folder / f"drill-{self.drill_id}-{kind}.{suffix}"
        app, done = self.host, t("review.written", self.lang)
        failed = t("review.not_written", self.lang)

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

"""The end of the drill: scores, objective ratings, the recovery chart and the hot wash."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static, TabbedContent, TabPane, TextArea

from drill.scenario.text import pick
from drill.tui.base import DrillScreen
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.widgets.chart import FunctionalityChart
from drill.tui.widgets.footer import KeyFooter
from drill.tui.widgets.scores import objectives_table, roles_table, scores_table

PAGES = ("scores", "chart", "hotwash")
HOTWASH = ("strengths", "improvements")


class EndScreen(DrillScreen):
    """The debrief; the hot wash is kept with the drill as it is typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "page(0)", "key.pages", key_display="F5-F7"),
        Binding("f6", "page(1)", "key.pages", show=False),
        Binding("f7", "page(2)", "key.pages", show=False),
        Binding("f10", "finish", "key.finish"),
    ]
    HELP_KEY = "help.end"

    class Finish(Message):
        """Close the drill and leave the app."""

    def __init__(self) -> None:
        super().__init__()
        self.page = PAGES[0]

    def compose(self) -> ComposeResult:
        """Status line and the three pages."""
        scores = self.session.scores()
        rules, lang = self.rules, self.lang
        title = self.tr("end.title", title=pick(rules.scenario.meta.title, lang))
        yield Static(title, classes="status", markup=False)
        with TabbedContent(initial=self.page, id="end-pages"):
            with (
                TabPane(self.tr("end.page.scores"), id="scores"),
                VerticalScroll(),
                Horizontal(id="end-columns"),
            ):
                with Vertical(id="end-left"):
                    yield Static(self.tr("end.scores"), classes="section-title")
                    yield Static(scores_table(scores, lang), id="end-scores")
                    yield Static(self.tr("end.roles"), classes="section-title")
                    yield Static(roles_table(rules, scores, lang), id="end-roles")
                with Vertical(id="end-right"):
                    yield Static(self.tr("end.objectives"), classes="section-title")
                    yield Static(objectives_table(rules, scores, lang), id="end-objectives")
            with TabPane(self.tr("end.page.chart"), id="chart"):
                history = list(self.session.facilitator_view().history)
                yield FunctionalityChart(rules, history, lang)
            with TabPane(self.tr("end.page.hotwash"), id="hotwash"), VerticalScroll():
                yield Static(self.tr("hotwash.intro"), classes="page-text")
                for key in HOTWASH:
                    yield Static(self.tr(f"hotwash.{key}"), classes="field-label")
                    yield TextArea(
                        self.session.hotwash.get(key, ""), id=f"hotwash-{key}", classes="hotwash"
                    )
        yield KeyFooter()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the hot wash with the drill as it is typed."""
        ident = event.text_area.id or ""
        if ident.startswith("hotwash-"):
            self.session.note_hotwash(ident.removeprefix("hotwash-"), event.text_area.text)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Remember the page across a change of language."""
        if event.pane.id is not None:
            self.page = event.pane.id

    def action_page(self, index: int) -> None:
        """Show one of the pages."""
        self.page = PAGES[index]
        self.query_one(TabbedContent).active = self.page
        if self.page == "hotwash":
            self.query_one(f"#hotwash-{HOTWASH[0]}", TextArea).focus()

    def action_finish(self) -> None:
        """Close the drill and leave (after confirming)."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.post_message(self.Finish())

        text = self.tr("finish.text")
        self.app.push_screen(ConfirmDialog(self.tr("finish.title"), text, danger=True), answer)

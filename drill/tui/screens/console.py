"""The facilitator's console: every table's orders, the inject queue, timer, scores, controls."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from drill.engine.commands import FACILITATOR, Hold, Pause, Release, Skip
from drill.engine.view import SeatView
from drill.tui.base import DrillScreen
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.dialogs.inject import InjectDialog
from drill.tui.dialogs.override import OverrideDialog
from drill.tui.dialogs.paused import PausedScreen
from drill.tui.dialogs.post import PostDialog
from drill.tui.widgets import panels, queue
from drill.tui.widgets.footer import KeyFooter
from drill.tui.widgets.scores import scores_table
from drill.tui.widgets.status import timer_text
from drill.tui.words import inject_title, phase_label, role_label

_LIVE = ("release", "hold", "skip", "inject", "message", "pause", "close", "override", "table")


class ConsoleScreen(DrillScreen):
    """Only the facilitator sees this screen (in hot-seat mode behind a hand-over)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "table(0)", "key.open_table", key_display="1-4"),
        *[Binding(str(i + 1), f"table({i})", "key.open_table", show=False) for i in range(1, 4)],
        Binding("r", "release", "key.release"),
        Binding("h", "hold", "key.hold"),
        Binding("x", "skip", "key.skip"),
        Binding("n", "inject", "key.new_inject"),
        Binding("m", "message", "key.message"),
        Binding("p", "pause", "key.pause"),
        Binding("o", "override", "key.override"),
        Binding("v", "scores", "key.scores"),
        Binding("c", "close", "key.close_turn"),
        Binding("e", "end", "key.end"),
    ]
    HELP_KEY = "help.console"

    class OpenSeat(Message):
        """Open a table's turn screen (hot-seat: behind its hand-over)."""

        def __init__(self, role: str) -> None:
            super().__init__()
            self.role = role

    class CloseTurn(Message):
        """Resolve the turn and show its situation report."""

    class EndDrill(Message):
        """End the drill now and go to the debrief."""

    def compose(self) -> ComposeResult:
        """Status line; tables and orders; injects, notes and scores."""
        yield Static(self._status(), id="status", classes="status")
        with VerticalScroll(id="console-body"):
            with Vertical(id="console-left"):
                yield Static(self.tr("console.tables"), classes="section-title")
                yield DataTable(id="seats", cursor_type="row", zebra_stripes=True)
                yield Static(self.tr("console.orders"), classes="section-title")
                yield Static(id="all-orders")
            with Vertical(id="console-right"):
                yield Static(self.tr("console.injects"), classes="section-title")
                yield DataTable(id="injects", cursor_type="row", zebra_stripes=True)
                yield Static(id="inject-detail", classes="inject-detail")
                yield Static(id="scores-title", classes="section-title")
                yield Static(id="scores")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the tables and keep the timer running."""
        self._columns()
        self.set_interval(1.0, self._tick)

    def relabelled(self) -> None:
        """After a language change, fill everything again."""
        self._columns()

    def _columns(self) -> None:
        seats = self.query_one("#seats", DataTable)
        for key in ("no", "role", "orders", "state"):
            seats.add_column(self.tr(f"console.col.{key}"), key=key)
        injects = self.query_one("#injects", DataTable)
        for key in ("state", "when", "title"):
            injects.add_column(self.tr(f"console.col.{key}"), key=key)
        self.refresh_drill()
        injects.focus()

    @property
    def view(self) -> SeatView:
        """Everything (the facilitator's view, built once per change of the drill)."""
        return self.session.facilitator_view()

    def refresh_drill(self) -> None:
        """Show the drill as it stands."""
        view = self.view
        self.query_one("#status", Static).update(self._status())
        self._fill_seats(view)
        self.query_one("#all-orders", Static).update(self._orders(view))
        self._fill_injects(view)
        self._fill_scores()
        self.refresh_bindings()

    def on_screen_resume(self) -> None:
        """Back from a table or a dialog: the drill may have changed."""
        if self.is_mounted and self.query("#seats"):
            self.refresh_drill()

    def _status(self) -> Text:
        rules, lang = self.rules, self.lang
        view = self.view
        stage = self.tr(f"stage.{view.stage}")
        return Text.assemble(
            (f" {self.tr('console.title')} ", "bold reverse"),
            "  ",
            panels.clock_line(rules, view, lang),
            "  ",
            (phase_label(rules, view.phase, lang), "bold yellow"),
            "  ",
            f"[{stage}]",
            "  ",
            timer_text(self.session.timer_reading(), lang),
        )

    def _tick(self) -> None:
        self.query_one("#status", Static).update(self._status())

    def _fill_seats(self, view: SeatView) -> None:
        table = self.query_one("#seats", DataTable)
        row = table.cursor_row
        table.clear()
        for cells in queue.seat_rows(self.rules, view, self.session.config, self.lang):
            table.add_row(*cells, key=cells[0])
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1))

    def _orders(self, view: SeatView) -> RenderableType:
        rules, lang = self.rules, self.lang
        parts: list[RenderableType] = []
        for role in rules.role_order:
            orders = view.orders.get(role, ())
            parts.append(Text(role_label(rules, role, lang), style="bold"))
            if not orders:
                parts.append(Text("  " + self.tr("console.no_orders"), style="dim"))
            for order in orders:
                parts.append(Text(f"  #{order.id} {panels.order_text(rules, order, lang)}"))
        return Group(*parts)

    def _fill_injects(self, view: SeatView) -> None:
        table = self.query_one("#injects", DataTable)
        row = table.cursor_row
        table.clear()
        for iid, *cells in queue.inject_rows(self.rules, view, self.lang):
            table.add_row(*cells, key=iid)
        if table.row_count:
            table.move_cursor(row=min(max(row, 0), table.row_count - 1))
        self._show_inject()

    def selected_inject(self) -> str | None:
        """The id of the inject under the cursor."""
        table = self.query_one("#injects", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        return str(key.value) if key.value is not None else None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Show the highlighted inject's text and the facilitator's notes."""
        if event.data_table.id == "injects":
            self._show_inject()

    def _show_inject(self) -> None:
        iid = self.selected_inject() or ""
        detail = queue.inject_detail(self.rules, self.view, iid, self.lang)
        self.query_one("#inject-detail", Static).update(detail)

    def _fill_scores(self) -> None:
        shown = self.tr(
            "console.scores_shown" if self.host.show_scores else "console.scores_hidden"
        )
        self.query_one("#scores-title", Static).update(self.tr("console.scores", shown=shown))
        self.query_one("#scores", Static).update(scores_table(self.session.scores(), self.lang))

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Controls are dimmed while the engine works or the drill is not in a turn."""
        if action in _LIVE and (self.host.engine_busy or self.view.stage != "orders"):
            return None
        return True

    def action_table(self, index: int) -> None:
        """Enter one table's decisions (hot-seat: behind its hand-over screen)."""
        roles = self.rules.role_order
        if index < len(roles):
            self.post_message(self.OpenSeat(roles[index]))

    def _inject_command(self, kind: type[Release | Hold | Skip]) -> None:
        iid = self.selected_inject()
        if iid is not None:
            self.send(kind(FACILITATOR, iid))

    def action_release(self) -> None:
        """Release the highlighted inject now."""
        self._inject_command(Release)

    def action_hold(self) -> None:
        """Keep the highlighted inject back when it comes due."""
        self._inject_command(Hold)

    def action_skip(self) -> None:
        """Drop the highlighted inject (after confirming)."""
        iid = self.selected_inject()
        if iid is None:
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._inject_command(Skip)

        title = inject_title(self.rules, iid, self.lang)
        self.app.push_screen(
            ConfirmDialog(self.tr("skip.title"), self.tr("skip.text", title=title), danger=True),
            answer,
        )

    def action_inject(self) -> None:
        """Write an ad-hoc inject, released at once."""
        self.app.push_screen(InjectDialog())

    def action_message(self) -> None:
        """Post a message on the community platform as the facilitator."""
        self.app.push_screen(PostDialog(FACILITATOR))

    def action_pause(self) -> None:
        """Pause the drill and the timer until resumed."""
        self.send(Pause(FACILITATOR), lambda: self.app.push_screen(PausedScreen()))

    def action_override(self) -> None:
        """Change the drill by hand, with a reason that is kept."""
        self.app.push_screen(OverrideDialog())

    def action_scores(self) -> None:
        """Show or hide the live scores on the players' screens."""
        self.host.show_scores = not self.host.show_scores
        self._fill_scores()

    def action_close(self) -> None:
        """Resolve the turn; if some table has not submitted, confirm first."""
        submitted = self.view.submitted
        waiting = [r for r in self.session.human_roles if r not in submitted]
        if not waiting:
            self.post_message(self.CloseTurn())
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self.post_message(self.CloseTurn())

        names = self.tr("list.sep").join(role_label(self.rules, r, self.lang) for r in waiting)
        text = self.tr("close.text", names=names)
        self.app.push_screen(ConfirmDialog(self.tr("close.title"), text, danger=True), answer)

    def action_end(self) -> None:
        """End the drill now and go to the debrief (after confirming)."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.post_message(self.EndDrill())

        self.app.push_screen(
            ConfirmDialog(self.tr("end.confirm_title"), self.tr("end.confirm_text"), danger=True),
            answer,
        )

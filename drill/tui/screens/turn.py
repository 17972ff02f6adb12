"""A team's turn: the situation, its inbox and information, and the orders it places."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from drill.engine.commands import Submit, WithdrawOrder
from drill.engine.orders import order_costs
from drill.engine.view import SeatView
from drill.tui.base import DrillScreen
from drill.tui.dialogs.confirm import ConfirmDialog
from drill.tui.dialogs.joint import JointDialog
from drill.tui.dialogs.order import OrderDialog, Preset
from drill.tui.dialogs.post import PostDialog
from drill.tui.widgets import panels
from drill.tui.widgets.board import SituationBoard
from drill.tui.widgets.footer import KeyFooter
from drill.tui.widgets.status import timer_text
from drill.tui.words import action_label, phase_label, role_label

PAGES = ("situation", "inbox", "information", "team", "platform")
_ORDERING = ("add", "withdraw", "share", "give", "joint", "message", "submit")


class TurnScreen(DrillScreen):
    """One seat's screen for the current turn; only this seat's view is ever shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "key.add_order"),
        Binding("w", "withdraw", "key.withdraw"),
        Binding("i", "share", "key.share"),
        Binding("g", "give", "key.give"),
        Binding("j", "joint", "key.joint"),
        Binding("m", "message", "key.message"),
        Binding("s", "submit", "key.submit"),
        Binding("escape", "leave", "key.leave"),
        Binding("1", "page(0)", "key.pages", key_display="1-5"),
        *[Binding(str(i + 1), f"page({i})", "key.pages", show=False) for i in range(1, 5)],
    ]
    HELP_KEY = "help.turn"

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role
        self.page = PAGES[0]

    @property
    def view(self) -> SeatView:
        """What this seat may see now (built once per change of the drill)."""
        return self.session.view(self.role)

    def compose(self) -> ComposeResult:
        """Status line; pages of the situation; the seat's orders at the side."""
        view, rules, lang = self.view, self.rules, self.lang
        yield Static(self._status(view), id="status", classes="status")
        with Horizontal(id="turn-body"):
            with TabbedContent(initial=self.page, id="pages"):
                with TabPane(self._tab(0), id="situation"):
                    yield SituationBoard(rules, view, lang, id="board")
                with TabPane(self._tab(1), id="inbox"), VerticalScroll():
                    yield Static(panels.inbox(rules, view, lang), id="inbox-text")
                with TabPane(self._tab(2), id="information"), VerticalScroll():
                    yield Static(panels.information(rules, view, lang), id="info-text")
                with TabPane(self._tab(3), id="team"), VerticalScroll():
                    yield from self._team()
                with TabPane(self._tab(4), id="platform"), VerticalScroll():
                    yield Static(panels.platform(rules, view, lang), id="platform-text")
            with Vertical(id="orders-panel"):
                yield Static(id="orders-title", classes="section-title")
                yield OptionList(id="orders", markup=False)
                yield Static(id="orders-hint", classes="hint")
        yield KeyFooter()

    def _tab(self, index: int) -> str:
        name = self.tr(f"page.{PAGES[index]}")
        if PAGES[index] == "inbox":
            new = sum(1 for item in self.view.inbox if item.turn >= self.view.turn)
            name += f" ({new})" if new else ""
        return f"{index + 1} {name}"

    def _team(self) -> ComposeResult:
        yield Static(self.tr("team.resources"), classes="section-title")
        yield Static(id="resources")
        yield Static(self.tr("team.invitations"), classes="section-title")
        yield OptionList(id="invitations", markup=False)
        yield Static(self.tr("team.requests"), classes="section-title")
        yield OptionList(id="requests", markup=False)
        yield Static(id="requests-mine", classes="hint")

    def on_mount(self) -> None:
        """Fill the panels and keep the timer running."""
        self._fill(self.view)
        self.set_interval(1.0, self._tick)

    def relabelled(self) -> None:
        """After a language change: fill the panels again."""
        self._fill(self.view)

    def refresh_drill(self) -> None:
        """Show the drill as it stands after a command."""
        view = self.view
        self.query_one("#status", Static).update(self._status(view))
        self.query_one(SituationBoard).show(view)
        rules, lang = self.rules, self.lang
        self.query_one("#inbox-text", Static).update(panels.inbox(rules, view, lang))
        self.query_one("#info-text", Static).update(panels.information(rules, view, lang))
        self.query_one("#platform-text", Static).update(panels.platform(rules, view, lang))
        self._fill(view)
        self.refresh_bindings()

    def _fill(self, view: SeatView) -> None:
        self._fill_orders(view)
        self._fill_team(view)

    def _fill_orders(self, view: SeatView) -> None:
        rules, lang = self.rules, self.lang
        left = self.session.action_points_left(self.role)
        total = rules.roles[self.role].action_points
        self.query_one("#orders-title", Static).update(
            self.tr("orders.title", left=left, total=total)
        )
        orders = self.query_one("#orders", OptionList)
        highlighted = orders.highlighted
        orders.set_options(
            Option(f"#{o.id} {panels.order_text(rules, o, lang)}", id=str(o.id))
            for o in view.orders.get(self.role, ())
        )
        if highlighted is not None and orders.option_count:
            orders.highlighted = min(highlighted, orders.option_count - 1)
        self.query_one("#orders-hint", Static).update(self._hint(view))

    def _hint(self, view: SeatView) -> Text:
        if self.role in view.submitted:
            return Text("✓ " + self.tr("orders.submitted"), style="bold green")
        if view.stage != "orders":
            return Text("⏸ " + self.tr("orders.closed"), style="yellow")
        if not view.orders.get(self.role):
            return Text(self.tr("orders.none"), style="dim")
        return Text(self.tr("orders.open"), style="dim")

    def _fill_team(self, view: SeatView) -> None:
        rules, lang = self.rules, self.lang
        committed: dict[str, int] = {}
        for order in view.orders.get(self.role, ()):
            for name, amount in order_costs(rules, order).items():
                committed[name] = committed.get(name, 0) + amount
        self.query_one("#resources", Static).update(
            panels.resources(view, self.role, committed, lang)
        )
        invites = self.query_one("#invitations", OptionList)
        invites.set_options(
            Option(
                ("→ " if p[1] != self.role else "← ") + panels.proposal_text(rules, p, lang),
                id=f"p{i}",
            )
            for i, p in enumerate(view.proposals)
        )
        mine = [r for r in view.requests if r.approver == self.role]
        self.query_one("#requests", OptionList).set_options(
            Option(
                panels.request_text(rules, r, lang),
                id=str(r.request),
            )
            for r in mine
        )
        waiting = [r for r in view.requests if r.order.role == self.role]
        lines = [
            self.tr(
                "team.waiting",
                action=action_label(rules, r.order.action, lang),
                who=role_label(rules, r.approver, lang),
            )
            for r in waiting
        ]
        if not lines:
            lines = [self.tr("team.no_requests")]
        if not mine:  # the list under the heading is empty: say so before our own requests
            lines.insert(0, self.tr("team.nothing_to_approve"))
        self.query_one("#requests-mine", Static).update("\n".join(lines))

    def _status(self, view: SeatView) -> Text:
        rules, lang = self.rules, self.lang
        left = self.session.action_points_left(self.role)
        return Text.assemble(
            (f" {role_label(rules, self.role, lang)} ", "bold reverse"),
            "  ",
            panels.clock_line(rules, view, lang),
            "  ",
            (phase_label(rules, view.phase, lang), "bold yellow"),
            "  ",
            self.tr("status.ap", left=left),
            "  ",
            timer_text(self.session.timer_reading(), lang),
        )

    def _tick(self) -> None:
        self.query_one("#status", Static).update(self._status(self.view))

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Ordering keys work only while this seat may still order."""
        if action in _ORDERING:
            ok = self.session.seat_refusal(self.role) is None
            return True if ok and not self.host.engine_busy else None
        return True

    def action_page(self, index: int) -> None:
        """Show one of the pages."""
        self.page = PAGES[index]
        self.query_one(TabbedContent).active = self.page

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Remember the page across a change of language."""
        if event.pane.id is not None:
            self.page = event.pane.id

    def _after_dialog(self, changed: bool | None) -> None:
        if changed:
            self.refresh_drill()

    def _order(self, preset: Preset | None = None) -> None:
        """The order form; one per role, kept between orders so it opens at once."""
        name = f"order-{self.role}"
        if self.app.is_screen_installed(name):
            form = self.app.get_screen(name)
            assert isinstance(form, OrderDialog)
            form.prepare(preset or Preset())
        else:
            self.app.install_screen(OrderDialog(self.role, preset or Preset()), name)
        self.app.push_screen(name, self._after_dialog)

    def action_add(self) -> None:
        """Choose an action to order."""
        self._order()

    def action_share(self) -> None:
        """Order: share a piece of information with a role or on the platform."""
        self._order(Preset(kind="share"))

    def action_give(self) -> None:
        """Order: transfer resources to another role."""
        self._order(Preset(kind="transfer"))

    def action_joint(self) -> None:
        """Invite other roles to a joint action."""
        self.app.push_screen(JointDialog(self.role), self._after_dialog)

    def action_message(self) -> None:
        """Post a message on the community platform."""
        self.app.push_screen(PostDialog(self.role), self._after_dialog)

    def action_withdraw(self) -> None:
        """Withdraw the highlighted order."""
        orders = self.query_one("#orders", OptionList)
        if orders.highlighted is None:
            self.notify(self.tr("orders.pick_first"), severity="warning")
            return
        option = orders.get_option_at_index(orders.highlighted)
        if option.id is not None:
            self.send(WithdrawOrder(self.role, int(option.id)))

    def action_submit(self) -> None:
        """Make the orders final (after confirming), then hand on."""

        def answer(yes: bool | None) -> None:
            if yes:
                self.send(Submit(self.role), lambda: self.dismiss(None))

        count = len(self.view.orders.get(self.role, ()))
        text = self.tr("submit.text", count=count)
        self.app.push_screen(ConfirmDialog(self.tr("submit.title"), text), answer)

    def action_leave(self) -> None:
        """Leave this seat's screen; its orders stay placed (and change until the turn closes)."""
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an invitation or request opens the order form for it."""
        list_id, option_id = event.option_list.id, event.option.id or ""
        view = self.view
        if list_id == "invitations" and option_id.startswith("p"):
            _, _, action, _, target = view.proposals[int(option_id[1:])]
            self._order(Preset(action=action, target=target))
        elif list_id == "requests":
            approve = next(
                (a.id for a in self.rules.role_actions[self.role] if a.kind == "approve"), None
            )
            if approve is not None:
                self._order(Preset(action=approve, request=int(option_id)))

"""Invite other roles to a joint action this turn (and place the order for one's own team)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Select, SelectionList, Static

from drill.engine.commands import PlaceOrder, ProposeJoint
from drill.scenario.models import Action
from drill.scenario.text import pick
from drill.tui.base import DrillDialog
from drill.tui.dialogs.notice import NoticeDialog
from drill.tui.words import refusal_text, role_label, short


class JointDialog(DrillDialog[bool]):
    """Which joint action, with whom, where; the proposal reaches them at once."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "propose", "key.propose", priority=True),
    ]
    HELP_KEY = "help.joint"

    def __init__(self, role: str) -> None:
        super().__init__()
        self.role = role

    @property
    def joint_actions(self) -> list[Action]:
        """The joint actions this role may take part in."""
        return [
            a
            for a in self.rules.role_actions[self.role]
            if a.joint is not None and self.role in a.joint.roles
        ]

    def compose(self) -> ComposeResult:
        """Action, partners, target, and whether to order it ourselves too."""
        lang = self.lang
        actions = [(pick(a.label, lang), a.id) for a in self.joint_actions]
        with Vertical(classes="dialog -wide", id="joint-dialog"):
            yield Static(self.tr("joint.title"), classes="dialog-title")
            if not actions:
                yield Static(self.tr("joint.none"), classes="dialog-text")
            yield Static(self.tr("joint.action"), classes="field-label")
            yield Select(actions, id="joint-action", compact=True, prompt=self.tr("order.choose"))
            yield Static(self.tr("joint.partners"), classes="field-label")
            yield SelectionList[str](id="partners", compact=True)
            with Vertical(id="joint-target-box"):
                yield Static(self.tr("order.param.target"), classes="field-label")
                yield Select[str](
                    [], id="joint-target", compact=True, prompt=self.tr("order.choose")
                )
            yield Checkbox(self.tr("joint.also_order"), value=True, id="also-order", compact=True)
            with Horizontal(classes="buttons"):
                yield Button(self.tr("joint.propose"), id="propose", variant="success")
                yield Button(self.tr("button.cancel"), id="cancel")

    def on_mount(self) -> None:
        """Start with the first joint action."""
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        actions = self.joint_actions
        if actions:
            self.query_one("#joint-action", Select).value = actions[0].id
            self._fill(actions[0])

    def on_select_changed(self, event: Select.Changed) -> None:
        """Partners and targets follow the chosen action."""
        if event.select.id == "joint-action" and isinstance(event.value, str):
            self._fill(self.rules.actions[event.value])

    def _fill(self, action: Action) -> None:
        rules, lang = self.rules, self.lang
        assert action.joint is not None
        partners = self.query_one("#partners", SelectionList)
        partners.clear_options()
        partners.add_options(
            [(role_label(rules, r, lang), r, True) for r in action.joint.roles if r != self.role]
        )
        box = self.query_one("#joint-target-box")
        box.display = action.target is not None
        if action.target is not None:
            table = rules.zones if action.target == "zone" else rules.groups
            target = self.query_one("#joint-target", Select)
            target.set_options([(short(pick(x.label, lang)), i) for i, x in table.items()])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Propose or cancel."""
        if event.button.id == "propose":
            self.action_propose()
        else:
            self.dismiss(False)

    def action_propose(self) -> None:
        """Send the proposal; a refusal is explained and the form stays as filled in."""
        action = self.query_one("#joint-action", Select).value
        if not isinstance(action, str):
            self.notify(self.tr("joint.pick_action"), severity="warning")
            return
        target_value = self.query_one("#joint-target", Select).value
        target = (
            target_value
            if isinstance(target_value, str) and self.rules.actions[action].target
            else None
        )
        partners = tuple(self.query_one("#partners", SelectionList).selected)
        also_order = self.query_one("#also-order", Checkbox).value
        if also_order and not self._may_order(action):
            return
        proposal = ProposeJoint(self.role, action, partners, target)
        self.send(proposal, lambda: self._sent(action, target, also_order))

    def _sent(self, action: str, target: str | None, also_order: bool) -> None:
        self.notify(self.tr("joint.sent"))
        self.dismiss(True)
        if also_order:  # after closing: a refusal is shown over the team's screen
            self.host.post_message(self.Execute(PlaceOrder(self.role, action, target=target)))

    def _may_order(self, action_id: str) -> bool:
        """Whether our team may order the action now; if not, say why (nothing is sent)."""
        action = self.rules.actions[action_id]
        refusal = self.session.action_refusal(self.role, action)
        if refusal is None:
            return True
        reason = refusal_text(self.rules, refusal, self.lang, action)
        text = self.tr("joint.own_order_refused", reason=reason)
        self.app.push_screen(NoticeDialog(self.tr("refused.title"), text))
        return False

"""The order form: every action with its cost and requirements, and why it is unavailable."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from drill.engine.commands import PLATFORM, PlaceOrder
from drill.engine.options import ActionOption
from drill.scenario.models import Action
from drill.scenario.text import pick
from drill.tui.base import DrillDialog
from drill.tui.widgets.footer import KeyFooter
from drill.tui.widgets.panels import marked, request_text
from drill.tui.words import (
    action_label,
    condition_text,
    institution_label,
    refusal_text,
    resource_label,
    resources_text,
    role_label,
    short,
)

PARAMS = ("target", "info", "to", "resource", "amount", "request")


@dataclass(frozen=True)
class Preset:
    """What the form starts with: an action (or the first of a kind), a target, a request."""

    action: str | None = None
    kind: str | None = None
    target: str | None = None
    request: int | None = None


def _value(select: Select[str]) -> str | None:
    value = select.value
    return value if isinstance(value, str) else None


class OrderDialog(DrillDialog[bool]):
    """Pick an action, fill in what it needs, place the order; a refusal keeps the form."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel"),
        Binding("ctrl+s", "place", "key.place", priority=True),
    ]
    HELP_KEY = "help.order"
    AUTO_FOCUS = "#actions"

    def __init__(self, role: str, preset: Preset) -> None:
        super().__init__()
        self.role, self.preset = role, preset
        self.options: list[ActionOption] = []
        self.current: Action | None = None

    def compose(self) -> ComposeResult:
        """Actions on the left; about the highlighted one and its fields on the right."""
        self.options = self.session.action_options(self.role)
        with Vertical(classes="dialog -large", id="order-dialog"):
            yield Static(self._title(), classes="dialog-title", markup=False)
            with Horizontal(id="order-body"):
                yield OptionList(
                    *(self._option(o) for o in self.options), id="actions", markup=False
                )
                with VerticalScroll(id="order-detail"):
                    yield Static(id="about")
                    yield Static(id="why")
                    yield from self._params()
            with Horizontal(classes="buttons"):
                yield Button(self.tr("order.place"), id="place", variant="success")
                yield Button(self.tr("button.cancel"), id="cancel")
            yield KeyFooter()

    def _title(self) -> str:
        left = self.session.action_points_left(self.role)
        total = self.rules.roles[self.role].action_points
        return self.tr(
            "order.title", role=role_label(self.rules, self.role, self.lang), left=left, total=total
        )

    def _option(self, option: ActionOption) -> Option:
        mark = "✓" if option.available else "✗"
        label = pick(option.action.label, self.lang)
        return Option(f"{mark} {label} · {self.tr('order.ap', ap=option.ap)}", id=option.action.id)

    def _params(self) -> ComposeResult:
        for name in PARAMS:
            with Vertical(id=f"param-{name}", classes="param"):
                yield Static(self.tr(f"order.param.{name}"), classes="field-label")
                if name == "amount":
                    yield Input("1", type="integer", id="amount", compact=True)
                else:
                    yield Select[str]([], id=name, compact=True, prompt=self.tr("order.choose"))

    def on_mount(self) -> None:
        """Highlight the preset action (or the first available one)."""
        self.call_after_refresh(self._start)

    def prepare(self, preset: Preset) -> None:
        """Open again (the form is kept between orders): new preset, the drill as it is now."""
        self.preset = preset
        self.options = self.session.action_options(self.role)
        self.query_one(".dialog-title", Static).update(self._title())
        self.query_one("#actions", OptionList).set_options(self._option(o) for o in self.options)
        self.current = None
        self._start()

    def _start(self) -> None:
        actions = self.query_one("#actions", OptionList)
        wanted = self._preset_action()
        index = next((i for i, o in enumerate(self.options) if o.action.id == wanted), 0)
        if self.options:
            actions.highlighted = index
            self.show_action(self.options[index].action)
        actions.focus()

    def _preset_action(self) -> str | None:
        if self.preset.action is not None:
            return self.preset.action
        if self.preset.kind is not None:
            kind = [o for o in self.options if o.action.kind == self.preset.kind]
            return kind[0].action.id if kind else None
        return None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Explain the highlighted action."""
        action = self.rules.actions.get(event.option.id or "")
        if action is not None and action is not self.current:
            self.show_action(action)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an action: go to its first field, or place it when it needs none."""
        first = next((p for p in PARAMS if self.query_one(f"#param-{p}").display), None)
        if first is None:
            self.action_place()
        else:
            self.query_one(f"#{first}").focus()

    def show_action(self, action: Action) -> None:
        """About the action, why it is unavailable, and the fields it needs."""
        self.current = action
        option = next(o for o in self.options if o.action.id == action.id)
        self.query_one("#about", Static).update(self._about(action, option.ap))
        self.query_one("#why", Static).update(self._why(option))
        self._show_params(action)

    def _about(self, action: Action, ap: int) -> RenderableType:
        rules, lang = self.rules, self.lang
        cost = resources_text(dict(action.cost), lang) or self.tr("word.nothing")
        parts: list[RenderableType] = [
            Text(pick(action.label, lang), style="bold"),
            Text(self.tr("order.cost", ap=ap, cost=cost)),
        ]
        if action.description is not None:
            parts.append(Text(pick(action.description, lang), style="italic"))
        parts.extend(marked("•", line) for line in self._conditions(action))
        known = self.session.view(self.role).information
        for item in rules.needs.get(action.id, ()):
            ok = item.id in known
            key = "order.info_refuse" if item.missing == "refuse" else "order.info_weaken"
            line = self.tr("order.info_known") if ok else self.tr(key, factor=item.weaken_factor)
            need = f"{self.tr('order.needs_info')}: {pick(item.text, lang)[:60]}… — {line}"
            parts.append(marked("✓" if ok else "✗", need, "green" if ok else "yellow"))
        return Group(*parts)

    def _conditions(self, action: Action) -> list[str]:
        rules, lang = self.rules, self.lang
        lines = []
        if action.roles:
            lines.append(
                self.tr(
                    "order.who",
                    roles=self.tr("list.sep").join(
                        role_label(rules, r, lang) for r in action.roles
                    ),
                )
            )
        if action.requires is not None:
            lines.append(
                self.tr("order.requires", detail=condition_text(rules, action.requires, lang))
            )
        if action.approval is not None:
            unless = self.tr("list.or").join(
                institution_label(rules, i, lang) for i in action.approval.waived_by
            )
            key = "order.approval_unless" if unless else "order.approval"
            lines.append(
                self.tr(key, by=role_label(rules, action.approval.by, lang), unless=unless)
            )
        if action.joint is not None:
            roles = self.tr("list.sep").join(role_label(rules, r, lang) for r in action.joint.roles)
            lines.append(
                self.tr(
                    "order.joint",
                    roles=roles,
                    min=action.joint.min,
                    bonus=f"{action.joint.bonus:g}",
                )
            )
        if action.chance < 1:
            lines.append(self.tr("order.chance", chance=round(action.chance * 100)))
        if action.delay:
            lines.append(self.tr("order.delay", turns=action.delay))
        if not action.repeatable:
            lines.append(self.tr("order.once"))
        if action.discount is not None:
            name = institution_label(rules, action.discount.institution, lang)
            lines.append(self.tr("order.discount", ap=action.discount.ap, name=name))
        return lines

    def _why(self, option: ActionOption) -> Text:
        if option.refusal is None:
            return Text("✓ " + self.tr("order.available"), style="bold green")
        reason = refusal_text(self.rules, option.refusal, self.lang, option.action)
        return Text("✗ " + self.tr("order.unavailable", reason=reason), style="bold red")

    def _show_params(self, action: Action) -> None:
        needed = self._needed(action)
        for name in PARAMS:
            self.query_one(f"#param-{name}").display = name in needed
        if action.target is not None:
            table = self.rules.zones if action.target == "zone" else self.rules.groups
            self._choices(
                "target",
                [(short(pick(x.label, self.lang)), i) for i, x in table.items()],
                self.preset.target,
            )
            self.query_one("#param-target Static", Static).update(
                self.tr(f"order.param.{action.target}")
            )
        if action.kind in ("share", "transfer"):
            self._receivers(platform=action.kind == "share")
        if action.kind == "share":
            view = self.session.view(self.role)
            self._choices(
                "info", [(pick(text, self.lang)[:48], i) for i, text in view.information.items()]
            )
        if action.kind == "transfer":
            stock = self.session.view(self.role).resources[self.role]
            self._choices(
                "resource",
                [(f"{resource_label(n, self.lang)} ({a})", n) for n, a in stock.items() if a > 0],
            )
        if action.kind == "approve":
            self._requests()

    def _needed(self, action: Action) -> set[str]:
        needed = {"target"} if action.target is not None else set()
        needed |= {
            "share": {"info", "to"},
            "transfer": {"to", "resource", "amount"},
            "approve": {"request"},
        }.get(action.kind, set())
        return needed

    def _choices(
        self, name: str, options: list[tuple[str, str]], preset: str | None = None
    ) -> None:
        select = self.query_one(f"#{name}", Select)
        kept = _value(select)
        select.set_options(options)
        ids = {value for _, value in options}
        for wanted in (preset, kept):
            if wanted is not None and wanted in ids:
                select.value = wanted
                break

    def _receivers(self, platform: bool) -> None:
        rules, lang = self.rules, self.lang
        roles = [(role_label(rules, r, lang), r) for r in rules.role_order if r != self.role]
        if platform:
            roles.append((self.tr("seat.platform"), PLATFORM))
        self._choices("to", roles)

    def _requests(self) -> None:
        rules, lang = self.rules, self.lang
        options = []
        for request in self.session.view(self.role).requests:
            if request.approver == self.role:
                options.append((request_text(rules, request, lang), str(request.request)))
        preset = str(self.preset.request) if self.preset.request is not None else None
        self._choices("request", options, preset)

    def command(self) -> PlaceOrder | None:
        """The order the form describes now."""
        action = self.current
        if action is None:
            return None
        amount_text = self.query_one("#amount", Input).value.strip()
        request = _value(self.query_one("#request", Select))
        needed = self._needed(action)
        return PlaceOrder(
            self.role,
            action.id,
            target=_value(self.query_one("#target", Select)) if "target" in needed else None,
            info=_value(self.query_one("#info", Select)) if "info" in needed else None,
            to=_value(self.query_one("#to", Select)) if "to" in needed else None,
            resource=_value(self.query_one("#resource", Select)) if "resource" in needed else None,
            amount=int(amount_text)
            if amount_text.lstrip("-").isdigit() and "amount" in needed
            else 0,
            request=int(request) if request is not None and "request" in needed else None,
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Place or cancel."""
        if event.button.id == "place":
            self.action_place()
        else:
            self.dismiss(False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the amount field places the order."""
        self.action_place()

    def action_place(self) -> None:
        """Place the order; if the rules refuse it, say why and keep everything as filled in."""
        command = self.command()
        if command is not None:
            self.send(command, lambda: self._placed(command.action))

    def _placed(self, action: str) -> None:
        self.notify(self.tr("order.placed", action=action_label(self.rules, action, self.lang)))
        self.dismiss(True)

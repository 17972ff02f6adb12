"""Why a command or an order is refused, in words for every language."""

from __future__ import annotations

from dataclasses import dataclass, field

from drill.scenario.text import Lang

_TEMPLATES: dict[str, tuple[str, str]] = {
    "stage": (
        "This cannot be done now (the drill is at '{stage}').",
        "现在不能这样做（当前阶段：{stage}）。",
    ),
    "not_facilitator": ("Only the facilitator can do this.", "只有主持人可以这样做。"),
    "not_a_role": ("'{seat}' is not a seat in this drill.", "“{seat}”不是本次演练的席位。"),
    "unknown_action": ("There is no action '{action}'.", "没有名为“{action}”的行动。"),
    "role_cannot": ("Your role cannot take this action.", "你的角色不能采取这个行动。"),
    "submitted": ("Your orders are already submitted for this turn.", "本轮命令已经提交。"),
    "no_ap": (
        "Not enough action points ({need} needed, {left} left).",
        "行动点不足（需要 {need}，剩余 {left}）。",
    ),
    "no_resource": (
        "Not enough {resource} ({need} needed, {left} available).",
        "{resource} 不足（需要 {need}，可用 {left}）。",
    ),
    "requires": ("Its requirements are not met yet: {detail}.", "条件尚未满足：{detail}。"),
    "once": (
        "This action can be taken only once, and it has been.",
        "这个行动只能采取一次，已经采取过了。",
    ),
    "target_missing": ("Choose a {kind} as the target.", "请选择一个{kind}作为对象。"),
    "target_unknown": ("There is no {kind} '{target}'.", "没有名为“{target}”的{kind}。"),
    "info_unknown": ("You do not know the information '{info}'.", "你不掌握信息“{info}”。"),
    "receiver": (
        "Choose who receives it (another role or the platform).",
        "请选择接收方（其他角色或平台）。",
    ),
    "amount": ("Give an amount greater than zero.", "请填写大于零的数量。"),
    "request": (
        "There is no pending request {request} for you to approve.",
        "没有待你审批的请求 {request}。",
    ),
    "no_order": ("You have no order {order} this turn.", "你本轮没有编号为 {order} 的命令。"),
    "no_inject": ("There is no inject '{inject}'.", "没有名为“{inject}”的情景注入。"),
    "inject_done": (
        "Inject '{inject}' was already released or skipped.",
        "情景注入“{inject}”已发布或已跳过。",
    ),
    "last_turn": (
        "The last turn has been played; end the drill.",
        "最后一轮已经结束，请结束演练。",
    ),
    "not_joint": ("'{action}' is not a joint action.", "“{action}”不是联合行动。"),
    "empty": ("Write something first.", "请先填写内容。"),
}


@dataclass(frozen=True)
class Refusal:
    """A reason code with its parameters; `text(lang)` gives the sentence."""

    code: str
    params: dict[str, object] = field(default_factory=dict)

    def text(self, lang: Lang = "en") -> str:
        """The reason in `lang`."""
        en, zh = _TEMPLATES[self.code]
        return (zh if lang == "zh" else en).format(**self.params)


class IllegalCommand(Exception):
    """A well-formed command that the rules do not allow now; the drill is unchanged."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.refusal = Refusal(code, params)

    def __str__(self) -> str:
        return self.refusal.text("en")

"""Catalogue: why the engine refuses a command or an order; keyed `refusal.{code}`."""

from __future__ import annotations

REFUSALS: dict[str, tuple[str, str]] = {
    "refusal.stage": (
        "This cannot be done now (the drill is at '{stage}').",
        "现在不能这样做（当前阶段：{stage}）。",
    ),
    "refusal.not_facilitator": ("Only the facilitator can do this.", "只有主持人可以这样做。"),
    "refusal.not_a_role": ("'{seat}' is not a seat in this drill.", "“{seat}”不是本次演练的席位。"),
    "refusal.unknown_action": ("There is no action '{action}'.", "没有名为“{action}”的行动。"),
    "refusal.role_cannot": ("Your role cannot take this action.", "你的角色不能采取这个行动。"),
    "refusal.submitted": ("Your orders are already submitted for this turn.", "本轮命令已经提交。"),
    "refusal.no_ap": (
        "Not enough action points ({need} needed, {left} left).",
        "行动点不足（需要 {need}，剩余 {left}）。",
    ),
    "refusal.no_resource": (
        "Not enough {resource} ({need} needed, {left} available).",
        "{resource} 不足（需要 {need}，可用 {left}）。",
    ),
    "refusal.requires": ("Its requirements are not met yet: {detail}.", "条件尚未满足：{detail}。"),
    "refusal.once": (
        "This action can be taken only once, and it has been.",
        "这个行动只能采取一次，已经采取过了。",
    ),
    "refusal.target_missing": ("Choose a {kind} as the target.", "请选择一个{kind}作为对象。"),
    "refusal.target_unknown": ("There is no {kind} '{target}'.", "没有名为“{target}”的{kind}。"),
    "refusal.info_unknown": ("You do not know the information '{info}'.", "你不掌握信息“{info}”。"),
    "refusal.receiver": (
        "Choose who receives it (another role or the platform).",
        "请选择接收方（其他角色或平台）。",
    ),
    "refusal.amount": ("Give an amount greater than zero.", "请填写大于零的数量。"),
    "refusal.request": (
        "There is no pending request {request} for you to approve.",
        "没有待你审批的请求 {request}。",
    ),
    "refusal.no_order": (
        "You have no order {order} this turn.",
        "你本轮没有编号为 {order} 的命令。",
    ),
    "refusal.no_inject": ("There is no inject '{inject}'.", "没有名为“{inject}”的情景注入。"),
    "refusal.inject_done": (
        "Inject '{inject}' was already released or skipped.",
        "情景注入“{inject}”已发布或已跳过。",
    ),
    "refusal.last_turn": (
        "The last turn has been played; end the drill.",
        "最后一轮已经结束，请结束演练。",
    ),
    "refusal.not_joint": ("'{action}' is not a joint action.", "“{action}”不是联合行动。"),
    "refusal.empty": ("Write something first.", "请先填写内容。"),
}

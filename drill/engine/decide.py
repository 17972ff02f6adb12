"""Decide what a command means: reject it with a reason, or return the events it yields."""

from __future__ import annotations

from collections.abc import Callable, Container
from functools import partial
from typing import Any

from drill.engine import commands as cmd
from drill.engine import events as ev
from drill.engine.effects import (
    Context,
    Emitter,
    addressees,
    answer_turn,
    apply_effects,
    release_inject,
)
from drill.engine.machines import FLOW, LIVE_STAGES
from drill.engine.options import seat_refusal
from drill.engine.orders import check_order
from drill.engine.reasons import IllegalCommand
from drill.engine.resolve import resolve_turn
from drill.engine.rules import Rules
from drill.engine.state import DrillState
from drill.engine.timing import release_due_injects
from drill.scenario.language import Effect

Emission = Callable[[Emitter], None]
"""Emits events one by one onto a working state, each seeing what the last one changed."""

Decision = list[ev.Event] | Emission
"""The events of a command, or the emission that makes them."""


def _move(state: DrillState, trigger: str, wanted: str | None = None) -> str:
    stage = FLOW.next_stage(state.stage, trigger, wanted)
    if stage is None:
        raise IllegalCommand("stage", stage=state.stage)
    return stage


def _role(rules: Rules, state: DrillState, seat: str) -> str:
    refusal = seat_refusal(rules, state, seat)
    if refusal is not None:
        raise IllegalCommand(refusal.code, **refusal.params)
    return seat


def _live(state: DrillState) -> None:
    if state.stage not in LIVE_STAGES:
        raise IllegalCommand("stage", stage=state.stage)


def _begin(rules: Rules, state: DrillState, c: cmd.Begin) -> list[ev.Event]:
    return [ev.StageChanged(_move(state, "begin"))]


def _start_turn(rules: Rules, state: DrillState, c: cmd.StartTurn) -> Decision:
    stage = _move(state, "start_turn")
    if state.ended or state.turn >= rules.turns:
        raise IllegalCommand("last_turn")
    return partial(_open_turn, turn=state.turn + 1, stage=stage)


def _open_turn(em: Emitter, turn: int, stage: str) -> None:
    em.emit(ev.TurnStarted(turn))
    em.emit(ev.StageChanged(stage))
    release_due_injects(em)


def _place(rules: Rules, state: DrillState, c: cmd.PlaceOrder) -> list[ev.Event]:
    role = _role(rules, state, c.seat)
    return [ev.OrderPlaced(check_order(rules, state, role, c))]


def _withdraw(rules: Rules, state: DrillState, c: cmd.WithdrawOrder) -> list[ev.Event]:
    role = _role(rules, state, c.seat)
    if not any(order.id == c.order for order in state.orders[role]):
        raise IllegalCommand("no_order", order=c.order)
    return [ev.OrderWithdrawn(role, c.order)]


def _submit(rules: Rules, state: DrillState, c: cmd.Submit) -> list[ev.Event]:
    return [ev.OrdersSubmitted(_role(rules, state, c.seat))]


def _propose(rules: Rules, state: DrillState, c: cmd.ProposeJoint) -> list[ev.Event]:
    role = _role(rules, state, c.seat)
    action = rules.actions.get(c.action)
    if action is None or action.joint is None:
        raise IllegalCommand("not_joint", action=c.action)
    to = tuple(r for r in c.to if r in rules.roles and r != role)
    if not to:
        raise IllegalCommand("receiver")
    return [ev.JointProposed(role, c.action, to, c.target, state.turn)]


def _post(rules: Rules, state: DrillState, c: cmd.Post) -> list[ev.Event]:
    if c.seat != cmd.FACILITATOR:
        _role(rules, state, c.seat)
    else:
        _live(state)
    if not c.text.strip():
        raise IllegalCommand("empty")
    return [ev.MessagePosted(c.seat, c.text.strip(), state.turn)]


def _pending_inject(rules: Rules, state: DrillState, inject: str) -> None:
    _live(state)
    if inject not in rules.injects:
        raise IllegalCommand("no_inject", inject=inject)
    if inject in state.released or inject in state.skipped:
        raise IllegalCommand("inject_done", inject=inject)


def _release_cmd(rules: Rules, state: DrillState, c: cmd.Release) -> Decision:
    _pending_inject(rules, state, c.inject)
    return partial(release_inject, inject_id=c.inject)


def _hold(rules: Rules, state: DrillState, c: cmd.Hold) -> list[ev.Event]:
    _pending_inject(rules, state, c.inject)
    return [ev.InjectHeld(c.inject)]


def _skip(rules: Rules, state: DrillState, c: cmd.Skip) -> list[ev.Event]:
    _pending_inject(rules, state, c.inject)
    return [ev.InjectSkipped(c.inject)]


def _add_inject(rules: Rules, state: DrillState, c: cmd.AddInject) -> list[ev.Event]:
    _live(state)
    if not c.text.strip():
        raise IllegalCommand("empty")
    to = addressees(rules, "all" if not c.to else tuple(r for r in c.to if r in rules.roles))
    if not to:
        raise IllegalCommand("receiver")
    ident = f"adhoc-{len(state.adhoc) + 1}"
    turn = answer_turn(state)
    return [ev.AdhocInjectAdded(ident, c.title.strip(), c.text.strip(), to, c.method, turn)]


def _pause(rules: Rules, state: DrillState, c: cmd.Pause) -> list[ev.Event]:
    return [ev.StageChanged(_move(state, "pause"), paused_from=state.stage)]


def _resume(rules: Rules, state: DrillState, c: cmd.Resume) -> list[ev.Event]:
    return [ev.StageChanged(_move(state, "resume", state.paused_from))]


def _close_turn(rules: Rules, state: DrillState, c: cmd.CloseTurn) -> Decision:
    _move(state, "close_turn")
    return resolve_turn


def _override(rules: Rules, state: DrillState, c: cmd.Override) -> Decision:
    _live(state)
    if not c.reason.strip():
        raise IllegalCommand("empty")
    for effect in c.effects:
        _check_names(rules, effect)
    return partial(_apply_override, override=ev.Overridden(c.reason.strip(), c.effects, state.turn))


def _apply_override(em: Emitter, override: ev.Overridden) -> None:
    em.emit(override)
    apply_effects(em, list(override.effects), Context())


def _check_names(rules: Rules, effect: Effect) -> None:
    """Refuse an override effect naming a sector, zone, inject, item or role that is not here."""
    reveal = effect.reveal
    named: list[tuple[str, str | None, Container[str]]] = [
        ("sector", effect.sector.id if effect.sector else None, rules.sectors),
        ("zone", effect.exposure.zone if effect.exposure else None, rules.zones),
        ("inject", effect.release, rules.injects),
        ("information item", reveal.info if reveal else None, rules.info),
    ]
    if reveal is not None and reveal.to != "all":
        to = [reveal.to] if isinstance(reveal.to, str) else reveal.to
        named += [("role", role, rules.roles) for role in to]
    for kind, name, known in named:
        if name is not None and name not in known:
            raise IllegalCommand("target_unknown", kind=kind, target=name)


def _end(rules: Rules, state: DrillState, c: cmd.End) -> list[ev.Event]:
    stage = _move(state, "end")
    return ([] if state.ended else [ev.DrillEnded(state.turn)]) + [ev.StageChanged(stage)]


def _close(rules: Rules, state: DrillState, c: cmd.Close) -> list[ev.Event]:
    return [ev.StageChanged(_move(state, "close"))]


_SEATED = (cmd.PlaceOrder, cmd.WithdrawOrder, cmd.Submit, cmd.ProposeJoint, cmd.Post)
_DECIDERS: dict[type[cmd.Command], Callable[[Rules, DrillState, Any], Decision]] = {
    cmd.Begin: _begin,
    cmd.StartTurn: _start_turn,
    cmd.PlaceOrder: _place,
    cmd.WithdrawOrder: _withdraw,
    cmd.Submit: _submit,
    cmd.ProposeJoint: _propose,
    cmd.Post: _post,
    cmd.Release: _release_cmd,
    cmd.Hold: _hold,
    cmd.Skip: _skip,
    cmd.AddInject: _add_inject,
    cmd.Pause: _pause,
    cmd.Resume: _resume,
    cmd.CloseTurn: _close_turn,
    cmd.Override: _override,
    cmd.End: _end,
    cmd.Close: _close,
}


def decide_with_state(
    rules: Rules, state: DrillState, command: cmd.Command, *, in_place: bool = False
) -> tuple[list[ev.Event], DrillState | None]:
    """The events of `command`, and the state they lead to when it was already built.

    Events that depend on each other are emitted onto a copy of `state`, or onto `state`
    itself when `in_place` (the caller then owns the change). A refusal always comes
    before the first event, so a refused command changes nothing either way.
    """
    if not isinstance(command, _SEATED) and command.seat != cmd.FACILITATOR:
        raise IllegalCommand("not_facilitator")
    decider = _DECIDERS.get(type(command))
    if decider is None:
        raise IllegalCommand("stage", stage=state.stage)
    decision = decider(rules, state, command)
    if isinstance(decision, list):
        return decision, None
    em = Emitter(rules, state if in_place else state.clone())
    decision(em)
    return em.events, em.state


def decide(rules: Rules, state: DrillState, command: cmd.Command) -> list[ev.Event]:
    """The events `command` yields, or IllegalCommand; `state` is never changed."""
    return decide_with_state(rules, state, command)[0]

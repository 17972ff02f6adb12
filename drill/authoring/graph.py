"""`drill graph`: the hazard's phases and transitions as Mermaid or Graphviz dot text.

The text is written from the compiled `transitions` machine of the scenario (its states
and events), not with `transitions.extensions.diagrams`, which needs Graphviz installed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from drill.engine.conditions import describe
from drill.engine.machines import HazardMachine
from drill.engine.rules import compile_rules
from drill.scenario.bundle import Bundle
from drill.scenario.crossref import effective_actions
from drill.scenario.lint_reach import Reach
from drill.scenario.refs import Source
from drill.scenario.text import Lang, pick

FORMATS = ("mermaid", "dot")
_SAFE_ID = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MERMAID_WORDS = {"end", "state", "note", "direction", "class", "classDef", "click", "style"}


@dataclass(frozen=True)
class Node:
    """A hazard phase as drawn."""

    id: str
    label: str
    initial: bool
    final: bool
    reachable: bool


@dataclass(frozen=True)
class Edge:
    """A hazard transition as drawn."""

    source: str
    dest: str
    label: str
    possible: bool


@dataclass(frozen=True)
class HazardGraph:
    """The phases and transitions of one scenario's hazard."""

    title: str
    nodes: list[Node]
    edges: list[Edge]


def hazard_graph(bundle: Bundle, lang: Lang) -> HazardGraph:
    """The graph of the compiled hazard machine; never-possible parts are marked."""
    scenario = bundle.scenario
    machine = compile_rules(bundle.ruleset, scenario).hazard
    reach = _reach(bundle)
    phases = {phase.id: phase for phase in scenario.hazard.phases}
    final = scenario.hazard.phases[-1].id
    nodes = [
        Node(
            name,
            pick(phases[name].label, lang),
            name == scenario.hazard.initial,
            name == final,
            name in reach.may.phases,
        )
        for name in machine.machine.states
    ]
    return HazardGraph(pick(scenario.meta.title, lang), nodes, _edges(machine, reach))


def _reach(bundle: Bundle) -> Reach:
    rs = Source(bundle.ruleset_path, bundle.ruleset_positions)
    sc = Source(bundle.scenario_path, bundle.scenario_positions)
    actions = effective_actions(bundle.ruleset, bundle.scenario, rs, sc)
    return Reach(bundle.ruleset, bundle.scenario, actions)


def _edges(machine: HazardMachine, reach: Reach) -> list[Edge]:
    edges = []
    for trigger, event in machine.machine.events.items():
        for source, transitions in event.transitions.items():
            for transition in transitions:
                move = machine.moves[(trigger, source, str(transition.dest))]
                how = "auto" if move.auto else "by effect"
                when = f" · when {describe(move.when)}" if move.when is not None else ""
                possible = source in reach.may.phases and (
                    move.auto or trigger in reach.may.triggers
                )
                edges.append(Edge(source, move.dest, f"{trigger} ({how}){when}", possible))
    return edges


# --- Mermaid -------------------------------------------------------------------------


def _mermaid_ids(graph: HazardGraph) -> dict[str, str]:
    out = {}
    for index, node in enumerate(graph.nodes):
        safe = _SAFE_ID.fullmatch(node.id) and node.id not in _MERMAID_WORDS
        out[node.id] = node.id if safe else f"phase_{index}"
    return out


def _mermaid_text(text: str) -> str:
    return re.sub(r'[:;#"\n]', " ", text).strip()


def mermaid(graph: HazardGraph) -> str:
    """A Mermaid state diagram (stateDiagram-v2) of the hazard."""
    ids = _mermaid_ids(graph)
    lines = [
        "---",
        f"title: {_mermaid_text(graph.title)}",
        "---",
        "stateDiagram-v2",
        "    direction LR",
        "    classDef never stroke-dasharray: 5 5",
    ]
    for node in graph.nodes:
        lines.append(f'    state "{_mermaid_text(node.label)} ({node.id})" as {ids[node.id]}')
        if not node.reachable:
            lines.append(f"    class {ids[node.id]} never")
    for node in graph.nodes:
        if node.initial:
            lines.append(f"    [*] --> {ids[node.id]}")
    for edge in graph.edges:
        never = "" if edge.possible else " [never]"
        label = _mermaid_text(edge.label + never)
        lines.append(f"    {ids[edge.source]} --> {ids[edge.dest]}: {label}")
    lines += [f"    {ids[n.id]} --> [*]" for n in graph.nodes if n.final]
    return "\n".join(lines) + "\n"


# --- Graphviz dot ---------------------------------------------------------------------


def _dot_text(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def dot(graph: HazardGraph) -> str:
    """A Graphviz digraph of the hazard."""
    lines = [
        "digraph hazard {",
        f"    label={_dot_text(graph.title)};",
        "    rankdir=LR;",
        '    node [shape=box, style="rounded"];',
        '    __start__ [shape=point, label=""];',
    ]
    for node in graph.nodes:
        attributes = ["label=" + _dot_text(node.label + "\n" + node.id)]
        if node.final:
            attributes.append("peripheries=2")
        if not node.reachable:
            attributes.append('style="rounded,dashed"')
        lines.append(f"    {_dot_text(node.id)} [{', '.join(attributes)}];")
    lines += [f"    __start__ -> {_dot_text(n.id)};" for n in graph.nodes if n.initial]
    for edge in graph.edges:
        style = "" if edge.possible else ", style=dashed"
        lines.append(
            f"    {_dot_text(edge.source)} -> {_dot_text(edge.dest)} "
            f"[label={_dot_text(edge.label)}{style}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[HazardGraph], str]] = {"mermaid": mermaid, "dot": dot}
"""Each output format of `drill graph`."""


def graph_text(bundle: Bundle, fmt: str, lang: Lang) -> str:
    """The hazard of a bundle as text in `fmt` (mermaid or dot)."""
    return RENDERERS[fmt](hazard_graph(bundle, lang))

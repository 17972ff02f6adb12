"""Each folder of drill/ is one layer: imports point down, never up, and never in a circle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import drill

PACKAGE = Path(drill.__file__).resolve().parent
LAYERS = (
    "bundled",
    "i18n",
    "scenario",
    "engine",
    "session",
    "store",
    "report",
    "authoring",
    "tui",
    "net",
    "cli",
)
"""From the bottom up: a layer may import its own modules and the layers below it."""
NOT_FROM = {"tui": ("store",)}
"""Lower layers a layer still may not import: the app reaches stored drills through a session."""
TOP_LEVEL = {"__init__", "__main__"}


def module_name(path: Path) -> str:
    """The dotted name of a module file of the package."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST, name: str, is_package: bool) -> Iterator[str]:
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = name.split(".")[: len(name.split(".")) - node.level + int(is_package)]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            yield base
            yield from (f"{base}.{alias.name}" for alias in node.names)
        yield from _imports(node, name, is_package)


def drill_imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The drill modules `name` imports at run time (TYPE_CHECKING blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = _imports(tree, name, path.name == "__init__.py")
    return {imported for imported in found if imported in known and imported != name}


def layer_of(name: str) -> str | None:
    """The layer (first folder under drill/) a module belongs to; None outside the layers."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else None


def test_the_top_of_the_package_holds_only_its_entry_points() -> None:
    loose = {p.stem for p in PACKAGE.glob("*.py")} - TOP_LEVEL
    assert loose == set(), f"modules outside any layer: {sorted(loose)}"


def test_every_folder_is_a_known_layer() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert folders <= set(LAYERS), f"folders that are no layer: {sorted(folders - set(LAYERS))}"


def _upward(name: str, imported: str) -> bool:
    mine, theirs = layer_of(name), layer_of(imported)
    if mine is None:
        return False
    if theirs is None:
        return imported != "drill"
    return LAYERS.index(theirs) > LAYERS.index(mine) or theirs in NOT_FROM.get(mine, ())


def test_imports_point_down_the_layers() -> None:
    known = modules()
    wrong = sorted(
        f"{name} imports {imported}"
        for name, path in known.items()
        for imported in drill_imports(name, path, known)
        if _upward(name, imported)
    )
    assert wrong == []


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One import cycle of the graph, as the modules around it, or [] if there is none."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return []


def test_no_import_cycles() -> None:
    known = modules()
    graph = {name: drill_imports(name, path, known) for name, path in known.items()}
    for name in graph:  # a package's __init__ is imported with each of its modules
        graph[name] -= {n for n in graph[name] if name.startswith(n + ".")}
    assert find_cycle(graph) == []


@pytest.mark.parametrize(
    ("graph", "cycle"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"a"}}, ["a", "b", "a"]),
        ({"a": {"b"}, "b": {"c"}, "c": {"b"}}, ["b", "c", "b"]),
    ],
)
def test_find_cycle_finds_cycles(graph: dict[str, set[str]], cycle: list[str]) -> None:
    assert find_cycle(graph) == cycle


def test_upward_imports_are_caught() -> None:
    assert _upward("drill.engine.rules", "drill.session.seats")
    assert _upward("drill.tui.app", "drill.store.database")
    assert _upward("drill.report.model", "drill.cli.common")
    assert not _upward("drill.cli.play", "drill.tui.app")
    assert not _upward("drill.store.kept", "drill.session.session")

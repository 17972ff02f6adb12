"""The app reads a drill only through DrillPort's views: never the engine's state or Drill."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import drill

TUI = Path(drill.__file__).resolve().parent / "tui"
ENGINE_INSIDES = ("drill.engine.state", "drill.engine.evolve", "drill.engine.drill")


def tui_files() -> list[Path]:
    """Every module of the app."""
    return sorted(TUI.rglob("*.py"))


def name_of(path: Path) -> str:
    """The module's path inside drill/tui."""
    return path.relative_to(TUI).as_posix()


def imported(tree: ast.AST) -> Iterator[str]:
    """Every module a tree imports, and every `from x import y` as x.y as well."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def reads_session_state(tree: ast.AST) -> bool:
    """Whether the code reads `<…session>.state` or `<…>.drill.state` (the engine's state)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "state":
            owner = node.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
            if "session" in name or name == "drill":
                return True
    return False


def breaks_the_rule(path: Path) -> list[str]:
    """What in the module reaches past the views into the engine."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [m for m in imported(tree) if m in ENGINE_INSIDES]
    if reads_session_state(tree):
        found.append("reads the session's .state")
    if calls_evolve(tree):
        found.append("calls evolve")
    return found


def calls_evolve(tree: ast.AST) -> bool:
    """Whether the code calls a function named evolve (folding events into a state)."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name | ast.Attribute)
        and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "evolve"
        for node in ast.walk(tree)
    )


def test_the_app_reads_views_only() -> None:
    broken = {name_of(path): found for path in tui_files() if (found := breaks_the_rule(path))}
    assert broken == {}, "read the drill through DrillPort (views), not the engine"


def test_the_check_sees_what_it_looks_for() -> None:
    source = "from drill.engine.state import DrillState\nx = self.session.state.turn\n"
    tree = ast.parse(source)
    assert "drill.engine.state" in set(imported(tree))
    assert reads_session_state(tree)
    assert not reads_session_state(ast.parse("view = self.session.view('gov')"))
    assert calls_evolve(ast.parse("evolve(rules, state, event)"))
    assert not calls_evolve(ast.parse("evolved(rules)"))


def calls_the_app(tree: ast.AST) -> list[str]:
    """Calls that change the drill or move the flow directly, instead of posting a message."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if node.func.attr == "execute":
                found.append(f"line {node.lineno}: .execute(…)")
            elif isinstance(owner, ast.Attribute) and owner.attr == "flow":
                found.append(f"line {node.lineno}: .flow.{node.func.attr}(…)")
    return found


def test_screens_send_messages_up() -> None:
    """Attributes down, messages up: screens, dialogs and widgets ask the app with messages."""
    parts = ("screens", "dialogs", "widgets")
    direct = {
        name_of(path): found
        for part in parts
        for path in sorted((TUI / part).glob("*.py"))
        if (found := calls_the_app(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert direct == {}

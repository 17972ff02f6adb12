"""The app shows what is handed to it: no file of drill/tui replays events or imports the store."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import drill.tui

TUI = Path(drill.tui.__file__).resolve().parent
REPLAYING = ("drill.engine.drill", "drill.engine.evolve", "drill.store")


def imported(tree: ast.AST) -> set[str]:
    """Every module a file imports (absolute imports only: drill/tui uses no others)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def calls_evolve(tree: ast.AST) -> bool:
    """Whether the file calls a function named evolve."""
    return any(
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name | ast.Attribute)
        and (node.func.id if isinstance(node.func, ast.Name) else node.func.attr) == "evolve"
        for node in ast.walk(tree)
    )


@pytest.mark.parametrize("path", sorted(TUI.rglob("*.py")), ids=lambda p: str(p.relative_to(TUI)))
def test_no_app_file_replays_events(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = sorted(n for n in imported(tree) for b in REPLAYING if n == b or n.startswith(b + "."))
    assert bad == []
    assert not calls_evolve(tree)

"""`drill.scenario` stays pure: no file, clock, network, randomness or UI imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import drill.scenario

PACKAGE = Path(drill.scenario.__file__).parent
FORBIDDEN_MODULES = {
    "os",
    "io",
    "pathlib",
    "shutil",
    "tempfile",
    "glob",
    "time",
    "datetime",
    "random",
    "socket",
    "urllib",
    "http",
    "subprocess",
    "textual",
    "drill.store.files",
    "drill.engine",
    "drill.session",
    "drill.tui",
    "drill.report",
    "drill.net",
}
FORBIDDEN_CALLS = {"open", "input", "print", "eval", "exec", "compile", "__import__"}


def imported_modules(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda path: path.name)
def test_scenario_modules_import_nothing_impure(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = {
        name
        for name in imported_modules(tree)
        for forbidden in FORBIDDEN_MODULES
        if name == forbidden or name.startswith(forbidden + ".")
    }
    assert not bad, f"{path.name} imports {sorted(bad)}"
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not calls & FORBIDDEN_CALLS, f"{path.name} calls {sorted(calls & FORBIDDEN_CALLS)}"


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda path: path.name)
def test_every_scenario_module_opens_with_a_one_line_docstring(path: Path) -> None:
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring and docstring.splitlines()[0].strip()

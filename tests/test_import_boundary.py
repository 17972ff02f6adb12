"""The engine and the scenario model stay pure: no UI, files, clock, network or upper layers."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import drill

PACKAGE = Path(drill.__file__).resolve().parent
PURE = ("engine", "scenario")
FORBIDDEN = (
    "textual",
    "rich",
    "sqlite3",
    "socket",
    "urllib",
    "http",
    "asyncio",
    "time",
    "datetime",
    "os",
    "pathlib",
    "io",
    "drill.session",
    "drill.tui",
    "drill.report",
    "drill.net",
    "drill.cli.main",
    "drill.store.files",
)
FORBIDDEN_CALLS = ("open", "__import__", "eval", "exec")


def pure_modules() -> list[Path]:
    """Every Python file of drill.engine and drill.scenario."""
    return sorted(path for part in PURE for path in (PACKAGE / part).rglob("*.py"))


def _absolute(module: Path, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    parts = list(module.relative_to(PACKAGE.parent).with_suffix("").parts)[: -node.level]
    return ".".join([*parts, *([node.module] if node.module else [])])


def imported_names(module: Path) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of everything a module imports, relative imports resolved."""
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(module, node)
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"


def is_forbidden(name: str) -> bool:
    """Whether a dotted import name is, or is inside, a forbidden module."""
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)


def test_there_are_pure_modules_to_check() -> None:
    names = {path.stem for path in pure_modules()}
    assert {"drill", "decide", "resolve", "scoring", "models", "language"} <= names


@pytest.mark.parametrize("module", pure_modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pure_module_imports_nothing_forbidden(module: Path) -> None:
    bad = [f"line {line}: {name}" for line, name in imported_names(module) if is_forbidden(name)]
    assert bad == [], f"{module.name} imports {bad}"


@pytest.mark.parametrize("module", pure_modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pure_module_opens_no_files_and_evaluates_no_code(module: Path) -> None:
    calls = [
        f"line {node.lineno}: {node.func.id}("
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in FORBIDDEN_CALLS
    ]
    assert calls == [], f"{module.name} calls {calls}"


@pytest.mark.parametrize(
    ("name", "forbidden"),
    [
        ("os.path", True),
        ("time", True),
        ("timeit", False),
        ("http.client", True),
        ("httpx", False),
        ("drill.session.seats", True),
        ("drill.sessionless", False),
        ("drill.engine.rules", False),
    ],
)
def test_forbidden_names_match_whole_modules(name: str, forbidden: bool) -> None:
    assert is_forbidden(name) is forbidden


def test_relative_imports_are_resolved(tmp_path: Path) -> None:
    module = PACKAGE / "engine" / "example.py"
    node = ast.parse("from ..session import seats").body[0]
    assert isinstance(node, ast.ImportFrom)
    assert _absolute(module, node) == "drill.session"


def test_importing_the_engine_loads_no_ui_or_io_modules() -> None:
    # (socket is not checked here: pydantic itself imports it)
    heavy = (
        "textual",
        "rich",
        "sqlite3",
        "drill.session",
        "drill.tui",
        "drill.cli.main",
        "drill.store.files",
    )
    script = (
        "import sys\n"
        "import drill.engine.simulate, drill.engine.view, drill.engine.scoring\n"
        "import drill.scenario.parse, drill.scenario.models\n"
        f"print(','.join(m for m in {heavy!r} if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""

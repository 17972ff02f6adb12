"""Whether the engine runs as C compiled by mypyc or as Python, and if that build is stale."""

from __future__ import annotations

import os
import shutil
import sysconfig
from importlib.machinery import ExtensionFileLoader
from pathlib import Path

import drill
from drill.engine import resolve

PACKAGE = Path(drill.__file__).resolve().parent
ENGINE = PACKAGE / "engine"


def engine_compiled() -> bool:
    """Whether the engine's modules were loaded from the compiled build."""
    return isinstance(resolve.__loader__, ExtensionFileLoader)


def compiler_available() -> bool:
    """Whether this Python could compile the engine: a C compiler and Python's headers."""
    named = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"  # as setuptools
    compiler = named.split()[0]
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    return shutil.which(compiler) is not None and headers.is_file()


def stale_sources() -> list[Path]:
    """Engine sources changed after the compiled engine was built (none if it runs as Python).

    A compiled module shadows its source, so an edit shows only after a rebuild.
    """
    if not engine_compiled():
        return []
    built = min(lib.stat().st_mtime for lib in PACKAGE.glob("engine__mypyc*"))
    return sorted(path for path in ENGINE.glob("*.py") if path.stat().st_mtime > built)


def engine_build() -> str:
    """A short description of how the engine runs here, for benchmark reports."""
    return "compiled (mypyc)" if engine_compiled() else "pure Python"

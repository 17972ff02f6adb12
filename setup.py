"""Build Drill, compiling the engine with mypyc when a C compiler is at hand.

The engine (`drill/engine`) is strictly typed, pure Python. mypyc turns it into C
extensions that run the bots' simulations about 1.6 times faster. Without a working
compiler, or with DRILL_PURE=1 in the environment, the same modules are installed as
Python: slower, with identical results. `drill.compiled.engine_compiled()` says which runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).parent
ENGINE = HERE / "drill" / "engine"
# Record classes stay Python classes: the session codec reads their annotations.
INTERPRETED = {"__init__.py", "immutable.py", "events.py", "commands.py"}


def engine_modules() -> list[str]:
    """The engine modules mypyc compiles."""
    names = sorted(path.name for path in ENGINE.glob("*.py"))
    return [f"drill/engine/{name}" for name in names if name not in INTERPRETED]


def pure_python(why: str) -> list[Any]:
    """Install the engine as Python: say why, and drop compiled modules of earlier builds."""
    print(f"drill build: {why}; installing the engine as pure Python", file=sys.stderr)
    for stale in [*ENGINE.glob("*.so"), *ENGINE.parent.glob("engine__mypyc*.so")]:
        stale.unlink()
    return []


class OptionalBuildExt(build_ext):
    """Build the compiled engine, or fall back to pure Python if the compiler fails."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no Python headers, a linker failure
            self.extensions = pure_python(f"could not compile the engine ({error})")


def extensions() -> list[Any]:
    """The mypyc extensions, or none when compiling is switched off or impossible."""
    if os.environ.get("DRILL_PURE"):
        return pure_python("DRILL_PURE is set")
    try:
        from mypyc.build import mypycify

        return list(mypycify(engine_modules(), opt_level="3", group_name="drill.engine"))
    except (Exception, SystemExit) as error:  # mypy missing, or refusing the code
        return pure_python(f"mypyc could not compile the engine ({error})")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})

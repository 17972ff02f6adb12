"""The compiled engine is built where it can be, and plays exactly as its Python source."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from drill.compiled import PACKAGE, compiler_available, engine_compiled

SCENARIOS = ("flood_old_community.yaml", "highrise_fire.yaml")

# Prints a hash of the event logs and scores of random and greedy drills.
PLAY = textwrap.dedent(
    """
    import hashlib, sys
    from drill.engine import resolve
    from drill.engine.policies import POLICIES
    from drill.engine.rules import compile_rules
    from drill.engine.scoring import score
    from drill.engine.simulate import play
    from drill.store.files import SCENARIOS_DIR, load_bundle

    digest = hashlib.sha256()
    for name in sys.argv[1:]:
        bundle = load_bundle(SCENARIOS_DIR / name)
        rules = compile_rules(bundle.ruleset, bundle.scenario)
        for policy in ("random", "greedy"):
            for seed in range(6):
                played = play(rules, seed, POLICIES[policy])
                for event in played.log:
                    digest.update(repr(event).encode())
                digest.update(repr(score(rules, played.state)).encode())
    print(resolve.__file__, digest.hexdigest())
    """
)


def _play(where: Path, pythonpath: Path | None = None) -> tuple[str, str]:
    """Run PLAY from the directory `where` (Python puts it first on the import path)."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run(
        [sys.executable, "-c", PLAY, *SCENARIOS],
        capture_output=True,
        text=True,
        env=env,
        cwd=where,
        check=True,
    )
    where, digest = done.stdout.split()
    return where, digest


def test_the_engine_is_compiled_wherever_a_compiler_is_available() -> None:
    expected = compiler_available() and not os.environ.get("DRILL_PURE")
    assert engine_compiled() == expected, (
        "the engine runs as Python although this machine can compile it: rebuild it with "
        "`make clean test` (`.venv/bin/pip install -v -e .` prints why a build fell back)"
        if expected
        else "the engine is compiled but DRILL_PURE is set or there is no compiler: rebuild "
        "it with `DRILL_PURE=1 make clean test`"
    )


def test_the_compiled_engine_plays_exactly_as_its_python_source(tmp_path: Path) -> None:
    source = tmp_path / "drill"
    shutil.copytree(PACKAGE, source, ignore=shutil.ignore_patterns("*.so", "__pycache__"))
    for data in ("scenarios", "rulesets"):
        (tmp_path / data).symlink_to(PACKAGE.parent / data)
    python_where, python_digest = _play(tmp_path, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    installed_where, installed_digest = _play(elsewhere)
    assert python_where == str(source / "engine" / "resolve.py")
    assert installed_where.endswith(".so" if engine_compiled() else ".py")
    assert installed_digest == python_digest

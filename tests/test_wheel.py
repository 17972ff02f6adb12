"""A wheel of Drill, installed in a fresh virtual environment, plays from an empty folder.

The wheel is built from a copy of the working tree (as a fresh clone would have it), is
pure Python, and carries the bundled scenarios, rulesets and schemas. Installed outside
the repository, `drill` finds them by name: validate, simulate, new and the app's lobby.
Installing needs the dependencies from pip's cache or the package index.
"""

from __future__ import annotations

import fcntl
import importlib
import os
import pkgutil
import pty
import select
import shutil
import struct
import subprocess
import sys
import termios
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

import drill

ROOT = Path(__file__).resolve().parents[1]
# What a fresh clone lacks: environments, build output, caches, version control.
NOT_IN_A_CLONE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis",
    ".benchmarks", "*.so",
)  # fmt: skip
SHIPPED = (
    "drill/bundled/scenarios/flood_old_community.yaml",
    "drill/bundled/rulesets/standard.yaml",
    "drill/bundled/schema/scenario.schema.json",
    "drill/bundled/schema/ruleset.schema.json",
    "drill/tui/drill.tcss",
)
CTRL_Q = b"\x11"


@dataclass(frozen=True)
class Installed:
    """A wheel installed in its own virtual environment, and an empty folder to work in."""

    wheel: Path
    venv: Path
    work: Path

    def env(self) -> dict[str, str]:
        """The environment of a user of this install: nothing points back at the repository."""
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        env["XDG_DATA_HOME"] = str(self.work.parent / "data")  # drills are kept there
        env["XDG_CONFIG_HOME"] = str(self.work.parent / "config")
        return env

    def drill(self, *args: str) -> subprocess.CompletedProcess[str]:
        """`drill ARGS` of the install, run in the empty folder."""
        return subprocess.run(
            [str(self.venv / "bin" / "drill"), *args],
            cwd=self.work,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def _run(*command: str | Path, cwd: Path) -> None:
    """Run a set-up step; fail with its output if it fails."""
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"


def install(top: Path) -> Installed:
    """Build the wheel, make a venv outside the repository and install the wheel into it."""
    assert not top.resolve().is_relative_to(ROOT), "the test must run outside the repository"
    source = top / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=NOT_IN_A_CLONE)
    wheels = top / "wheels"
    pip = ("-m", "pip", "--disable-pip-version-check")
    _run(sys.executable, *pip, "wheel", ".", "--no-deps", "-w", wheels, cwd=source)
    (wheel,) = wheels.glob("drill-*.whl")
    venv = top / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=top)
    _run(venv / "bin" / "python", *pip, "install", wheel, cwd=top)
    work = top / "empty"
    work.mkdir()
    return Installed(wheel, venv, work)


def wheel_is_pure_python_and_carries_the_bundled_files(installed: Installed) -> None:
    """No compiled extension; the bundled files and the app's stylesheet are inside."""
    assert installed.wheel.name.endswith("-py3-none-any.whl")
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert not [n for n in names if n.endswith((".so", ".pyd", ".c"))]
    assert set(SHIPPED) <= set(names)
    scenarios = {Path(n).name for n in names if n.startswith("drill/bundled/scenarios/")}
    assert scenarios == {p.name for p in (ROOT / "scenarios").glob("*.yaml")}


def installed_drill_is_the_wheel_not_the_repository(installed: Installed) -> None:
    """`import drill` in the install finds the installed package, not the repository's."""
    where = subprocess.run(
        [str(installed.venv / "bin" / "python"), "-c", "import drill; print(drill.__file__)"],
        cwd=installed.work,
        env=installed.env(),
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert Path(where).resolve().is_relative_to(installed.venv.resolve())


def validate_and_simulate_find_a_bundled_scenario_by_name(installed: Installed) -> None:
    """`drill validate` and `drill simulate` take the reference scenario by its name."""
    checked = installed.drill("validate", "flood_old_community")
    assert checked.returncode == 0, checked.stderr
    assert "OK (scenario 'flood_old_community'" in checked.stdout
    assert str(installed.venv.resolve()) in checked.stdout  # the copy inside the install
    simulated = installed.drill("simulate", "flood_old_community", "--runs", "5")
    assert simulated.returncode == 0, simulated.stderr
    assert "5 drills, random policy" in simulated.stdout


def new_writes_a_valid_scenario_without_paths_of_this_machine(installed: Installed) -> None:
    """`drill new` writes a scenario that validates and names no folder of this machine."""
    made = installed.drill("new", "riverside.yaml", "--hazard", "flood", "--lang", "en")
    assert made.returncode == 0, made.stderr
    text = (installed.work / "riverside.yaml").read_text(encoding="utf-8")
    for machine_path in (str(installed.work), str(installed.venv), str(ROOT), "file:"):
        assert machine_path not in text
    checked = installed.drill("validate", "riverside.yaml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert installed.drill("schema").returncode == 0


def _read_until(fd: int, done: Callable[[bytes], bool], seconds: float) -> bytes:
    """What the terminal showed, once `done` says so or the time ran out.

    Reading all along keeps the terminal's buffer from filling, which would block the app.
    """
    seen, deadline = b"", time.monotonic() + seconds
    while not done(seen) and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:  # every end of the terminal is closed: the app is gone
                break
    return seen


def play_reaches_the_lobby_and_quits_on_ctrl_q(installed: Installed) -> None:
    """`drill play` in a terminal draws the lobby, and Ctrl+Q ends it with status 0."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = installed.env() | {"TERM": "xterm-256color"}
    db = installed.work.parent / "play.db"
    app = subprocess.Popen(
        [str(installed.venv / "bin" / "drill"), "play", "flood_old_community", "--db", str(db)],
        cwd=installed.work,
        env=env,
        stdin=child,
        stdout=child,
        stderr=child,
        start_new_session=True,
    )
    os.close(child)
    try:
        shown = _read_until(main, lambda seen: b"Ctrl+S" in seen, seconds=120)
        assert b"Ctrl+S" in shown, f"the app never drew its lobby:\n{shown[-2000:]!r}"
        os.write(main, CTRL_Q)
        _read_until(main, lambda _: app.poll() is not None, seconds=60)
        assert app.wait(timeout=30) == 0, "the app did not quit cleanly on Ctrl+Q"
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(main)


# One test, not one per check: under pytest-xdist each worker would build its own wheel.
@pytest.mark.slow
def test_an_installed_wheel_plays_from_an_empty_folder(tmp_path: Path) -> None:
    installed = install(tmp_path)
    wheel_is_pure_python_and_carries_the_bundled_files(installed)
    installed_drill_is_the_wheel_not_the_repository(installed)
    validate_and_simulate_find_a_bundled_scenario_by_name(installed)
    new_writes_a_valid_scenario_without_paths_of_this_machine(installed)
    play_reaches_the_lobby_and_quits_on_ctrl_q(installed)


def test_every_drill_module_runs_from_its_python_source() -> None:
    """No compiled module (say, one an old mypyc build left behind) shadows a source file."""
    found = pkgutil.walk_packages(drill.__path__, "drill.")
    names = [m.name for m in found if not m.name.endswith(".__main__")]  # that one runs
    files = {name: importlib.import_module(name).__file__ or "" for name in names}
    compiled = sorted(name for name, file in files.items() if not file.endswith(".py"))
    assert "drill.engine.resolve" in files
    assert compiled == [], "compiled modules shadow their sources: remove them (`make clean`)"

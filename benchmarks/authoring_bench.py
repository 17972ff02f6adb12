"""`make bench` (authoring part): how long `drill lint` and `drill balance` take.

Targets: `drill lint` of any bundled scenario ≤ 1 s, and `drill balance --runs 500`
≤ 10 s (default --jobs, i.e. every core up to 4; and the reference on one process),
both measured as real `drill` processes (start-up included); hostile YAML (an alias
bomb, deep nesting) refused within 1 s in-process. Prints a table
and writes benchmarks/authoring_results.json. `--quick` balances fewer runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from drill.scenario.lint import lint
from drill.scenario.problems import ScenarioError
from drill.scenario.source import load_yaml
from drill.store.files import SCENARIOS_DIR, bundled_scenarios, load_bundle

RESULTS = Path(__file__).with_name("authoring_results.json")
REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"


@dataclass(frozen=True)
class Figure:
    """One measured figure and its target."""

    name: str
    seconds: float
    target: float | None
    note: str = ""

    @property
    def verdict(self) -> str:
        """PASS, MISS or nothing when there is no target."""
        if self.target is None:
            return ""
        return "PASS" if self.seconds <= self.target else "MISS"


def timed_drill(*args: str) -> tuple[float, int, float]:
    """Wall time of one `drill ARGS` process, its exit status, and the CPU seconds it and
    its worker processes used (wall time grows when other programs share the cores)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "drill", *args], capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, done.returncode, cpu


def load() -> str:
    """The 1-minute load average, to read the wall times against."""
    return f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "?"


def lint_figures() -> list[Figure]:
    """`drill lint` per bundled scenario (worst of 3 processes), and lint() alone in-process."""
    figures = []
    for path in bundled_scenarios():
        runs = [timed_drill("lint", str(path)) for _ in range(3)]
        worst = max(seconds for seconds, _, _ in runs)
        bundle = load_bundle(path)
        start = time.perf_counter()
        found = lint(bundle)
        alone = (time.perf_counter() - start) * 1000
        note = f"exit {runs[0][1]}; lint() alone {alone:.1f} ms, {len(found)} warning(s)"
        figures.append(Figure(f"drill lint {path.name}", worst, 1.0, note))
    return figures


def alias_bomb(levels: int) -> str:
    """A "billion laughs" file: each level names the one below ten times."""
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


BLOCKS = "".join("  " * depth + f"k{depth}:\n" for depth in range(200)) + "  " * 200 + "v\n"
HOSTILE = {
    "alias bomb (10^9 values)": alias_bomb(9),
    "block nesting 200 deep": BLOCKS,
    "flow nesting 100,000 deep": "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
}


def hostile_figures() -> list[Figure]:
    """How long the loader takes to refuse each hostile file (worst of 3)."""
    figures = []
    for name, text in HOSTILE.items():
        worst, refused = 0.0, True
        for _ in range(3):
            start = time.perf_counter()
            try:
                load_yaml(text, "hostile.yaml")
                refused = False
            except ScenarioError:
                pass
            worst = max(worst, time.perf_counter() - start)
        note = "refused" if refused else "NOT refused"
        figures.append(Figure(f"refuse {name}", worst, 1.0, note))
    return figures


def balance_figures(runs: int) -> list[Figure]:
    """`drill balance --runs N` of every bundled scenario (default --jobs), and of the
    reference scenario on one process."""
    figures = []
    target = 10.0 if runs >= 500 else None
    cases = [(path, None) for path in bundled_scenarios()] + [(REFERENCE, 1)]
    for path, jobs in cases:
        extra = [] if jobs is None else ["--jobs", str(jobs)]
        seconds, status, cpu = timed_drill("balance", str(path), "--runs", str(runs), *extra)
        note = f"{runs}+{runs} drills; exit {status}; CPU {cpu:.1f} s; load {load()}"
        name = f"drill balance {path.stem} --runs {runs}" + (f" --jobs {jobs}" if jobs else "")
        figures.append(Figure(name, seconds, target, note))
    return figures


def main(argv: list[str] | None = None) -> int:
    """Run the authoring benchmarks, print the table, write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="balance 100 runs instead of 500")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("DRILL_BENCH_QUICK", "") not in ("", "0")
    print("… drill lint and drill balance", file=sys.stderr, flush=True)
    figures = hostile_figures() + lint_figures() + balance_figures(100 if quick else 500)
    print(f"{'authoring figure':<58} {'seconds':>8} {'target':>7}")
    for f in figures:
        target = "" if f.target is None else f"<= {f.target:g}"
        print(f"{f.name:<58} {f.seconds:>8.2f} {target:>7} {f.verdict:<4}  {f.note}".rstrip())
    machine = {"python": platform.python_version(), "cpus": os.cpu_count()}
    body = {"machine": machine, "figures": [asdict(f) | {"verdict": f.verdict} for f in figures]}
    RESULTS.write_text(json.dumps(body, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

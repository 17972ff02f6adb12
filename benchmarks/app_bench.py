"""`make bench`: the app's cold start, keypress-to-repaint latency and memory against targets.

Prints a table and writes benchmarks/app_results.json.

- Cold start: `drill play <flood> --exit-after-ready` in a fresh interpreter (headless),
  from process start until the lobby has been drawn and the app has left.
- Keypress to repaint: in a turn screen at 120×40, the time from a key event reaching the app
  until every widget has handled what it caused and the screen has been drawn again.
- Memory: resident memory (VmRSS, and its peak VmHWM) of a fresh interpreter running the app
  through a 16-turn drill (the flood scenario with 16 turns), two teams played by keys and two
  seats by bots.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parent.parent / "scenarios" / "flood_old_community.yaml"
RESULTS = Path(__file__).with_name("app_results.json")
TURNS = 16
STARTS = 5
PAGE_KEYS = ("2", "3", "4", "5", "1", "down", "up", "down", "up")
FORM_KEYS = ("a", "escape")
TURN_KEYS = (PAGE_KEYS + FORM_KEYS) * 20


def cold_start() -> list[float]:
    """Seconds for `drill play --exit-after-ready` to start, draw the lobby and exit."""
    times = []
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "drill", "play", str(REFERENCE), "--exit-after-ready"]
        env = {**os.environ, "DRILL_DB": str(Path(folder) / "bench.db")}
        for _ in range(STARTS):
            start = time.perf_counter()
            subprocess.run(command, check=True, env=env, capture_output=True, timeout=60)
            times.append(time.perf_counter() - start)
    return times


def long_bundle() -> Any:
    """The reference scenario played over 16 turns."""
    from drill.store.files import load_bundle

    bundle = load_bundle(REFERENCE)
    meta = bundle.scenario.meta.model_copy(update={"turns": TURNS})
    return replace(bundle, scenario=bundle.scenario.model_copy(update={"meta": meta}))


def make_app(bundle: Any) -> Any:
    """The app on a frozen clock, as the lobby opens."""
    from drill.session.clock import FrozenClock
    from drill.tui.app import DrillApp

    return DrillApp(bundle, lang="zh", seed=5, clock=FrozenClock())


async def settle(pilot: Any) -> None:
    """Let engine work and the screens it opens finish."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def repaint(pilot: Any, key: str) -> float:
    """Seconds from a key event until the screen it leads to is drawn with all it caused."""
    from textual import events

    app = pilot.app
    start = time.perf_counter()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    screen = None
    while screen is not app.screen:
        screen = app.screen
        await pilot._wait_for_screen()
        screen._on_timer_update()
        await pilot._wait_for_screen()
    return time.perf_counter() - start


async def keypresses() -> list[tuple[str, float]]:
    """Repaint times of keys pressed in the committee's turn screen (with two orders placed)."""
    app = make_app(long_bundle())
    times = []
    async with app.run_test(size=(120, 40)) as pilot:
        for key in ("ctrl+s", "enter"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.press("2", "a", "enter", "a", "enter")
        await pilot.pause()
        for key in TURN_KEYS:
            times.append((key, await repaint(pilot, key)))
    return times


def rss_kb() -> tuple[int, int]:
    """This process's resident memory now and at its peak, in kB."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        fields[name] = value.strip()
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


async def long_drill() -> dict[str, Any]:
    """Play 16 turns by keys (two human seats, two bots); memory after each turn."""
    app = make_app(long_bundle())
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*["tab"] * 7, "enter", "down", "enter")
        await pilot.press(
            "tab", "tab", "tab", "tab", "tab", "tab", "enter", "down", "down", "enter"
        )
        await pilot.press("ctrl+s")
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(TURNS):
            await pilot.press("1", "a", "enter", "s", "y", "3", "s", "y")
            await pilot.press("c")
            await settle(pilot)
            samples.append(rss_kb()[0])
            await pilot.press("enter")
            await settle(pilot)
        turns = app.session.state.turn
        stage = app.session.state.stage
    return {"turns": turns, "stage": stage, "rss_kb": samples, "peak_kb": rss_kb()[1]}


def memory() -> dict[str, Any]:
    """The long drill in a fresh interpreter (so nothing else counts toward its memory)."""
    out = subprocess.run(
        [sys.executable, __file__, "--long-drill"], check=True, capture_output=True, timeout=600
    )
    result: dict[str, Any] = json.loads(out.stdout.decode().strip().splitlines()[-1])
    return result


def main() -> int:
    """Measure, print, save; exit 1 if a target is missed."""
    starts = cold_start()
    timed = asyncio.run(keypresses())
    keys = [seconds for _, seconds in timed]
    in_screen = [seconds for key, seconds in timed if key in PAGE_KEYS]
    form = [seconds for key, seconds in timed if key == "a"]
    long = memory()
    start_s, worst_s = statistics.median(starts), max(starts)
    p50 = 1000 * statistics.median(keys)
    p95 = 1000 * statistics.quantiles(keys, n=20)[18]
    page_p95 = 1000 * statistics.quantiles(in_screen, n=20)[18]
    form_ms = 1000 * statistics.median(form)
    rss_mb, peak_mb = max(long["rss_kb"]) / 1024, long["peak_kb"] / 1024
    figures = [
        ("cold start to the lobby (median)", start_s, "s", "<= 1.5", start_s <= 1.5),
        ("cold start to the lobby (slowest)", worst_s, "s", "<= 1.5", worst_s <= 1.5),
        ("keypress to repaint, p50", p50, "ms", "", True),
        ("keypress to repaint, p95", p95, "ms", "<= 50", p95 <= 50),
        ("  pages and lists only, p95", page_p95, "ms", "<= 50", page_p95 <= 50),
        ("  opening the order form (median)", form_ms, "ms", "", True),
        ("RSS during a 16-turn drill (max)", rss_mb, "MB", "<= 150", rss_mb <= 150),
        ("peak RSS of that process (VmHWM)", peak_mb, "MB", "<= 150", peak_mb <= 150),
    ]
    print(f"{'figure':42} {'value':>10}  unit        target   ok")
    for name, value, unit, target, ok in figures:
        print(f"{name:42} {value:10.1f}  {unit:10}  {target:7}  {'yes' if ok else 'NO'}")
    print(
        f"({STARTS} cold starts; {len(keys)} keys in a turn screen; the long drill played "
        f"{long['turns']} turns and ended at '{long['stage']}')"
    )
    body = [
        dict(zip(("name", "value", "unit", "target", "passed"), f, strict=True)) for f in figures
    ]
    RESULTS.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return 0 if all(f[4] for f in figures) else 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--long-drill"]:
        print(json.dumps(asyncio.run(long_drill())))
        sys.exit(0)
    sys.exit(main())

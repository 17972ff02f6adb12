"""`make bench`: durable appends, resume and the HTML report against their targets.

Prints a table and writes benchmarks/store_results.json. The 16-turn drill is the reference
flood scenario with its turn count raised from 12 to 16, played by the greedy bots.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from drill.engine.rules import compile_rules
from drill.report.reviews import drill_report
from drill.scenario.bundle import build_bundle
from drill.session.session import MemoryRecord
from drill.store.database import Store
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.store.kept import bot_config, bot_drill, header_for, resume_session, save_session

REFERENCE = SCENARIOS_DIR / "flood_old_community.yaml"
RESULTS = Path(__file__).with_name("store_results.json")
TURNS = 16
APPEND_DRILLS = 5


def long_text() -> str:
    """The reference scenario's text, played over 16 turns instead of 12."""
    text = REFERENCE.read_text(encoding="utf-8")
    return text.replace("  turns: 12\n", f"  turns: {TURNS}\n", 1)


def store_long_drill(store: Store) -> int:
    """Play the 16-turn drill with greedy bots and store it; its id."""
    reference = load_bundle(REFERENCE)
    ruleset = Path(reference.ruleset_path).read_text(encoding="utf-8")
    bundle = build_bundle(long_text(), reference.scenario_path, ruleset, reference.ruleset_path)
    assert bundle.scenario.meta.turns == TURNS
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    session = bot_drill(rules, bundle.scenario.meta.seed, "greedy")
    assert session.state.turn == TURNS
    header = replace(header_for(bundle, session.config, time.time()), scenario_text=long_text())
    return save_session(store, header, session, time.time())


def appends_per_second(folder: Path) -> tuple[float, int]:
    """Commands stored per second through SqliteRecord, one committed transaction each."""
    bundle = load_bundle(REFERENCE)
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    entries = []
    for seed in range(APPEND_DRILLS):
        record = bot_drill(rules, seed, "random").record
        assert isinstance(record, MemoryRecord)
        entries += record.entries
    with Store(folder / "append.db") as store:
        drill_id = store.create_drill(header_for(bundle, bot_config(rules, 0, "random"), 0.0))
        record = store.record(drill_id)
        started = time.perf_counter()
        for command, events in entries:
            record.append(command, events)
        seconds = time.perf_counter() - started
    return len(entries) / seconds, len(entries)


def timed(job: Callable[[], object], repeats: int) -> list[float]:
    """Seconds of each of `repeats` runs of `job`."""
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        job()
        out.append(time.perf_counter() - started)
    return out


def main() -> int:
    """Measure, print, save; exit 1 if a target is missed."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        rate, count = appends_per_second(folder)
        path = folder / "long.db"
        with Store(path) as store:
            drill_id = store_long_drill(store)

        def resume() -> None:
            with Store(path) as store:
                resume_session(store, drill_id)

        def report() -> None:
            with Store(path) as store:
                drill_report(store, drill_id, "html", "zh")

        resumes = timed(resume, 10)
        first_report = timed(report, 1)[0]  # includes loading matplotlib
        reports = timed(report, 3)
    resume_ms = 1000 * statistics.median(resumes)
    report_s = statistics.median(reports)
    figures = [
        ("durable append (commit per command)", rate, "commands/s", ">= 500", rate >= 500),
        ("resume a 16-turn drill (median)", resume_ms, "ms", "<= 300", resume_ms <= 300),
        ("HTML report with charts, first", first_report, "s", "<= 2", first_report <= 2),
        ("HTML report with charts, median", report_s, "s", "<= 2", report_s <= 2),
    ]
    print(f"{'figure':42} {'value':>10}  unit        target   ok")
    for name, value, unit, target, ok in figures:
        print(f"{name:42} {value:10.1f}  {unit:10}  {target:7}  {'yes' if ok else 'NO'}")
    print(f"({count} commands appended; 16-turn drill resumed 10 times, reported 4 times)")
    body = [
        dict(zip(("name", "value", "unit", "target", "passed"), f, strict=True)) for f in figures
    ]
    RESULTS.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return 0 if all(f[4] for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())

"""Run by test_kill: play a bot drill through SqliteRecord, saying `ack N` after each command.

Usage: python kill_worker.py DB SEED
"""

from __future__ import annotations

import sys

from drill.engine.rules import compile_rules
from drill.session.session import MemoryRecord
from drill.store.database import Store
from drill.store.files import SCENARIOS_DIR, load_bundle
from drill.store.kept import bot_config, bot_drill, start_session


def main(path: str, seed: int) -> None:
    """Write every command of the drill, acknowledging each once `execute` has returned."""
    bundle = load_bundle(SCENARIOS_DIR / "flood_old_community.yaml")
    rules = compile_rules(bundle.ruleset, bundle.scenario)
    record = bot_drill(rules, seed, "random").record
    assert isinstance(record, MemoryRecord)
    store = Store(path)
    session = start_session(store, bundle, bot_config(rules, seed, "random"))
    print("ready", flush=True)
    for n, (command, _) in enumerate(record.entries, start=1):
        session.execute(command)
        print(f"ack {n}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))

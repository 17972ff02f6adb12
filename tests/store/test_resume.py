"""Any prefix of a drill, stored and resumed, continues to the same end as the whole drill."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drill.store.database import Store
from drill.store.kept import bot_config, resume_session, start_session
from tests.store.support import db_path, played, reference, replayed

SEEDS = (11, 12, 13)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.sampled_from(SEEDS), cut=st.floats(0, 1), cuts=st.integers(1, 3))
def test_a_stored_prefix_resumed_continues_to_the_same_end(
    seed: int, cut: float, cuts: int
) -> None:
    bundle, rules = reference()
    commands = [c for c, _ in played(seed)]
    whole = replayed(commands, seed)
    stops = sorted({int(cut * len(commands) * k / cuts) for k in range(1, cuts + 1)})
    with tempfile.TemporaryDirectory() as folder:
        path = db_path(Path(folder))
        with Store(path) as store:
            start_session(store, bundle, bot_config(rules, seed, "random"))
        done = 0
        for stop in [*stops, len(commands)]:
            with Store(path) as store:
                session = resume_session(store, 1)
                assert session.state == replayed(commands[:done], seed).state
                for command in commands[done:stop]:
                    session.execute(command)
                done = stop
        with Store(path) as store:
            final = resume_session(store, 1)
            assert final.state == whole.state
            assert store.events(1) == whole.log
            assert [e.command for e in store.entries(1)] == commands

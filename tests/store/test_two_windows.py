"""One drill resumed in two windows: the second to store a step is told so in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest

from drill.store.database import Store
from drill.store.kept import bot_config, resume_session, start_session
from drill.store.migrations import StoreError
from tests.store.support import db_path, played, reference


def test_a_second_window_on_one_drill_gets_a_plain_message(tmp_path: Path) -> None:
    bundle, rules = reference()
    path = db_path(tmp_path)
    with Store(path) as store:
        start_session(store, bundle, bot_config(rules, 11, "random"))
    first_command = played(11)[0][0]
    with Store(path) as one, Store(path) as two:
        window_one, window_two = resume_session(one, 1), resume_session(two, 1)
        window_one.execute(first_command)
        with pytest.raises(StoreError) as caught:
            window_two.execute(first_command)
    message = str(caught.value)
    assert "drill 1 is already open in another window" in message
    assert "UNIQUE" not in message

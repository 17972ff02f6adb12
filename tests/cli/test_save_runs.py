"""`drill simulate --save`: progress while saving, and the ids this process actually wrote."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from drill.cli import stored
from drill.cli.common import counted, id_ranges
from drill.store.database import Store
from drill.store.kept import header_for, save_bot_drills
from tests.cli.support import run


@pytest.mark.parametrize(
    ("ids", "shown"),
    [([], "none"), ([7], "id 7"), ([5, 6, 7], "ids 5-7"), ([5, 6, 9, 11, 12], "ids 5-6, 9, 11-12")],
)
def test_id_ranges_name_only_the_ids_given(ids: list[int], shown: str) -> None:
    assert id_ranges(ids) == shown


def test_counted_tells_progress_of_each_item_done() -> None:
    told: list[int] = []
    assert list(counted([1, 2, 3], told.append)) == [1, 2, 3]
    assert told == [1, 1, 1]


def test_saving_reports_only_its_own_ids_and_shows_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "d.db"
    bars: list[tuple[int, str]] = []
    ticks: list[int] = []

    @contextmanager
    def fake_bar(runs: int, label: str = "") -> Iterator[Any]:
        bars.append((runs, label))
        yield ticks.append

    def other_writer_too(store: Store, bundle: Any, seeds: Iterable[int], policy: str) -> Any:
        def interleaved() -> Iterator[int]:
            for n, seed in enumerate(seeds):
                yield seed
                if n == 0:  # another process stores a drill meanwhile
                    with Store(db) as other:
                        other.create_drill(header_for(bundle, config(store), 0.0))

        return save_bot_drills(store, bundle, interleaved(), policy)

    def config(store: Store) -> Any:
        return store.drill(1).config

    monkeypatch.setattr(stored, "progress_bar", fake_bar)
    monkeypatch.setattr(stored, "save_bot_drills", other_writer_too)
    result = run("simulate", "flood_old_community", "--runs", "3", "--save", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "saved 3 drills (ids 1, 3-4)" in result.output
    assert bars == [(3, "saving drills")]
    assert ticks == [1, 1, 1]

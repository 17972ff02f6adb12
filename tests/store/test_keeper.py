"""The app's keeper on the drill database: a DrillKeeper, resumed reports, files written."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from drill.engine.commands import FACILITATOR, Begin, End, StartTurn
from drill.report.reviews import reporting_keeper, stored_replay
from drill.session.keeping import DrillKeeper, KeepError
from drill.session.session import Session
from drill.session.sitrep import TurnReport
from drill.store.database import Store
from drill.store.export import export
from drill.store.keeper import StoreKeeper
from drill.store.kept import bot_config
from drill.store.migrations import StoreError
from tests.store.support import db_path, reference


def protocol_methods(protocol: type) -> dict[str, inspect.Signature]:
    """The public methods a protocol names, with their signatures."""
    return {
        name: inspect.signature(member)
        for name, member in vars(protocol).items()
        if callable(member) and not name.startswith("_")
    }


def two_turns(keeper: StoreKeeper) -> tuple[Session, list[TurnReport]]:
    """A kept bot drill with two turns resolved; the reports it made as it was played."""
    _, rules = reference()
    session = keeper.start(reference()[0], bot_config(rules, 5, "greedy"))
    session.execute(Begin(FACILITATOR))
    for _ in range(2):
        session.execute(StartTurn(FACILITATOR))
        session.close_turn()
    return session, list(session.reports)


def test_the_store_keeper_has_every_method_of_a_drill_keeper_as_named() -> None:
    wanted = protocol_methods(DrillKeeper)
    assert wanted  # the protocol names methods
    for name, signature in wanted.items():
        assert str(inspect.signature(getattr(StoreKeeper, name))) == str(signature), name


def test_a_store_error_is_a_keep_error_the_app_can_catch() -> None:
    assert issubclass(StoreError, KeepError)


def test_a_resumed_drill_has_the_reports_its_turns_had_when_played(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store:
        keeper = StoreKeeper(store)
        session, made = two_turns(keeper)
        drill_id = keeper.kept_id(session)
        assert drill_id == 1
        resumed = keeper.resume(drill_id)
    assert len(made) == 2
    assert resumed.reports == made
    assert resumed.state == session.state


def test_only_sessions_kept_in_the_database_have_an_id(tmp_path: Path) -> None:
    _, rules = reference()
    with Store(db_path(tmp_path)) as store:
        assert StoreKeeper(store).kept_id(Session(rules, bot_config(rules, 5, "greedy"))) is None


def test_the_export_is_written_as_drill_export_writes_it(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store:
        keeper = StoreKeeper(store)
        two_turns(keeper)
        keeper.write_review(1, "export.csv", tmp_path / "out.csv")
        assert (tmp_path / "out.csv").read_text(encoding="utf-8") == export(store, 1, "csv")


def test_a_keeper_without_reports_says_so_and_one_with_them_writes_them(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store:
        session, _ = two_turns(StoreKeeper(store))
        session.execute(End(FACILITATOR))
        with pytest.raises(KeepError, match="drill report"):
            StoreKeeper(store).write_review(1, "report.md", tmp_path / "r.md")
        reporting_keeper(store).write_review(1, "report.md", tmp_path / "r.md")
    assert (tmp_path / "r.md").read_text(encoding="utf-8").strip()


def test_writing_to_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store:
        keeper = StoreKeeper(store)
        two_turns(keeper)
        with pytest.raises(OSError):
            keeper.write_review(1, "export.json", tmp_path / "missing" / "out.json")


def test_the_replay_has_one_picture_per_turn_and_the_start(tmp_path: Path) -> None:
    with Store(db_path(tmp_path)) as store:
        two_turns(StoreKeeper(store))
        replay = stored_replay(store, 1, "en")
    assert [turn.turn for turn in replay.turns] == [0, 1, 2]
    assert replay.drill_id == 1 and replay.title
    assert any(turn.moments for turn in replay.turns)

"""The store core: recording, reading, migrations, concurrency, forgetting, and every way a file can fail."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import multiprocessing
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import answers_for

from werkwijzer.core.answers import Answers, dump_answers, parse_answers
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.periods import parse_period
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import score
from werkwijzer.core.store import (
    APPLICATION_ID,
    MIGRATIONS,
    SCHEMA_VERSION,
    RecordOutcome,
    Store,
    StoreCorruptError,
    StoreError,
    StoreLockedError,
    StoreMissingError,
    StoreReadOnlyError,
    StoreVersionError,
    UnknownScanError,
    content_hash,
    db_path,
    default_db_path,
)

# Every released schema step as it was released. Never edit these: a database made by an older
# werkwijzer is built from exactly this DDL, so an edited step in werkwijzer.core.store fails here.
RELEASED: tuple[tuple[str, ...], ...] = (
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE scan (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            content_hash TEXT NOT NULL UNIQUE,
            recorded_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('scan', 'import')),
            layer TEXT NOT NULL,
            school TEXT,
            respondent TEXT,
            scan_date TEXT,
            model_version TEXT NOT NULL,
            answers_text TEXT NOT NULL,
            result_json TEXT NOT NULL
        )""",
        "CREATE INDEX scan_date_idx ON scan (scan_date)",
    ),
    (
        "ALTER TABLE scan ADD COLUMN school_key TEXT",
        "ALTER TABLE scan ADD COLUMN respondent_key TEXT",
        "UPDATE scan SET school_key = ww_key(school), respondent_key = ww_key(respondent)",
        "CREATE INDEX scan_school_idx ON scan (school_key, scan_date)",
        "CREATE INDEX scan_respondent_idx ON scan (respondent_key)",
    ),
    (
        "ALTER TABLE scan ADD COLUMN summary TEXT",
        "UPDATE scan SET summary = ww_summary(result_json)",
        # Everything history reads, in one index: it never touches the rows, which are large.
        "CREATE INDEX scan_summary_idx ON scan (school_key, scan_date, recorded_at, id, source, "
        "layer, school, respondent, model_version, summary)",
        """CREATE TABLE board_link (
            scan_id INTEGER NOT NULL,
            school_key TEXT NOT NULL,
            PRIMARY KEY (scan_id, school_key)
        ) WITHOUT ROWID""",
        "CREATE INDEX board_link_school_idx ON board_link (school_key)",
        """CREATE TRIGGER scan_forgotten AFTER DELETE ON scan BEGIN
            DELETE FROM board_link WHERE scan_id = old.id;
        END""",
        """CREATE TABLE plan (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            school_key TEXT NOT NULL,
            school TEXT NOT NULL,
            school_year TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            plan_text TEXT NOT NULL,
            UNIQUE (school_key, school_year)
        )""",
    ),
)
# The rows an old database held, per version it was made with (columns of that version).
V1_ROW = (
    "INSERT INTO scan (content_hash, recorded_at, source, layer, school, respondent, scan_date, "
    "model_version, answers_text, result_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def record(db: Path | None, answers: Answers, text: str, result: Result) -> RecordOutcome:
    """Record one scan as `werkwijzer scan` does at its end."""
    with Store.open(db) as store:
        return store.add(answers, text, result, "scan")


def scan_of(
    model: Model, value: int = 3, *, layer: LayerId = "leraar", **meta: object
) -> tuple[Answers, str, Result]:
    answers = answers_for(model, layer, value, **meta)
    return answers, dump_answers(answers, model), score(model, answers)


def add(
    store: Store, model: Model, value: int = 3, *, layer: LayerId = "leraar", **meta: object
) -> RecordOutcome:
    answers, text, result = scan_of(model, value, layer=layer, **meta)
    return store.add(answers, text, result, "import")


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
        ).fetchall()


def pragma(path: Path, name: str) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return int(conn.execute(f"PRAGMA {name}").fetchone()[0])


# --- recording and reading ----------------------------------------------------------------------


def test_round_trip(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    answers, text, result = scan_of(
        model, 2, school="OBS De Regenboog", respondent="Jan", date=dt.date(2025, 10, 1)
    )
    outcome = record(db, answers, text, result)
    assert outcome.new
    with Store.open(db) as store:
        [found] = store.scans()
        assert found.id == outcome.id
        assert (found.school, found.respondent, found.layer) == (
            "OBS De Regenboog",
            "Jan",
            "leraar",
        )
        assert found.date == dt.date(2025, 10, 1) and found.source == "scan"
        assert found.result == result
        assert store.answers_text(found.id) == text
        assert store.get([found.id]) == [found]


def test_the_same_answers_are_stored_once(tmp_path: Path, model: Model) -> None:
    with Store.open(tmp_path / "s.db") as store:
        first = add(store, model, 3, school="A")
        again = add(store, model, 3, school="A")
        other = add(store, model, 3, school="B")
        assert first.new and not again.new and again.id == first.id
        assert other.new and other.id != first.id
        assert len(store.scans()) == 2


def test_content_hash_ignores_the_file_format_but_not_the_content(model: Model) -> None:
    answers = answers_for(model, "leraar", 3, school="A", date=dt.date(2025, 1, 2))
    as_json = parse_answers(json.dumps(to_jsonable(answers)).encode(), model, "x.json")
    reordered = dataclasses.replace(answers, answers=dict(reversed(answers.answers.items())))
    assert content_hash(answers) == content_hash(as_json) == content_hash(reordered)
    changed = dataclasses.replace(
        answers, answers={**answers.answers, next(iter(answers.answers)): 1}
    )
    assert content_hash(changed) != content_hash(answers)
    assert content_hash(dataclasses.replace(answers, respondent="X")) != content_hash(answers)


def test_filters_and_newest_first(tmp_path: Path, model: Model) -> None:
    with Store.open(tmp_path / "s.db") as store:
        old = add(store, model, 1, school="OBS De Regenboog", date=dt.date(2024, 10, 1))
        new = add(store, model, 2, school="obs  de REGENBOOG", date=dt.date(2025, 10, 1))
        lead = add(
            store,
            model,
            3,
            school="OBS De Regenboog",
            layer="schoolleider",
            respondent="Jan Jansen",
            date=dt.date(2025, 9, 1),
        )
        elsewhere = add(store, model, 4, school="De Linde", date=dt.date(2025, 11, 1))
        undated = add(store, model, 2, school="De Linde")  # counts as recorded today

        ids = [s.id for s in store.scans()]
        assert ids == [undated.id, elsewhere.id, new.id, lead.id, old.id]
        assert [s.id for s in store.scans(school="OBS De Regenboog")] == [new.id, lead.id, old.id]
        assert [s.id for s in store.scans(layer="schoolleider")] == [lead.id]
        assert [s.id for s in store.scans(respondent="jan  jansen")] == [lead.id]
        period = parse_period("2025/2026")
        found = store.scans(since=period.start, until=period.end)
        assert [s.id for s in found] == [elsewhere.id, new.id, lead.id]
        assert store.schools() == [
            ("de linde", "De Linde"),
            ("obs de regenboog", "OBS De Regenboog"),
        ]
        [today] = store.scans(ids=[undated.id])
        recorded = dt.date.fromisoformat(today.recorded_at[:10])
        assert today.date is None and today.day == recorded


def test_unknown_scan_ids_are_named(tmp_path: Path, model: Model) -> None:
    with Store.open(tmp_path / "s.db") as store:
        known = add(store, model)
        with pytest.raises(UnknownScanError, match="Scan 98, 99 staat niet"):
            store.get([known.id, 98, 99])


def test_a_reader_never_makes_a_database(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with pytest.raises(StoreMissingError, match="nog geen scans"), Store.open(db, create=False):
        pass
    assert not db.exists()


def test_where_the_database_lives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WERKWIJZER_DB")
    assert default_db_path().name == "werkwijzer.db"
    assert db_path(None) == default_db_path()
    monkeypatch.setenv("WERKWIJZER_DB", str(tmp_path / "env.db"))
    assert db_path(None) == tmp_path / "env.db"
    assert db_path(tmp_path / "given.db") == tmp_path / "given.db"  # --db wins over the variable


def test_the_default_folder_is_made_but_a_given_one_is_not(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "data" / "werkwijzer" / "werkwijzer.db"
    monkeypatch.setattr("werkwijzer.core.store.default_db_path", lambda: default)
    monkeypatch.delenv("WERKWIJZER_DB")
    answers, text, result = scan_of(model)
    record(None, answers, text, result)
    assert default.is_file()
    with pytest.raises(StoreError, match="bestaat niet"):
        record(tmp_path / "typo" / "s.db", answers, text, result)
    assert not (tmp_path / "typo").exists()


# --- schema versions and migrations -------------------------------------------------------------


def test_released_steps_are_never_edited() -> None:
    assert len(RELEASED) == SCHEMA_VERSION, "a new migration needs its frozen copy in RELEASED"
    assert MIGRATIONS == RELEASED


def build_old(path: Path, version: int, model: Model) -> None:
    """A database as werkwijzer with schema `version` left it, with two scans in it."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.create_function(
        "ww_key", 1, lambda s: None if s is None else " ".join(s.casefold().split())
    )
    for step in RELEASED[:version]:
        for statement in step:
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    if version >= 1:
        for value, school in ((2, "OBS De Regenboog"), (4, " obs de  Regenboog ")):
            answers, text, result = scan_of(
                model, value, school=school, respondent="Jan", date=dt.date(2025, 1, value)
            )
            conn.execute(
                V1_ROW,
                (
                    content_hash(answers),
                    "2025-01-10T10:00:00+01:00",
                    "import",
                    "leraar",
                    school,
                    "Jan",
                    f"2025-01-0{value}",
                    "2026.11",
                    text,
                    json.dumps(to_jsonable(result)),
                ),
            )
    if version >= 2:  # a werkwijzer of schema 2 wrote the keys with every row
        conn.execute(
            "UPDATE scan SET school_key = ww_key(school), respondent_key = ww_key(respondent)"
        )
    conn.close()


@pytest.mark.parametrize("version", range(SCHEMA_VERSION), ids=lambda v: f"from-v{v}")
def test_migrates_from_every_earlier_version(tmp_path: Path, model: Model, version: int) -> None:
    old, fresh = tmp_path / "old.db", tmp_path / "fresh.db"
    build_old(old, version, model)
    with Store.open(old) as store:
        scans = store.scans(school="OBS DE REGENBOOG", respondent="jan")
        assert len(scans) == (2 if version >= 1 else 0)
        assert all(s.result.layer == "leraar" for s in scans)
        add(store, model, 1, school="Nieuw")
    with Store.open(fresh):
        pass
    assert pragma(old, "user_version") == SCHEMA_VERSION
    assert pragma(old, "application_id") == APPLICATION_ID
    assert schema_of(old) == schema_of(fresh)


def test_a_failed_migration_leaves_the_old_version(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "old.db"
    build_old(db, 1, model)
    broken = (*MIGRATIONS[:1], (*MIGRATIONS[1], "THIS IS NOT SQL"))
    monkeypatch.setattr("werkwijzer.core.store.MIGRATIONS", broken)
    monkeypatch.setattr("werkwijzer.core.store.SCHEMA_VERSION", len(broken))
    with pytest.raises(StoreError), Store.open(db):
        pass
    assert pragma(db, "user_version") == 1
    assert [row[1] for row in schema_of(db)] == ["scan", "scan_date_idx"]


def test_a_newer_database_is_refused_untouched(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        add(store, model)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        conn.execute("PRAGMA journal_mode = DELETE")  # so the main file holds everything
    before = db.read_bytes()
    with pytest.raises(StoreVersionError, match="nieuwere versie"), Store.open(db):
        pass
    answers, text, result = scan_of(model, 1)
    with pytest.raises(StoreVersionError):
        record(db, answers, text, result)
    assert db.read_bytes() == before
    assert not Path(f"{db}-wal").exists()


@pytest.mark.parametrize("how", ["application_id", "tables"])
def test_another_applications_database_is_refused_untouched(tmp_path: Path, how: str) -> None:
    db = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        if how == "application_id":
            conn.execute("PRAGMA application_id = 1234")
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.commit()
    before = db.read_bytes()
    with pytest.raises(StoreVersionError, match="ander programma"), Store.open(db):
        pass
    assert db.read_bytes() == before


# --- damaged, read-only, locked ------------------------------------------------------------------


def test_a_file_that_is_no_database(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    db.write_bytes(b"dit is geen database\n" * 200)
    with pytest.raises(StoreCorruptError, match="beschadigd") as caught, Store.open(db):
        pass
    assert "antwoordbestanden zijn niet aangetast" in caught.value.message
    assert db.read_bytes() == b"dit is geen database\n" * 200


def test_a_damaged_database(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        for value in (1, 2, 3, 4):
            add(store, model, value)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    page = pragma(db, "page_size")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'scan'").fetchone()[0]
    data = bytearray(db.read_bytes())
    data[(root - 1) * page : root * page] = b"\xff" * page  # the table's first page is garbage
    db.write_bytes(bytes(data))
    with pytest.raises(StoreCorruptError), Store.open(db) as store:
        store.scans()


@contextlib.contextmanager
def read_only(*paths: Path) -> Iterator[None]:
    """Files no one may write: chmod, and for root (who ignores modes) the immutable flag."""
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    flagged = []
    try:
        if os.geteuid() == 0:
            for path in paths:
                done = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False)
                if done.returncode:
                    pytest.skip("root ignores file modes and chattr is not available here")
                flagged.append(path)
        yield
    finally:
        for path in flagged:
            subprocess.run(["chattr", "-i", str(path)], check=False)
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file-and-folder"])
def test_a_read_only_database(tmp_path: Path, model: Model, folder_too: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "s.db"
    with Store.open(db) as store:
        add(store, model, 1)
    before = db.read_bytes()
    answers, text, result = scan_of(model, 4)
    locked = (db, folder) if folder_too else (db,)
    with read_only(*locked), pytest.raises(StoreReadOnlyError) as caught:
        record(db, answers, text, result)
    assert "alleen-lezen" in caught.value.message or "niet geopend" in caught.value.message
    assert db.read_bytes() == before


def test_a_locked_database(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        add(store, model, 1)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of writing
    try:
        with Store.open(db, create=False, timeout=0.1) as store:
            assert len(store.scans()) == 1  # readers are not blocked in WAL mode
            with pytest.raises(StoreLockedError, match="bezet"):
                add(store, model, 2)
        with pytest.raises(StoreLockedError), Store.open(db, timeout=0.1):
            pass  # a writer learns it at once
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store.open(db) as store:
        assert add(store, model, 2).new


# --- several processes at once ------------------------------------------------------------------

WRITERS, PER_WRITER = 6, 5


def _writer(db: str, number: int, start: multiprocessing.synchronize.Barrier) -> None:
    from werkwijzer.core.model_load import load_model

    model = load_model()
    scans = [
        scan_of(model, 1 + (n % 4), school=f"School {number}", respondent=f"R{n}")
        for n in range(PER_WRITER)
    ]
    start.wait(timeout=60)
    for answers, text, result in scans:
        record(Path(db), answers, text, result)


def test_concurrent_writers_all_succeed(tmp_path: Path) -> None:
    """Several processes create the database and record into it at the same moment."""
    db = tmp_path / "s.db"
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WRITERS)
    workers = [context.Process(target=_writer, args=(str(db), n, start)) for n in range(WRITERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    for worker in workers:
        if worker.is_alive():
            worker.kill()
    assert [w.exitcode for w in workers] == [0] * WRITERS
    with Store.open(db) as store:
        scans = store.scans()
    assert len(scans) == WRITERS * PER_WRITER
    assert len({s.id for s in scans}) == WRITERS * PER_WRITER


# --- forgetting ---------------------------------------------------------------------------------


def raw_files(db: Path) -> bytes:
    return b"".join(p.read_bytes() for p in db.parent.glob(db.name + "*"))


@pytest.fixture(params=["build-default", "secure-delete-off"])
def sqlite_build(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some SQLite builds overwrite deleted data by default and some do not: try both."""
    if request.param == "secure-delete-off":
        real = sqlite3.connect

        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            conn: sqlite3.Connection = real(*args, **kwargs)
            conn.execute("PRAGMA secure_delete = OFF")
            return conn

        monkeypatch.setattr(sqlite3, "connect", connect)


def test_forget_removes_for_good(tmp_path: Path, model: Model, sqlite_build: None) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        keep = add(store, model, 2, school="OBS De Regenboog", respondent="Bewaar Mij")
        gone = [
            add(store, model, value, school="OBS De Regenboog", respondent="Vergeet Mij")
            for value in (1, 3)
        ]
        assert b"Vergeet Mij" in raw_files(db)
        outcome = store.forget(respondent="vergeet  mij")
        assert outcome.removed == 2 and outcome.fully_cleaned
        assert [s.id for s in store.scans()] == [keep.id]
        assert b"Vergeet Mij" not in raw_files(db)  # not in the file, not in the WAL
        assert add(store, model, 4).id > max(g.id for g in gone)  # ids are never reused
        assert store.forget(ids=[keep.id]).removed == 1
        assert store.forget(school="OBS De Regenboog").removed == 0
    assert b"Bewaar Mij" not in raw_files(db)


def test_forget_by_school_and_id_together(tmp_path: Path, model: Model) -> None:
    with Store.open(tmp_path / "s.db") as store:
        a = add(store, model, 1, school="A")
        b = add(store, model, 2, school="B")
        assert store.forget(ids=[a.id, b.id], school="a").removed == 1
        assert [s.id for s in store.scans()] == [b.id]


def test_forget_needs_a_selection(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store, pytest.raises(ValueError):
        store.forget()


def test_record_keeps_the_result_as_json(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    answers, text, result = scan_of(model, 2)
    record(db, answers, text, result)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        stored = json.loads(conn.execute("SELECT result_json FROM scan").fetchone()[0])
    assert stored == to_jsonable(result)
    assert pragma(db, "user_version") == SCHEMA_VERSION
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- schema 3: summaries, board links, plans -----------------------------------------------------


def test_migration_3_summarises_the_old_scans(tmp_path: Path, model: Model) -> None:
    old = tmp_path / "old.db"
    build_old(old, 2, model)
    with Store.open(old) as store:
        summaries = {s.id: s for s in store.summaries()}
        for scan in store.scans():
            assert summaries[scan.id].phases == {a.id: a.phase for a in scan.result.aspects}
            assert [a.scores for a in summaries[scan.id].aspects] == [
                a.scores for a in scan.result.aspects
            ]


def test_history_reads_only_the_summary_index(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        add(store, model, 2, school="A")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        plan = conn.execute(
            "EXPLAIN QUERY PLAN SELECT id, recorded_at, source, layer, school, respondent, "
            "scan_date, model_version, summary FROM scan WHERE school_key = 'a'"
        ).fetchall()
    assert "COVERING INDEX scan_summary_idx" in " ".join(str(step) for step in plan)


def test_board_links_go_with_the_scan(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        board = add(store, model, 3, layer="bestuurder", school="Stichting")
        add(store, model, 2, school="A")
        store.link_board([(board.id, "a"), (board.id, "b"), (board.id, "a")])
        assert store.board_links() == {board.id: ["a", "b"]}
        assert {s.layer for s in store.summaries(school="A")} == {"bestuurder", "leraar"}
        store.forget(ids=[board.id])
        assert store.board_links() == {}
        assert {s.layer for s in store.summaries(school="A")} == {"leraar"}


def test_a_plan_is_kept_per_school_and_year(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        assert store.save_plan("OBS De Regenboog", "2025/2026", "eerste")
        assert not store.save_plan("obs de regenboog", "2025/2026", "tweede")
        assert store.save_plan("OBS De Regenboog", "2026/2027", "volgend jaar")
        assert store.plan_text("OBS  DE Regenboog", "2025/2026") == "tweede"
        assert store.plan_text("OBS De Regenboog", "2024/2025") is None


def test_add_many_is_one_transaction(tmp_path: Path, model: Model) -> None:
    from werkwijzer.core.store import NewScan

    db = tmp_path / "s.db"
    good = [NewScan(*scan_of(model, v, school="A"), "import") for v in (1, 2)]
    with Store.open(db) as store:
        outcomes = store.add_many([*good, good[0]])
        assert [o.new for o in outcomes] == [True, True, False]
        assert outcomes[2].id == outcomes[0].id
        broken = dataclasses.replace(good[0], result=None)  # type: ignore[arg-type]
        with pytest.raises(AttributeError):
            store.add_many([NewScan(*scan_of(model, 3, school="A"), "import"), broken])
        assert len(store.scans()) == 2  # the first of the failed batch is not kept either


def test_the_stored_result_json_is_to_jsonable(model: Model) -> None:
    from werkwijzer.core.store import result_jsonable

    shared: dict[str, Any] = {}
    for value in (1, 2, 3, 4):
        result = scan_of(model, value)[2]
        assert result_jsonable(result, shared) == to_jsonable(result)
        assert list(result_jsonable(result, shared)) == list(to_jsonable(result))
    assert shared  # the actions were made once and shared

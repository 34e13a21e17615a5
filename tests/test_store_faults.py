"""The store under faults: other programs' files, damaged rows, read-only files, a full disk, a
reader holding a snapshot, odd scan numbers. The numbers are the findings of issue 16."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import answers_for, run, write_answers_file
from test_store import add, read_only

from werkwijzer.core.model import Model
from werkwijzer.core.store import Store, StoreVersionError

HUGE = "9" * 25


def imported(db: Path, tmp_path: Path, model: Model, *respondents: str) -> list[Path]:
    files = [
        write_answers_file(
            tmp_path / f"{name}.yaml",
            model,
            answers_for(model, "leraar", 1 + n % 4, respondent=name, school="OBS De Linde"),
        )
        for n, name in enumerate(respondents)
    ]
    result = run("import", "--db", str(db), *map(str, files))
    assert result.exit_code == 0, result.stderr
    return files


def journal_mode(db: Path) -> str:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])


# --- 7: only our own files -----------------------------------------------------------------------


@pytest.mark.parametrize("version", [1, 2])
def test_07_another_programs_file_with_our_schema_numbers(tmp_path: Path, version: int) -> None:
    db = tmp_path / "ander.db"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()
    before = db.read_bytes()
    with pytest.raises(StoreVersionError, match="ander programma"), Store.open(db):
        pass
    result = run("history", "--db", str(db))
    assert result.exit_code == 2 and "ander programma" in result.stderr
    assert db.read_bytes() == before
    assert journal_mode(db) == "delete"
    assert not Path(f"{db}-wal").exists()


def test_07_history_never_migrates_another_programs_scan_table(tmp_path: Path) -> None:
    db = tmp_path / "ander.db"
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE scan (id INTEGER PRIMARY KEY, what TEXT)")
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    before = db.read_bytes()
    result = run("history", "--db", str(db))
    assert result.exit_code == 2 and "ander programma" in result.stderr
    assert db.read_bytes() == before
    with contextlib.closing(sqlite3.connect(db)) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(scan)")]
    assert columns == ["id", "what"]


def test_07_an_empty_file_becomes_ours(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "leeg.db"
    db.touch()
    imported(db, tmp_path, model, "Jan")
    assert run("history", "--db", str(db)).exit_code == 0


# --- 15, 16: rows and numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("result_json", "{kapot"),
        ("result_json", '{"format": "iets anders"}'),
        ("summary", "{kapot"),
        ("summary", '{"koers": ["ergens", 1, 2]}'),
        ("summary", '{"koers": ["ergens", 1, 0.5, null]}'),
        ("summary", '{"koers": [["begin"], 1, 0.5, null]}'),
        ("summary", '{"koers": ["begin", "1", 0.5, null]}'),
        ("recorded_at", "gisteren"),
        ("scan_date", "2026-02-30"),
        ("school", b"\x00"),
        ("model_version", b"\x00\xff"),
    ],
)
def test_15_a_damaged_row(tmp_path: Path, model: Model, column: str, value: str | bytes) -> None:
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jan", "Piet")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(f"UPDATE scan SET {column} = ? WHERE id = 1", (value,))
        if column == "result_json":  # history reads the result only for a row without summary
            conn.execute("UPDATE scan SET summary = NULL WHERE id = 1")
        conn.commit()
    for args in (
        ["history"],
        ["history", "--scans", "--json"],
        ["compare", "1", "2"],
        ["compare", "2", "2"],
    ):
        result = run(*args, "--db", str(db))
        if args == ["compare", "2", "2"]:
            assert result.exit_code == 0, result.stderr  # the other row is fine
            continue
        assert result.exit_code == 2, (args, result.stderr)
        assert "beschadigd" in result.stderr and "Traceback" not in result.stderr


def test_03_control_characters_in_an_older_database_never_reach_the_terminal(
    tmp_path: Path, model: Model
) -> None:
    """An older werkwijzer stored what it read; what the store gives back is made safe at the edge."""
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jan", "Piet")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(
            "UPDATE scan SET school = ?, school_key = ?", ("OBS \x9b2J\x1b]0;x\x07", "obs")
        )
        conn.commit()
    for args in (
        ["history"],
        ["history", "--scans", "--json"],
        ["compare", "1", "2", "--json"],
        ["compare", "1", "2", "--markdown"],
        ["compare", "1,2", "1,2"],
    ):
        result = run(*args, "--db", str(db))
        assert result.exit_code == 0, (args, result.stderr)
        assert not any(c in result.stdout for c in "\x9b\x1b\x07"), (args, result.stdout)
    data = json.loads(run("history", "--scans", "--json", "--db", str(db)).stdout)
    assert data["scans"][0]["school"] == "OBS \x9b2J\x1b]0;x\x07"  # the JSON itself is exact


def test_16_a_huge_scan_number(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jan", "Piet")
    result = run("compare", HUGE, "1", "--db", str(db))
    assert result.exit_code == 2 and f"Scan {HUGE} staat niet in" in result.stderr
    result = run("compare", f"1,{HUGE}", "2", "--db", str(db))
    assert result.exit_code == 2 and "staat niet in" in result.stderr
    result = run("forget", "--id", HUGE, "--yes", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert f"Scan {HUGE} staat niet in de database" in result.stderr
    result = run("forget", "--id", HUGE, "--id", "1", "--yes", "--db", str(db))
    assert result.exit_code == 0 and "1 scan verwijderd" in result.stderr


def test_16_a_number_in_other_digits(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jan")
    result = run("compare", "²", "1", "--db", str(db))
    assert result.exit_code == 2 and "geen scannummer" in result.stderr


# --- 29, 30: --db and read-only files ------------------------------------------------------------


def test_29_an_empty_db_option_means_the_default(tmp_path: Path, _own_store: Path) -> None:
    result = run("history", "--scans", "--json", "--db", "")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["database"] == str(_own_store)  # WERKWIJZER_DB, as without


def test_30_a_reader_writes_nothing(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jan")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    before = db.read_bytes()
    assert run("history", "--db", str(db)).exit_code == 0
    assert run("compare", "1", "1", "--db", str(db)).exit_code == 0
    assert journal_mode(db) == "delete"
    assert db.read_bytes() == before


def test_30_a_read_only_database_in_rollback_journal_mode(tmp_path: Path, model: Model) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "s.db"
    imported(db, tmp_path, model, "Jan")
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    with read_only(db, folder):
        result = run("history", "--scans", "--json", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        assert [s["respondent"] for s in json.loads(result.stdout)["scans"]] == ["Jan"]
        result = run("import", "--db", str(db), str(tmp_path / "Jan.yaml"))
        assert result.exit_code == 2 and "alleen-lezen" in result.stderr


# --- 22: a full disk -----------------------------------------------------------------------------


def test_22_a_full_database_says_so(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's page limit gives the same SQLITE_FULL as a full disk, on any machine."""
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jan")
    real = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn: sqlite3.Connection = real(*args, **kwargs)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)
    files = [
        write_answers_file(
            tmp_path / f"r{n}.yaml",
            model,
            answers_for(model, "leraar", 1 + n % 4, respondent=f"R{n}"),
        )
        for n in range(60)
    ]
    result = run("import", "--db", str(db), *map(str, files))
    assert result.exit_code == 2, result.stderr
    assert "De schijf is vol" in result.stderr
    assert "no transaction" not in result.stderr


@contextlib.contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    where.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small tmpfs needs root")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip(f"tmpfs cannot be mounted here: {done.stderr!r}")
    try:
        yield where
    finally:
        subprocess.run(["umount", str(where)], check=False)


def test_22_a_really_full_disk(tmp_path: Path, model: Model) -> None:
    with small_disk(tmp_path / "klein", "256k") as disk:
        db = disk / "s.db"
        imported(db, tmp_path, model, "Jan")
        filler = disk / "vol"
        with contextlib.suppress(OSError), open(filler, "wb") as out:
            while True:
                out.write(b"\0" * 4096)
                out.flush()
        files = [
            write_answers_file(
                tmp_path / f"r{n}.yaml",
                model,
                answers_for(model, "leraar", 1 + n % 4, respondent=f"R{n}"),
            )
            for n in range(30)
        ]
        result = run("import", "--db", str(db), *map(str, files))
        assert result.exit_code == 2, result.stderr
        assert "De schijf is vol" in result.stderr
        filler.unlink()
        assert run("history", "--db", str(db)).exit_code == 0  # nothing was damaged


# --- 23: forgetting while another program reads -------------------------------------------------


def test_23_forget_says_where_a_copy_can_remain(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jantje Geheim", "Piet")
    reader = sqlite3.connect(db)
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM scan").fetchone()  # holds a snapshot
        result = run("forget", "--respondent", "Jantje Geheim", "--yes", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        assert f"in het databasebestand {db} zelf" in result.stderr
        assert "-wal" not in result.stderr
        assert b"Jantje Geheim" in db.read_bytes()  # where the message says it is
    finally:
        reader.close()
    assert b"Jantje Geheim" not in db.read_bytes()  # and gone when the reader has closed
    assert not any(b"Jantje Geheim" in p.read_bytes() for p in tmp_path.glob("s.db*"))


def test_23_without_a_reader_no_warning(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    imported(db, tmp_path, model, "Jantje Geheim")
    result = run("forget", "--respondent", "Jantje Geheim", "--yes", "--db", str(db))
    assert result.exit_code == 0 and "Let op" not in result.stderr


def test_store_add_after_all(tmp_path: Path, model: Model) -> None:
    """The write path still commits (the COMMIT moved inside the guarded block)."""
    db = tmp_path / "s.db"
    with Store.open(db) as store:
        first = add(store, model, 1)
        again = add(store, model, 1)
    assert first.new and not again.new and first.id == again.id
    with Store.open(db, create=False) as store:
        assert [s.id for s in store.scans()] == [first.id]

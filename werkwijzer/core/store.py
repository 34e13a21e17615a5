"""The local store of scans: one SQLite file keeping every recorded scan, findable and comparable.

The answers files stay the source of truth; the store keeps a copy of each file's text next to its
metadata and its result, so `history` and `compare` work without the files at hand.

Reliability, in short:
- The schema is versioned with PRAGMA user_version; MIGRATIONS holds every step from the first
  version on, and each step runs in one write transaction, so a half-migrated file cannot exist.
- WAL mode and a busy timeout: readers never block the writer, and two processes recording at the
  same moment wait for each other instead of failing.
- A file written by a newer werkwijzer is refused before anything is written to it; a file that is
  not a werkwijzer database (another application's SQLite file, or no database at all) likewise.
- Every sqlite3 failure becomes a StoreError with one Dutch sentence; nothing else escapes.
- The same answers (same content after parsing, however the file was formatted) are stored once:
  the content hash is the sha256 of the answers in canonical JSON.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import errno
import functools
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from werkwijzer.core.answers import Answers
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.invocation import command, program
from werkwijzer.core.model import PHASE_IDS, LayerId, PhaseId
from werkwijzer.core.paths import os_reason, real_path
from werkwijzer.core.result import Result
from werkwijzer.core.team import school_key

DB_NAME = "werkwijzer.db"
DB_ENV = "WERKWIJZER_DB"
APPLICATION_ID = 0x57574A5A  # "WWJZ": tells our files apart from other applications' SQLite files
BUSY_TIMEOUT_S = 10.0
Source = Literal["scan", "import"]


# --- errors --------------------------------------------------------------------------------------


class StoreError(WerkwijzerError):
    """The database cannot be used. The answers files are never affected by this."""


class StoreLockedError(StoreError):
    """Another process kept the database busy for longer than the busy timeout."""


class StoreReadOnlyError(StoreError):
    """The database (or its folder) may not be written."""


class StoreCorruptError(StoreError):
    """The file is damaged, or is no SQLite database at all."""


class StoreVersionError(StoreError):
    """Written by a newer werkwijzer, or by another application: refused, left untouched."""


class StoreMissingError(StoreError):
    """A command that only reads found no database (nothing has been recorded yet)."""


class UnknownScanError(StoreError):
    """A scan id that is not in the database."""


# --- schema --------------------------------------------------------------------------------------


def name_key(name: str | None) -> str | None:
    """How two spellings of one school (or respondent) are recognised: the team report's rule.

    The keys are stored (schema 2): a change to team.school_key needs a migration that re-keys.
    """
    if name is None:
        return None
    return school_key(name) or None


# MIGRATIONS[n] takes a database from user_version n to n + 1. Never edit a step once released:
# add a new one. tests/test_store.py keeps a frozen copy of every released version's DDL to build
# old databases from, so a changed step fails the migration tests.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the scans, with the answers file text and the result as JSON.
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
    # 2: school and respondent as keys (case and spacing ignored), so that 'OBS De Regenboog' and
    # 'obs de regenboog' are one school for history, compare and forget.
    (
        "ALTER TABLE scan ADD COLUMN school_key TEXT",
        "ALTER TABLE scan ADD COLUMN respondent_key TEXT",
        "UPDATE scan SET school_key = ww_key(school), respondent_key = ww_key(respondent)",
        "CREATE INDEX scan_school_idx ON scan (school_key, scan_date)",
        "CREATE INDEX scan_respondent_idx ON scan (respondent_key)",
    ),
    # 3: what history and compare read, without parsing whole results: per aspect the phase and
    # the three phase scores (`summary`). Board members' scans linked to the schools whose
    # answers were imported from the same folder (`board_link`). The schools' plans (`plan`).
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
SCHEMA_VERSION = len(MIGRATIONS)


# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RecordOutcome:
    """What recording one scan did: its id, whether it was new or already there, and the id of
    an earlier version of the same scan it replaced (see importing.record_scan)."""

    id: int
    new: bool
    replaced: int | None = None


@dataclass(frozen=True)
class ScanRecord:
    id: int
    recorded_at: str
    source: Source
    layer: str
    school: str | None
    respondent: str | None
    date: dt.date | None
    model_version: str
    result: Result

    @property
    def day(self) -> dt.date:
        """The scan's date, or the day it was recorded when the answers file carried none."""
        return self.date or dt.date.fromisoformat(self.recorded_at[:10])


@dataclass(frozen=True)
class NewScan:
    """A scan to record: the checked answers, the file's text, the result, where it came from."""

    answers: Answers
    answers_text: str
    result: Result
    source: Source


class AspectSummary(NamedTuple):
    """One aspect of a stored scan, as history and compare read it.

    Named tuples rather than frozen dataclasses: history reads ten thousand of these, and a
    tuple is made several times faster (it is just as immutable).
    """

    id: str
    phase: PhaseId | None
    values: tuple[float | None, float | None, float | None]  # the scores of the three phases

    @property
    def scores(self) -> dict[PhaseId, float | None]:
        return dict(zip(PHASE_IDS, self.values, strict=True))


class ScanSummary(NamedTuple):
    """A stored scan without its answers and full result: what history and compare need."""

    id: int
    recorded_at: str
    source: Source
    layer: LayerId
    school: str | None
    respondent: str | None
    date: dt.date | None
    model_version: str
    aspects: list[AspectSummary]

    @property
    def day(self) -> dt.date:
        """The scan's date, or the day it was recorded when the answers file carried none."""
        return self.date or dt.date.fromisoformat(self.recorded_at[:10])

    @property
    def phases(self) -> dict[str, PhaseId | None]:
        return {a.id: a.phase for a in self.aspects}


@dataclass(frozen=True)
class ForgetOutcome:
    removed: int
    # False when another connection held a read snapshot: the new pages then wait in the WAL
    # file, and the old ones (with the deleted rows) stay in the database file itself until the
    # last connection closes and SQLite checkpoints.
    fully_cleaned: bool
    plans_removed: int = 0


def content_hash(answers: Answers) -> str:
    """sha256 of the answers in canonical JSON: the same answers in YAML or JSON, in any key order
    and with any comments, give the same hash."""
    data = to_jsonable(answers)
    if not answers.notes:
        del data["notes"]  # the field came later: files without notes keep the hash they had
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --- where the database lives --------------------------------------------------------------------


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("werkwijzer", appauthor=False)) / DB_NAME


def db_path(given: Path | None) -> Path:
    """--db, else the environment variable WERKWIJZER_DB, else the user's data folder."""
    chosen = str(given or "").strip() or os.environ.get(DB_ENV, "").strip()
    return Path(chosen).expanduser() if chosen else default_db_path()


# --- the store -----------------------------------------------------------------------------------

_COLUMNS = (
    "id, recorded_at, source, layer, school, respondent, scan_date, model_version, result_json"
)
_ORDER = "ORDER BY coalesce(scan_date, substr(recorded_at, 1, 10)) DESC, id DESC"
_MAX_ID = 2**63 - 1  # SQLite's largest integer: a larger scan number cannot exist


def _storable_ids(ids: Sequence[int]) -> list[int]:
    """The ids a row can have; others are simply not found (SQLite cannot even be asked)."""
    return [i for i in ids if 0 < i <= _MAX_ID]


_DAY = "coalesce(scan_date, substr(recorded_at, 1, 10))"
# The columns of scan_summary_idx: a query of these alone is answered from that index.
_SUMMARY_COLUMNS = (
    "id, recorded_at, source, layer, school, respondent, scan_date, model_version, summary"
)


class Store:
    """An open database: `with Store.open(path) as store:`. Every method may raise StoreError."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    @contextlib.contextmanager
    def open(
        cls, path: Path | None = None, *, create: bool = True, timeout: float | None = None
    ) -> Iterator[Store]:
        """Open the database, migrating it to the current schema.

        With `create` (for recording), a missing database is made, and one that cannot be written
        is refused at once. Without it, a missing database raises StoreMissingError, nothing made.
        """
        where = db_path(path)
        wait = BUSY_TIMEOUT_S if timeout is None else timeout
        conn = _connect(where, create=create, timeout=wait)
        try:
            with _translated(where):
                _patiently(conn, lambda: _prepare(conn, where, write=create), wait)
                if create:
                    _patiently(conn, lambda: _check_writable(conn), wait)
            yield cls(conn, where)
        finally:
            conn.close()

    # --- writing ---

    def add(
        self, answers: Answers, answers_text: str, result: Result, source: Source
    ) -> RecordOutcome:
        return self.add_many([NewScan(answers, answers_text, result, source)])[0]

    def add_many(self, scans: Sequence[NewScan]) -> list[RecordOutcome]:
        """Record several scans in one transaction: all of them, or (on a failure) none.

        One commit per scan would wait for the disk a thousand times in an import of a thousand
        files; one per batch waits once.
        """
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        outcomes = []
        actions: dict[str, Any] = {}  # the JSON of each action, made once for the whole batch
        with self._write():
            for scan in scans:
                digest = content_hash(scan.answers)
                cursor = self._conn.execute(
                    "INSERT INTO scan (content_hash, recorded_at, source, layer, school, "
                    "respondent, scan_date, model_version, answers_text, result_json, school_key, "
                    "respondent_key, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (content_hash) DO NOTHING",
                    _row(scan, digest, now, actions),
                )
                if cursor.rowcount == 1:
                    outcomes.append(RecordOutcome(int(cursor.lastrowid or 0), new=True))
                    continue
                row = self._conn.execute(
                    "SELECT id FROM scan WHERE content_hash = ?", (digest,)
                ).fetchone()
                outcomes.append(RecordOutcome(int(row[0]), new=False))
        return outcomes

    def forget(
        self,
        ids: Sequence[int] = (),
        respondent: str | None = None,
        school: str | None = None,
        *,
        plans_of: str | None = None,
    ) -> ForgetOutcome:
        """Delete for good: the rows, then VACUUM and a WAL checkpoint, so no copy stays behind.

        `plans_of`: also every plan of that school (forget --school erases the school's plans).
        """
        scans = bool(ids) or respondent is not None or school is not None
        if not scans and plans_of is None:
            raise ValueError("forget needs ids, a respondent, a school or plans_of")
        removed = plans = 0
        with self._write():
            if scans:
                where, params = _forget_filter(ids, respondent, school)
                removed = self._conn.execute(f"DELETE FROM scan WHERE {where}", params).rowcount
            if plans_of is not None:
                plans = self._conn.execute(
                    "DELETE FROM plan WHERE school_key = ?", (name_key(plans_of),)
                ).rowcount
        if not removed and not plans:
            return ForgetOutcome(0, True)
        with _translated(self.path):
            self._conn.execute("VACUUM")
            busy = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        return ForgetOutcome(removed, fully_cleaned=not busy, plans_removed=plans)

    # --- reading ---

    def find(self, answers: Answers) -> int | None:
        """The id of the scan holding exactly these answers, if it is stored."""
        row = self._conn.execute(
            "SELECT id FROM scan WHERE content_hash = ?", (content_hash(answers),)
        ).fetchone()
        return None if row is None else int(row[0])

    def scans(
        self,
        *,
        school: str | None = None,
        layer: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        respondent: str | None = None,
        ids: Sequence[int] = (),
    ) -> list[ScanRecord]:
        """Scans newest first; school and respondent compared as keys, dates inclusive."""
        clauses: list[str] = []
        params: list[object] = []
        if ids:
            ids = _storable_ids(ids)
            if not ids:
                return []
            clauses.append(f"id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        day = "coalesce(scan_date, substr(recorded_at, 1, 10))"
        for clause, value in (
            ("school_key = ?", name_key(school)),
            ("respondent_key = ?", name_key(respondent)),
            ("layer = ?", layer),
            (f"{day} >= ?", since.isoformat() if since else None),
            (f"{day} <= ?", until.isoformat() if until else None),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        return self._select(f"SELECT {_COLUMNS} FROM scan {where} {_ORDER}", params)

    def get(self, ids: Sequence[int]) -> list[ScanRecord]:
        """The scans with these ids, in the order given; an unknown id raises UnknownScanError."""
        if not ids:
            return []
        found = {r.id: r for r in self.scans(ids=ids)}
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise UnknownScanError(
                f"Scan {', '.join(missing)} staat niet in {self.path}. "
                f"Bekijk de nummers met:\n  {command('history')}"
            )
        return [found[i] for i in ids]

    def answers_text(self, scan_id: int) -> str:
        with _translated(self.path):
            row = self._conn.execute(
                "SELECT answers_text FROM scan WHERE id = ?", (min(max(scan_id, 0), _MAX_ID),)
            ).fetchone()
        if row is None:
            raise UnknownScanError(f"Scan {scan_id} staat niet in {self.path}.")
        return str(row[0])

    def schools(self) -> list[tuple[str, str]]:
        """(key, name) per school, the name as first recorded (the team report's rule), sorted."""
        with _translated(self.path):
            rows = self._conn.execute(
                "SELECT school_key, school FROM scan WHERE school_key IS NOT NULL ORDER BY id"
            ).fetchall()
        first: dict[str, str] = {}
        for key, name in rows:
            first.setdefault(str(key), str(name))
        return sorted(first.items())

    # --- summaries, board links and plans (schema 3) ---

    def summaries(
        self,
        *,
        school: str | None = None,
        layer: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        ids: Sequence[int] = (),
    ) -> list[ScanSummary]:
        """Like scans(), newest first, but only what history and compare need: fast to read.

        A school's scans include the board members' scans linked to it (see link_board).
        """
        clauses: list[str] = []
        params: list[object] = []
        if ids:
            ids = [i for i in ids if 0 < i < 2**63] or [0]  # SQLite's integers; no row has id 0
            clauses.append(f"id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if school is not None:
            clauses.append(
                "(school_key = ? OR id IN (SELECT scan_id FROM board_link WHERE school_key = ?))"
            )
            params += [name_key(school), name_key(school)]
        for clause, value in (
            ("layer = ?", layer),
            (f"{_DAY} >= ?", since.isoformat() if since else None),
            (f"{_DAY} <= ?", until.isoformat() if until else None),
        ):
            if value is not None:
                clauses.append(clause)
                params.append(value)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        with _translated(self.path):
            rows = self._conn.execute(
                f"SELECT {_SUMMARY_COLUMNS} FROM scan {where} {_ORDER}", params
            ).fetchall()
            try:
                return [_summary_record(row, self._result_json) for row in rows]
            except (ValueError, TypeError, KeyError, IndexError, AttributeError):
                raise StoreCorruptError(
                    f"Een scan in de database {self.path} is beschadigd en kan niet gelezen "
                    f"worden. Zet de database opzij en lees je antwoordbestanden opnieuw in met: "
                    f"werkwijzer import MAP. {_KEEP}"
                ) from None

    def school_names(self) -> dict[str, str]:
        """schools() as a dict, read from scan_summary_idx alone: it never touches the rows."""
        with _translated(self.path):
            rows = self._conn.execute(
                "SELECT school_key, school, id FROM scan INDEXED BY scan_summary_idx "
                "WHERE school_key IS NOT NULL"
            ).fetchall()
        first: dict[str, tuple[int, str]] = {}
        for key, name, scan_id in rows:
            if key not in first or scan_id < first[key][0]:
                first[str(key)] = (int(scan_id), str(name))
        return {key: name for key, (_, name) in sorted(first.items())}

    def _result_json(self, scan_id: int) -> str:
        row = self._conn.execute("SELECT result_json FROM scan WHERE id = ?", (scan_id,)).fetchone()
        return str(row[0])

    def link_board(self, links: Iterable[tuple[int, str]]) -> None:
        """Link board members' scans (id) to schools (key): a school's scans then include them."""
        with self._write():
            self._conn.executemany(
                "INSERT INTO board_link (scan_id, school_key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                list(links),
            )

    def board_links(self) -> dict[int, list[str]]:
        """Per linked board scan: the keys of the schools it is linked to."""
        with _translated(self.path):
            rows = self._conn.execute(
                "SELECT scan_id, school_key FROM board_link ORDER BY scan_id, school_key"
            ).fetchall()
        links: dict[int, list[str]] = {}
        for scan_id, key in rows:
            links.setdefault(int(scan_id), []).append(str(key))
        return links

    def ids_by_hash(self, hashes: Sequence[str]) -> dict[str, int]:
        """The stored scan of each content hash that is stored (the match import uses)."""
        found: dict[str, int] = {}
        with _translated(self.path):
            for start in range(0, len(hashes), 500):  # SQLite limits the number of parameters
                part = hashes[start : start + 500]
                rows = self._conn.execute(
                    f"SELECT content_hash, id FROM scan WHERE content_hash IN "
                    f"({','.join('?' * len(part))})",
                    list(part),
                ).fetchall()
                found.update((str(h), int(i)) for h, i in rows)
        return found

    def save_plan(self, school: str, school_year: str, plan_text: str) -> bool:
        """Keep a school's plan for a school year, replacing an earlier one. True when new."""
        key = name_key(school)
        if key is None:
            raise ValueError("a plan needs a school")
        now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self._write():
            known = self._conn.execute(
                "SELECT 1 FROM plan WHERE school_key = ? AND school_year = ?", (key, school_year)
            ).fetchone()
            self._conn.execute(
                "INSERT INTO plan (school_key, school, school_year, recorded_at, plan_text) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (school_key, school_year) DO UPDATE SET "
                "school = excluded.school, recorded_at = excluded.recorded_at, "
                "plan_text = excluded.plan_text",
                (key, school, school_year, now, plan_text),
            )
        return known is None

    def plan_years(self, school: str) -> list[str]:
        """The school years for which a plan of this school is kept, oldest first."""
        with _translated(self.path):
            rows = self._conn.execute(
                "SELECT school_year FROM plan WHERE school_key = ? ORDER BY school_year",
                (name_key(school),),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def plan_text(self, school: str, school_year: str) -> str | None:
        """The text of the plan kept for this school and school year, if any."""
        with _translated(self.path):
            row = self._conn.execute(
                "SELECT plan_text FROM plan WHERE school_key = ? AND school_year = ?",
                (name_key(school), school_year),
            ).fetchone()
        return None if row is None else str(row[0])

    def _select(self, sql: str, params: Sequence[object]) -> list[ScanRecord]:
        with _translated(self.path):
            rows = self._conn.execute(sql, params).fetchall()
            return [_record(row, self.path) for row in rows]

    @contextlib.contextmanager
    def _write(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at the start, so a second writer waits in the busy
        # handler instead of failing when it tries to upgrade a read transaction.
        with _translated(self.path):
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._conn.execute("COMMIT")
            except BaseException:
                # SQLite ends the transaction itself on some errors (a full disk): a ROLLBACK
                # then fails with "no transaction is active" and would hide the real error.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise


# --- opening, checking, migrating ----------------------------------------------------------------


def _connect(path: Path, *, create: bool, timeout: float) -> sqlite3.Connection:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise StoreError(
                f"{path}: {os_reason(exc)}; kies een ander bestand met --db."
            ) from None
    if not path.exists():
        if not create:
            raise StoreMissingError(f"Er zijn nog geen scans bewaard (geen database in {path}).")
        if not path.parent.is_dir():
            if path != default_db_path():
                raise StoreError(
                    f"De map {path.parent} bestaat niet; maak hem eerst aan of kies een andere "
                    "plek met --db."
                )
            with _translated(path):
                path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise StoreError(f"{path} is een map; geef met --db het pad van een databasebestand.")
    mode = "rwc" if create else "rw"
    with _translated(path):
        conn = sqlite3.connect(
            f"{real_path(path).as_uri()}?mode={mode}",
            uri=True,
            timeout=timeout,
            isolation_level=None,  # transactions are explicit: BEGIN IMMEDIATE in Store._write
        )
    conn.create_function("ww_key", 1, name_key, deterministic=True)
    conn.create_function("ww_summary", 1, summary_of_result_json, deterministic=True)
    return conn


def _patiently(conn: sqlite3.Connection, action: Callable[[], None], wait: float) -> None:
    """Run `action`, trying again while the database is busy, for at most `wait` seconds.

    SQLite's busy timeout covers most waits, but not all: while another process creates a new
    database and switches it to WAL, a reader can be told 'locked' at once. Every step retried
    here runs in its own transaction, so trying again is safe.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            action()
            return
        except sqlite3.OperationalError as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _is_busy(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in str(exc).lower()


def _prepare(conn: sqlite3.Connection, path: Path, *, write: bool) -> None:
    """Check, then set up. A refused file stays exactly as it was; a reader (`write=False`) of a
    current database writes nothing at all, so a read-only file in any journal mode is readable."""
    _check_owner(conn, path)
    conn.execute("PRAGMA secure_delete = ON")  # deleted rows are overwritten, not just unlinked
    if write and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        _migrate(conn, path)


def _check_writable(conn: sqlite3.Connection) -> None:
    """Fail before the work (an import reading a hundred files), not halfway through it.

    BEGIN IMMEDIATE alone succeeds on a read-only file in WAL mode; only a real write tells.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")  # the same value: changes nothing
    finally:
        if conn.in_transaction:
            conn.execute("ROLLBACK")


def _check_owner(conn: sqlite3.Connection, path: Path) -> None:
    """Ours: our application id (every werkwijzer database has it from its first schema step on),
    or a database still empty, to be made ours. Anything else, whatever its user_version or
    tables, belongs to another program."""
    version, app_id, tables = _owner_facts(conn)
    new = app_id == 0 and version == 0 and tables == 0
    if app_id != APPLICATION_ID and not new:
        raise _not_ours(path)
    if version > SCHEMA_VERSION:
        raise StoreVersionError(
            f"De database {path} is gemaakt met een nieuwere versie van werkwijzer (schema "
            f"{version}; deze versie kent schema {SCHEMA_VERSION}). Ze is niet aangeraakt. "
            "Werk werkwijzer bij, of kies een andere database met --db."
        )


def _owner_facts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """Schema version, application id and number of tables, read from one snapshot: read apart,
    another process could finish creating the database in between, and a half-seen new database
    looks like another program's file."""
    own_transaction = not conn.in_transaction
    if own_transaction:
        conn.execute("BEGIN")
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if own_transaction:
            conn.execute("COMMIT")
    except BaseException:
        # Never COMMIT (or ROLLBACK) a transaction SQLite already ended: "no transaction is
        # active" would then replace the real error, a full disk for one.
        if own_transaction and conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return version, app_id, tables


def _not_ours(path: Path) -> StoreVersionError:
    return StoreVersionError(
        f"{path} is een SQLite-database van een ander programma, geen werkwijzer-database. "
        "Ze is niet aangeraakt; kies een ander bestand met --db."
    )


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again inside the write lock: another process may have migrated in the meantime.
        _check_owner(conn, path)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for target, step in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in step:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _result_from_json(text: str) -> Result:
    from pydantic import TypeAdapter

    return TypeAdapter(Result).validate_json(text)


def _record(row: tuple[Any, ...], path: Path) -> ScanRecord:
    """A row of _COLUMNS. A row that does not read back (edited or damaged outside werkwijzer)
    is a StoreCorruptError naming the scan, not a traceback."""
    try:
        return _checked_record(row)
    except (ValueError, TypeError, KeyError):  # pydantic's ValidationError is a ValueError
        raise StoreCorruptError(
            f"Scan {row[0]} in de database {path} is beschadigd en kan niet gelezen worden. Zet "
            f"de database opzij en lees je antwoordbestanden opnieuw in met: werkwijzer import "
            f"MAP. {_KEEP}"
        ) from None


def _checked_record(row: tuple[Any, ...]) -> ScanRecord:
    id_, recorded_at, source, layer, school, respondent, scan_date, model_version, result = row
    texts = (recorded_at, layer, model_version)
    if not isinstance(id_, int) or not all(isinstance(t, str) for t in texts):
        raise TypeError("a column of the wrong type")
    if source not in ("scan", "import") or not isinstance(result, str):
        raise TypeError("a column of the wrong type")
    if not all(name is None or isinstance(name, str) for name in (school, respondent)):
        raise TypeError("a name that is no text")
    dt.date.fromisoformat(recorded_at[:10])
    return ScanRecord(
        id=id_,
        recorded_at=recorded_at,
        source=source,
        layer=layer,
        school=school,
        respondent=respondent,
        date=dt.date.fromisoformat(scan_date) if scan_date else None,
        model_version=model_version,
        result=_result_from_json(result),
    )


def _row(scan: NewScan, digest: str, now: str, actions: dict[str, Any]) -> tuple[object, ...]:
    answers, result = scan.answers, scan.result
    return (
        digest,
        now,
        scan.source,
        answers.layer,
        answers.school,
        answers.respondent,
        answers.date.isoformat() if answers.date else None,
        result.model_version,
        scan.answers_text,
        json.dumps(result_jsonable(result, actions), ensure_ascii=False),
        name_key(answers.school),
        name_key(answers.respondent),
        summary_json(result),
    )


def result_jsonable(result: Result, actions: dict[str, Any]) -> Any:
    """to_jsonable(result), with each action's JSON taken from `actions` (by id) once made.

    A team's results share a few dozen actions; building their JSON for every result was most
    of the time an import of ten thousand files took.
    """
    data = to_jsonable(result, exclude=("aspects",))
    aspects = []
    for aspect in result.aspects:
        shown = to_jsonable(aspect, exclude=("actions",))
        for action in aspect.actions:
            if action.id not in actions:
                actions[action.id] = to_jsonable(action)
        shown["actions"] = [actions[a.id] for a in aspect.actions]
        aspects.append(shown)
    order = [f.name for f in dataclasses.fields(result)]
    return {key: aspects if key == "aspects" else data[key] for key in order}


def summary_json(result: Result) -> str:
    """Per aspect id: [phase, begin, tussen, gevorderd score], in the result's order; compact."""
    compact = {a.id: [a.phase, *(a.scores.get(p) for p in PHASE_IDS)] for a in result.aspects}
    return json.dumps(compact, separators=(",", ":"))


def summary_of_result_json(text: str) -> str:
    """summary_json of a stored result (the SQL function ww_summary, for migration 3)."""
    aspects = json.loads(text)["aspects"]
    compact = {a["id"]: [a["phase"], *(a["scores"].get(p) for p in PHASE_IDS)] for a in aspects}
    return json.dumps(compact, separators=(",", ":"))


_SUMMARY_PHASES = frozenset((None, *PHASE_IDS))
_SUMMARY_SCORE = (int, float, type(None))


def _summary_record(row: tuple[Any, ...], result_json: Callable[[int], str]) -> ScanSummary:
    """A row of _SUMMARY_COLUMNS. Every werkwijzer writes the summary with the row; should one
    lack it all the same, it is made from the stored result."""
    id_, recorded_at, source, layer, school, respondent, scan_date, version, summary = row
    if summary is None:
        summary = summary_of_result_json(result_json(id_))
    # A row edited outside werkwijzer: any column of the wrong kind is refused here, once.
    if not all(isinstance(t, str) for t in (recorded_at, layer, version, summary)):
        raise TypeError("a column of the wrong type")
    if not all(name is None or isinstance(name, str) for name in (school, respondent)):
        raise TypeError("a name that is no text")
    _day(recorded_at[:10])
    aspects = []
    for aspect, (phase, begin, tussen, gevorderd) in json.loads(summary).items():
        # One pass, as this runs for every stored scan: an unhashable phase raises TypeError.
        if phase not in _SUMMARY_PHASES:
            raise ValueError("a summary that is not one")
        scores = (begin, tussen, gevorderd)
        if not all(isinstance(v, _SUMMARY_SCORE) for v in scores):
            raise ValueError("a score that is no number")
        aspects.append(AspectSummary(aspect, phase, scores))
    return ScanSummary(
        id_,
        recorded_at,
        source,
        layer,
        school,
        respondent,
        _day(scan_date) if scan_date else None,
        version,
        aspects,
    )


@functools.lru_cache(maxsize=4096)
def _day(text: str) -> dt.date:
    """A stored date; cached, as thousands of scans share a few hundred days."""
    return dt.date.fromisoformat(text)


def _forget_filter(
    ids: Sequence[int], respondent: str | None, school: str | None
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if ids:
        storable = _storable_ids(ids) or [0]  # no row has id 0
        clauses.append(f"id IN ({','.join('?' * len(storable))})")
        params.extend(storable)
    if respondent is not None:
        clauses.append("respondent_key = ?")
        params.append(name_key(respondent))
    if school is not None:
        clauses.append("school_key = ?")
        params.append(name_key(school))
    if not clauses:
        raise ValueError("forget needs ids, a respondent or a school")
    return " AND ".join(clauses), params


# --- sqlite3's errors in Dutch -------------------------------------------------------------------

_KEEP = "Je antwoordbestanden zijn niet aangetast."


@contextlib.contextmanager
def _translated(path: Path) -> Iterator[None]:
    """Turn every sqlite3 (and file system) failure into a StoreError naming the database."""
    try:
        yield
    except StoreError:
        raise
    except sqlite3.Error as exc:
        raise _dutch(exc, path) from None
    except PermissionError:
        raise StoreReadOnlyError(
            f"Geen toestemming om {path} (of de map ervan) te gebruiken. {_KEEP}"
        ) from None
    except OSError as exc:
        raise StoreError(
            f"De database {path} kan niet geopend worden ({exc.strerror}). {_KEEP}"
        ) from None


def _disk_full(path: Path) -> bool:
    """Whether the disk of the database is (all but) full. SQLite reports a full disk as an I/O
    error when it happens while it sets up its shared-memory file, before any page is written."""
    try:
        info = os.statvfs(path.parent)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def _dutch(exc: sqlite3.Error, path: Path) -> StoreError:
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if _is_busy(exc):
        return StoreLockedError(
            f"De database {path} is bezet: een ander werkwijzer-proces (of een ander programma) "
            f"houdt haar vast. Probeer het zo nog eens. {_KEEP}"
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return StoreReadOnlyError(
            f"De database {path} is alleen-lezen: werkwijzer mag het bestand of de map niet "
            f"beschrijven. Geef schrijfrechten, of kies een andere plek met --db. {_KEEP}"
        )
    if (
        name in ("SQLITE_NOTADB", "SQLITE_CORRUPT")
        or "not a database" in text
        or "malformed" in text
    ):
        return StoreCorruptError(
            f"De database {path} is beschadigd of is geen database. Zet het bestand opzij en "
            f"lees je antwoordbestanden opnieuw in met: {program()} import MAP. {_KEEP}"
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return StoreReadOnlyError(
            f"De database {path} kan niet geopend worden: ontbreekt de map, of mag werkwijzer "
            f"daar niet schrijven? Kies anders een plek met --db. {_KEEP}"
        )
    if (
        name == "SQLITE_FULL"
        or "disk is full" in text
        or (name.startswith("SQLITE_IOERR") and _disk_full(path))
    ):
        return StoreError(
            f"De schijf is vol; de database {path} kan niet bijgewerkt worden. {_KEEP}"
        )
    return StoreError(f"De database {path} gaf een fout: {exc}. {_KEEP}")

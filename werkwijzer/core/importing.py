"""Importing answers files into the store: file by file, a bad file skipped, the rest kept.

Used by `werkwijzer import`, and by any script that wants to fill a store. Each file gives one
outcome; the report counts them, and says whether anything was skipped (the CLI's exit code 3).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from werkwijzer.core.answers import STDIN, Answers, dump_answers, is_sheet, read_answers_with_text
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.respondents import answer_files
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import Scorer
from werkwijzer.core.store import NewScan, RecordOutcome, Store, name_key
from werkwijzer.core.team import BOARD_LAYER


@dataclass(frozen=True)
class FileOutcome:
    """What became of one source: stored (new or known before), or skipped with the reason."""

    name: str
    scan_id: int | None = None
    new: bool = False
    skipped: str | None = None  # the Dutch reason
    other_model: bool = False  # answered with another model version than the one scoring it
    note: str | None = None  # something to know about a source, e.g. a sheet's ignored columns

    def message(self) -> str:
        if self.note is not None:
            return self.note
        if self.skipped is not None:
            return f"Overgeslagen: {self.skipped}"
        if self.new:
            return f"{self.name}: bewaard als scan {self.scan_id}"
        return f"{self.name}: was al bewaard als scan {self.scan_id}"


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(1 for o in self.outcomes if o.new)

    @property
    def known(self) -> int:
        return sum(1 for o in self.outcomes if o.scan_id is not None and not o.new)

    @property
    def skipped(self) -> int:
        return sum(1 for o in self.outcomes if o.skipped is not None)

    @property
    def other_model(self) -> int:
        return sum(1 for o in self.outcomes if o.other_model)

    def summary(self, where: Path) -> str:
        parts = [_count(self.new, "scan nieuw bewaard", "scans nieuw bewaard")]
        if self.known:
            parts.append(_count(self.known, "was al bewaard", "waren al bewaard"))
        if self.skipped:
            parts.append(_count(self.skipped, "bestand overgeslagen", "bestanden overgeslagen"))
        return f"Klaar: {', '.join(parts)}. Database: {where}"

    def model_note(self, model: Model) -> str | None:
        if not self.other_model:
            return None
        return (
            f"Let op: {_count(self.other_model, 'bestand is', 'bestanden zijn')} ingevuld met een "
            f"andere versie van het model; de uitslag is berekend met model {model.version}."
        )


BATCH = 250  # files per transaction: one wait for the disk per batch, not per file


def import_files(
    store: Store, sources: Sequence[str], model: Model, layer: LayerId | None = None
) -> Iterator[FileOutcome]:
    """Store every respondent of `sources` (answers files, response sheets, folders), yielding an
    outcome per respondent. `layer` is the layer of a sheet's rows without a role column.

    A file that cannot be read or checked is skipped whole; a store that fails raises StoreError,
    and the outcomes of the batch it was writing are not yielded (that batch was not stored).
    Board members' files are linked to the schools of the other files in their folder (see
    Store.link_board), so that a school's scans include its board as the team report does.
    """
    scorer = Scorer(model)
    folders = _Folders()
    pending: list[tuple[str, str, NewScan]] = []
    for source in sources:
        try:
            names, _ = answer_files([source])
        except WerkwijzerError as exc:
            yield FileOutcome(source, skipped=exc.message)
            continue
        for name in names:
            try:
                documents, notes = _documents(name, model, layer)
            except WerkwijzerError as exc:
                yield FileOutcome(name, skipped=exc.message)
                continue
            yield from (FileOutcome(name, note=note) for note in notes)
            for shown, answers, text in documents:
                scan = NewScan(answers, text, scorer.score(answers), "import")
                pending.append((shown, name, scan))
                if len(pending) >= BATCH:
                    yield from _flush(store, pending, folders, model)
    yield from _flush(store, pending, folders, model)
    store.link_board(folders.links())


def _documents(
    name: str, model: Model, layer: LayerId | None
) -> tuple[list[tuple[str, Answers, str]], list[str]]:
    """Per respondent: where from, the answers, and the text the store keeps; and notes.

    A file's text is kept as it was; a sheet's row becomes the text of an answers file.
    """
    if is_sheet(name):
        from werkwijzer.core.sheets import read_sheet

        sheet = read_sheet(name, model, layer)
        rows = [(r.source, r.answers, dump_answers(r.answers, model)) for r in sheet.rows]
        return rows, list(sheet.notes)
    answers, text = read_answers_with_text(name, model)
    return [(name, answers, text)], []


def _flush(
    store: Store, pending: list[tuple[str, str, NewScan]], folders: _Folders, model: Model
) -> Iterator[FileOutcome]:
    outcomes = store.add_many([scan for _, _, scan in pending])
    for (shown, name, scan), outcome in zip(pending, outcomes, strict=True):
        folders.add(name, scan.answers, outcome.id)
        yield FileOutcome(
            shown,
            scan_id=outcome.id,
            new=outcome.new,
            other_model=scan.answers.model_version not in (None, model.version),
        )
    pending.clear()


class _Folders:
    """Per folder: the schools of its answers files, and the scans of its board members.

    A board member whose file names one of the folder's schools belongs to that school (and
    needs no link: the school is in the file); one whose file names the board, or nothing,
    belongs to every school of the folder.
    """

    def __init__(self) -> None:
        self._schools: dict[Path, set[str]] = {}
        self._boards: dict[Path, dict[int, str | None]] = {}

    def add(self, name: str, answers: Answers, scan_id: int) -> None:
        if name == STDIN:
            return
        folder = Path(name).resolve().parent
        key = name_key(answers.school)
        if answers.layer == BOARD_LAYER:
            self._boards.setdefault(folder, {})[scan_id] = key
        elif key:
            self._schools.setdefault(folder, set()).add(key)

    def links(self) -> list[tuple[int, str]]:
        found = []
        for folder, boards in self._boards.items():
            schools = self._schools.get(folder, set())
            for scan_id, own in boards.items():
                if own not in schools:
                    found += [(scan_id, school) for school in schools]
        return sorted(found)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def record_scan(
    db: Path | None,
    path: Path,
    answers: Answers,
    result: Result,
    *,
    replaces: Answers | None = None,
) -> RecordOutcome:
    """Record a finished scan from its answers file. Call it only after the file is safely written.

    `replaces`: the answers the file held before (scan --resume). When they were stored as a scan
    and have been changed since, that earlier version of the same scan is removed, so history
    shows a scan once, as it is now. Raises StoreError, OSError or sqlite3.Error; the answers file
    stays the source of truth.
    """
    with Store.open(db) as store:
        outcome = store.add(answers, path.read_text(encoding="utf-8"), result, "scan")
        old = store.find(replaces) if replaces is not None else None
        if old is None or old == outcome.id:
            return outcome
        store.forget(ids=[old])
        return dataclasses.replace(outcome, replaced=old)

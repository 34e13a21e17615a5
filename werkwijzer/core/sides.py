"""Choosing scans: the school a user means, and the two sides of a comparison.

A side is what `werkwijzer compare` compares: one scan, several (a team), answers files or a
folder, or the stored scans of a school in a period. Plain Python: no typer, rich or questionary.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.invocation import command, program

if TYPE_CHECKING:
    from werkwijzer.core.compare import Scored, Side
    from werkwijzer.core.model import LayerId, Model
    from werkwijzer.core.store import Store


class AmbiguousSchoolError(WerkwijzerError):
    """What was typed fits more than one stored school."""


# The scans on one side of a comparison, and how the comparison describes that side.
Sided = tuple[list["Scored"], "Side"]


class LazyStore(contextlib.ExitStack):
    """Opens the database only when a side names stored scans: comparing two files needs none."""

    def __init__(self, db: Path | None) -> None:
        super().__init__()
        self._db = db
        self._store: Store | None = None

    def __enter__(self) -> LazyStore:
        super().__enter__()
        return self

    def get(self) -> Store:
        from werkwijzer.core.store import Store

        if self._store is None:
            self._store = self.enter_context(Store.open(self._db, create=False))
        return self._store


def side_of(
    label: str, token: str, stores: LazyStore, model: Model, layer: LayerId | None
) -> Sided:
    """One side given as scan ids ('3' or '3,4,5'), answers files or folders."""
    from werkwijzer.core.compare import side
    from werkwijzer.core.respondents import collect

    ids, files = split_token(token)
    scans: list[Scored] = list(stored_scans(stores.get(), ids)) if ids else []
    if files:
        collected = collect(files, model, allow_mixed=True, layer=layer)
        scans += [r.result for r in collected.respondents]
        files = [r.source for r in collected.respondents]
    if layer is not None:
        scans = [r for r in scans if r.layer == layer]
        require(scans, f"Aan de kant '{label}' ({token}) is geen scan van de laag {layer}.")
    return scans, side(scans, chosen_by="files" if files else "scans", ids=ids, files=files)


def stored_scans(store: Store, ids: Sequence[int]) -> list[Scored]:
    """The stored scans with these ids, in the order given; an unknown id is refused."""
    from werkwijzer.core.store import UnknownScanError

    found = {s.id: s for s in store.summaries(ids=ids)}
    missing = [str(i) for i in ids if i not in found]
    if missing:
        raise UnknownScanError(
            f"Scan {', '.join(missing)} staat niet in {store.path}. "
            "Bekijk de nummers met: werkwijzer history --scans"
        )
    return [found[i] for i in ids]


def _number(text: str) -> bool:
    """Digits 0-9 only: str.isdigit() also takes '²', which int() refuses."""
    return text.isascii() and text.isdigit()


def split_token(token: str) -> tuple[list[int], list[str]]:
    """'3,4,5' -> ids; a file or folder -> itself. A plain number is always a scan id."""

    if not _number(token.strip()) and Path(token).exists():
        return [], [token]
    ids: list[int] = []
    files: list[str] = []
    for part in (p.strip() for p in token.split(",")):
        if _number(part):
            ids.append(int(part))
        elif part and Path(part).exists():
            files.append(part)
        elif part:
            raise WerkwijzerError(
                f"'{part}' is geen scannummer en geen bestaand bestand of map. De nummers van "
                f"bewaarde scans vind je met:\n  {command('history')}"
            )
    if not ids and not files:
        raise WerkwijzerError(f"'{token}' noemt geen scans.")
    return list(dict.fromkeys(ids)), files


def sides_by_school(
    stores: LazyStore,
    sides: Sequence[str] | None,
    school: str | None,
    period_from: str | None,
    period_to: str | None,
    layer: LayerId | None,
) -> tuple[Sided, Sided, list[str]]:
    """The stored scans of one school in two periods (--from, --to), and notes for the user."""
    from werkwijzer.core.compare import side
    from werkwijzer.core.periods import parse_period

    if sides or school is None or period_from is None or period_to is None:
        raise WerkwijzerError(
            "Vergelijk een school in twee periodes met --school, --from en --to samen, zonder "
            f"scannummers of bestanden, bijvoorbeeld:\n  {program()} compare --school NAAM "
            "--from 2024/2025 --to 2025/2026"
        )
    store = stores.get()
    key = find_school(store, school)
    out: list[Sided] = []
    notes = []
    periods = [parse_period(period_from), parse_period(period_to)]
    if periods[0].end >= periods[1].start and periods[1].end >= periods[0].start:
        notes.append(f"Let op: de periodes {periods[0].text} en {periods[1].text} overlappen.")
    for label, period in zip(("--from", "--to"), periods, strict=True):
        found = store.summaries(school=key, layer=layer, since=period.start, until=period.end)
        in_layer = f" van de laag {layer}" if layer else ""
        require(found, f"Geen bewaarde scans{in_layer} van {school} in {period.text} ({label}).")
        scans: list[Scored] = list(found)
        chosen = side(scans, chosen_by="school", ids=[s.id for s in found], period=period.text)
        out.append((scans, chosen))
    return out[0], out[1], notes


def comparison_notes(then: Sequence[Scored], now: Sequence[Scored]) -> list[str]:
    """Warnings for a comparison that may compare unlike things; it is still made."""
    notes = []
    versions = sorted({r.model_version for r in (*then, *now)})
    if len(versions) > 1:
        notes.append(
            f"Let op: deze uitslagen zijn berekend met verschillende versies van het model "
            f"({', '.join(versions)}); de fasen zijn dan niet precies vergelijkbaar."
        )
    if len(then) == 1 and len(now) == 1 and then[0].layer != now[0].layer:
        notes.append(
            f"Let op: je vergelijkt een {then[0].layer} met een {now[0].layer}; dat zijn andere "
            "uitspraken."
        )
    return notes


# --- schools ---------------------------------------------------------------------------------------


def find_school(store: Store, typed: str) -> str:
    """The school key for what was typed: the name, or the unique school whose name (or a word in
    it) starts with it; case and spacing ignored. 'regenboog' finds 'OBS De Regenboog'."""
    from werkwijzer.core.store import name_key

    schools = store.schools()
    if not schools:
        raise WerkwijzerError("Er zijn nog geen scans met een school bewaard.")
    key = name_key(typed) or ""
    if key in dict(schools):
        return key
    hits = [
        (school, name)
        for school, name in schools
        if key and (school.startswith(key) or any(w.startswith(key) for w in school.split()))
    ]
    if len(hits) == 1:
        return hits[0][0]
    if hits:
        names = "; ".join(name for _, name in hits)
        raise AmbiguousSchoolError(
            f"'{typed}' past bij meer dan één school: {names}. Typ meer van de naam."
        )
    names = "; ".join(name for _, name in schools)
    raise WerkwijzerError(f"Onbekende school '{typed}'. Bewaard zijn scans van: {names}.")


def require_exact_school(store: Store, typed: str) -> None:
    """forget takes a school only by its full name: a prefix must never erase another school."""
    from werkwijzer.core.store import name_key

    schools = dict(store.schools())
    if name_key(typed) in schools:
        return
    try:
        meant = schools[find_school(store, typed)]
    except WerkwijzerError:
        return  # nothing near it either: nothing will match, and forget says so
    raise WerkwijzerError(
        f"Er is geen school die precies '{typed}' heet. Bedoel je '{meant}'? Geef bij forget de "
        "volledige naam, zodat er nooit per ongeluk iets van een andere school verdwijnt."
    )


def require(found: Sequence[object], message: str) -> None:

    if not found:
        raise WerkwijzerError(message)

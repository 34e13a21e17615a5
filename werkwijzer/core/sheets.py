"""Response spreadsheets (.xlsx, .csv) read as answers: one answers document per respondent row.

A coach who collects the quickscan with Microsoft Forms or Google Forms gets a sheet with one row
per respondent and one column per question. The first row holds the column headers:

- A column is a statement when its header holds the statement's id (`koers.leraar.begin.1`, as
  `werkwijzer form --forms-text` writes it) or its text: whole (Microsoft Forms puts a Likert
  statement's text in the header), as the row of a grid (Google Forms: `Koers [statement]`), or cut
  off with `...` or `…` after at least 20 characters.
- A column whose header asks for the role (`Wat is je rol?`, `Role`, `Laag`) gives each row's layer.
  Without one, the layer is `--layer`, or else the one layer all the statement columns belong to.
- Name and e-mail columns (`Naam`, `Name`, `E-mail`, `Email address`, ...) are never read. Neither
  are the form's own columns (`ID`, `Begintijd`, `Start time`, ...); only a completion time or
  time stamp that is a real date (or an ISO date) gives the row's date.
- Any other column is left out, with a note.
- An answer is a scale label (case and spaces ignored), 'weet ik niet' (or 'n.v.t.'), a number
  1-4, or a number and its label ('3 - grotendeels'). An empty cell is no answer. An empty row, and
  a row with no answer at all, count for nobody.

Every bad cell is collected, and the sheet is refused with all of them in one message (row and
column as the spreadsheet program shows them): a report never silently leaves a row out.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, cast

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.errors import AnswersError
from werkwijzer.core.model import LayerId, Model

MAX_BYTES: Final = 20_000_000
MAX_ROWS: Final = 10_000
MAX_COLUMNS: Final = 1_000
MIN_PREFIX: Final = 20  # characters a cut-off header must keep to find its statement
# The header of werkwijzer's own CSV report (render/report_csv.py): such a file is a report.
REPORT_CSV_HEADER: Final = (
    "respondent",
    "group",
    "aspect",
    "aspect_name",
    "phase",
    "score",
    "aspect_phase",
    "school",
)
# Headers of earlier reports: before team format 3 (no "school"), before 2 ("layer", not "group").
EARLIER_REPORT_CSV_HEADERS: Final = (
    REPORT_CSV_HEADER[:-1],
    ("respondent", "layer", *REPORT_CSV_HEADER[2:-1]),
)

Cell = str | int | float | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None

# Columns the forms add themselves (Microsoft Forms in English and Dutch, Google Forms, quizzes).
_FORM_COLUMNS = {
    "id",
    "start time",
    "begintijd",
    "last modified time",
    "tijd van laatste wijziging",
    "total points",
    "quiz feedback",
    "grade posted time",
    "score",
}
_DATE_COLUMNS = {"completion time", "tijd van voltooien", "timestamp", "tijdstempel"}
_PERSONAL = re.compile(r"\b(naam|namen|name|names|e-?mail|e-?mailadres|email address)\b")
_ROLE = re.compile(r"\b(rol|role|laag|layer)\b")
_QUIZ = re.compile(r"^(points|feedback|punten) - ")
_ID_TOKEN = re.compile(r"[a-z0-9][a-z0-9._-]*[a-z0-9]")
_NUMBERED = re.compile(r"^([1-9])\s*[-–—.:)]?\s*(.*)$")


class SheetError(AnswersError):
    """A response sheet that cannot be read, or has bad cells (all of them in one message)."""


@dataclass(frozen=True)
class SheetRow:
    source: str  # 'antwoorden.xlsx, rij 3': for messages only
    answers: Answers


@dataclass(frozen=True)
class Sheet:
    rows: list[SheetRow]
    notes: list[str] = field(default_factory=list)  # for the user on stderr


def is_report_csv(path: Path) -> bool:
    """A CSV that werkwijzer export wrote: found in a folder of answers, it is skipped."""
    try:
        with path.open("rb") as f:
            first = f.readline(500).decode("utf-8-sig", "replace")
    except OSError:
        return False
    fields = next(csv.reader([first], delimiter=";" if ";" in first else ","), [])
    return tuple(fields) in (REPORT_CSV_HEADER, *EARLIER_REPORT_CSV_HEADERS)


def read_sheet(source: str | Path, model: Model, layer: LayerId | None = None) -> Sheet:
    """Read a response sheet into answers; raises SheetError naming every bad cell at once."""
    name = str(source)
    grid = _read_grid(Path(source), name)
    if not grid or not any(_text(c) for c in grid[0]):
        raise SheetError(f"{name}: de eerste rij is leeg; daar horen de kolomkoppen te staan")
    if len(grid) > MAX_ROWS + 1 or len(grid[0]) > MAX_COLUMNS:
        raise SheetError(
            f"{name}: te groot ({len(grid) - 1} rijen, {len(grid[0])} kolommen); werkwijzer leest "
            f"hoogstens {MAX_ROWS} rijen en {MAX_COLUMNS} kolommen"
        )
    columns = _Columns.of(grid[0], model)
    rows, problems, notes = _read_rows(grid, columns, model, layer, name)
    if problems:
        count = f"{len(problems)} {'cel klopt' if len(problems) == 1 else 'cellen kloppen'} niet"
        raise SheetError(
            f"{name}: {count}; er is niets gelezen of bewaard. Verbeter het bestand en probeer "
            "het opnieuw:\n" + "\n".join(f"  {p}" for p in problems)
        )
    if not rows:
        raise SheetError(f"{name}: er staan geen ingevulde antwoorden in dit bestand")
    return Sheet(rows, columns.notes(name) + notes)


# --- cells ---------------------------------------------------------------------------------------


def _read_grid(path: Path, name: str) -> list[list[Cell]]:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SheetError(f"{name}: bestand niet gevonden") from None
    except OSError as exc:
        raise SheetError(f"{name}: kan niet gelezen worden ({exc.strerror})") from None
    if size > MAX_BYTES:
        raise SheetError(f"{name}: te groot ({size // 1_000_000} MB); het mag 20 MB zijn")
    if path.suffix.lower() == ".csv":
        return _csv_grid(path, name)
    return _xlsx_grid(path, name)


def _xlsx_grid(path: Path, name: str) -> list[list[Cell]]:
    # python-calamine reads a Forms export an order of magnitude faster than openpyxl, and imports
    # in a millisecond (openpyxl: 90 ms); see bench/bench_sheets.py.
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    except (CalamineError, OSError, ValueError, IndexError) as exc:
        raise SheetError(
            f"{name}: geen leesbaar Excel-bestand (.xlsx) ({type(exc).__name__}). Sla het op als "
            ".xlsx of als CSV en probeer het opnieuw"
        ) from None
    return [list(row) for row in rows]


def _csv_grid(path: Path, name: str) -> list[list[Cell]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel's plain 'CSV' on a Dutch Windows machine is Windows-1252, not UTF-8.
        text = raw.decode("cp1252", "replace")
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=lambda d: len(next(csv.reader([first], delimiter=d))))
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise SheetError(f"{name}: geen geldige CSV ({exc})") from None


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return " ".join(str(cell).split())


def _norm(text: str) -> str:
    """Header text compared: case, spacing and the punctuation at the end ignored."""
    return " ".join(text.casefold().split()).rstrip(" .:?!*")


def _squeeze(text: str) -> str:
    """An answer compared: case and all spaces ignored."""
    return "".join(text.casefold().split())


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet program names it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- columns -------------------------------------------------------------------------------------


@dataclass
class _Columns:
    items: dict[int, str]  # column -> item id
    role: int | None
    dates: list[int]
    unknown: dict[int, str]  # column -> header, left out
    problems: list[str]

    @classmethod
    def of(cls, header: Sequence[Cell], model: Model) -> _Columns:
        found = cls({}, None, [], {}, [])
        texts = _statement_texts(model)
        taken: dict[str, int] = {}
        for index, cell in enumerate(header):
            title = _text(cell)
            norm = _norm(title)
            if not norm:
                continue
            item = _item_by_id(title, model) or _item_by_text(norm, texts, found, index)
            if item is not None:
                if item in taken:
                    found.problems.append(
                        f"kolom {column_letter(index)}: dezelfde uitspraak als kolom "
                        f"{column_letter(taken[item])} ({item})"
                    )
                taken[item] = index
                found.items[index] = item
            elif norm in _DATE_COLUMNS:
                found.dates.append(index)
            elif norm in _FORM_COLUMNS or _QUIZ.match(norm) or _PERSONAL.search(norm):
                continue  # the form's own columns, and names and e-mail: never read
            elif _ROLE.search(norm) and found.role is None:
                found.role = index
            else:
                found.unknown[index] = title
        if not found.items and not found.problems:
            found.problems.append(
                "geen enkele kolom hoort bij een uitspraak van het model. Zet in elke kop de tekst "
                "van de uitspraak of haar id (werkwijzer form --forms-text schrijft ze allebei)"
            )
        return found

    def notes(self, name: str) -> list[str]:
        return [
            f"{name}: kolom {column_letter(i)} ('{_short(title)}') hoort niet bij een uitspraak "
            "en telt niet mee."
            for i, title in self.unknown.items()
        ]

    def layers(self, model: Model) -> list[LayerId]:
        found = {model.place(item).layer for item in self.items.values()}  # type: ignore[union-attr]
        return [layer.id for layer in model.layers if layer.id in found]


def _statement_texts(model: Model) -> dict[str, str]:
    return {
        _norm(place.item.text): place.item.id
        for layer in model.layers
        for place in model.items_for(layer.id)
    }


def _item_by_id(title: str, model: Model) -> str | None:
    ids = {t for t in _ID_TOKEN.findall(title.casefold()) if model.place(t) is not None}
    return ids.pop() if len(ids) == 1 else None


def _item_by_text(norm: str, texts: dict[str, str], found: _Columns, index: int) -> str | None:
    for candidate in (norm, _grid_row(norm)):
        if candidate in texts:
            return texts[candidate]
    for candidate in (norm, _grid_row(norm)):
        cut = re.sub(r"(\.\.\.|…)$", "", candidate).rstrip()
        if cut != candidate and len(cut) >= MIN_PREFIX:
            hits = [item for text, item in texts.items() if text.startswith(cut)]
            if len(hits) == 1:
                return hits[0]
            if hits:
                found.problems.append(
                    f"kolom {column_letter(index)}: de afgekorte kop past bij meer dan één "
                    "uitspraak; zet het id van de uitspraak in de kop"
                )
                return None
    return None


def _grid_row(norm: str) -> str:
    """'koers [onze koers is helder]' -> 'onze koers is helder' (a Google Forms grid row)."""
    if not norm.endswith("]"):
        return ""
    depth = 0
    for i in range(len(norm) - 1, -1, -1):
        depth += {"]": 1, "[": -1}.get(norm[i], 0)
        if depth == 0:
            return _norm(norm[i + 1 : -1])
    return ""


def _short(text: str, width: int = 50) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- rows ----------------------------------------------------------------------------------------


def _read_rows(
    grid: list[list[Cell]], columns: _Columns, model: Model, layer: LayerId | None, name: str
) -> tuple[list[SheetRow], list[str], list[str]]:
    problems = list(columns.problems)
    notes: list[str] = []
    fixed = layer if columns.role is not None or layer is not None else None
    if columns.role is None and layer is None:
        layers = columns.layers(model)
        if len(layers) == 1:
            fixed = layers[0]
        elif layers:
            problems.append(
                f"de uitspraken horen bij meer dan één laag ({', '.join(layers)}) en er is geen "
                "kolom met de rol. Geef met --layer op welke laag dit is, of voeg een vraag "
                "'Wat is je rol?' toe"
            )
    read_answer = _answer_reader(model)
    rows: list[SheetRow] = []
    for number, row in enumerate(grid[1:], start=2):
        cells = {i: row[i] for i in range(len(row)) if _text(row[i])}
        if not cells:
            continue  # an empty row
        given = {i: cells[i] for i in columns.items if i in cells}
        if not given:
            notes.append(f"{name}: rij {number} heeft geen antwoorden en telt niet mee.")
            continue
        where = f"rij {number}"
        row_layer = _row_layer(cells, columns, model, fixed, where, problems)
        answers: dict[str, AnswerValue] = {}
        for index, cell in given.items():
            item = columns.items[index]
            place = f"{where}, kolom {column_letter(index)}"
            item_layer = model.place(item).layer  # type: ignore[union-attr]
            if row_layer is not None and item_layer != row_layer:
                problems.append(
                    f"{place}: een antwoord bij een uitspraak voor de laag {item_layer}, maar deze "
                    f"rij is van de laag {row_layer}"
                )
                continue
            try:
                answers[item] = read_answer(cell)
            except ValueError as exc:
                problems.append(f"{place}: {exc}")
        if row_layer is not None:  # with a problem anywhere, the sheet is refused after all
            rows.append(
                SheetRow(
                    f"{name}, {where}",
                    Answers(layer=row_layer, date=_row_date(cells, columns), answers=answers),
                )
            )
    return rows, problems, notes


def _row_layer(
    cells: dict[int, Cell],
    columns: _Columns,
    model: Model,
    fixed: LayerId | None,
    where: str,
    problems: list[str],
) -> LayerId | None:
    if columns.role is None:
        return fixed
    place = f"{where}, kolom {column_letter(columns.role)}"
    typed = _text(cells.get(columns.role))
    if not typed:
        problems.append(f"{place}: de rol is niet ingevuld")
        return None
    wanted = _squeeze(typed)
    for layer in model.layers:
        if wanted in (_squeeze(layer.id), _squeeze(layer.name)):
            return layer.id
    hits = [layer.id for layer in model.layers if _squeeze(layer.name).startswith(wanted)]
    if len(hits) == 1:
        return hits[0]
    names = ", ".join(layer.name for layer in model.layers)
    problems.append(f"{place}: '{typed}' is geen rol; kies uit {names}")
    return None


def _row_date(cells: dict[int, Cell], columns: _Columns) -> dt.date | None:
    for index in columns.dates:
        cell = cells.get(index)
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        if isinstance(cell, str):
            try:
                return dt.date.fromisoformat(cell.strip()[:10])
            except ValueError:
                continue  # '9/20/24 19:04:01' may be month or day first: better no date than a wrong one
    return None


def _answer_reader(model: Model) -> Callable[[Cell], AnswerValue]:
    """cell -> 1-4 or None ('weet ik niet'); ValueError with the Dutch reason for a bad cell."""
    labels = {_squeeze(p.label): cast(AnswerValue, p.value) for p in model.scale.points}
    unknown = {_squeeze(model.scale.unknown_label)}
    unknown |= {_squeeze(synonym) for synonym in model.scale.unknown_synonyms}
    allowed = ", ".join(p.label for p in model.scale.points) + f" of {model.scale.unknown_label}"

    def bad(cell: Any) -> ValueError:
        return ValueError(
            f"'{_short(_text(cell), 40)}' is geen antwoord; kies uit {allowed} (of 1 tot 4)"
        )

    def read(cell: Cell) -> AnswerValue:
        if isinstance(cell, bool) or not isinstance(cell, (str, int, float)):
            raise bad(cell)
        text = _squeeze(_text(cell))
        if text in labels:
            return labels[text]
        if text in unknown:
            return None
        numbered = _NUMBERED.match(_text(cell).casefold())
        if numbered:
            value, rest = int(numbered.group(1)), _squeeze(numbered.group(2))
            if rest and rest in unknown:
                return None  # '5 - weet ik niet'
            if value in labels.values() and rest in ("", _squeeze(model.scale.label(value))):
                return labels[_squeeze(model.scale.label(value))]
        raise bad(cell)

    return read

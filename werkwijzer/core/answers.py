"""The answers file, format werkwijzer-answers/1: reading, checking against the model, writing.

```yaml
format: werkwijzer-answers/1
layer: schoolleider
school: OBS De Regenboog     # optional
respondent: J. de Vries      # optional
date: 2026-11-23             # optional, ISO date
model_version: "2026.11"     # optional; written by `werkwijzer scan`
answers:
  koers.schoolleider.begin.1: 3     # 1-4, or null for "weet ik niet / n.v.t."
notes:                              # optional: a short note (toelichting) per statement
  koers.schoolleider.begin.1: "Staat in het jaarplan, nog niet besproken."
```
Absent items are unanswered.

An answers file comes from anyone, so reading it is bounded: at most MAX_ANSWERS_BYTES, no YAML
anchors or aliases, nesting at most MAX_DEPTH deep, every text at most MAX_TEXT characters and
free of control characters (see safe_text.py). Each problem is one AnswersError line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.atomic import atomic_write_text
from werkwijzer.core.errors import AnswersError
from werkwijzer.core.limits import (
    MAX_ANSWERS_BYTES,
    MAX_DEPTH,
    TooLarge,
    read_file_limited,
    read_limited,
    size_text,
)
from werkwijzer.core.model import LAYER_IDS, LayerId, Model
from werkwijzer.core.paths import os_reason
from werkwijzer.core.safe_text import for_terminal, printable, shown, text_problem
from werkwijzer.core.yamlio import MAX_DIGITS, YamlSyntaxError, format_path, line_of, load_yaml

FORMAT: Final = "werkwijzer-answers/1"
STDIN = "-"
SHEET_SUFFIXES: Final = (".xlsx", ".csv")  # response spreadsheets: read by werkwijzer.core.sheets
NOTE_MAX = 1000  # characters in one note: a short example or doubt, not an essay
MAX_FILE_TEXT = 2_000_000  # no text can be longer than the file that holds it

AnswerValue = Literal[1, 2, 3, 4] | None


@dataclass(frozen=True, kw_only=True)
class Answers:
    """One respondent's answers. `answers` maps item ids to 1-4, or None for 'weet ik niet'."""

    # For the JSON Schema (`werkwijzer schema answers`), which pydantic derives from this class.
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid", "title": FORMAT}

    format: Literal["werkwijzer-answers/1"] = FORMAT
    layer: LayerId
    school: str | None = None
    respondent: str | None = None
    date: dt.date | None = None
    model_version: str | None = None
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    # The respondent's own words per statement: shown in their own report, never in a team report
    # unless the coach asks (export --notes), and then without any link to a person.
    notes: dict[str, str] = field(default_factory=dict)


_KNOWN_KEYS = {f.name for f in fields(Answers)}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_answers(source: str | Path, model: Model) -> Answers:
    """Read and check an answers file; `-` reads stdin. Raises AnswersError with one Dutch line."""
    return read_answers_with_text(source, model)[0]


def read_answers_with_text(source: str | Path, model: Model) -> tuple[Answers, str]:
    """The checked answers and the file's text as it was (the store keeps the text itself)."""
    name = shown_source(source)
    raw = read_answers_bytes(source, name)
    answers = parse_answers(raw, model, name)
    return answers, raw.decode("utf-8-sig")  # parse_answers has checked that it decodes


def is_sheet(source: str | Path) -> bool:
    """A response spreadsheet (one respondent per row) rather than an answers file."""
    return str(source) != STDIN and Path(source).suffix.lower() in SHEET_SUFFIXES


def shown_source(source: str | Path) -> str:
    """How a file is named in a message: stdin in Dutch, any odd character of the name escaped."""
    return "standaardinvoer" if str(source) == STDIN else printable(str(source))


def read_answers_bytes(source: str | Path, name: str) -> bytes:
    """The raw bytes of an answers file (or stdin), at most MAX_ANSWERS_BYTES of them."""
    try:
        if str(source) != STDIN:
            return read_file_limited(source, MAX_ANSWERS_BYTES)
        if sys.stdin is None:
            raise AnswersError("De standaardinvoer is gesloten; er valt niets te lezen.")
        return read_limited(sys.stdin.buffer, MAX_ANSWERS_BYTES)
    except TooLarge:
        raise AnswersError(
            f"{name}: groter dan {size_text(MAX_ANSWERS_BYTES)}; zo groot is een antwoordbestand "
            "nooit"
        ) from None
    except FileNotFoundError:
        raise AnswersError(f"{name}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise AnswersError(f"{name}: dit is een map, geen antwoordbestand") from None
    except OSError as exc:
        raise AnswersError(f"{name}: kan niet gelezen worden ({os_reason(exc)})") from None


def parse_answers(raw: bytes, model: Model, name: str) -> Answers:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError(f"{name}: geen UTF-8-tekst; sla het bestand op als UTF-8") from None
    if not text.strip():
        raise AnswersError(f"{name}: het bestand is leeg")
    data = _parse_text(text, name)
    return _check(data, text, model, name)


def _json_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise ValueError(f"een getal van meer dan {MAX_DIGITS} cijfers")
    return int(digits)


def _parse_text(text: str, name: str) -> Any:
    if text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(text, parse_int=_json_int)
        except json.JSONDecodeError as exc:
            raise AnswersError(
                f"{name}, regel {exc.lineno}: geen geldige JSON ({exc.msg})"
            ) from None
        except RecursionError:
            raise AnswersError(f"{name}: geen geldige JSON (te diep genest)") from None
        except ValueError as exc:
            raise AnswersError(f"{name}: geen geldige JSON ({exc})") from None
    try:
        return load_yaml(text)
    except YamlSyntaxError as exc:
        line = f", regel {exc.line}" if exc.line else ""
        raise AnswersError(f"{name}{line}: geen geldige YAML ({exc.problem})") from None


def _check(data: Any, text: str, model: Model, name: str) -> Answers:
    def fail(message: str, *path: str) -> AnswersError:
        line = line_of(text, path) if path else None
        where = f"{name}, regel {line}" if line else name
        return AnswersError(f"{where}: {message}")

    if not isinstance(data, dict):
        raise fail("dit is geen antwoordbestand (verwacht sleutels zoals format, layer en answers)")
    _check_texts(data, fail)
    fmt = data.get("format")
    if fmt is None:
        raise fail(f"'format: {FORMAT}' ontbreekt; is dit wel een antwoordbestand?")
    if fmt != FORMAT:
        raise fail(f"onbekend formaat {shown(fmt)}; verwacht {FORMAT}", "format")
    for key in data:
        if key not in _KNOWN_KEYS:
            raise fail(f"onbekende sleutel {shown(key)}", str(key) if isinstance(key, str) else "")
    layer = data.get("layer")
    if not isinstance(layer, str) or layer not in LAYER_IDS:
        found = "ontbreekt" if layer is None else f"{shown(layer)} is onbekend"
        raise fail(f"laag {found}; kies uit {', '.join(LAYER_IDS)}", "layer")
    answers = data.get("answers")
    if answers is None:
        answers = {}  # `answers:` with nothing under it: nothing answered yet
    if not isinstance(answers, dict):
        raise fail(
            f"'answers' moet per uitspraak-id een antwoord geven (nu: {shown(answers)})", "answers"
        )
    checked: dict[str, AnswerValue] = {}
    for item_id, value in answers.items():
        if not isinstance(item_id, str):
            raise fail(f"onbekende uitspraak {shown(item_id)}", "answers")
        checked[item_id] = _check_answer(model, layer, item_id, value, fail)
    notes = _check_notes(model, layer, data.get("notes"), fail)
    return Answers(
        layer=layer,
        school=_optional_text(data, "school", fail),
        respondent=_optional_text(data, "respondent", fail),
        date=_optional_date(data, fail),
        model_version=_optional_text(data, "model_version", fail),
        answers=checked,
        notes=notes,
    )


def _check_texts(data: dict[Any, Any], fail: Any) -> None:
    """Every text in the document, keys too: no control characters, not too long, not too deep."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        if len(path) > MAX_DEPTH:
            raise fail(f"het document is dieper genest dan {MAX_DEPTH} niveaus", *_str_path(path))
        if isinstance(value, str):
            # A note may hold line breaks; its length (NOTE_MAX) is checked with the notes.
            is_note = path[:1] == ("notes",)
            problem = (
                text_problem(value.replace("\n", " "), MAX_FILE_TEXT)
                if is_note
                else text_problem(value)
            )
            if problem:
                raise fail(f"de tekst bij '{format_path(path)}' {problem}", *_str_path(path))
        elif isinstance(value, dict):
            for key, child in value.items():
                problem = text_problem(key) if isinstance(key, str) else None
                if problem:
                    raise fail(f"een sleutel {problem}", *_str_path(path))
                stack.append((child, (*path, key if isinstance(key, str) else shown(key))))
        elif isinstance(value, (list, tuple, set, frozenset)):
            stack.extend((child, (*path, i)) for i, child in enumerate(value))


def _str_path(path: tuple[str | int, ...]) -> list[str]:
    """The keys of a path up to its first list index: what line_of can find."""
    keys: list[str] = []
    for step in path:
        if not isinstance(step, str):
            break
        keys.append(step)
    return keys


def _check_answer(model: Model, layer: str, item_id: str, value: Any, fail: Any) -> AnswerValue:
    place = model.place(item_id)
    if place is None:
        raise fail(f"onbekende uitspraak {shown(item_id)}", "answers", item_id)
    if place.layer != layer:
        raise fail(
            f"uitspraak '{item_id}' hoort bij de laag {place.layer}, niet bij {layer}",
            "answers",
            item_id,
        )
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 4:
        raise fail(
            f"antwoord op '{item_id}' is {shown(value)}; "
            "verwacht 1, 2, 3, 4 of null (weet ik niet)",
            "answers",
            item_id,
        )
    result: AnswerValue = value  # type: ignore[assignment]
    return result


def _check_notes(model: Model, layer: str, notes: Any, fail: Any) -> dict[str, str]:
    if notes is None:
        return {}
    if not isinstance(notes, dict):
        raise fail("'notes' moet per uitspraak-id een toelichting geven", "notes")
    checked: dict[str, str] = {}
    for item_id, note in notes.items():
        place = model.place(str(item_id))
        if place is None or place.layer != layer:
            raise fail(f"toelichting bij onbekende uitspraak '{item_id}'", "notes", str(item_id))
        if not isinstance(note, str):
            raise fail(f"toelichting bij '{item_id}' moet tekst zijn", "notes", str(item_id))
        text = clean_note(note)
        if len(text) > NOTE_MAX:
            raise fail(
                f"toelichting bij '{item_id}' is {len(text)} tekens; houd het onder {NOTE_MAX}",
                "notes",
                str(item_id),
            )
        if text:
            checked[str(item_id)] = text
    return checked


def clean_note(text: str) -> str:
    """A note as kept: surrounding space, empty lines and control characters gone, lines kept."""
    # Characters out first, then the space they stood beside: cleaning twice changes nothing.
    lines = [line.rstrip() for line in for_terminal(text).strip().splitlines()]
    return "\n".join(line for line in lines if line.strip())


def _optional_text(data: dict[str, Any], key: str, fail: Any) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise fail(
            f"'{key}' moet tekst zijn, niet {shown(value)}; zet de tekst tussen aanhalingstekens",
            key,
        )
    return value.strip() or None


def _optional_date(data: dict[str, Any], fail: Any) -> dt.date | None:
    value = data.get("date")
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise fail(f"datum {shown(value)} is geen datum als 2026-11-23", "date")


# --- writing -------------------------------------------------------------------------------------


def dump_answers(answers: Answers, model: Model) -> str:
    """YAML text of an answers file, items in scan order, each with its statement as a comment."""
    lines = [
        "# Antwoorden van de werkwijzer-quickscan. 1 nog niet · 2 enigszins · 3 grotendeels ·",
        "# 4 volledig · null: weet ik niet / n.v.t. Een uitspraak die ontbreekt is nog niet beantwoord.",
        f"format: {FORMAT}",
        f"layer: {answers.layer}",
    ]
    for key in ("school", "respondent", "model_version"):
        value = getattr(answers, key)
        if value is not None:
            lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    if answers.date is not None:
        lines.append(f"date: {answers.date.isoformat()}")
    lines.append("answers:" if answers.answers else "answers: {}")
    for place in model.items_for(answers.layer):
        if place.item.id in answers.answers:
            value = answers.answers[place.item.id]
            shown = "null" if value is None else str(value)
            lines.append(f"  {place.item.id}: {shown}  # {_one_line(place.item.text)}")
    notes = {
        p.item.id: clean_note(answers.notes[p.item.id])
        for p in model.items_for(answers.layer)
        if clean_note(answers.notes.get(p.item.id, ""))
    }
    if notes:
        lines.append("notes:")
    for item_id, note in notes.items():
        # A JSON string is a valid double-quoted YAML scalar: quotes, colons and newlines stay safe.
        lines.append(f"  {item_id}: {json.dumps(note, ensure_ascii=False)}")
    return "\n".join(lines) + "\n"


def write_answers(path: Path, answers: Answers, model: Model) -> None:
    atomic_write_text(path, dump_answers(answers, model))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def version_note(answers: Answers, model: Model) -> str | None:
    """A warning when the answers were given with another version of the model than this one."""
    if answers.model_version in (None, model.version):
        return None
    return (
        f"Let op: dit bestand is ingevuld met model {answers.model_version}; "
        f"het wordt nu berekend met model {model.version}."
    )

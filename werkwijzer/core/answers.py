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
from werkwijzer.core.model import LAYER_IDS, LayerId, Model
from werkwijzer.core.yamlio import YamlSyntaxError, line_of, load_yaml

FORMAT: Final = "werkwijzer-answers/1"
STDIN = "-"
SHEET_SUFFIXES: Final = (".xlsx", ".csv")  # response spreadsheets: read by werkwijzer.core.sheets
NOTE_MAX = 1000  # characters in one note: a short example or doubt, not an essay

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


def read_answers(source: str | Path, model: Model) -> Answers:
    """Read and check an answers file; `-` reads stdin. Raises AnswersError with one Dutch line."""
    return read_answers_with_text(source, model)[0]


def read_answers_with_text(source: str | Path, model: Model) -> tuple[Answers, str]:
    """The checked answers and the file's text as it was (the store keeps the text itself)."""
    name = "standaardinvoer" if str(source) == STDIN else str(source)
    raw = _read_bytes(source, name)
    answers = parse_answers(raw, model, name)
    return answers, raw.decode("utf-8-sig")  # parse_answers has checked that it decodes


def is_sheet(source: str | Path) -> bool:
    """A response spreadsheet (one respondent per row) rather than an answers file."""
    return str(source) != STDIN and Path(source).suffix.lower() in SHEET_SUFFIXES


def _read_bytes(source: str | Path, name: str) -> bytes:
    if str(source) == STDIN:
        return sys.stdin.buffer.read()
    path = Path(source)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise AnswersError(f"{name}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise AnswersError(f"{name}: dit is een map, geen antwoordbestand") from None
    except OSError as exc:
        raise AnswersError(f"{name}: kan niet gelezen worden ({exc.strerror})") from None


def parse_answers(raw: bytes, model: Model, name: str) -> Answers:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise AnswersError(f"{name}: geen UTF-8-tekst; sla het bestand op als UTF-8") from None
    if not text.strip():
        raise AnswersError(f"{name}: het bestand is leeg")
    data = _parse_text(text, name)
    return _check(data, text, model, name)


def _parse_text(text: str, name: str) -> Any:
    if text.lstrip().startswith(("{", "[")):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise AnswersError(
                f"{name}, regel {exc.lineno}: geen geldige JSON ({exc.msg})"
            ) from None
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
    fmt = data.get("format")
    if fmt is None:
        raise fail(f"'format: {FORMAT}' ontbreekt; is dit wel een antwoordbestand?")
    if fmt != FORMAT:
        raise fail(f"onbekend formaat '{fmt}'; verwacht {FORMAT}", "format")
    for key in data:
        if key not in _KNOWN_KEYS:
            raise fail(f"onbekende sleutel '{key}'", str(key))
    layer = data.get("layer")
    if layer not in LAYER_IDS:
        shown = "ontbreekt" if layer is None else f"'{layer}' is onbekend"
        raise fail(f"laag {shown}; kies uit {', '.join(LAYER_IDS)}", "layer")
    answers = data.get("answers", {})
    if not isinstance(answers, dict):
        raise fail("'answers' moet per uitspraak-id een antwoord geven", "answers")
    checked: dict[str, AnswerValue] = {}
    for item_id, value in answers.items():
        checked[str(item_id)] = _check_answer(model, layer, str(item_id), value, fail)
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


def _check_answer(model: Model, layer: str, item_id: str, value: Any, fail: Any) -> AnswerValue:
    place = model.place(item_id)
    if place is None:
        raise fail(f"onbekende uitspraak '{item_id}'", "answers", item_id)
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
            f"antwoord op '{item_id}' is {json.dumps(value, default=str)}; "
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


# What a YAML file cannot hold (control characters and the like): left out of a note.
_UNPRINTABLE = re.compile("[^\x09\x0a\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_note(text: str) -> str:
    """A note as kept: surrounding space, empty lines and control characters gone, lines kept."""
    # Characters out first, then the space they stood beside: cleaning twice changes nothing.
    lines = [line.rstrip() for line in _UNPRINTABLE.sub("", text).strip().splitlines()]
    return "\n".join(line for line in lines if line.strip())


def _optional_text(data: dict[str, Any], key: str, fail: Any) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        # The same rule as the JSON Schema: `school: 12` is a number, not a name.
        hint = "; zet er aanhalingstekens omheen" if isinstance(value, (int, float)) else ""
        raise fail(f"'{key}' moet tekst zijn{hint}", key)
    text = value.strip()
    return text or None


def _optional_date(data: dict[str, Any], fail: Any) -> dt.date | None:
    value = data.get("date")
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise fail(f"datum '{value}' is geen datum als 2026-11-23", "date")


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

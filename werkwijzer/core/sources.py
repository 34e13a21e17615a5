"""Where one respondent's answers come from: an answers file, or a response sheet with one row."""

from __future__ import annotations

from pathlib import Path

from werkwijzer.core.answers import Answers, is_sheet, read_answers
from werkwijzer.core.errors import AnswersError
from werkwijzer.core.invocation import command
from werkwijzer.core.model import LayerId, Model


def read_one(
    source: str | Path, model: Model, layer: LayerId | None = None
) -> tuple[Answers, list[str]]:
    """One respondent's answers, from an answers file or a response sheet with one filled-in row
    (`layer` for a sheet without a role column); and notes about the sheet for stderr."""
    if not is_sheet(source):
        return read_answers(source, model), []
    from werkwijzer.core.sheets import read_sheet  # only for a sheet: scoring a file stays light

    sheet = read_sheet(source, model, layer)
    if len(sheet.rows) > 1:
        raise AnswersError(
            f"{source} bevat de antwoorden van {len(sheet.rows)} respondenten; score rekent er "
            f"één. Een teamrapport van allemaal:\n  {command('export', Path(source))}"
        )
    return sheet.rows[0].answers, sheet.notes

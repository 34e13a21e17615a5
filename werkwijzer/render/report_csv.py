"""CSV for a spreadsheet: one row per respondent x aspect x phase, with a header, UTF-8.

Columns: respondent (a number, never a name), layer (empty for a layer not shown as a group in a
team export), aspect, aspect_name, phase, score (0-1, empty when too few statements were answered),
aspect_phase (the respondent's phase for that aspect, empty when none), school (empty where it
could give someone away: see core/board.py numbered_rows).

A team report with a plan has more tables after that one, each after an empty line, with a header
of its own whose first column is `table` (its rows say which table they belong to): the jaarplan's
targets and priorities, and the look back on last year's plan (see report_plan_csv.py).

`excel=True` makes a file that a Dutch-locale Excel opens correctly with a double click: ';' between
fields (',' is the decimal separator there), a decimal comma, and a UTF-8 byte order mark so that
accented letters survive. Both variants end lines with CRLF, as RFC 4180 has it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from werkwijzer.core.model import PHASE_IDS, LayerId
from werkwijzer.core.result import Result
from werkwijzer.core.team import TeamResult
from werkwijzer.render.context import RenderContext

HEADER = (
    "respondent",
    "layer",
    "aspect",
    "aspect_name",
    "phase",
    "score",
    "aspect_phase",
    "school",
)


def individual_csv(result: Result, context: RenderContext) -> bytes:
    return _csv([_rows(1, result.layer, result, context.excel, result.school)], context.excel)


def team_csv(team: TeamResult, context: RenderContext) -> bytes:
    """The rows of `context.respondents`: numbered, and without the layer of a folded group."""
    from werkwijzer.render.report_plan_csv import plan_tables

    excel = context.excel
    rows = context.respondents
    respondents = (row for r in rows for row in _rows(r.number, r.layer, r.result, excel, r.school))
    return _csv([respondents, *plan_tables(team)], excel)


def _rows(
    number: int, layer: LayerId | None, result: Result, excel: bool, school: str | None
) -> Iterable[list[str]]:
    for aspect in result.aspects:
        for phase in PHASE_IDS:
            yield [
                str(number),
                layer or "",
                aspect.id,
                aspect.name,
                phase,
                _score(aspect.scores[phase], excel),
                aspect.phase or "",
                school or "",
            ]


def _score(value: float | None, excel: bool) -> str:
    if value is None:
        return ""
    text = f"{value:.4f}"
    return text.replace(".", ",") if excel else text


def _csv(tables: Sequence[Iterable[Sequence[str]]], excel: bool) -> bytes:
    """The respondents' table (under HEADER) first; every further table (its header its first
    row) after an empty line."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(tables[0])
    for more in tables[1:]:
        writer.writerow([])
        writer.writerows(more)
    return out.getvalue().encode("utf-8-sig" if excel else "utf-8")

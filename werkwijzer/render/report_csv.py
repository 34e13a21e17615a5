"""CSV for a spreadsheet: one row per respondent x aspect x phase, with a header, UTF-8.

Columns: respondent (a number, never a name), group (the layer for one respondent; in a team export
the shown group, never a layer inside it), aspect, aspect_name, phase, score (0-1, empty when too few statements were answered),
aspect_phase (the respondent's phase for that aspect, empty when none), school (the school, where
the privacy rule allows it: in a board overview only for a group of at least min_group people of
one school, see core/board.py; never for a board member).

A team report with a plan (export --plan, or a plan kept in the store) adds its tables after an
empty line each: see render/report_plan_csv.py. `--no-plan` leaves them out.

`excel=True` makes a file that a Dutch-locale Excel opens correctly with a double click: ';' between
fields (',' is the decimal separator there), a decimal comma, and a UTF-8 byte order mark so that
accented letters survive. Both variants end lines with CRLF, as RFC 4180 has it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from werkwijzer.core.model import PHASE_IDS
from werkwijzer.core.result import Result
from werkwijzer.core.sheets import REPORT_CSV_HEADER
from werkwijzer.core.team import BOARD_LAYER, TeamResult
from werkwijzer.render.context import RenderContext

# One header, kept where the reader of answer sheets can see it too: it skips these reports.
HEADER = REPORT_CSV_HEADER


def individual_csv(result: Result, context: RenderContext) -> bytes:
    school = None if result.layer == BOARD_LAYER else result.school
    return _csv([_rows(1, result.layer, result, school, context.excel)], context.excel)


def team_csv(team: TeamResult, context: RenderContext) -> bytes:
    """The rows of `context.respondents`: numbered, the groups of at least min_group people only;
    then, when the report has a plan, its tables (render/report_plan_csv.py)."""
    from werkwijzer.render.report_plan_csv import plan_tables

    excel = context.excel
    rows = context.respondents
    respondents = (row for r in rows for row in _rows(r.number, r.group, r.result, r.school, excel))
    return _csv([respondents, *plan_tables(team)], excel)


def _rows(
    number: int, group: str, result: Result, school: str | None, excel: bool
) -> Iterable[list[str]]:
    for aspect in result.aspects:
        for phase in PHASE_IDS:
            yield [
                str(number),
                group,
                aspect.id,
                aspect.name,
                phase,
                _score(aspect.scores[phase], excel),
                aspect.phase or "",
                school or "",
            ]


def _cell(text: str) -> str:
    """Text, never a formula: a spreadsheet runs a cell that starts with =, +, -, @ (or a tab or
    return before one), so such a cell gets a leading apostrophe."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _score(value: float | None, excel: bool) -> str:
    if value is None:
        return ""
    text = f"{value:.4f}"
    return text.replace(".", ",") if excel else text


def _csv(tables: Sequence[Iterable[Sequence[str]]], excel: bool) -> bytes:
    """The respondents' table under HEADER first; each further table (its header its first row)
    after an empty line. No cell is ever a formula."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(HEADER)
    for n, table in enumerate(tables):
        if n:
            writer.writerow([])
        writer.writerows([_cell(value) for value in row] for row in table)
    return out.getvalue().encode("utf-8-sig" if excel else "utf-8")

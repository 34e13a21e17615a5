"""Excel workbooks (xlsx, via openpyxl, imported only here): a sheet per view, Dutch headers.

Team: Overzicht (per aspect and group), Scholen (a board overview: per aspect each shown school),
Terugblik (last year's plan against the phases now), Jaarplan (this year's targets and
priorities), Uitspraken (every statement of a layer big enough to show, with its answer
distribution), Respondenten (scores per anonymous respondent of the groups of at least
--min-group people, with the school where allowed), Toelichting (who is in the figures, and why).
The sheets Scholen, Terugblik and Jaarplan are there only when the report has them. One
respondent: Uitslag. A text that starts with '=' is stored as text, never as a formula.
Scores are numbers shown as percentages; header rows are frozen; column widths fit their text.
The privacy rule is core/team.py's: this module only writes what the team document allows.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING

from werkwijzer.core.model import PHASE_IDS, Model
from werkwijzer.core.plan_review import JaarPlan, PlanReview
from werkwijzer.core.result import Result
from werkwijzer.core.team import TeamResult
from werkwijzer.render import plan_text as pt
from werkwijzer.render import team_text as tt
from werkwijzer.render.context import RenderContext

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | dt.date | None
PERCENT = "0%"
MAX_WIDTH = 70


def team_xlsx(team: TeamResult, context: RenderContext) -> bytes:
    from openpyxl import Workbook

    model = context.model
    book = Workbook()
    overview = book.active
    assert overview is not None
    overview.title = "Overzicht"
    _fill(overview, *_overview(model, team), percent_from=8, percent_to=10)
    if team.schools_apart:
        _fill(book.create_sheet("Scholen"), *_schools(model, team), percent_from=8, percent_to=10)
    if team.plan_review is not None:
        _fill(book.create_sheet("Terugblik"), *_review(model, team.plan_review))
    if team.plan is not None:
        _fill(book.create_sheet("Jaarplan"), *_jaarplan(model, team.plan))
    _fill(book.create_sheet("Uitspraken"), *_statements(model, team))
    _fill(book.create_sheet("Respondenten"), *_respondents(context), percent_from=4, percent_to=6)
    _fill(book.create_sheet("Toelichting"), *_notes(model, team))
    return _bytes(book)


def individual_xlsx(result: Result, context: RenderContext) -> bytes:
    from openpyxl import Workbook

    model = context.model
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Uitslag"
    headers = ["Aspect", "Fase", *_score_headers(model), "Alles bereikt"]
    rows: list[list[Cell]] = [
        [
            a.name,
            tt.phase_name(model, a.phase) if a.phase else "te weinig antwoorden",
            *(a.scores[p] for p in PHASE_IDS),
            "ja" if a.mastered_all else "nee",
        ]
        for a in result.aspects
    ]
    _fill(sheet, headers, rows, percent_from=2, percent_to=4)
    return _bytes(book)


def _score_headers(model: Model) -> list[str]:
    return [f"Score {model.phase(p).name.lower()}" for p in PHASE_IDS]


def _overview(model: Model, team: TeamResult) -> tuple[list[str], list[list[Cell]]]:
    headers = [
        "Aspect",
        "Groep",
        "Respondenten",
        *(model.phase(p).name for p in PHASE_IDS),
        "Geen fase",
        "Fase",
        *_score_headers(model),
        "Weet ik niet",
        "Niet beantwoord",
    ]
    rows: list[list[Cell]] = []
    for aspect in team.aspects:
        for row in team.rows(aspect):
            rows.append(
                [
                    aspect.name,
                    tt.group_label(model, row.group),
                    row.respondents,
                    *(row.counts.of(p) for p in (*PHASE_IDS, None)),
                    tt.row_phase(model, row),
                    *(row.scores[p] for p in PHASE_IDS),
                    row.unknown,
                    row.unanswered,
                ]
            )
    return headers, rows


def _schools(model: Model, team: TeamResult) -> tuple[list[str], list[list[Cell]]]:
    from werkwijzer.render.board_text import fold_notes, school_rows

    headers, _ = _overview(model, team)
    headers[1] = "School of groep"
    rows: list[list[Cell]] = []
    for aspect in team.aspects:
        for line in school_rows(model, team, aspect):
            row = line.figures
            rows.append(
                [
                    aspect.name,
                    line.short,
                    row.respondents,
                    *(row.counts.of(p) for p in (*PHASE_IDS, None)),
                    tt.row_phase(model, row),
                    *(row.scores[p] for p in PHASE_IDS),
                    row.unknown,
                    row.unanswered,
                ]
            )
    rows += [[note] for note in fold_notes(model, team)]
    return headers, rows


def _jaarplan(model: Model, plan: JaarPlan) -> tuple[list[str], list[list[Cell]]]:
    """Targets first (aspect, now, target, by when), then the priorities, in one table."""
    headers = ["Onderdeel", "Aspect", "Nu / actie", "Straks / eigenaar", "Wanneer", "Evaluatie"]
    rows: list[list[Cell]] = [[f"Jaarplan {plan.school_year} van {plan.school}"]]
    rows += [
        [
            "Doel",
            t.name,
            pt.phase_name(model, t.now, "onbekend"),
            pt.target_text(model, t),
            t.by if t.target else None,
        ]
        for t in plan.targets
    ]
    rows += [
        [f"Prioriteit {p.number}", p.name, p.title, p.owner, p.deadline, p.evaluation, p.success]
        for p in plan.priorities
    ]
    return [*headers, "Gelukt als"], rows


def _review(model: Model, review: PlanReview) -> tuple[list[str], list[list[Cell]]]:
    headers = ["Aspect", "Toen", "Doel", "Wanneer", "Nu", "Gehaald"]
    rows: list[list[Cell]] = [
        [
            t.name,
            pt.phase_name(model, t.planned_from, "onbekend"),
            pt.phase_name(model, t.target),
            t.by,
            pt.phase_name(model, t.reached, "geen fase"),
            pt.met_text(t),
        ]
        for t in review.targets
    ]
    rows += [
        [
            f"Prioriteit {c.priority.number}: {pt.text(c.priority.title)}",
            c.priority.name,
            pt.text(c.priority.owner),
            None,
            pt.evaluation_text(c, review.on),
        ]
        for c in review.priorities
    ]
    return headers, [[pt.review_intro(review)], *rows]


def _statements(model: Model, team: TeamResult) -> tuple[list[str], list[list[Cell]]]:
    headers = [
        "Aspect",
        "Fase",
        "Laag",
        "Uitspraak",
        *(p.label for p in model.scale.points),
        "Weet ik niet",
        "Niet beantwoord",
        "Gemiddelde (1-4)",
        "Spreiding",
    ]
    rows: list[list[Cell]] = [
        [
            model.aspect(s.aspect).name,
            model.phase(s.phase).name,
            model.layer(s.layer).name,
            s.text,
            *s.counts,
            s.unknown,
            s.unanswered,
            s.mean,
            s.sd,
        ]
        for s in team.statements
    ]
    return headers, rows


def _respondents(context: RenderContext) -> tuple[list[str], list[list[Cell]]]:
    model = context.model
    headers = ["Respondent", "Groep", "Aspect", "Fase", *_score_headers(model), "School"]
    rows: list[list[Cell]] = [
        [
            r.number,
            tt.group_label(model, r.group),
            a.name,
            tt.phase_name(model, a.phase),
            *(a.scores[p] for p in PHASE_IDS),
            r.school,
        ]
        for r in context.respondents
        for a in r.result.aspects
    ]
    return headers, rows


def _notes(model: Model, team: TeamResult) -> tuple[list[str], list[list[Cell]]]:
    from werkwijzer.render.team_markdown import header_parts

    lines = [
        tt.report_title(team),
        " · ".join(header_parts(team)),
        *tt.privacy_texts(model, team),
        "Respondenten: alleen van groepen met minstens "
        f"{team.min_group} mensen, genummerd zonder namen.",
        *tt.rules(model, team),
    ]
    return ["Toelichting"], [[line] for line in lines]


def _fill(
    sheet: Worksheet,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell]],
    *,
    percent_from: int | None = None,
    percent_to: int | None = None,
) -> None:
    """Header row in bold and frozen, percentages formatted, columns as wide as their text."""
    from openpyxl.styles import Alignment, Font

    sheet.append(list(headers))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # free text (a school, an owner) is never run as a formula
    if percent_from is not None:
        last = percent_to if percent_to is not None else len(headers) - 1
        for line in sheet.iter_rows(min_row=2, min_col=percent_from + 1, max_col=last + 1):
            for cell in line:
                cell.number_format = PERCENT
    sheet.freeze_panes = "A2"
    _widths(sheet, headers, rows)
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            if isinstance(cell.value, str) and len(cell.value) > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")


def _widths(sheet: Worksheet, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> None:
    from openpyxl.utils import get_column_letter

    for n, header in enumerate(headers):
        texts = [header, *(_shown(row[n]) for row in rows if n < len(row))]
        sheet.column_dimensions[get_column_letter(n + 1)].width = min(
            MAX_WIDTH, max(len(t) for t in texts) + 2
        )


def _shown(value: Cell) -> str:
    if isinstance(value, float):
        return f"{value:.0%}" if value <= 1 else f"{value:.2f}"
    return "" if value is None else str(value)


def _bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

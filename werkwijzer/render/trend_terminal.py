"""Rich rendering of the trend (werkwijzer history) at 80 columns.

One school: per aspect a table with a row per school year. Several schools: one overview with a
row per school and school year and the team phase per aspect; `--school` shows one in full.
"""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from werkwijzer.core.trend import SchoolTrend, Trend
from werkwijzer.render.columns import GAP, Cell, Column, cell, print_table, word_width
from werkwijzer.render.context import RenderContext
from werkwijzer.render.result_terminal import ACCENT, MUTED
from werkwijzer.render.trend_text import (
    HIDDEN,
    aspect_ids,
    count_cells,
    count_headers,
    explanation,
    short_phase,
    team_phase,
    unplaced_note,
)


def render_trend(console: Console, trend: Trend, context: RenderContext) -> None:
    if len(trend.schools) == 1:
        _one_school(console, trend, trend.schools[0], context)
    elif trend.schools:
        _overview(console, trend, context)
    else:
        console.print(Text("Er zijn geen scans van een school om te tonen.", style=MUTED))
    note = unplaced_note(trend)
    if note:
        console.print(Text(note, style=MUTED))
    console.print(
        Text(
            "De losse scans: werkwijzer history --scans · twee jaren naast elkaar: werkwijzer "
            "compare --school NAAM --from JAAR --to JAAR",
            style=MUTED,
        )
    )


def _one_school(
    console: Console, trend: Trend, school: SchoolTrend, context: RenderContext
) -> None:
    model = context.model
    console.print(Text(f"Trend · {school.school}", style=ACCENT))
    for aspect_id, name in aspect_ids(model, trend) or [(a.id, a.name) for a in model.aspects]:
        table = Table(
            title=name,
            title_justify="left",
            title_style="bold",
            box=box.SIMPLE_HEAD,
            pad_edge=False,
        )
        for n, header in enumerate(count_headers(model)):
            table.add_column(header, justify="left" if n in (0, 6) else "right", no_wrap=n == 0)
        for year in school.years:
            table.add_row(
                year.school_year, str(year.respondents), *count_cells(model, year, aspect_id)
            )
        console.print(table)
    for year in school.years:
        if not year.shown:
            console.print(Text(f"{year.school_year}: {HIDDEN}.", style=MUTED))
    console.print(Text(explanation(trend), style=MUTED))


def _overview(console: Console, trend: Trend, context: RenderContext) -> None:
    """A row per school (its name) and below it a row per school year, the team phase per aspect.

    A plain table of fixed widths (render.columns): a board of hundreds of schools draws at once.
    """
    model = context.model
    console.print(Text(f"Trend · {len(trend.schools)} scholen", style=ACCENT))
    aspects = aspect_ids(model, trend)
    narrowest = max(len(short_phase(p.name)) for p in model.phases)
    phase_columns = [Column(name, max(narrowest, word_width(name))) for _, name in aspects]
    count = Column("Aantal", 6, right=True)
    room = console.width - count.width - sum(c.width for c in phase_columns)
    room -= len(GAP) * (len(phase_columns) + 1)
    school = Column("School, jaar", min(24, max(12, room)))
    rows: list[list[Cell]] = []
    for found in trend.schools:
        rows.append([cell(found.school, "bold")])
        for year in found.years:
            if year.shown:
                phases = [cell(team_phase(model, year, a, short=True)) for a, _ in aspects]
            else:
                phases = [cell("te weinig", MUTED)]
            rows.append([cell(f"  {year.school_year}"), cell(str(year.respondents)), *phases])
    print_table(console, [school, count, *phase_columns], rows)
    console.print(
        Text(
            "Per school en schooljaar de teamfase per aspect. Alle cijfers van één school: "
            "werkwijzer history --school NAAM.",
            style=MUTED,
        )
    )
    console.print(Text(explanation(trend), style=MUTED))

"""The trend (werkwijzer history) as one self-contained HTML page: per school and aspect a chart.

Each chart has a bar per school year, oldest on top: how many respondents stood in each phase,
with the number on every segment and the team phase (the median) above the bar in words. A year
with too few respondents is a labelled line without a bar, so it never looks like a year of zeros.
Below the charts the same numbers as a table per aspect, for printing and screen readers.
The page is made like the team report (render/report_html.py): the same base template, style sheet,
chart drawing and Content-Security-Policy; jinja2 is imported only when a page is made.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.trend import SchoolTrend, Trend, TrendAspect, TrendYear
from werkwijzer.render.charts import PATTERNS, Block, Chart, Layout, Part, Row, bar_chart
from werkwijzer.render.context import RenderContext
from werkwijzer.render.trend_text import (
    HIDDEN,
    aspect_ids,
    count_headers,
    explanation,
    unplaced_note,
)

# A bar the full width under a line that names the year, its respondents and the team phase:
# narrow enough to stay readable on a phone, two side by side on a wide screen. A single digit
# fits in a segment of 13 (one respondent of 23 or fewer), so few numbers move behind the bar.
TREND = Layout(
    width=360,
    label_width=0,
    plot_width=310,
    bar_height=22,
    bar_gap=0,
    block_gap=8,
    heading_height=21,
    min_inside=13,
)
PHASE_KINDS: dict[PhaseId | None, str] = {
    "begin": "begin",
    "tussen": "tussen",
    "gevorderd": "gevorderd",
    None: "none",
}
NOT_ANSWERED = "geen antwoorden bij dit aspect"
NAMED_SCHOOLS = 3  # more schools than this: the title counts them instead of naming them
INTRO = (
    "Deze pagina laat zien hoe het team van een school er per schooljaar voor staat, per aspect. "
    "Elke balk is één schooljaar, het oudste bovenaan. De kleuren zijn de fasen, de getallen op "
    "de balk zijn aantallen mensen. Boven elke balk staan het schooljaar, tussen haakjes hoeveel "
    "respondenten er meededen, en de teamfase van dat jaar."
)


def trend_html(trend: Trend, context: RenderContext) -> str:
    from werkwijzer.render.report_html import _page  # jinja2 and the page's security policy

    model = context.model
    aspects = aspect_ids(model, trend) or [(a.id, a.name) for a in model.aspects]
    years = sorted({y.school_year for s in trend.schools for y in s.years})
    heading = context.title or _title(trend, years)
    respondents = sum(y.respondents for s in trend.schools for y in s.years)
    meta = [f"{_count(len(years), 'schooljaar', 'schooljaren')}, {_people(respondents)}"]
    if trend.layer is not None:
        meta.append(f"alleen de laag {model.layer(trend.layer).name.lower()}")
    meta.append(f"model {model.version}")
    return _page(
        "trend.html.j2",
        page_title=heading,
        heading=heading,
        meta=" · ".join(meta),
        intro=INTRO,
        explanation=explanation(trend),
        unplaced=unplaced_note(trend),
        legend=_legend(model),
        headers=count_headers(model),
        hidden=HIDDEN,
        schools=[
            _school(model, school, n, aspects, several=len(trend.schools) > 1)
            for n, school in enumerate(trend.schools)
        ],
    )


def _legend(model: Model) -> list[dict[str, str | None]]:
    """The phases' fills, in HTML above the charts: it wraps on a phone, a legend in each SVG
    would not fit."""
    named = [(PHASE_KINDS[p], model.phase(p).name) for p in PHASE_IDS] + [("none", "geen fase")]
    return [{"kind": k, "label": label, "pattern": PATTERNS.get(k)} for k, label in named]


def _title(trend: Trend, years: list[str]) -> str:
    """'Trend: OBS De Regenboog, 2021/2022 tot en met 2025/2026'."""
    names = [s.school for s in trend.schools]
    if not names:
        return "Trend"
    if len(names) > NAMED_SCHOOLS:
        who = f"{len(names)} scholen"
    else:
        who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"
    return f"Trend: {who}, {_years_text(years)}"


def _years_text(years: list[str]) -> str:
    if len(years) == 1:
        return f"schooljaar {years[0]}"
    return f"{years[0]} tot en met {years[-1]}"


def _school(
    model: Model,
    school: SchoolTrend,
    n: int,
    aspects: list[tuple[str, str]],
    *,
    several: bool,
) -> dict[str, Any]:
    return {
        "id": f"school-{n + 1}",
        "name": school.school,
        "several": several,
        # No year to show: a line per year instead of charts and tables of nothing but that.
        "hidden_years": (
            []
            if any(y.shown for y in school.years)
            else [f"{y.school_year} ({y.respondents}): {HIDDEN}." for y in school.years]
        ),
        "charts": [
            {
                "aspect": name,
                "chart": _chart(model, school, f"trend-{n + 1}-{i + 1}", aspect_id, name),
            }
            for i, (aspect_id, name) in enumerate(aspects)
        ],
        "tables": [
            {"aspect": name, "rows": [_table_row(model, year, aspect_id) for year in school.years]}
            for aspect_id, name in aspects
        ],
    }


def _aspect_of(year: TrendYear, aspect_id: str) -> TrendAspect | None:
    return next((a for a in year.aspects if a.id == aspect_id), None)


def _team_phase(model: Model, found: TrendAspect) -> str:
    if found.phase is None:
        return "geen teamfase (niemand heeft een fase)"
    return f"teamfase: {model.phase(found.phase).name.lower()}"


def _count(n: int, one: str, more: str) -> str:
    return f"{n} {one if n == 1 else more}"


def _people(n: int) -> str:
    return _count(n, "respondent", "respondenten")


def _chart(model: Model, school: SchoolTrend, chart_id: str, aspect_id: str, name: str) -> Chart:
    blocks, spoken = [], []
    for year in school.years:
        found = _aspect_of(year, aspect_id) if year.shown else None
        head = f"{year.school_year} ({year.respondents})"
        said = f"{year.school_year}, {_people(year.respondents)}"
        if not year.shown:
            blocks.append(Block(head, [Row("", [], HIDDEN)]))
            spoken.append(f"{said}: {HIDDEN}")
        elif found is None:
            blocks.append(Block(head, [Row("", [], NOT_ANSWERED)]))
            spoken.append(f"{said}: {NOT_ANSWERED}")
        else:
            parts = _parts(model, found)
            blocks.append(Block(f"{head} · {_team_phase(model, found)}", [Row("", parts)]))
            words = ", ".join(p.spoken for p in parts)
            spoken.append(f"{said}: {words}; {_team_phase(model, found)}")
    chart = bar_chart(
        chart_id, f"{school.school}, {name}: de fasen per schooljaar", blocks, layout=TREND
    )
    return replace(chart, description=". ".join(spoken) + "." if spoken else chart.title)


def _parts(model: Model, found: TrendAspect) -> list[Part]:
    counts = found.counts
    total = sum(counts.of(p) for p in (*PHASE_IDS, None)) or 1
    parts = []
    for phase in (*PHASE_IDS, None):
        n = counts.of(phase)
        spoken = f"{n} in de {model.phase(phase).name.lower()}" if phase else f"{n} zonder fase"
        parts.append(Part(n / total, PHASE_KINDS[phase], str(n) if n else "", spoken))
    return parts


def _table_row(model: Model, year: TrendYear, aspect_id: str) -> dict[str, Any]:
    found = _aspect_of(year, aspect_id) if year.shown else None
    return {
        "year": year.school_year,
        "respondents": year.respondents,
        "shown": found is not None,
        "note": HIDDEN if not year.shown else NOT_ANSWERED,
        "counts": [found.counts.of(p) for p in (*PHASE_IDS, None)] if found else [],
        "phase": (model.phase(found.phase).name if found and found.phase else "–" if found else ""),
    }

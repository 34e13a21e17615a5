"""Markdown for the trend (werkwijzer history): per aspect a table of school years."""

from __future__ import annotations

from werkwijzer.core.trend import Trend
from werkwijzer.render.context import RenderContext
from werkwijzer.render.markdown import document, escape, heading, paragraph, table
from werkwijzer.render.trend_text import (
    HIDDEN,
    aspect_ids,
    count_cells,
    count_headers,
    explanation,
    team_phase,
    unplaced_note,
)


def trend_markdown(trend: Trend, context: RenderContext) -> str:
    model = context.model
    aspects = aspect_ids(model, trend) or [(a.id, a.name) for a in model.aspects]
    if len(trend.schools) != 1:
        return _overview(trend, context)
    school = trend.schools[0]
    blocks = [heading(1, f"Trend: {school.school}"), paragraph(explanation(trend))]
    for aspect_id, name in aspects:
        rows = [
            [
                escape(year.school_year),
                str(year.respondents),
                *(escape(c) for c in count_cells(model, year, aspect_id)),
            ]
            for year in school.years
        ]
        blocks += [heading(2, name), table(count_headers(model), rows, align="lrrrrrl")]
    hidden = [f"{y.school_year}: {HIDDEN}." for y in school.years if not y.shown]
    blocks += [paragraph(" ".join(hidden)), paragraph(unplaced_note(trend))]
    return document(blocks)


def _overview(trend: Trend, context: RenderContext) -> str:
    model = context.model
    aspects = aspect_ids(model, trend)
    rows = [
        [
            escape(school.school),
            escape(year.school_year),
            str(year.respondents),
            *(
                escape(team_phase(model, year, a)) if year.shown else "te weinig"
                for a, _ in aspects
            ),
        ]
        for school in trend.schools
        for year in school.years
    ]
    headers = ["School", "Schooljaar", "Respondenten", *(escape(name) for _, name in aspects)]
    return document(
        [
            heading(1, f"Trend: {len(trend.schools)} scholen"),
            paragraph("Per school en schooljaar de teamfase per aspect."),
            table(headers, rows, align="llr") if rows else paragraph("Geen scans van een school."),
            paragraph(explanation(trend)),
            paragraph(unplaced_note(trend)),
        ]
    )

"""Markdown for a board overview: per aspect each school's phase distribution, beside everyone."""

from __future__ import annotations

from werkwijzer.core.model import PHASE_IDS, Model
from werkwijzer.core.team import TeamResult
from werkwijzer.render.board_text import HEADING, INTRO, fold_notes, school_rows
from werkwijzer.render.markdown import bullets, escape, heading, paragraph, strong, table
from werkwijzer.render.team_text import phase_name


def school_blocks(model: Model, team: TeamResult) -> list[str]:
    """The schools side by side; nothing when the report covers one school."""
    if not team.schools_apart:
        return []
    headers = [
        "Groep",
        *(escape(model.phase(p).name) for p in PHASE_IDS),
        "Geen fase",
        "Fase",
    ]
    blocks = [heading(2, HEADING), paragraph(INTRO)]
    for aspect in team.aspects:
        rows = []
        for row in school_rows(model, team, aspect):
            shown = "verdeeld" if row.figures.split else phase_name(model, row.figures.phase)
            rows.append(
                [
                    escape(row.label),
                    *(str(row.figures.counts.of(p)) for p in (*PHASE_IDS, None)),
                    strong(shown) if row.figures.split else escape(shown),
                ]
            )
        blocks += [heading(3, escape(aspect.name)), table(headers, rows, align="lrrrrl")]
    notes = fold_notes(model, team)
    if notes:
        blocks.append(bullets([escape(n) for n in notes]))
    return blocks

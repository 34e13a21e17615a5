"""Markdown for compare: a document for the meeting, built from the render/markdown.py blocks."""

from __future__ import annotations

from werkwijzer.core.compare import AspectChange, Comparison
from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.render.compare_text import (
    GROUP_NOTE,
    LEGEND,
    VERDICT_MARKS,
    phase_text,
    points,
    side_text,
)
from werkwijzer.render.context import RenderContext
from werkwijzer.render.markdown import bullets, document, escape, heading, paragraph, table
from werkwijzer.render.text import percent


def comparison_markdown(comparison: Comparison, context: RenderContext) -> str:
    model = context.model
    tally = comparison.tally()
    return document(
        [
            heading(1, "Vergelijking: toen en nu"),
            bullets(
                [
                    f"**Toen:** {escape(side_text(model, comparison.then))}",
                    f"**Nu:** {escape(side_text(model, comparison.now))}",
                ]
            ),
            table(
                [
                    "Aspect",
                    "Toen",
                    "Nu",
                    *(escape(model.phase(p).name) for p in PHASE_IDS),
                    "Oordeel",
                ],
                [_row(model, aspect) for aspect in comparison.aspects],
            ),
            paragraph(" · ".join(f"{VERDICT_MARKS[v]}: {n}" for v, n in tally.items() if n)),
            paragraph(LEGEND),
            paragraph(GROUP_NOTE) if comparison.group else "",
        ]
    )


def _row(model: Model, aspect: AspectChange) -> list[str]:
    return [
        escape(aspect.name),
        escape(phase_text(model, aspect.then.phase if aspect.then else None)),
        escape(phase_text(model, aspect.now.phase if aspect.now else None)),
        *(escape(_change(aspect, p)) for p in PHASE_IDS),
        escape(VERDICT_MARKS[aspect.verdict]),
    ]


def _change(aspect: AspectChange, phase: PhaseId) -> str:
    """'40% → 67% (+27)': both scores and the change, readable without the table's header."""
    before = aspect.then.scores.get(phase) if aspect.then else None
    after = aspect.now.scores.get(phase) if aspect.now else None
    change = aspect.changes.get(phase)
    if change is None:
        return f"{percent(before)} → {percent(after)}"
    return f"{percent(before)} → {percent(after)} ({points(change)})"

"""Markdown for compare: a document for the meeting, built from the render/markdown.py blocks."""

from __future__ import annotations

from werkwijzer.core.compare import AspectChange, Comparison
from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.render.compare_text import (
    GROUP_NOTE,
    LEGEND,
    TALLY_NAMES,
    VERDICT_MARKS,
    board_note,
    count_change,
    phase_text,
    points,
    shift_text,
    side_text,
    title,
    when,
)
from werkwijzer.render.context import RenderContext
from werkwijzer.render.markdown import bullets, document, escape, heading, paragraph, table
from werkwijzer.render.plan_markdown import review_blocks
from werkwijzer.render.text import percent

PHASES_AND_NONE: tuple[PhaseId | None, ...] = (*PHASE_IDS, None)


def comparison_markdown(comparison: Comparison, context: RenderContext) -> str:
    model = context.model
    tally = comparison.tally()
    then, now = comparison.then, comparison.now
    blocks = [
        heading(1, title(comparison)),
        bullets(
            [
                f"**Toen** ({escape(when(then))}): {escape(side_text(model, then))}",
                f"**Nu** ({escape(when(now))}): {escape(side_text(model, now))}",
            ]
        ),
        paragraph(board_note(comparison)),
        heading(2, "Per aspect: hoeveel respondenten in elke fase, toen → nu"),
        table(
            [
                "Aspect",
                *(escape(phase_text(model, p) if p else "Geen fase") for p in PHASES_AND_NONE),
                "Middelste fase",
                "Verschil in fasen",
                "Oordeel",
            ],
            [_row(model, aspect) for aspect in comparison.aspects],
            align="lrrrrlrl",
        ),
        paragraph(" · ".join(f"{TALLY_NAMES[v]}: {n}" for v, n in tally.items() if n)),
        paragraph(LEGEND),
        paragraph(GROUP_NOTE) if comparison.group else "",
        heading(2, "Gemiddelde score per fase, toen → nu"),
        table(
            ["Aspect", *(escape(model.phase(p).name) for p in PHASE_IDS)],
            [
                [escape(a.name), *(escape(_score_change(a, p)) for p in PHASE_IDS)]
                for a in comparison.aspects
            ],
        ),
        paragraph(
            "Verschil in procentpunten, van de afgeronde scores. Een fase is beheerst vanaf "
            f"{round(model.threshold * 100)}%."
        ),
    ]
    if comparison.plan_review is not None:
        blocks += review_blocks(model, comparison.plan_review)
    return document(blocks)


def _row(model: Model, aspect: AspectChange) -> list[str]:
    then_phase = phase_text(model, aspect.then.phase if aspect.then else None)
    now_phase = phase_text(model, aspect.now.phase if aspect.now else None)
    return [
        escape(aspect.name),
        *(escape(count_change(aspect.then, aspect.now, p)) for p in PHASES_AND_NONE),
        escape(f"{then_phase} → {now_phase}"),
        escape(shift_text(aspect)),
        escape(VERDICT_MARKS[aspect.verdict]),
    ]


def _score_change(aspect: AspectChange, phase: PhaseId) -> str:
    """'40% → 67% (+27)': both scores and the change, readable without the table's header."""
    before = aspect.then.scores.get(phase) if aspect.then else None
    after = aspect.now.scores.get(phase) if aspect.now else None
    change = points(before, after)
    return f"{percent(before)} → {percent(after)}" + (f" ({change})" if change != "–" else "")

"""`score --explain --markdown`: the explained score as a document, by the rules of the reports."""

from __future__ import annotations

from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.result import Explained
from werkwijzer.render.context import RenderContext
from werkwijzer.render.explain_text import conclusion, holding, later_warning, walk
from werkwijzer.render.markdown import bullets, document, escape, heading, paragraph, table
from werkwijzer.render.text import dutch_date, reached_rule


def explained_markdown(explained: Explained, context: RenderContext) -> str:
    model, result = context.model, explained.result
    layer = model.layer(result.layer).name
    details = [result.school, layer, result.respondent, dutch_date(result.date)]
    blocks = [
        heading(1, context.title or f"Zo komt je uitslag tot stand: {layer}"),
        paragraph(" · ".join(d for d in details if d)),
        paragraph(reached_rule(model)),
    ]
    for aspect in result.aspects:
        rows = [
            [
                escape(s.phase),
                escape(s.score),
                escape(s.verdict + (" (hier sta je)" if s.here else "")),
            ]
            for s in walk(model, aspect)
        ]
        blocks += [
            heading(2, aspect.name),
            table(["Fase", "Score", "Drempel"], rows),
            paragraph(conclusion(model, aspect)),
            bullets(
                f"{escape(h.text)} (jouw antwoord: {escape(h.answer)})"
                for h in holding(model, aspect, explained.answers)
            ),
        ]
        warning = later_warning(model, aspect)
        if warning:
            blocks.append(paragraph(warning))
    return document(blocks)


def explained_json(explained: Explained, _context: RenderContext) -> object:
    """The result itself: held_back_by, reached and higher_later_phase carry the explanation."""
    return to_jsonable(explained.result)

"""Markdown for the look-up commands: text to paste into a document, by the rules of the reports."""

from __future__ import annotations

from werkwijzer.core.lookup import (
    AspectsView,
    AspectView,
    InstrumentsView,
    InstrumentView,
    Selection,
    instruments_of,
    selection_actions,
)
from werkwijzer.core.model import Action, Aspect, Instrument, Model
from werkwijzer.render import inspection_text
from werkwijzer.render.context import RenderContext
from werkwijzer.render.markdown import (
    bullets,
    document,
    escape,
    heading,
    numbered,
    paragraph,
    paragraphs,
    table,
)


def aspects_markdown(_view: AspectsView, context: RenderContext) -> str:
    model = context.model
    return document(
        [
            heading(1, "Aspecten"),
            table(
                ["Aspect", "Id", "Waar gaat het over?"],
                [[escape(a.name), _code(a.id), escape(a.description)] for a in model.aspects],
            ),
            heading(2, "Lagen"),
            table(
                ["Laag", "Id", "Wie"],
                [[escape(x.name), _code(x.id), escape(x.description)] for x in model.layers],
            ),
            heading(2, "Fasen"),
            table(
                ["Fase", "Id", "Wat zie je?"],
                [[escape(p.name), _code(p.id), escape(p.description)] for p in model.phases],
            ),
            _footer(model),
        ]
    )


def aspect_markdown(view: AspectView, context: RenderContext) -> str:
    model, aspect = context.model, view.aspect
    return document(
        [
            heading(1, aspect.name),
            paragraph(aspect.description),
            heading(2, "Achtergrond"),
            paragraphs(aspect.background),
            *_inspection(model, aspect),
            heading(2, "Bronnen"),
            bullets(escape(r) for r in aspect.references),
            heading(2, "Vragen voor het gesprek"),
            numbered(escape(q) for q in aspect.discussion_questions),
            _footer(model),
        ]
    )


def selection_markdown(selection: Selection, context: RenderContext) -> str:
    model = context.model
    fixed = [selection.aspect.name] + [x.name for x in (selection.layer, selection.phase) if x]
    blocks = [heading(1, " · ".join(fixed))]
    shown_layer = None
    for view in selection.cells:
        if selection.layer is None and view.layer != shown_layer:
            blocks.append(heading(2, view.layer.name))
            shown_layer = view.layer
        if selection.phase is None:
            blocks.append(heading(2 if selection.layer else 3, view.phase.name))
        blocks.append(paragraph(view.cell.description))
        if view.cell.actions:
            blocks.append(_actions_table(model, view.cell.actions))
        else:
            blocks.append(paragraph("Voor deze fase staan nog geen acties in het model."))
    used = instruments_of(model, selection_actions(selection))
    if used:
        blocks += [heading(2, "Instrumenten"), _instruments_table(used)]
    blocks.append(_footer(model))
    return document(blocks)


def instruments_markdown(_view: InstrumentsView, context: RenderContext) -> str:
    model = context.model
    return document(
        [heading(1, "Instrumenten"), _instruments_table(model.instruments), _footer(model)]
    )


def instrument_markdown(view: InstrumentView, context: RenderContext) -> str:
    model, instrument, uses = context.model, view.instrument, view.uses
    blocks = [
        heading(1, instrument.name),
        heading(2, "Wat is het?"),
        paragraph(instrument.what),
        heading(2, "Wanneer helpt het?"),
        paragraph(instrument.when),
    ]
    if instrument.reference:
        blocks += [heading(2, "Bron"), paragraph(instrument.reference)]
    blocks.append(heading(2, "Gebruikt in deze acties"))
    if uses:
        blocks.append(
            table(
                ["Aspect", "Laag", "Fase", "Actie", "Inspanning"],
                [
                    [
                        escape(u.aspect.name),
                        escape(u.layer.name),
                        escape(u.phase.name),
                        escape(u.action.title),
                        escape(u.action.effort),
                    ]
                    for u in uses
                ],
            )
        )
    else:
        blocks.append(paragraph("Geen enkele actie in het model gebruikt dit instrument."))
    blocks.append(_footer(model))
    return document(blocks)


def _inspection(model: Model, aspect: Aspect) -> list[str]:
    """The standards as a table: code, name and whom it is about; nothing if none."""
    if not aspect.inspection_standards:
        return []
    rows = [
        [escape(s.code), escape(s.name), escape(s.level)]
        for _, standards in inspection_text.by_level(aspect)
        for s in standards
    ]
    return [
        heading(2, inspection_text.HEADING),
        paragraph(inspection_text.intro(model.inspection_framework)),
        table(["Code", "Standaard", "Niveau"], rows),
    ]


def _actions_table(model: Model, actions: list[Action]) -> str:
    return table(
        ["Actie", "Inspanning", "Wat je doet", "Instrumenten"],
        [
            [
                escape(a.title),
                escape(a.effort),
                escape(a.description),
                escape(", ".join(model.instrument(i).name for i in a.instruments)),
            ]
            for a in actions
        ],
    )


def _instruments_table(instruments: list[Instrument]) -> str:
    return table(
        ["Instrument", "Wat is het?", "Wanneer helpt het?"],
        [[escape(i.name), escape(i.what), escape(i.when)] for i in instruments],
    )


def _code(text: str) -> str:
    """An id as inline code; ids match [a-z0-9._-], so no backtick can break out."""
    return f"`{text}`"


def _footer(model: Model) -> str:
    return paragraph(f"{model.title}, model {model.version}.")

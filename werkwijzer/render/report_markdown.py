"""The markdown report of one respondent (the team report is in team_markdown.py).

Every piece of free text goes through render.markdown (escaped, one line), so a school name can
break neither a table nor the page. No paths: the individual report names its file by base name
only; the team report names no files (and no people) at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.core.result import ActionOut, AspectResult, Result
from werkwijzer.render.context import RenderContext
from werkwijzer.render.markdown import (
    bullets,
    document,
    escape,
    heading,
    numbered,
    paragraph,
    strong,
    table,
)
from werkwijzer.render.notes_markdown import individual_notes
from werkwijzer.render.text import bar, dutch_date, percent, reached_rule

BAR_WIDTH = 8


# --- shared pieces -------------------------------------------------------------------------------


def _score_cell(score: float | None) -> str:
    return f"{bar(score, BAR_WIDTH)} {percent(score)}"


def _phase_name(model: Model, phase: PhaseId | None, none: str = "geen fase") -> str:
    return none if phase is None else escape(model.phase(phase).name)


def _layer(model: Model, layer: LayerId) -> str:
    return escape(model.layer(layer).name)


def _phase_lower(model: Model, phase: PhaseId) -> str:
    return escape(model.phase(phase).name.lower())


def _number(value: float, places: int) -> str:
    return f"{value:.{places}f}".replace(".", ",")


def _threshold_note(model: Model) -> str:
    return paragraph(f"{reached_rule(model)} Een rij puntjes: te weinig uitspraken beantwoord.")


def _actions(actions: Sequence[ActionOut]) -> str:
    blocks = []
    for n, action in enumerate(actions, 1):
        tools = ", ".join(escape(i.name) for i in action.instruments)
        blocks.append(
            f"{n}. {strong(action.title)} (inspanning: {escape(action.effort)})\n\n"
            f"   {escape(action.description)}\n\n"
            f"   Instrumenten: {tools}"
        )
    return "\n\n".join(blocks)


def _instruments(model: Model, actions: Iterable[ActionOut], *, when: bool = True) -> str:
    used = dict.fromkeys(ref.id for action in actions for ref in action.instruments)
    lines = []
    for instrument_id in used:
        instrument = model.instrument(instrument_id)
        line = f"{strong(instrument.name)}: {escape(instrument.what)}"
        lines.append(line + (f" Wanneer: {escape(instrument.when)}" if when else ""))
    return bullets(lines)


def _header_line(parts: Iterable[str | None]) -> str:
    return " · ".join(escape(p) for p in parts if p)


# --- one respondent ------------------------------------------------------------------------------


def individual_markdown(result: Result, context: RenderContext) -> str:
    """One respondent's report; `context.source` is the file's base name (never a path), and
    `context.notes` the respondent's own notes."""
    model, source, title, notes = context.model, context.source, context.title, context.notes
    layer = model.layer(result.layer).name
    blocks = [
        heading(1, title or f"Quickscan werkwijzer: {layer}"),
        _header_line([result.school, layer, result.respondent, dutch_date(result.date)])
        or escape(layer),
        _header_line([f"Model {result.model_version}", f"bestand {source}" if source else None]),
        heading(2, "Fase per aspect"),
        _individual_table(model, result.aspects),
        _threshold_note(model),
        *_individual_start(model, result),
        *individual_notes(model, result.layer, notes or {}),
    ]
    return document(blocks)


def _individual_table(model: Model, aspects: Sequence[AspectResult]) -> str:
    rows = []
    for aspect in aspects:
        phase = _phase_name(model, aspect.phase, "te weinig antwoorden")
        if aspect.mastered_all:
            phase += " (alles bereikt)"
        rows.append(
            [escape(aspect.name), phase, *(_score_cell(aspect.scores[p]) for p in PHASE_IDS)]
        )
    headers = ["Aspect", "Fase", *(escape(model.phase(p).name) for p in PHASE_IDS)]
    return table(headers, rows)


def _individual_start(model: Model, result: Result) -> list[str]:
    blocks = [heading(2, "Waar begin je?")]
    if result.start is None:
        blocks.append(
            paragraph(
                "Er zijn te weinig antwoorden om een startpunt te kiezen. Beantwoord per fase "
                "minstens de helft van de uitspraken; 'weet ik niet' telt daarbij niet mee."
            )
        )
        return blocks
    aspect = model.aspect(result.start.aspect)
    phase = model.phase(result.start.phase)
    actions = result.aspect(aspect.id).actions
    blocks += [
        f"Begin bij {strong(aspect.name)}, in de {strong(phase.name.lower())}.",
        paragraph(aspect.cell(result.layer, phase.id).description),
    ]
    if actions:
        blocks += [
            heading(3, "Wat kun je doen?"),
            _actions(actions),
            heading(3, "Instrumenten"),
            _instruments(model, actions),
        ]
    blocks += [
        heading(2, f"Gespreksvragen bij {aspect.name}"),
        numbered(escape(q) for q in aspect.discussion_questions),
    ]
    return blocks

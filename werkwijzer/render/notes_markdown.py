"""Notes (toelichtingen) in markdown: a respondent's own in their report, a team's with --notes."""

from __future__ import annotations

from collections.abc import Mapping

from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.team_notes import TeamNotes
from werkwijzer.render.markdown import bullets, escape, heading, paragraph, strong


def individual_notes(model: Model, layer: LayerId, notes: Mapping[str, str]) -> list[str]:
    """'Je toelichtingen': per statement with a note, the statement and the note."""
    lines = [
        f"{strong(p.item.text)} ({escape(p.aspect.name)}, {escape(model.phase(p.phase).name.lower())}): "
        f"{escape(notes[p.item.id])}"
        for p in model.items_for(layer)
        if p.item.id in notes
    ]
    return [heading(2, "Je toelichtingen"), bullets(lines)] if lines else []


def team_notes_markdown(model: Model, found: TeamNotes) -> str:
    """The notes of the layers shown, per statement, quoted as written and without names."""
    blocks = [
        heading(2, "Toelichtingen"),
        paragraph(
            "Zoals de respondenten ze schreven, per uitspraak op alfabet, zonder namen. Een "
            "toelichting kan toch laten zien wie haar schreef: deel dit deel van het rapport met zorg."
        ),
    ]
    if not found.statements:
        blocks.append(paragraph("Er zijn geen toelichtingen om hier te tonen."))
    for statement in found.statements:
        where = (
            f"{model.aspect(statement.aspect).name}, {model.layer(statement.layer).name.lower()}, "
            f"{model.phase(statement.phase).name.lower()}"
        )
        blocks += [
            f"{strong(statement.text)} ({escape(where)})",
            bullets(f"“{escape(note)}”" for note in statement.notes),
        ]
    if found.left_out:
        blocks.append(
            paragraph(
                f"{found.left_out} {'toelichting staat' if found.left_out == 1 else 'toelichtingen staan'} "
                "niet in dit rapport: ze komen uit een laag die niet apart getoond wordt, en zouden "
                "dan te herleiden zijn tot een klein aantal mensen."
            )
        )
    return "\n\n".join(blocks) + "\n"

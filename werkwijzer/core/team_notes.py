"""The notes (toelichtingen) of a team, for `export --notes`: quoted per statement, never per person.

A note is the respondent's own words, so it can give its writer away. What keeps the link to a
person out: notes are grouped by statement and sorted by their text (not by file or respondent),
carry no name, file or date, and come only from layers shown as a group in the team report: a
statement belongs to one layer, so a note of a folded (small) layer would say who wrote it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from werkwijzer.core.model import LayerId, Model, PhaseId
from werkwijzer.core.team import Respondent


@dataclass(frozen=True)
class StatementNotes:
    item: str
    text: str
    aspect: str
    layer: LayerId
    phase: PhaseId
    notes: list[str]  # sorted by text, case ignored


@dataclass(frozen=True)
class TeamNotes:
    statements: list[StatementNotes]  # in scan order, only statements with notes
    left_out: int  # notes of layers that are not shown as a group


def team_notes(
    model: Model, respondents: Sequence[Respondent], shown: Collection[LayerId]
) -> TeamNotes:
    found: dict[str, list[str]] = {}
    left_out = 0
    for respondent in respondents:
        if respondent.answers.layer not in shown:
            left_out += len(respondent.answers.notes)
            continue
        for item_id, note in respondent.answers.notes.items():
            found.setdefault(item_id, []).append(note)
    statements = [
        StatementNotes(
            item=place.item.id,
            text=place.item.text,
            aspect=place.aspect.id,
            layer=place.layer,
            phase=place.phase,
            notes=sorted(found[place.item.id], key=lambda n: (n.casefold(), n)),
        )
        for layer in model.layers
        if layer.id in shown
        for place in model.items_for(layer.id)
        if place.item.id in found
    ]
    return TeamNotes(statements, left_out)

"""The words of a board overview (schools side by side), shared by every format of the team report."""

from __future__ import annotations

from dataclasses import dataclass

from werkwijzer.core.model import Model
from werkwijzer.core.team import (
    BOARD_LAYER,
    LEADERSHIP,
    GroupResult,
    SchoolGroup,
    TeamAspect,
    TeamResult,
)
from werkwijzer.render.team_text import group_label, short_label

HEADING = "De scholen naast elkaar"
NO_SCHOOL = "Zonder schoolnaam"
INTRO = (
    "Per aspect hoeveel mensen van elke school in elke fase staan, naast allen samen. Een school "
    "telt hier zonder de bestuurders: die antwoorden voor alle scholen van het bestuur."
)


@dataclass(frozen=True)
class SchoolRow:
    """One line of the overview of an aspect: a label and the figures of that group."""

    label: str
    short: str  # for a chart's narrow label column
    figures: GroupResult


def school_name(group: SchoolGroup) -> str:
    return group.school or NO_SCHOOL


def school_rows(model: Model, team: TeamResult, aspect: TeamAspect) -> list[SchoolRow]:
    """Allen, the board layer when it is shown apart, then every shown school."""
    rows = [
        SchoolRow(group_label(model, None, aspect.everyone.respondents), "Allen", aspect.everyone)
    ]
    rows += [
        SchoolRow(group_label(model, g.group, g.respondents), short_label(model, g.group), g)
        for g in aspect.groups
        if g.group in (BOARD_LAYER, LEADERSHIP)
    ]
    for school in team.schools_apart:
        if school.shown:
            figures = school.aspects[aspect.id]
            name = school_name(school)
            rows.append(SchoolRow(f"{name} ({figures.respondents})", name, figures))
    return rows


def fold_notes(model: Model, team: TeamResult) -> list[str]:
    """Why a school, or the board layer, is not shown apart."""
    notes = []
    for school in team.schools_apart:
        if school.shown:
            continue
        reason = (
            f"met minder dan {team.min_group} respondenten zijn antwoorden tot personen te "
            "herleiden"
            if school.folded == "small_group"
            else "anders is uit de cijfers van allen terug te rekenen wat een kleine groep "
            "antwoordde"
        )
        notes.append(
            f"{school_name(school)} ({school.respondents}) telt mee bij allen, maar staat niet "
            f"apart: {reason}."
        )
    board = next((c for c in team.layers if c.layer == BOARD_LAYER), None)
    if board is not None and board.group is None:
        who = "De bestuurder staat" if board.respondents == 1 else "De bestuurders staan"
        notes.append(
            f"{who} niet apart: met minder dan {team.min_group} bestuurders zijn antwoorden tot "
            "personen te herleiden."
        )
    return notes

"""Markdown for a board overview: per aspect each school's phase distribution, with the board layer."""

from __future__ import annotations

from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.team import BOARD_LAYER, GroupResult, TeamResult
from werkwijzer.render.markdown import bullets, escape, heading, paragraph, table

PHASES_AND_NONE: tuple[PhaseId | None, ...] = (*PHASE_IDS, None)
NO_SCHOOL = "Zonder schoolnaam"


def school_blocks(model: Model, team: TeamResult) -> list[str]:
    """The schools side by side; nothing when the report covers one school."""
    if not team.per_school:
        return []
    shown = [g for g in team.per_school if g.shown]
    board_shown = BOARD_LAYER in team.shown_layers()
    blocks = [
        heading(2, "Scholen naast elkaar"),
        paragraph(
            "Per aspect hoeveel respondenten van elke school in elke fase staan, naast het hele "
            "bestuur (allen) en de laag bestuurder. Een school telt hier zonder de bestuurders: "
            "die antwoorden voor alle scholen samen."
        ),
    ]
    headers = [
        "Groep",
        *(escape(model.phase(p).name) if p else "Geen fase" for p in PHASES_AND_NONE),
        "Middelste fase",
    ]
    for aspect in team.aspects:
        rows = [_row(model, "Allen", aspect.everyone)]
        rows += [
            _row(model, model.layer(g.layer).name, g)
            for g in aspect.layers
            if g.layer == BOARD_LAYER
        ]
        rows += [_row(model, g.school or NO_SCHOOL, g.aspects[aspect.id]) for g in shown]
        blocks += [heading(3, aspect.name), table(headers, rows, align="lrrrrl")]
    notes = [
        f"{escape(g.school or NO_SCHOOL)} ({g.respondents}): telt mee in het totaal, maar staat "
        "niet apart"
        + (
            f", want met minder dan {team.min_group} respondenten zijn antwoorden tot personen te "
            "herleiden."
            if g.folded == "small_group"
            else ", want anders is uit het totaal terug te rekenen wat een kleine groep antwoordde."
        )
        for g in team.per_school
        if not g.shown
    ]
    if not board_shown and any(c.layer == BOARD_LAYER for c in team.layers):
        notes.append(
            "De laag bestuurder staat niet apart: met minder dan "
            f"{team.min_group} bestuurders zijn hun antwoorden tot personen te herleiden."
        )
    if notes:
        blocks.append(bullets(notes))
    return blocks


def _row(model: Model, name: str, group: GroupResult) -> list[str]:
    phase = model.phase(group.phase).name if group.phase else "geen fase"
    return [
        f"{escape(name)} ({group.respondents})",
        *(str(group.counts.of(p)) for p in PHASES_AND_NONE),
        escape(phase),
    ]

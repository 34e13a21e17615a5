"""The Dutch sentences of the team report, shared by markdown, HTML and xlsx so they say the same.

Plain text only: each format escapes it in its own way (markdown escapes, jinja2 autoescapes).
"""

from __future__ import annotations

from collections.abc import Sequence

from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.team import GroupId, GroupResult, LayerCount, PhaseCounts, TeamResult
from werkwijzer.core.team_questions import group_name
from werkwijzer.render.text import reached_rule

TITLE = "Teamrapport werkwijzer-quickscan"
BOARD_TITLE = "Bestuursoverzicht werkwijzer-quickscan"
LEADERSHIP_LABEL = "zelfbeoordeling van de leiding"

SECTIONS = {
    "who": "Wie deden mee",
    "where": "Waar het team staat",
    "differences": "Waar jullie het verschillend zien",
    "statements": "Uitspraken met de meeste spreiding",
    "questions": "Gespreksvragen",
    "start": "Waar beginnen we?",
    "appendix": "Bijlage",
}


def group_label(model: Model, group: GroupId | None, respondents: int | None = None) -> str:
    """'Allen (17)', 'Leraar (14)', 'Leiding, zelfbeoordeling (3)'."""
    if group is None:
        name = "Allen"
    elif group == "leiding":
        name = "Leiding, zelfbeoordeling"
    else:
        name = model.layer(group).name
    return name if respondents is None else f"{name} ({respondents})"


def short_label(model: Model, group: GroupId | None) -> str:
    """For a label inside a chart: 'Leiding', 'Leraar', 'Allen'."""
    return "Leiding" if group == "leiding" else group_label(model, group)


def row_label(model: Model, row: GroupResult) -> str:
    return group_label(model, row.group, row.respondents)


def phase_name(model: Model, phase: PhaseId | None) -> str:
    return "geen fase" if phase is None else model.phase(phase).name


def phase_lower(model: Model, phase: PhaseId) -> str:
    return model.phase(phase).name.lower()


def row_phase(model: Model, row: GroupResult) -> str:
    """The phase to print for a group: 'verdeeld' for a split group, never its empty median."""
    return "verdeeld" if row.split else phase_name(model, row.phase)


def in_report(model: Model, count: LayerCount) -> str:
    if not count.counted:
        return "niet in dit rapport"
    if count.group is None:
        return "alleen in het totaal"
    if count.group == "leiding":
        return "als leiding (zelfbeoordeling)"
    return "apart getoond"


def distribution(model: Model, counts: PhaseCounts) -> str:
    """'6 in de beginfase, 2 in de tussenfase, 6 in de gevorderde fase'."""
    parts = [f"{counts.of(p)} in de {phase_lower(model, p)}" for p in PHASE_IDS]
    if counts.none:
        parts.append(f"{counts.none} zonder fase")
    return ", ".join(parts)


def threshold_text(model: Model) -> str:
    return (
        f"Wanneer is een fase bereikt? {reached_rule(model)} Wie alle drie bereikt, staat in de "
        "gevorderde fase. Geen fase: te weinig uitspraken beantwoord."
    )


def privacy_texts(model: Model, team: TeamResult) -> list[str]:
    """What the reader must know about who is (not) in the figures, and why."""
    texts = [
        f"Namen staan niet in dit rapport, en geen enkel cijfer gaat over minder dan "
        f"{team.min_group} mensen: ook niet als je cijfers van elkaar aftrekt."
    ]
    left = team.left_out()
    if left:
        names = _layer_names(model, left)
        total = sum(c.respondents for c in left)
        texts.append(
            f"De antwoorden van {names} ({total} {'persoon' if total == 1 else 'mensen'}) staan "
            f"niet in dit rapport: samen zijn ze minder dan {team.min_group}, en dan zijn hun "
            "antwoorden te herleiden door het team af te trekken van het totaal."
            + (_leadership_hint(team) if not team.show_leadership else "")
        )
    total_only = [c for c in team.layers if c.counted and c.group is None]
    if total_only:
        texts.append(
            f"{_capital(_layer_names(model, total_only))} tellen mee in ‘Allen’, maar staan niet "
            f"apart: een groep kleiner dan {team.min_group} wordt niet apart getoond."
        )
    agreed = [g for g in team.groups if g.agreed]
    if agreed:
        texts.append(
            f"De leiding (bestuurder en schoolleiders samen, {agreed[0].respondents} mensen) staat "
            "apart, omdat de leiding daarmee instemde. Het is een zelfbeoordeling van de leiding, "
            "naast het beeld van het team. Hun antwoorden staan nergens per uitspraak of per persoon."
        )
    return texts


def _leadership_hint(team: TeamResult) -> str:
    leaders = [c for c in team.left_out() if c.layer in ("bestuurder", "schoolleider")]
    if not leaders:
        return ""
    return (
        " Willen de leiders hun eigen beeld naast dat van het team zetten, en vinden ze dat goed, "
        "maak het rapport dan met --show-leadership."
    )


def _layer_names(model: Model, counts: Sequence[LayerCount]) -> str:
    names = [model.layer(c.layer).name.lower() for c in counts]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    return f"de laag {joined}" if len(names) == 1 else f"de lagen {joined}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def split_text(model: Model, group: GroupId | None, counts: PhaseCounts) -> str:
    who = "het team" if group is None else group_name(model, group)
    return f"{who} is verdeeld: {distribution(model, counts)}"


def gap_text(
    model: Model,
    high: GroupId,
    high_phase: PhaseId,
    low: GroupId,
    low_phase: PhaseId,
    distance: int,
) -> str:
    return (
        f"{group_name(model, high)} ziet vooral de {phase_lower(model, high_phase)}, "
        f"{group_name(model, low)} de {phase_lower(model, low_phase)} "
        f"({distance} {'fase' if distance == 1 else 'fasen'} verschil)"
    )


def rules(model: Model, team: TeamResult) -> list[str]:
    """How the figures are made, for the appendix."""
    return [
        "Fase van een groep: de middelste fase van wie een fase heeft (bij een even aantal de "
        "laagste van de twee middelste).",
        "Verdeeld: in de beginfase én in de gevorderde fase staat elk minstens een kwart van de "
        "groep, en in de tussenfase minder dan in elk van die twee. De middelste fase zegt dan "
        "weinig: bijna niemand staat er. Het rapport geeft dan de verdeling.",
        "Gemiddelde score: het gemiddelde van de precieze scores van wie genoeg uitspraken van die "
        "fase beantwoordde, pas aan het eind afgerond.",
        "Spreiding: de standaardafwijking van de antwoorden 1 tot 4 op één uitspraak; alleen "
        f"uitspraken met minstens {team.differences.min_answers} antwoorden. ‘Weet ik niet’ telt "
        "daarbij niet mee; het wordt apart geteld.",
        "Startpunt: het aspect met de laagste fase van het team; bij gelijke fase het aspect met "
        "de laagste gemiddelde score in die fase.",
    ]


def briefly(team: TeamResult, layer: str) -> bool:
    """The leadership's own actions get their titles only, after the team's (all of it with
    --full): the report is for the team's meeting."""
    return any(g.agreed and layer in g.layers for g in team.groups)


def start_reason(model: Model, team: TeamResult) -> str:
    text = (
        "Dat is het aspect met de laagste fase van het team; staan er meer in die fase, dan het "
        "aspect met de laagste gemiddelde score in die fase."
    )
    if team.start is not None and team.start.split:
        text += " Het team is over dit aspect verdeeld: begin met het gesprek daarover."
    return text


def missing_text(row: GroupResult) -> str:
    """'6 keer weet ik niet, 15 niet beantwoord (van 126)', or 'alles beantwoord'."""
    if not row.unknown and not row.unanswered:
        return f"alle {row.statements} antwoorden gegeven"
    return (
        f"{row.unknown} keer ‘weet ik niet’, {row.unanswered} niet beantwoord "
        f"(van {row.statements})"
    )


def one_group_text(team: TeamResult) -> str | None:
    """Why groups cannot be compared, when they cannot."""
    if len(team.groups) >= 2:
        return None
    if any(c.layer in ("bestuurder", "schoolleider") and not c.counted for c in team.layers):
        return (
            "De leiding staat niet in dit rapport (zie ‘Wie deden mee’), dus wat leiding en team "
            "verschillend zien, is hier niet te lezen."
        )
    return "Er staat maar één groep apart in dit rapport; groepen zijn hier niet te vergelijken."


def report_title(team: TeamResult) -> str:
    """The title given, else the team report's own; a board overview says it is one."""
    return team.title or (BOARD_TITLE if team.schools_apart else TITLE)

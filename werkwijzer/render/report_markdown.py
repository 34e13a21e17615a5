"""Markdown reports to bring to a meeting: one respondent's report, and the team report.

Every piece of free text goes through render.markdown (escaped, one line), so a school name can
break neither a table nor the page. No paths: the individual report names its file by base name
only; the team report names no files (and no people) at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.core.result import ActionOut, AspectResult, Result
from werkwijzer.core.team import (
    Discussion,
    GroupResult,
    LayerCount,
    Reason,
    TeamAspect,
    TeamResult,
    school_key,
)
from werkwijzer.render.board_markdown import school_blocks
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
from werkwijzer.render.plan_markdown import jaarplan_blocks, review_blocks
from werkwijzer.render.text import bar, dutch_date, percent

BAR_WIDTH = 8
REASONS: dict[Reason, str] = {
    "start": "het startpunt",
    "layers_differ": "de lagen zien het verschillend",
    "layer_spread": "een laag is verdeeld over alle fasen",
}


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
    return paragraph(
        f"Een fase is beheerst vanaf {round(model.threshold * 100)}%. Je staat in de eerste fase "
        "die nog niet beheerst is. Een rij puntjes: te weinig uitspraken beantwoord."
    )


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
    """One respondent's report; `context.source` is the file's base name (never a path)."""
    model, source, title = context.model, context.source, context.title
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
    ]
    return document(blocks)


def _individual_table(model: Model, aspects: Sequence[AspectResult]) -> str:
    rows = []
    for aspect in aspects:
        phase = _phase_name(model, aspect.phase, "te weinig antwoorden")
        if aspect.mastered_all:
            phase += " (alles beheerst)"
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


# --- the team ------------------------------------------------------------------------------------


def team_markdown(team: TeamResult, context: RenderContext) -> str:
    model = context.model
    blocks = [
        heading(1, team.title or "Teamrapport werkwijzer-quickscan"),
        _team_header(team),
        *_who(model, team),
        heading(2, "Overzicht"),
        _overview(model, team),
        paragraph(
            "Teamfase: de middelste fase van iedereen die een fase heeft (bij een even aantal de "
            "laagste van de twee middelste). Geen fase: te weinig uitspraken beantwoord."
        ),
    ]
    blocks += school_blocks(model, team)
    if team.plan_review is not None:
        blocks += review_blocks(model, team.plan_review)
    blocks.append(heading(2, "Per aspect"))
    for aspect in team.aspects:
        blocks += _team_aspect(model, aspect)
    blocks += _differences(model, team)
    blocks += _team_start(model, team)
    blocks += _discussion(team.discussion)
    if team.plan is not None:
        blocks += jaarplan_blocks(model, team.plan)
    return document(blocks)


def _team_header(team: TeamResult) -> str:
    schools = {school_key(s) for s in team.schools}
    boards = [b for b in team.boards if school_key(b) not in schools]
    parts = [
        ", ".join(team.schools) or None,
        f"bestuur: {', '.join(boards)}" if boards else None,
        f"{team.respondents} respondenten",
    ]
    if team.first_date and team.last_date:
        first, last = dutch_date(team.first_date), dutch_date(team.last_date)
        parts.append(
            f"ingevuld op {first}" if first == last else f"ingevuld van {first} tot {last}"
        )
    if team.answer_model_versions != [team.model_version]:
        versions = ", ".join(team.answer_model_versions)
        parts.append(f"antwoorden van model {versions}, berekend met model {team.model_version}")
    else:
        parts.append(f"model {team.model_version}")
    return _header_line(parts)


def _who(model: Model, team: TeamResult) -> list[str]:
    rows = [
        [escape(model.layer(c.layer).name), str(c.respondents), _fold_label(c)] for c in team.layers
    ]
    rows.append(["Allen", str(team.respondents), "samen"])
    blocks = [
        heading(2, "Wie deden mee"),
        table(["Laag", "Respondenten", "In dit rapport"], rows, align="lrl"),
    ]
    text = "Namen staan niet in dit rapport."
    small = [c for c in team.layers if c.folded == "small_group"]
    back = [c for c in team.layers if c.folded == "back_calculation"]
    if small:
        text += (
            f" {_capital(_names(model, small))} {'telt' if len(small) == 1 else 'tellen'} mee voor het hele "
            f"team, maar {'staat' if len(small) == 1 else 'staan'} niet apart: met minder dan "
            f"{team.min_group} respondenten zijn antwoorden tot personen te herleiden."
        )
    if back:
        text += (
            f" Ook {_names(model, back)} {'staat' if len(back) == 1 else 'staan'} niet apart: "
            "anders is uit het totaal terug te rekenen wat de kleine groep antwoordde."
        )
    blocks.append(paragraph(text))
    if team.respondents < team.min_group:
        blocks.append(
            paragraph(
                f"Let op: dit rapport bevat de antwoorden van {team.respondents} mensen. Wie weet "
                "wie meededen, kan de antwoorden tot personen herleiden. Deel het met zorg."
            )
        )
    return blocks


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _fold_label(count: LayerCount) -> str:
    return "apart getoond" if count.shown else "alleen in het totaal"


def _names(model: Model, counts: Sequence[LayerCount]) -> str:
    names = [model.layer(c.layer).name for c in counts]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
    return f"de laag {joined}" if len(names) == 1 else f"de lagen {joined}"


def _overview(model: Model, team: TeamResult) -> str:
    rows = [
        [
            escape(a.name),
            _phase_name(model, a.phase),
            *(str(a.everyone.counts.of(p)) for p in (*PHASE_IDS, None)),
        ]
        for a in team.aspects
    ]
    headers = ["Aspect", "Teamfase", *(escape(model.phase(p).name) for p in PHASE_IDS), "Geen fase"]
    return table(headers, rows, align="llrrrr")


def _group_name(model: Model, group: GroupResult) -> str:
    name = "Allen" if group.layer is None else model.layer(group.layer).name
    return f"{escape(name)} ({group.respondents})"


def _team_aspect(model: Model, aspect: TeamAspect) -> list[str]:
    groups = [aspect.everyone, *aspect.layers]
    counts = table(
        ["Groep", *(escape(model.phase(p).name) for p in PHASE_IDS), "Geen fase", "Middelste fase"],
        [
            [
                _group_name(model, g),
                *(str(g.counts.of(p)) for p in (*PHASE_IDS, None)),
                _phase_name(model, g.phase),
            ]
            for g in groups
        ],
        align="lrrrrl",
    )
    scores = table(
        ["Groep", *(escape(model.phase(p).name) for p in PHASE_IDS)],
        [[_group_name(model, g), *(_score_cell(g.scores[p]) for p in PHASE_IDS)] for g in groups],
    )
    return [
        heading(3, aspect.name),
        f"Teamfase: {strong(_phase_name(model, aspect.phase))}. Aantal respondenten per fase:",
        counts,
        "Gemiddelde score per fase:",
        scores,
    ]


def _differences(model: Model, team: TeamResult) -> list[str]:
    found = team.differences
    blocks = [
        heading(2, "Verschillen in beeld"),
        paragraph(
            "Waar jullie het verschillend zien, valt het meest te bespreken: niet om te bepalen "
            "wie gelijk heeft, maar om te begrijpen waar het verschil vandaan komt."
        ),
    ]
    points = []
    for aspect in team.aspects:  # per aspect, so that what belongs together stands together
        name = strong(aspect.name)
        for gap in (g for g in found.layer_gaps if g.aspect == aspect.id):
            high, low = gap.higher, gap.lower
            points.append(
                f"{name}: de laag {_layer(model, high.layer)} ziet vooral de "
                f"{_phase_lower(model, high.phase)}, de laag {_layer(model, low.layer)} de "
                f"{_phase_lower(model, low.phase)} "
                f"({gap.distance} {'fase' if gap.distance == 1 else 'fasen'} verschil)."
            )
        for spread in (s for s in found.layer_spreads if s.aspect == aspect.id):
            spread_counts = ", ".join(
                f"{spread.counts.of(p)} in de {_phase_lower(model, p)}" for p in PHASE_IDS
            )
            points.append(
                f"{name}: binnen de laag {_layer(model, spread.layer)} staan respondenten in alle "
                f"drie de fasen ({spread_counts})."
            )
    if points:
        blocks.append(bullets(points))
    elif not team.shown_layers():
        blocks.append(
            paragraph(
                "Er staat geen laag apart in dit rapport, dus verschillen tussen lagen zijn hier "
                "niet te zien."
            )
        )
    elif len(team.shown_layers()) == 1:
        blocks.append(
            paragraph(
                "Er staat maar één laag apart in dit rapport, dus lagen zijn hier niet te "
                "vergelijken; die laag is ook nergens verdeeld over alle drie de fasen."
            )
        )
    else:
        blocks.append(
            paragraph(
                "De getoonde lagen verschillen nergens een hele fase, en geen laag is verdeeld "
                "over alle drie de fasen."
            )
        )
    blocks += [
        heading(3, "Uitspraken waarover jullie het minst eens zijn"),
        *_statements(model, team),
    ]
    return blocks


def _statements(model: Model, team: TeamResult) -> list[str]:
    found = team.differences
    explain = paragraph(
        "Spreiding is de standaardafwijking van de antwoorden (1 tot 4): hoe hoger, hoe verder de "
        f"antwoorden uiteenlopen. Alleen uitspraken met minstens {found.min_answers} antwoorden, "
        "uit lagen die apart getoond worden; 'weet ik niet' telt niet mee."
    )
    if not found.statements:
        return [paragraph("Er zijn geen uitspraken om hier te tonen."), explain]
    labels = [escape(p.label) for p in model.scale.points]
    rows = [
        [
            str(n),
            escape(s.text),
            escape(model.layer(s.layer).name),
            f"{escape(model.aspect(s.aspect).name)}, {escape(model.phase(s.phase).name.lower())}",
            *(str(c) for c in s.counts),
            _number(s.sd, 2),
        ]
        for n, s in enumerate(found.statements, 1)
    ]
    headers = ["#", "Uitspraak", "Laag", "Aspect en fase", *labels, "Spreiding"]
    return [table(headers, rows, align="rlll" + "r" * (len(labels) + 1)), explain]


def _team_start(model: Model, team: TeamResult) -> list[str]:
    blocks = [heading(2, "Waar beginnen we?")]
    start = team.start
    if start is None:
        blocks.append(paragraph("Er zijn te weinig antwoorden om een startpunt te kiezen."))
        return blocks
    aspect = model.aspect(start.aspect)
    phase = model.phase(start.phase)
    blocks.append(
        f"Begin als team bij {strong(aspect.name)}, in de {strong(phase.name.lower())}. "
        + paragraph(
            "Dat is het aspect met de laagste teamfase; staan er meer in die fase, dan het aspect "
            "met de laagste gemiddelde score in die fase."
        )
    )
    for layer in start.layers:
        blocks += [
            heading(3, f"Voor de laag {model.layer(layer.layer).name}"),
            paragraph(layer.description),
        ]
        if layer.actions:
            blocks.append(_actions(layer.actions))
    actions = [a for layer in start.layers for a in layer.actions]
    if actions:
        blocks += [
            heading(3, "Instrumenten bij deze acties"),
            _instruments(model, actions, when=False),
        ]
    return blocks


def _discussion(discussion: Sequence[Discussion]) -> list[str]:
    if not discussion:
        return []
    blocks = [heading(2, "Gespreksvragen")]
    for entry in discussion:
        why = "; ".join(REASONS[r] for r in entry.reasons)
        blocks += [
            heading(3, f"{entry.name} ({why})"),
            numbered(escape(q) for q in entry.questions),
        ]
    return blocks

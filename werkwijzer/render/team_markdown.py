"""The team report in markdown, in the order of the meeting.

Who took part; where the team stands (and, for a board, the schools side by side; with last
year's plan, how far its targets were reached); where people see it differently (splits first);
the statements with the widest spread; discussion questions (tied to findings first); where to
begin (actions of the layers in the report only); this year's plan (the jaarplan); an appendix
(every action with --full).
Every piece of free text goes through render.markdown (escaped, one line).
"""

from __future__ import annotations

from collections.abc import Sequence

from werkwijzer.core.model import PHASE_IDS, LayerId, Model
from werkwijzer.core.result import ActionOut
from werkwijzer.core.team import StatementCounts, TeamResult, school_key
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
from werkwijzer.render.notes_markdown import team_notes_markdown
from werkwijzer.render.plan_markdown import jaarplan_blocks, review_blocks
from werkwijzer.render.team_text import (
    SECTIONS,
    briefly,
    gap_text,
    group_label,
    in_report,
    missing_text,
    one_group_text,
    phase_lower,
    privacy_texts,
    report_title,
    row_label,
    row_phase,
    rules,
    split_text,
    start_reason,
    threshold_text,
)
from werkwijzer.render.text import dutch_date, percent


def team_markdown(team: TeamResult, context: RenderContext) -> str:
    model = context.model
    blocks = [
        heading(1, report_title(team)),
        header_line(team),
        *_who(model, team),
        *_where(model, team),
        *school_blocks(model, team),
        *(review_blocks(model, team.plan_review) if team.plan_review else []),
        *_differences(model, team),
        *_statements(model, team),
        *_questions(model, team),
        *_start(model, team),
        *(jaarplan_blocks(model, team.plan) if team.plan else []),
        *_appendix(model, team, context.full),
    ]
    if context.team_notes is not None:
        blocks.append(team_notes_markdown(model, context.team_notes))
    return document(blocks)


def header_parts(team: TeamResult) -> list[str]:
    """School, board, respondents, dates and model version: the line under the title."""
    schools = {school_key(s) for s in team.schools}
    boards = [b for b in team.boards if school_key(b) not in schools]
    parts = [
        ", ".join(team.schools),
        f"bestuur: {', '.join(boards)}" if boards else "",
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
    return [p for p in parts if p]


def header_line(team: TeamResult) -> str:
    return " · ".join(escape(p) for p in header_parts(team))


def _who(model: Model, team: TeamResult) -> list[str]:
    rows = [
        [escape(model.layer(c.layer).name), str(c.respondents), escape(in_report(model, c))]
        for c in team.layers
    ]
    rows.append(["Allen", str(team.respondents), f"{team.counted} in de cijfers"])
    return [
        heading(2, SECTIONS["who"]),
        table(["Laag", "Respondenten", "In dit rapport"], rows, align="lrl"),
        *(paragraph(text) for text in privacy_texts(model, team)),
    ]


def _where(model: Model, team: TeamResult) -> list[str]:
    headers = [
        "Aspect",
        "Groep",
        *(escape(model.phase(p).name) for p in PHASE_IDS),
        "Geen fase",
        "Fase",
    ]
    rows = []
    for aspect in team.aspects:
        for n, row in enumerate(team.rows(aspect)):
            rows.append(
                [
                    escape(aspect.name) if n == 0 else "",
                    escape(row_label(model, row)),
                    *(str(row.counts.of(p)) for p in (*PHASE_IDS, None)),
                    strong(row_phase(model, row)) if row.split else escape(row_phase(model, row)),
                ]
            )
    blocks = [
        heading(2, SECTIONS["where"]),
        paragraph("Hoeveel mensen in elke fase staan, per aspect:"),
        table(headers, rows, align="llrrrrl"),
        paragraph(
            "Fase: de middelste fase van de groep. Verdeeld: de groep staat vooral in de begin- "
            "én in de gevorderde fase (zie hieronder). " + threshold_text(model)
        ),
    ]
    return blocks + _unknown(model, team)


def _unknown(model: Model, team: TeamResult) -> list[str]:
    lines = []
    for aspect in team.aspects:
        line = f"{strong(aspect.name)}: {escape(missing_text(aspect.everyone))}"
        known = [f"‘{escape(s.text)}’ ({s.unknown} keer)" for s in aspect.unknown_statements]
        if known:
            line += f". Het minst bekend: {'; '.join(known)}"
        lines.append(line + ".")
    return [
        heading(3, "Weet ik niet, en niet beantwoord"),
        bullets(lines),
    ]


def _differences(model: Model, team: TeamResult) -> list[str]:
    found = team.differences
    points = []
    for split in found.splits:
        name = strong(model.aspect(split.aspect).name)
        points.append(f"{name}: {escape(split_text(model, split.group, split.counts))}.")
    for gap in found.group_gaps:
        name = strong(model.aspect(gap.aspect).name)
        text = gap_text(
            model,
            gap.higher.group,
            gap.higher.phase,
            gap.lower.group,
            gap.lower.phase,
            gap.distance,
        )
        points.append(f"{name}: {escape(text)}.")
    blocks = [heading(2, SECTIONS["differences"])]
    if points:
        blocks.append(bullets(points))
    else:
        blocks.append(
            paragraph("Geen groep is verdeeld, en geen twee groepen zien een andere fase.")
        )
    note = one_group_text(team)
    if note:
        blocks.append(paragraph(note))
    return blocks


def _statements(model: Model, team: TeamResult) -> list[str]:
    found = team.differences.statements
    blocks = [heading(2, SECTIONS["statements"])]
    if not found:
        blocks.append(paragraph("Er zijn geen uitspraken om hier te tonen."))
        return blocks
    labels = [escape(p.label) for p in model.scale.points]
    several = len({s.layer for s in found}) > 1
    rows = [
        [
            escape(s.text),
            escape(_where_from(model, s, several)),
            *(str(c) for c in s.counts),
            str(s.unknown),
        ]
        for s in found
    ]
    headers = ["Uitspraak", "Aspect, fase", *labels, "weet ik niet"]
    blocks += [
        table(headers, rows, align="ll" + "r" * (len(labels) + 1)),
        paragraph(
            "Hoeveel mensen elk antwoord gaven, bij de uitspraken waarover de antwoorden het "
            "verst uiteenlopen."
        ),
    ]
    return blocks


def _where_from(model: Model, s: StatementCounts, with_layer: bool) -> str:
    text = f"{model.aspect(s.aspect).name}, {phase_lower(model, s.phase)}"
    return text + f" ({model.layer(s.layer).name})" if with_layer else text


def _questions(model: Model, team: TeamResult) -> list[str]:
    found = [q for q in team.questions if q.kind != "model"]
    general = [q for q in team.questions if q.kind == "model"]
    blocks = [heading(2, SECTIONS["questions"])]
    if found:
        blocks += [
            heading(3, "Bij wat dit rapport laat zien"),
            numbered(escape(q.text) for q in found),
        ]
    if general:
        blocks += [
            heading(3, f"Bij {model.aspect(general[0].aspect).name}"),
            numbered(escape(q.text) for q in general),
        ]
    return blocks if len(blocks) > 1 else []


def _start(model: Model, team: TeamResult) -> list[str]:
    blocks = [heading(2, SECTIONS["start"])]
    start = team.start
    if start is None:
        blocks.append(paragraph("Er zijn te weinig antwoorden om een startpunt te kiezen."))
        return blocks
    aspect = model.aspect(start.aspect)
    blocks.append(
        f"Begin als team bij {strong(aspect.name)}, in de "
        f"{strong(phase_lower(model, start.phase))}. " + paragraph(start_reason(model, team))
    )
    for layer in sorted(start.layers, key=lambda sl: briefly(team, sl.layer)):
        name = f"Voor de laag {model.layer(layer.layer).name}"
        if briefly(team, layer.layer):
            titles = "; ".join(f"{escape(a.title)} ({escape(a.effort)})" for a in layer.actions)
            blocks.append(f"{strong(name + ':')} {titles}.")
        else:
            blocks += [heading(3, name), paragraph(layer.description), _actions(layer.actions)]
    return blocks


def _actions(actions: Sequence[ActionOut]) -> str:
    lines = []
    for action in actions:
        tools = ", ".join(escape(i.name) for i in action.instruments)
        lines.append(
            f"{strong(action.title)} (inspanning {escape(action.effort)}): "
            f"{escape(action.description)} Instrumenten: {tools}."
        )
    return bullets(lines)


def _appendix(model: Model, team: TeamResult, full: bool) -> list[str]:
    headers = ["Aspect", "Groep", *(escape(model.phase(p).name) for p in PHASE_IDS)]
    rows = [
        [
            escape(aspect.name) if n == 0 else "",
            escape(row_label(model, row)),
            *(percent(row.scores[p]) for p in PHASE_IDS),
        ]
        for aspect in team.aspects
        for n, row in enumerate(team.rows(aspect))
    ]
    blocks = [
        heading(2, SECTIONS["appendix"]),
        heading(3, "Gemiddelde score per fase"),
        table(headers, rows, align="llrrr"),
        heading(3, "Hoe de cijfers tot stand komen"),
        bullets(escape(rule) for rule in rules(model, team)),
    ]
    if full:
        blocks += _all_actions(model, team)
    else:
        blocks.append(paragraph("Alle acties per aspect staan in het rapport met --full."))
    return blocks


def all_actions(model: Model, team: TeamResult) -> list[tuple[str, LayerId, list[ActionOut]]]:
    """Per aspect (at the team's phase) and layer in the report: the actions, for --full."""
    from werkwijzer.core.scoring import action_out

    layers = [c.layer for c in team.layers if c.counted]
    found = []
    for aspect in team.aspects:
        if aspect.phase is None:
            continue
        for layer in layers:
            cell = model.aspect(aspect.id).cell(layer, aspect.phase)
            title = f"{aspect.name}, {phase_lower(model, aspect.phase)}"
            found.append((title, layer, [action_out(model, a) for a in cell.actions]))
    return found


def _all_actions(model: Model, team: TeamResult) -> list[str]:
    blocks = [heading(3, "Alle acties")]
    for title, layer, actions in all_actions(model, team):
        blocks += [
            heading(4, f"{title}: {group_label(model, layer)}"),
            _actions(actions),
        ]
    return blocks

"""HTML reports: one self-contained file for one respondent or a team, from jinja2 templates.

The Python side builds plain values (texts, rows, chart geometry); templates/ turns them into
markup with autoescaping, so nothing a user supplied (school, title, model texts) becomes markup.
The page asks for nothing from the network: no scripts, fonts or images, and a
Content-Security-Policy that forbids every request; its one style sheet is allowed by its hash.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from werkwijzer.core.model import PHASE_IDS, Model
from werkwijzer.core.result import ActionOut, Result
from werkwijzer.core.team import GroupResult, TeamResult
from werkwijzer.render import plan_text as pt
from werkwijzer.render import team_text as tt
from werkwijzer.render.charts import HALF, LINE, Block, Chart, Part, Row, bar_chart
from werkwijzer.render.context import RenderContext
from werkwijzer.render.text import dutch_date, percent

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).with_name("templates")
PHASE_KINDS = {"begin": "begin", "tussen": "tussen", "gevorderd": "gevorderd", None: "none"}


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def _style() -> tuple[str, str]:
    """The style sheet and the Content-Security-Policy that allows it and nothing else."""
    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    csp = (
        "default-src 'none'; "
        f"style-src 'sha256-{digest}'; "
        "img-src 'none'; font-src 'none'; connect-src 'none'; script-src 'none'; "
        "object-src 'none'; frame-src 'none'; media-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return css, csp


def _page(template: str, **values: Any) -> str:
    import markupsafe

    from werkwijzer import __version__

    css, csp = _style()
    return (
        _environment()
        .get_template(template)
        .render(
            css=markupsafe.Markup(css),  # our own file, not user input
            csp=csp,
            version=__version__,
            about=ABOUT,
            **values,
        )
    )


ABOUT = (
    "Gemaakt met werkwijzer: eigen uitwerking, geïnspireerd op de Werkwijzer samen leren; niet "
    "de officiële quickscan."
)


# --- shared pieces -------------------------------------------------------------------------------


def _phase_parts(model: Model, row: GroupResult) -> list[Part]:
    total = row.respondents or 1
    parts = []
    for phase in (*PHASE_IDS, None):
        n = row.counts.of(phase)
        spoken = f"{n} in de {tt.phase_lower(model, phase)}" if phase else f"{n} zonder fase"
        parts.append(Part(n / total, PHASE_KINDS[phase], str(n) if n else "", spoken))
    return parts


def _phase_legend(model: Model) -> list[tuple[str, str]]:
    return [(PHASE_KINDS[p], model.phase(p).name) for p in PHASE_IDS] + [("none", "geen fase")]


def _actions(actions: Sequence[ActionOut]) -> list[dict[str, str]]:
    return [
        {
            "title": a.title,
            "effort": a.effort,
            "description": a.description,
            "tools": ", ".join(i.name for i in a.instruments),
        }
        for a in actions
    ]


# --- the team ------------------------------------------------------------------------------------


def team_html(team: TeamResult, context: RenderContext) -> str:
    from werkwijzer.render.team_markdown import all_actions, header_parts

    model = context.model
    heading = tt.report_title(team)
    return _page(
        "team.html.j2",
        page_title=heading,
        heading=heading,
        meta=" · ".join(header_parts(team)),
        sections=tt.SECTIONS,
        who=_who(model, team),
        where_chart=_where_chart(model, team),
        where_rows=_where_rows(model, team),
        phase_names=[model.phase(p).name for p in PHASE_IDS],
        unknown=[
            {
                "aspect": a.name,
                "text": tt.missing_text(a.everyone),
                "statements": [(s.text, s.unknown) for s in a.unknown_statements],
            }
            for a in team.aspects
        ],
        differences=_differences(model, team),
        difference_note=tt.one_group_text(team),
        score_charts=_score_charts(model, team),
        statements=_statements(model, team),
        answer_legend=_answer_legend(model),
        found_questions=[q.text for q in team.questions if q.kind != "model"],
        general_questions=[q.text for q in team.questions if q.kind == "model"],
        general_aspect=model.aspect(team.start.aspect).name if team.start else "",
        start=_start(model, team),
        score_rows=_score_rows(model, team),
        rules=tt.rules(model, team),
        schools=_schools(model, team),
        review=_review(model, team),
        jaarplan=_jaarplan(model, team),
        full=context.full,
        all_actions=[
            {"title": f"{title}: {tt.group_label(model, layer)}", "actions": _actions(actions)}
            for title, layer, actions in (all_actions(model, team) if context.full else [])
        ],
    )


def _who(model: Model, team: TeamResult) -> dict[str, Any]:
    return {
        "rows": [
            (model.layer(c.layer).name, c.respondents, tt.in_report(model, c)) for c in team.layers
        ],
        "total": (team.respondents, f"{team.counted} in de cijfers"),
        "privacy": tt.privacy_texts(model, team),
        "threshold": tt.threshold_text(model),
    }


def _where_chart(model: Model, team: TeamResult) -> Chart:
    blocks = [
        Block(
            heading=aspect.name,
            rows=[
                Row(
                    tt.row_label(model, row),
                    _phase_parts(model, row),
                    "verdeeld" if row.split else "",
                )
                for row in team.rows(aspect)
            ],
        )
        for aspect in team.aspects
    ]
    return bar_chart(
        "fasen",
        "Hoeveel mensen in elke fase staan, per aspect en groep",
        blocks,
        legend=_phase_legend(model),
    )


def _schools(model: Model, team: TeamResult) -> dict[str, Any] | None:
    """The board overview: a chart with per aspect a bar for everyone and each shown school."""
    from werkwijzer.render import board_text as bt

    if not team.schools_apart:
        return None
    blocks = []
    rows = []
    for aspect in team.aspects:
        lines = bt.school_rows(model, team, aspect)
        blocks.append(
            Block(
                heading=aspect.name,
                rows=[
                    Row(line.label, _phase_parts(model, line.figures), _split(line.figures))
                    for line in lines
                ],
            )
        )
        rows += [
            {
                "aspect": aspect.name if n == 0 else "",
                "group": line.label,
                "counts": [line.figures.counts.of(p) for p in (*PHASE_IDS, None)],
                "phase": tt.row_phase(model, line.figures),
                "split": line.figures.split,
            }
            for n, line in enumerate(lines)
        ]
    chart = bar_chart(
        "scholen",
        "Hoeveel mensen van elke school in elke fase staan, per aspect",
        blocks,
        legend=_phase_legend(model),
    )
    return {
        "heading": bt.HEADING,
        "intro": bt.INTRO,
        "chart": chart,
        "rows": rows,
        "notes": bt.fold_notes(model, team),
    }


def _split(row: GroupResult) -> str:
    return "verdeeld" if row.split else ""


def _review(model: Model, team: TeamResult) -> dict[str, Any] | None:
    review = team.plan_review
    if review is None:
        return None
    return {
        "heading": f"Terugblik op het plan van {review.plan.school_year}",
        "intro": pt.review_intro(review),
        "headers": pt.REVIEW_HEADERS,
        "rows": pt.review_rows(model, review),
        "priority_headers": pt.REVIEW_PRIORITY_HEADERS,
        "priorities": pt.review_priority_rows(review),
    }


def _jaarplan(model: Model, team: TeamResult) -> dict[str, Any] | None:
    plan = team.plan
    if plan is None:
        return None
    made = f" Gemaakt op {dutch_date(plan.made)}." if plan.made else ""
    return {
        "heading": f"Jaarplan {plan.school_year}",
        "intro": f"Het plan van {plan.school} voor dit schooljaar.{made}",
        "headers": pt.TARGET_HEADERS,
        "rows": pt.target_rows(model, plan),
        "priority_headers": pt.PRIORITY_HEADERS,
        "priorities": [pt.priority_row(p) for p in plan.priorities],
    }


def _where_rows(model: Model, team: TeamResult) -> list[dict[str, Any]]:
    return [
        {
            "aspect": aspect.name if n == 0 else "",
            "group": tt.row_label(model, row),
            "counts": [row.counts.of(p) for p in (*PHASE_IDS, None)],
            "phase": tt.row_phase(model, row),
            "split": row.split,
        }
        for aspect in team.aspects
        for n, row in enumerate(team.rows(aspect))
    ]


def _differences(model: Model, team: TeamResult) -> list[tuple[str, str]]:
    found = team.differences
    points = [
        (model.aspect(s.aspect).name, tt.split_text(model, s.group, s.counts)) for s in found.splits
    ]
    points += [
        (
            model.aspect(g.aspect).name,
            tt.gap_text(
                model, g.higher.group, g.higher.phase, g.lower.group, g.lower.phase, g.distance
            ),
        )
        for g in found.group_gaps
    ]
    return points


def _score_charts(model: Model, team: TeamResult) -> list[Chart]:
    """Per aspect, the mean score per phase of each group side by side, with the threshold line."""
    charts = []
    for n, aspect in enumerate(team.aspects):
        rows_of = aspect.groups if len(aspect.groups) > 1 else team.rows(aspect)
        several = len(rows_of) > 1
        rows = []
        for phase in PHASE_IDS:
            for i, row in enumerate(rows_of):
                score = row.scores[phase]
                name = tt.short_label(model, row.group)
                label = model.phase(phase).name.removesuffix(" fase") if i == 0 else ""
                kind = f"g{i}" if several else "score"
                spoken = f"{model.phase(phase).name}, {name}: {percent(score)}"
                after = f"{percent(score)} {name}" if several else percent(score)
                rows.append(Row(label, [Part(score or 0.0, kind, "", spoken)], after))
        charts.append(
            bar_chart(
                f"scores-{n}",
                f"{aspect.name}: gemiddelde score per fase",
                [Block(aspect.name, rows)],
                layout=HALF,
                marks=[(model.threshold, f"bereikt vanaf {percent(model.threshold)}")],
            )
        )
    return charts


def _answer_legend(model: Model) -> Chart:
    labels = [(f"a{p.value}", p.label) for p in model.scale.points]
    return bar_chart(
        "antwoorden-legenda",
        "Legenda bij de antwoorden",
        [],
        layout=LINE,
        legend=[*labels, ("unknown", "weet ik niet")],
    )


def _statements(model: Model, team: TeamResult) -> list[dict[str, Any]]:
    found = []
    several = len({s.layer for s in team.differences.statements}) > 1
    for n, s in enumerate(team.differences.statements):
        total = s.answers + s.unknown or 1
        parts = [
            Part(c / total, f"a{p.value}", str(c) if c else "", f"{c} keer {p.label}")
            for p, c in zip(model.scale.points, s.counts, strict=True)
        ]
        parts.append(
            Part(
                s.unknown / total,
                "unknown",
                str(s.unknown) if s.unknown else "",
                f"{s.unknown} keer weet ik niet",
            )
        )
        where = f"{model.aspect(s.aspect).name}, {tt.phase_lower(model, s.phase)}"
        if several:
            where += f" ({model.layer(s.layer).name})"
        found.append(
            {
                "text": s.text,
                "where": where,
                "chart": bar_chart(
                    f"uitspraak-{n}",
                    f"Antwoorden op: {s.text}",
                    [Block("", [Row("", parts)])],
                    layout=LINE,
                ),
            }
        )
    return found


def _start(model: Model, team: TeamResult) -> dict[str, Any] | None:
    start = team.start
    if start is None:
        return None
    return {
        "aspect": model.aspect(start.aspect).name,
        "phase": tt.phase_lower(model, start.phase),
        "reason": tt.start_reason(model, team),
        "layers": [
            {
                "name": model.layer(layer.layer).name,
                "description": layer.description,
                "actions": _actions(layer.actions),
                "briefly": tt.briefly(team, layer.layer),
            }
            for layer in sorted(start.layers, key=lambda sl: tt.briefly(team, sl.layer))
        ],
    }


def _score_rows(model: Model, team: TeamResult) -> list[dict[str, Any]]:
    return [
        {
            "aspect": aspect.name if n == 0 else "",
            "group": tt.row_label(model, row),
            "scores": [percent(row.scores[p]) for p in PHASE_IDS],
        }
        for aspect in team.aspects
        for n, row in enumerate(team.rows(aspect))
    ]


# --- one respondent ------------------------------------------------------------------------------


def individual_html(result: Result, context: RenderContext) -> str:
    model = context.model
    layer = model.layer(result.layer).name
    heading = context.title or f"Quickscan werkwijzer: {layer}"
    meta = [result.school, layer, result.respondent, dutch_date(result.date) or None]
    meta += [f"model {result.model_version}"]
    if context.source:
        meta.append(f"bestand {context.source}")
    start = None
    if result.start is not None:
        aspect = model.aspect(result.start.aspect)
        start = {
            "aspect": aspect.name,
            "phase": tt.phase_lower(model, result.start.phase),
            "description": aspect.cell(result.layer, result.start.phase).description,
            "actions": _actions(result.aspect(aspect.id).actions),
            "questions": aspect.discussion_questions,
        }
    return _page(
        "individual.html.j2",
        page_title=heading,
        heading=heading,
        meta=" · ".join(m for m in meta if m),
        score_chart=_individual_chart(model, result),
        phase_names=[model.phase(p).name for p in PHASE_IDS],
        rows=[
            {
                "aspect": a.name,
                "phase": (tt.phase_name(model, a.phase) if a.phase else "te weinig antwoorden")
                + (" (alles bereikt)" if a.mastered_all else ""),
                "scores": [percent(a.scores[p]) for p in PHASE_IDS],
            }
            for a in result.aspects
        ],
        threshold=tt.threshold_text(model),
        start=start,
    )


def _individual_chart(model: Model, result: Result) -> Chart:
    blocks = []
    for aspect in result.aspects:
        rows = []
        for phase in PHASE_IDS:
            score = aspect.scores[phase]
            kind = PHASE_KINDS[phase]
            spoken = f"{model.phase(phase).name}: {percent(score)}"
            here = " ← hier sta je" if aspect.phase == phase and not aspect.mastered_all else ""
            rows.append(
                Row(
                    model.phase(phase).name,
                    [Part(score or 0.0, kind, "", spoken)],
                    (percent(score) if score is not None else "te weinig antwoorden") + here,
                )
            )
        blocks.append(Block(aspect.name, rows))
    return bar_chart(
        "scores",
        "Score per fase, per aspect",
        blocks,
        marks=[(model.threshold, f"bereikt vanaf {percent(model.threshold)}")],
    )

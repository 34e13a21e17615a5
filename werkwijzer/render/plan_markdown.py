"""Markdown for plans: the jaarplan (targets and priorities) and the look back on last year's plan.

Used by the team report and the comparison; every piece of free text is escaped.
"""

from __future__ import annotations

from werkwijzer.core.model import Model
from werkwijzer.core.plan_review import JaarPlan, PlanReview
from werkwijzer.render.markdown import escape, heading, paragraph, table
from werkwijzer.render.plan_text import (
    PRIORITY_HEADERS,
    REVIEW_HEADERS,
    REVIEW_PRIORITY_HEADERS,
    TARGET_HEADERS,
    day,
    evaluation_text,
    met_text,
    phase_name,
    priority_row,
    review_intro,
    target_text,
    text,
)
from werkwijzer.render.text import dutch_date


def jaarplan_blocks(model: Model, plan: JaarPlan, level: int = 2) -> list[str]:
    made = f" Gemaakt op {dutch_date(plan.made)}." if plan.made else ""
    blocks = [
        heading(level, f"Jaarplan {plan.school_year}"),
        paragraph(f"Het plan van {plan.school} voor dit schooljaar.{made}"),
        heading(level + 1, "Doelen: waar we nu staan en waar we straks willen staan"),
    ]
    if plan.targets:
        rows = [
            [
                escape(t.name),
                escape(phase_name(model, t.now, "onbekend")),
                escape(target_text(model, t)),
                escape(day(t.by) if t.target else ""),
            ]
            for t in plan.targets
        ]
        blocks.append(table(TARGET_HEADERS, rows))
    else:
        blocks.append(paragraph("Er zijn nog geen doelen gesteld."))
    blocks.append(heading(level + 1, "Prioriteiten"))
    if plan.priorities:
        rows = [[escape(cell) for cell in priority_row(p)] for p in plan.priorities]
        blocks.append(table(PRIORITY_HEADERS, rows, align="r"))
    else:
        blocks.append(paragraph("Er zijn nog geen prioriteiten gekozen."))
    return blocks


def review_blocks(model: Model, review: PlanReview, level: int = 2) -> list[str]:
    plan = review.plan
    blocks = [
        heading(level, f"Terugblik op het plan van {plan.school_year}"),
        paragraph(review_intro(review)),
    ]
    if review.targets:
        rows = [
            [
                escape(t.name),
                escape(phase_name(model, t.planned_from, "onbekend")),
                escape(phase_name(model, t.target)),
                escape(day(t.by)),
                escape(phase_name(model, t.reached, "geen fase")),
                escape(met_text(t)),
            ]
            for t in review.targets
        ]
        blocks.append(table(REVIEW_HEADERS, rows))
    else:
        blocks.append(paragraph("Het plan had geen doelen."))
    if review.priorities:
        rows = [
            [
                str(check.priority.number),
                escape(text(check.priority.title)),
                escape(check.priority.name),
                escape(text(check.priority.owner)),
                escape(evaluation_text(check, review.on)),
            ]
            for check in review.priorities
        ]
        blocks += [heading(level + 1, "Prioriteiten"), table(REVIEW_PRIORITY_HEADERS, rows, "r")]
    return blocks

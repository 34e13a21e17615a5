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
    priority_row,
    review_intro,
    review_priority_rows,
    review_rows,
    target_rows,
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
        blocks.append(table(TARGET_HEADERS, _escaped(target_rows(model, plan))))
    else:
        blocks.append(paragraph("Er zijn nog geen doelen gesteld."))
    blocks.append(heading(level + 1, "Prioriteiten"))
    if plan.priorities:
        rows = _escaped([priority_row(p) for p in plan.priorities])
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
        blocks.append(table(REVIEW_HEADERS, _escaped(review_rows(model, review))))
    else:
        blocks.append(paragraph("Het plan had geen doelen."))
    if review.priorities:
        rows = _escaped(review_priority_rows(review))
        blocks += [heading(level + 1, "Prioriteiten"), table(REVIEW_PRIORITY_HEADERS, rows, "r")]
    return blocks


def _escaped(rows: list[list[str]]) -> list[list[str]]:
    return [[escape(cell) for cell in row] for row in rows]

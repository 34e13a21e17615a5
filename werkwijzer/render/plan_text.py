"""Plain text for plans, shared by the markdown, HTML, terminal and xlsx renderers."""

from __future__ import annotations

import datetime as dt

from werkwijzer.core.model import Model
from werkwijzer.core.plan_review import (
    JaarPlan,
    PlannedPriority,
    PlannedTarget,
    PlanReview,
    PriorityCheck,
    TargetCheck,
)
from werkwijzer.render.text import dutch_date

OPEN = "nog open"
NO_TARGET = "geen doel dit jaar"
TARGET_HEADERS = ["Aspect", "Nu", "Straks", "Uiterlijk"]
PRIORITY_HEADERS = ["#", "Prioriteit", "Aspect", "Eigenaar", "Deadline", "Evaluatie", "Succes als"]
REVIEW_HEADERS = ["Aspect", "Stond", "Doel", "Uiterlijk", "Nu", "Gehaald"]
REVIEW_PRIORITY_HEADERS = ["#", "Prioriteit", "Aspect", "Eigenaar", "Evaluatiemoment"]


def phase_name(model: Model, phase: str | None, none: str = OPEN) -> str:
    return model.phase(phase).name if phase else none


def day(value: dt.date | None) -> str:
    return dutch_date(value) if value else OPEN


def text(value: str | None) -> str:
    return value or OPEN


def priority_row(priority: PlannedPriority) -> list[str]:
    return [
        str(priority.number),
        text(priority.title),
        priority.name,
        text(priority.owner),
        day(priority.deadline),
        day(priority.evaluation),
        text(priority.success),
    ]


def target_text(model: Model, target: PlannedTarget) -> str:
    if not target.decided:
        return OPEN
    return phase_name(model, target.target, NO_TARGET)


def met_text(check: TargetCheck) -> str:
    if check.met is None:
        return "onbekend (te weinig antwoorden)"
    return "ja" if check.met else "nog niet"


def evaluation_text(check: PriorityCheck, on: dt.date) -> str:
    """'voorbij (15 april 2026)', 'vandaag', 'nog niet (…)' or 'niet gepland'."""
    moment = check.priority.evaluation
    if moment is None:
        return "niet gepland"
    if moment == on:
        return "vandaag"
    if check.evaluation_passed:
        return f"voorbij ({dutch_date(moment)})"
    return f"nog niet ({dutch_date(moment)})"


def review_intro(review: PlanReview) -> str:
    plan = review.plan
    made = f", gemaakt op {dutch_date(plan.made)}" if plan.made else ""
    return (
        f"Wat {plan.school} zich voor {plan.school_year} voornam{made}, naast waar het team nu "
        "staat (de teamfase: de middelste fase van iedereen). Evaluatiemomenten zijn bekeken op "
        f"{dutch_date(review.on)}."
    )


def target_rows(model: Model, plan: JaarPlan) -> list[list[str]]:
    """The jaarplan's targets as table rows under TARGET_HEADERS."""
    return [
        [
            t.name,
            phase_name(model, t.now, "onbekend"),
            target_text(model, t),
            day(t.by) if t.target else "",
        ]
        for t in plan.targets
    ]


def review_rows(model: Model, review: PlanReview) -> list[list[str]]:
    """Last year's targets against the phases now, under REVIEW_HEADERS."""
    return [
        [
            t.name,
            phase_name(model, t.planned_from, "onbekend"),
            phase_name(model, t.target),
            day(t.by),
            phase_name(model, t.reached, "geen fase"),
            met_text(t),
        ]
        for t in review.targets
    ]


def review_priority_rows(review: PlanReview) -> list[list[str]]:
    """Last year's priorities and their evaluation moments, under REVIEW_PRIORITY_HEADERS."""
    return [
        [
            str(check.priority.number),
            text(check.priority.title),
            check.priority.name,
            text(check.priority.owner),
            evaluation_text(check, review.on),
        ]
        for check in review.priorities
    ]

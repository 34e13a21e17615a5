"""The plan tables of a team CSV: the jaarplan's targets and priorities, and last year's review.

Each table starts with its own header; its first column, `table`, names it in every row
(jaarplan_target, jaarplan_priority, review_target, review_priority), so a spreadsheet filter on
that column picks one table. Phases are ids, dates ISO, yes/no true/false, as in the JSON.
"""

from __future__ import annotations

import datetime as dt

from werkwijzer.core.plan_review import JaarPlan, PlannedPriority, PlanReview
from werkwijzer.core.team import TeamResult

Table = list[list[str]]
PRIORITY_COLUMNS = [
    "number",
    "aspect",
    "aspect_name",
    "action",
    "title",
    "owner",
    "deadline",
    "evaluation",
    "success",
]
JAARPLAN_TARGET = [
    "table",
    "school_year",
    "aspect",
    "aspect_name",
    "now",
    "decided",
    "target",
    "by",
]
REVIEW_TARGET = [
    "table",
    "school_year",
    "aspect",
    "aspect_name",
    "planned_from",
    "target",
    "by",
    "reached",
    "met",
]


def plan_tables(team: TeamResult) -> list[Table]:
    tables: list[Table] = []
    if team.plan is not None:
        tables += _jaarplan(team.plan)
    if team.plan_review is not None:
        tables += _review(team.plan_review)
    return tables


def _jaarplan(plan: JaarPlan) -> list[Table]:
    year = plan.school_year
    targets = [
        ["jaarplan_target", year, t.aspect, t.name, *_cells(t.now, t.decided, t.target, t.by)]
        for t in plan.targets
    ]
    priorities = [["jaarplan_priority", year, *_priority(p)] for p in plan.priorities]
    return [
        [JAARPLAN_TARGET, *targets],
        [["table", "school_year", *PRIORITY_COLUMNS], *priorities],
    ]


def _review(review: PlanReview) -> list[Table]:
    year = review.plan.school_year
    targets = [
        [
            "review_target",
            year,
            t.aspect,
            t.name,
            *_cells(t.planned_from, t.target, t.by, t.reached, t.met),
        ]
        for t in review.targets
    ]
    priorities = [
        ["review_priority", year, *_priority(c.priority), *_cells(c.evaluation_passed)]
        for c in review.priorities
    ]
    return [
        [REVIEW_TARGET, *targets],
        [["table", "school_year", *PRIORITY_COLUMNS, "evaluation_passed"], *priorities],
    ]


def _priority(p: PlannedPriority) -> list[str]:
    return [
        str(p.number),
        p.aspect,
        p.name,
        *_cells(p.action, p.title, p.owner, p.deadline, p.evaluation, p.success),
    ]


def _cells(*values: str | dt.date | bool | None) -> list[str]:
    out = []
    for value in values:
        if value is None:
            out.append("")
        elif isinstance(value, bool):
            out.append("true" if value else "false")
        elif isinstance(value, dt.date):
            out.append(value.isoformat())
        else:
            out.append(value)
    return out

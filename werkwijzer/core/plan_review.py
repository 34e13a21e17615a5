"""A plan as reports show it: the jaarplan of this school year, and last year's plan looked back on.

Both are parts of other documents (the team report, the comparison), so their renderers, in any
format, need no model: names and action titles are filled in here.

- The jaarplan: the plan's targets (NU -> STRAKS, by when) and priorities as they are.
- The review: for each target, the phase the team reached against the phase it aimed for ('met'
  when the team phase is at or past the target), and for each priority whether its evaluation
  moment has passed on the day of the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from werkwijzer.core.documents import described
from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.plan import Plan, find_action


@dataclass(frozen=True, kw_only=True)
class PlannedTarget:
    aspect: str
    name: str
    now: PhaseId | None = described("Where the team stood when the plan was made (NU).")
    decided: bool = described("False while the plan names no target (or none) for this aspect.")
    target: PhaseId | None = described("Where it wants to be (STRAKS); null: no target.")
    by: dt.date | None


@dataclass(frozen=True, kw_only=True)
class PlannedPriority:
    number: int
    aspect: str
    name: str = described("The aspect's name.")
    action: str | None = described("Id of the model's action, if one was chosen.")
    title: str | None = described("The action's title, or else the team's own text.")
    text: str | None = described("The team's own text.")
    owner: str | None
    deadline: dt.date | None
    evaluation: dt.date | None
    success: str | None


@dataclass(frozen=True, kw_only=True)
class JaarPlan:
    school: str
    school_year: str
    made: dt.date | None
    targets: list[PlannedTarget]
    priorities: list[PlannedPriority]


@dataclass(frozen=True, kw_only=True)
class TargetCheck:
    aspect: str
    name: str
    planned_from: PhaseId | None = described("The team's phase when the plan was made.")
    target: PhaseId
    by: dt.date | None
    reached: PhaseId | None = described("The team's phase now; null: too few answers.")
    met: bool | None = described("The phase now is at or past the target; null when unknown.")


@dataclass(frozen=True, kw_only=True)
class PriorityCheck:
    priority: PlannedPriority
    evaluation_passed: bool | None = described(
        "True when the evaluation moment lies before the day of the report; null: none set."
    )


@dataclass(frozen=True, kw_only=True)
class PlanReview:
    plan: JaarPlan
    on: dt.date = described("The day of the report, against which evaluation moments are set.")
    targets: list[TargetCheck] = described("Only the aspects that have a target.")
    priorities: list[PriorityCheck]


def jaarplan(plan: Plan, model: Model) -> JaarPlan:
    """Every aspect that the plan has a phase now or a target for, in model order."""
    names = {a.id: a.name for a in model.aspects}
    aspects = [a.id for a in model.aspects if a.id in plan.now or plan.target(a.id)]
    targets = []
    for aspect in aspects:
        found = plan.target(aspect)
        targets.append(
            PlannedTarget(
                aspect=aspect,
                name=names.get(aspect, aspect),
                now=plan.now.get(aspect),
                decided=found is not None,
                target=found.target if found else None,
                by=found.by if found else None,
            )
        )
    return JaarPlan(
        school=plan.school,
        school_year=plan.school_year,
        made=plan.made,
        targets=targets,
        priorities=[
            PlannedPriority(
                number=n,
                aspect=p.aspect,
                name=names.get(p.aspect, p.aspect),
                action=p.action,
                title=_title(model, p.action) or p.text,
                text=p.text,
                owner=p.owner,
                deadline=p.deadline,
                evaluation=p.evaluation,
                success=p.success,
            )
            for n, p in enumerate(plan.priorities, 1)
        ],
    )


def _title(model: Model, action_id: str | None) -> str | None:
    found = find_action(model, action_id) if action_id else None
    return found[1].title if found else None


def review(
    plan: Plan, model: Model, reached: Mapping[str, PhaseId | None], on: dt.date
) -> PlanReview:
    """`reached`: the team's phase now per aspect id."""
    shown = jaarplan(plan, model)
    return PlanReview(
        plan=shown,
        on=on,
        targets=[
            TargetCheck(
                aspect=t.aspect,
                name=t.name,
                planned_from=t.now,
                target=t.target,
                by=t.by,
                reached=reached.get(t.aspect),
                met=_met(t.target, reached.get(t.aspect)),
            )
            for t in shown.targets
            if t.target is not None
        ],
        priorities=[
            PriorityCheck(
                priority=p,
                evaluation_passed=None if p.evaluation is None else p.evaluation < on,
            )
            for p in shown.priorities
        ],
    )


def _met(target: PhaseId, reached: PhaseId | None) -> bool | None:
    if reached is None:
        return None
    return PHASE_IDS.index(reached) >= PHASE_IDS.index(target)

"""Rich rendering of plans at 80 columns: the jaarplan, and the look back on last year's plan."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from werkwijzer.core.model import Model
from werkwijzer.core.plan_review import JaarPlan, PlannedPriority, PlanReview
from werkwijzer.render.context import RenderContext
from werkwijzer.render.plan_text import (
    day,
    evaluation_text,
    met_text,
    phase_name,
    review_intro,
    target_text,
    text,
)
from werkwijzer.render.result_terminal import ACCENT, MUTED


def render_jaarplan(console: Console, plan: JaarPlan, context: RenderContext) -> None:
    print_jaarplan(console, context.model, plan)


def print_jaarplan(console: Console, model: Model, plan: JaarPlan) -> None:
    console.print(Text(f"Jaarplan {plan.school_year} · {plan.school}", style=ACCENT))
    table = _table("Aspect", "Nu", "Straks", "Uiterlijk")
    for t in plan.targets:
        table.add_row(
            t.name,
            phase_name(model, t.now, "onbekend"),
            target_text(model, t),
            day(t.by) if t.target else "",
        )
    console.print(table if plan.targets else Text("Nog geen doelen gesteld.", style=MUTED))
    console.print(Text("Prioriteiten", style="bold"))
    if not plan.priorities:
        console.print(Text("Nog geen prioriteiten gekozen.", style=MUTED))
    for priority in plan.priorities:
        console.print(_priority(priority))


def _priority(priority: PlannedPriority) -> Padding:
    lines = Text.assemble(
        (f"{priority.number}. ", "bold"),
        (text(priority.title), "bold"),
        (f" ({priority.name})", MUTED),
        f"\nEigenaar: {text(priority.owner)} · deadline {day(priority.deadline)} · evaluatie "
        f"{day(priority.evaluation)}\nSucces als: {text(priority.success)}",
    )
    return Padding(lines, (0, 0, 1, 2))


def print_review(console: Console, model: Model, review: PlanReview) -> None:
    console.print(Text(f"Terugblik op het plan van {review.plan.school_year}", style=ACCENT))
    console.print(Text(review_intro(review), style=MUTED))
    if review.targets:
        table = _table("Aspect", "Stond", "Doel", "Nu", "Gehaald")
        for t in review.targets:
            table.add_row(
                t.name,
                phase_name(model, t.planned_from, "onbekend"),
                phase_name(model, t.target),
                phase_name(model, t.reached, "geen fase"),
                met_text(t),
            )
        console.print(table)
    for check in review.priorities:
        p = check.priority
        console.print(
            Padding(
                Text.assemble(
                    (f"{p.number}. ", "bold"),
                    text(p.title),
                    (f" ({p.name})", MUTED),
                    f"\nEvaluatiemoment: {evaluation_text(check, review.on)}",
                ),
                (0, 0, 0, 2),
            )
        )


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    for header in headers:
        table.add_column(header, overflow="fold")
    return table

"""Plans in the store and in reports: which plan belongs to a team report or a comparison.

A team report of a school in a school year can carry two plans:
- the plan for that school year, shown as the jaarplan;
- the plan for the school year before, looked back on: its targets against the phases now.
A comparison looks back on the plan of its earlier side. A plan given on the command line
(--plan FILE) is used for whichever of the two its school year makes it, and then no plan is looked up in the store. Otherwise both are looked up in the store,
if there is one; a store that cannot be read costs the report nothing but a note.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import Model, PhaseId
from werkwijzer.core.periods import previous_school_year, school_year_of, school_year_period
from werkwijzer.core.plan import Plan, PlanError, dump_plan, parse_plan
from werkwijzer.core.plan_review import jaarplan, review
from werkwijzer.core.team import TeamResult, school_key


@dataclass(frozen=True)
class Plans:
    """The plan of the report's school year, the one of the year before, and notes for stderr."""

    current: Plan | None = None
    earlier: Plan | None = None
    notes: list[str] = field(default_factory=list)


def one_school_year(first: dt.date | None, last: dt.date | None) -> str | None:
    """The school year both dates fall in; None without dates or when they span two years."""
    if first is None or last is None:
        return None
    year = school_year_of(first)
    return year if school_year_of(last) == year else None


def given_plan(plan: Plan, school: str | None, year: str | None) -> Plans:
    """Where a plan from --plan FILE belongs: this school year, or the one before (or earlier)."""
    if school is not None and school_key(plan.school) != school_key(school):
        raise WerkwijzerError(
            f"Het plan is van {plan.school}, maar de antwoorden zijn van {school}. Kies het plan "
            "van deze school."
        )
    if year is None or plan.school_year == year:
        return Plans(current=plan)
    if school_year_period(plan.school_year).start < school_year_period(year).start:
        return Plans(earlier=plan)
    raise WerkwijzerError(
        f"Het plan is voor {plan.school_year}, maar de antwoorden zijn van {year}: een plan kan "
        "pas terugkijken als de antwoorden van later zijn."
    )


def stored_plans(db: Path | None, school: str, year: str, model: Model) -> Plans:
    """The plans of `school` for `year` and the year before, from the store if there is one."""
    from werkwijzer.core.store import Store, StoreError, StoreMissingError

    found: dict[str, Plan | None] = {}
    notes: list[str] = []
    try:
        with Store.open(db, create=False) as store:
            for wanted in (year, previous_school_year(year)):
                text = store.plan_text(school, wanted)
                found[wanted] = None
                if text is None:
                    continue
                try:
                    found[wanted] = parse_plan(
                        text.encode("utf-8"), model, f"het bewaarde plan {school} {wanted}"
                    )
                except PlanError as exc:
                    notes.append(f"Let op: {exc.message}; het plan is weggelaten.")
    except StoreMissingError:
        return Plans()
    except StoreError as exc:
        return Plans(notes=[f"Let op: geen plan opgezocht. {exc.message}"])
    return Plans(
        current=found.get(year), earlier=found.get(previous_school_year(year)), notes=notes
    )


def keep_plan(db: Path | None, plan: Plan, model: Model) -> bool:
    """Keep the plan in the store (replacing one of the same school and year). True when new."""
    from werkwijzer.core.store import Store

    with Store.open(db) as store:
        return store.save_plan(plan.school, plan.school_year, dump_plan(plan, model))


def report_plans(team: TeamResult, model: Model, given: Plan | None, db: Path | None) -> Plans:
    """The plans a team report shows: `given` (--plan FILE) placed by its school year, or else
    those kept in the store for the report's one school and one school year."""
    school = team.schools[0] if len(team.schools) == 1 else None
    year = one_school_year(team.first_date, team.last_date)
    if given is not None:
        if len(team.schools) > 1:
            raise WerkwijzerError(
                f"Een plan hoort bij één school, maar dit rapport gaat over {len(team.schools)} "
                "scholen. Maak het rapport per school om het plan erbij te zetten."
            )
        return given_plan(given, school, year)
    if school is None or year is None:
        return Plans()
    return stored_plans(db, school, year, model)


def team_with_plans(team: TeamResult, model: Model, plans: Plans, today: dt.date) -> TeamResult:
    """The team report with its jaarplan and its look back on last year's plan, where found."""
    reached: Mapping[str, PhaseId | None] = {a.id: a.phase for a in team.aspects}
    return dataclasses.replace(
        team,
        plan=jaarplan(plans.current, model) if plans.current else None,
        plan_review=review(plans.earlier, model, reached, today) if plans.earlier else None,
    )

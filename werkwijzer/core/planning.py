"""Plans in the store and in comparisons: which plan belongs to a comparison, and keeping a plan.

A comparison of a school in a school year can carry two plans:
- the plan for that school year, shown as the jaarplan;
- the plan for the school year before, looked back on: its targets against the phases now.
A plan given on the command line (--plan FILE) is used for whichever of the two its school year
makes it, and then no plan is looked up in the store. Otherwise both are looked up in the store,
if there is one; a store that cannot be read costs the report nothing but a note.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import Model
from werkwijzer.core.periods import previous_school_year, school_year_of, school_year_period
from werkwijzer.core.plan import Plan, PlanError, dump_plan, parse_plan
from werkwijzer.core.team import school_key


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

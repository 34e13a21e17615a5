"""Forgetting scans (the AVG's right to erasure): which scans match, then erasing them for good.

A plan is made first, so the caller can show it and ask before anything is erased. Between the
plan and the erasure new matching scans may arrive; `erase` says so, and they stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from werkwijzer.core.sides import require_exact_school
from werkwijzer.core.store import ForgetOutcome, ScanRecord, Store


@dataclass(frozen=True)
class ForgetPlan:
    found: list[ScanRecord]  # the scans that will be erased
    missing_ids: list[int]  # ids asked for that are not in the store
    respondent: str | None
    school: str | None
    by_id: bool


@dataclass(frozen=True)
class Erased:
    outcome: ForgetOutcome
    arrived_meanwhile: int  # scans matching by name or school that came in after the plan


def plan_forget(
    store: Store,
    ids: Sequence[int] = (),
    respondent: str | None = None,
    school: str | None = None,
) -> ForgetPlan:
    """All filters given must hold together; a school must be named in full."""
    if school is not None:
        require_exact_school(store, school)
    found = store.scans(ids=ids, respondent=respondent, school=school)
    missing = sorted(set(ids) - {s.id for s in store.scans(ids=ids)}) if ids else []
    return ForgetPlan(found, missing, respondent, school, by_id=bool(ids))


def erase(store: Store, plan: ForgetPlan) -> Erased:
    outcome = store.forget(ids=[s.id for s in plan.found])
    still = [] if plan.by_id else store.scans(respondent=plan.respondent, school=plan.school)
    return Erased(outcome, len(still))

"""Forgetting scans (the AVG's right to erasure): which scans match, then erasing them for good.

`forget --school` (the school as the only filter) erases the school's plans too: a plan can name
people (its owners), and a school that leaves the database should leave nothing behind.

A plan is made first, so the caller can show it and ask before anything is erased. Between the
plan and the erasure new matching scans may arrive; `erase` says so, and they stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from werkwijzer.core.answers import read_answers
from werkwijzer.core.model import Model
from werkwijzer.core.respondents import answer_files
from werkwijzer.core.sides import require_exact_school
from werkwijzer.core.store import ForgetOutcome, ScanRecord, Store, content_hash


@dataclass(frozen=True)
class ForgetPlan:
    found: list[ScanRecord]  # the scans that will be erased
    missing_ids: list[int]  # ids asked for that are not in the store
    respondent: str | None
    school: str | None
    by_id: bool
    plan_years: list[str] = field(default_factory=list)  # the school's plans that go too


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
    whole_school = school is not None and not ids and respondent is None
    years = store.plan_years(school) if whole_school and school is not None else []
    return ForgetPlan(found, missing, respondent, school, by_id=bool(ids), plan_years=years)


@dataclass(frozen=True)
class FileMatch:
    """An answers file given to `forget FILE`, and the stored scan with the same content."""

    name: str
    scan_id: int | None


def plan_forget_files(
    store: Store, sources: Sequence[str], model: Model
) -> tuple[ForgetPlan, list[FileMatch]]:
    """The scans whose content matches these answers files (files or folders), as import matches
    them: the same answers, however the file is formatted. A file that cannot be read is refused
    before anything is erased, so a typo never erases the wrong thing."""
    names, _ = answer_files(sources)
    hashes = {name: content_hash(read_answers(name, model)) for name in names}
    stored = store.ids_by_hash(list(dict.fromkeys(hashes.values())))
    matches = [FileMatch(name, stored.get(digest)) for name, digest in hashes.items()]
    ids = sorted({m.scan_id for m in matches if m.scan_id is not None})
    found = store.scans(ids=ids) if ids else []
    return ForgetPlan(found, [], None, None, by_id=True), matches


def erase(store: Store, plan: ForgetPlan) -> Erased:
    plans_of = plan.school if plan.plan_years else None
    outcome = store.forget(ids=[s.id for s in plan.found], plans_of=plans_of)
    still = [] if plan.by_id else store.scans(respondent=plan.respondent, school=plan.school)
    return Erased(outcome, len(still))

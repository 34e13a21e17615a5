"""A board overview: the schools of one board side by side in the team report (schools_apart).

When the answers of a team report come from more than one school, each school is a group of its
own: its school leaders and teachers whose answers count in the report. Board members are left
out of every school: they answer for the whole board, and form the layer bestuurder.

The rows per respondent (CSV, xlsx) may carry their school too, inside a shown group of at least
`min_group` rows: the rows of one group and one shown school, when they are at least `min_group`.
A board member's row, and a row of the leadership, never carries a school.

Privacy: the figures of a board report are those of the team report (everyone, the shown groups,
the rows per group) plus one per shown school and one per labelled set of rows. Anyone holding
the report can add and subtract them. `leak` (core/board_privacy.py) finds whether some sum with
signs -1, 0 or +1 describes fewer than `min_group` people (other than the leadership that agreed
to be shown). Schools with fewer than `min_group` respondents are never shown ('small_group');
then, while a sum gives people away, a shown school is folded ('back_calculation'): the smallest
whose folding ends every leak, or else the smallest. The same for the row labels.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

from werkwijzer.core.board_privacy import BOARD, Cell, Figures, leak
from werkwijzer.core.model import Model
from werkwijzer.core.team import (
    BOARD_LAYER,
    LEADERSHIP,
    LEADERSHIP_LAYERS,
    Fold,
    Respondent,
    SchoolGroup,
    TeamResult,
    group_result,
    person_figures,
    school_key,
)

T = TypeVar("T")


def with_schools(model: Model, respondents: Sequence[Respondent], team: TeamResult) -> TeamResult:
    """The team result with its schools side by side; unchanged when one school answered."""
    counted = {c.layer for c in team.layers if c.counted}
    members: dict[str | None, list[Respondent]] = {}
    for r in respondents:
        if r.answers.layer in counted and r.answers.layer != BOARD_LAYER:
            members.setdefault(_school(r), []).append(r)
    if len(members) < 2:
        return team
    schools = sorted(members, key=lambda s: (s is None, s or ""))
    folds: dict[str | None, Fold | None] = {
        s: "small_group" if len(members[s]) < team.min_group else None for s in schools
    }
    shown = sorted((s for s in schools if folds[s] is None), key=lambda s: len(members[s]))
    figures = _figures(respondents, team)
    kept = _safe_part(shown, lambda part: dataclasses.replace(figures, schools=frozenset(part)))
    folds.update({s: "back_calculation" for s in shown if s not in kept})
    groups = []
    for s in schools:
        people = [person_figures(model, r) for r in members[s]] if folds[s] is None else []
        groups.append(
            SchoolGroup(
                school=members[s][0].answers.school,  # the first spelling met
                respondents=len(members[s]),
                shown=folds[s] is None,
                folded=folds[s],
                aspects={a.id: group_result(None, people, a.id) for a in model.aspects}
                if people
                else {},
            )
        )
    return dataclasses.replace(team, schools_apart=groups)


def school_labels(respondents: Sequence[Respondent], team: TeamResult) -> list[str | None]:
    """Per respondent (same order) the school its row in a team export may carry, or None."""
    groups = {layer: g.id for g in team.groups for layer in g.layers}
    row_groups = {g.id for g in team.groups if g.respondents >= team.min_group}
    may_carry = [
        groups.get(r.answers.layer) in row_groups - {BOARD_LAYER, LEADERSHIP} for r in respondents
    ]
    if not team.schools_apart:
        single = team.schools[0] if len(team.schools) == 1 else None
        return [single if ok else None for ok in may_carry]
    figures = _figures(respondents, team)
    shown = {school_key(g.school) if g.school else None for g in team.schools_apart if g.shown}
    cells = Counter(
        (groups[r.answers.layer], _school(r))
        for r, ok in zip(respondents, may_carry, strict=True)
        if ok and _school(r) in shown
    )
    labelled = sorted((c for c, n in cells.items() if n >= team.min_group), key=lambda c: cells[c])
    figures = dataclasses.replace(figures, schools=frozenset(shown))
    chosen = set(
        _safe_part(labelled, lambda part: dataclasses.replace(figures, labelled=frozenset(part)))
    )
    return [
        r.answers.school if ok and (groups[r.answers.layer], _school(r)) in chosen else None
        for r, ok in zip(respondents, may_carry, strict=True)
    ]


def _safe_part(items: list[T], figures_with: Callable[[list[T]], Figures]) -> list[T]:
    """The items (smallest first) to keep so that no sum of figures gives anyone away.

    Each round drops the smallest item whose leaving out ends every leak, or else the smallest.
    """
    kept = list(items)
    while kept and leak(figures_with(kept)):
        rest = [[k for k in kept if k != item] for item in kept]
        kept = next((part for part in rest if not leak(figures_with(part))), rest[0])
    return kept


def _school(respondent: Respondent) -> str | None:
    name = respondent.answers.school
    return school_key(name) if name else None


def _figures(respondents: Sequence[Respondent], team: TeamResult) -> Figures:
    """The people behind the report's figures, as cells (layer, school key) with their sizes."""
    counted = {c.layer for c in team.layers if c.counted}
    cells: Counter[Cell] = Counter(
        (r.answers.layer, BOARD if r.answers.layer == BOARD_LAYER else _school(r))
        for r in respondents
        if r.answers.layer in counted
    )
    agreed = [g for g in team.groups if g.agreed]
    return Figures(
        cells=dict(cells),
        groups={g.id: frozenset(g.layers) for g in team.groups},
        min_group=team.min_group,
        agreed=frozenset(LEADERSHIP_LAYERS) if agreed else None,
    )

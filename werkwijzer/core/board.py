"""A board overview: the schools of one board side by side, in the team report (TeamResult.per_school).

When the answers of a team report come from more than one school, each school becomes a group of
its own (everyone of that school except the board members, who answer for the whole board and form
the board layer), with the same figures as a layer: counts per phase, median phase, mean scores.
Privacy follows the rule for layers: a school with fewer than `min_group` respondents counts only
in the totals; with `protect_totals`, one more school is folded when the folded respondents
together (small schools, and the board members when their layer is not shown) would otherwise be
fewer than `min_group`, because the totals minus the shown groups would give them away.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

from werkwijzer.core.model import Model
from werkwijzer.core.team import (
    BOARD_LAYER,
    Fold,
    NumberedResult,
    Respondent,
    SchoolGroup,
    TeamResult,
    _group,
    numbered_results,
    school_key,
)

K = TypeVar("K", bound=Hashable)


def fold_groups(
    sizes: Mapping[K, int], min_group: int, *, protect_totals: bool, hidden_elsewhere: int = 0
) -> dict[K, Fold | None]:
    """Per group: None when shown, else why it is folded (the rule of team.fold_layers).

    `hidden_elsewhere` counts respondents outside these groups that are not shown either.
    """
    folds: dict[K, Fold | None] = {
        key: ("small_group" if n < min_group else None) for key, n in sizes.items()
    }
    shown = [key for key, fold in folds.items() if fold is None]

    def folded_total() -> int:
        return hidden_elsewhere + sum(sizes[key] for key, fold in folds.items() if fold)

    while protect_totals and shown and 0 < folded_total() < min_group:
        smallest = min(shown, key=lambda key: sizes[key])
        shown.remove(smallest)
        folds[smallest] = "back_calculation"
    return folds


def school_groups(
    model: Model,
    respondents: Sequence[Respondent],
    team: TeamResult,
    *,
    protect_totals: bool = False,
) -> list[SchoolGroup]:
    """The schools side by side; empty when the answers come from one school only."""
    members: dict[str | None, list[Respondent]] = {}
    names: dict[str | None, str | None] = {}
    for r in respondents:
        if r.answers.layer == BOARD_LAYER:
            continue
        key = school_key(r.answers.school) if r.answers.school else None
        members.setdefault(key, []).append(r)
        names.setdefault(key, r.answers.school)
    if len(members) < 2:
        return []
    board = sum(1 for r in respondents if r.answers.layer == BOARD_LAYER)
    board_hidden = 0 if BOARD_LAYER in team.shown_layers() else board
    folds = fold_groups(
        {key: len(rs) for key, rs in members.items()},
        team.min_group,
        protect_totals=protect_totals,
        hidden_elsewhere=board_hidden,
    )
    ordered = sorted(members, key=lambda key: (key is None, key or ""))
    return [
        SchoolGroup(
            school=names[key],
            respondents=len(members[key]),
            shown=folds[key] is None,
            folded=folds[key],
            aspects={
                aspect.id: _group(None, [r.result for r in members[key]], aspect.id)
                for aspect in model.aspects
            }
            if folds[key] is None
            else {},
        )
        for key in ordered
    ]


def numbered_rows(respondents: Sequence[Respondent], team: TeamResult) -> list[NumberedResult]:
    """The anonymous rows of a team CSV, each with its school where that reveals no one.

    A row shows its layer (and, for a member of a school, its school) only when its layer and its
    school are both shown as groups, and that layer has at least min_group respondents in that
    school. Every other row joins one pool at the end, without layer or school. Inside each group the order follows a hash of the answers, never the file names.
    """
    from werkwijzer.core.store import content_hash

    if not team.per_school:  # one school: the school of every member row of a shown layer
        single = team.schools[0] if len(team.schools) == 1 else None
        return [
            dataclasses.replace(row, school=single)
            if row.layer is not None and row.layer != BOARD_LAYER
            else row
            for row in numbered_results(respondents, team)
        ]
    layers = team.shown_layers()
    names = {_key(g.school): g.school for g in team.per_school if g.shown}
    order = list(names)
    # A layer within a school is a group of its own: one school leader of one school would
    # otherwise be a row of their own.
    cells = Counter((_key(r.answers.school), r.answers.layer) for r in respondents)

    def place(r: Respondent) -> tuple[int, int] | None:
        """(school, layer) positions of a row that may show both; None for the pool."""
        if r.answers.layer not in layers:
            return None
        layer = layers.index(r.answers.layer)
        if r.answers.layer == BOARD_LAYER:
            return (0, layer)
        key = _key(r.answers.school)
        if key not in names or cells[(key, r.answers.layer)] < team.min_group:
            return None
        return (order.index(key) + 1, layer)

    def rank(r: Respondent) -> tuple[bool, tuple[int, int], str]:
        found = place(r)
        return found is None, found or (0, 0), content_hash(r.answers)

    rows = []
    for number, r in enumerate(sorted(respondents, key=rank), 1):
        found = place(r)
        school = None
        if found is not None and r.answers.layer != BOARD_LAYER:
            school = names[_key(r.answers.school)]
        rows.append(
            NumberedResult(number, r.answers.layer if found is not None else None, r.result, school)
        )
    return rows


def _key(name: str | None) -> str | None:
    return school_key(name) if name else None

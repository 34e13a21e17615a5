"""Whether the figures of a board report, added and subtracted, give a small group of people away.

The people behind a report are cells: a layer in a school (board members in a cell of their own,
BOARD). Every figure covers a set of cells: everyone covers every counted cell; a shown group its
layers in every school; a shown school its cells; a labelled set of rows one group in one school.
A reader who adds and subtracts figures (signs -1, 0, +1) describes a set of people when every
cell ends up counted once or not at all. `leak` says whether such a set has between 1 and
min_group - 1 people, other than exactly the leadership that agreed to be shown.

The search is exact and small: a cell's sign is (everyone) + (its group) + (its school) + (its
labelled rows). Over the few choices for everyone and the groups (at most 3^4), each school then
chooses its own signs independently, so the sizes that can be reached are collected school by
school (a dynamic programme over sizes below min_group) instead of trying every combination.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Final

from werkwijzer.core.model import LayerId

BOARD: Final = "\x00board"  # the cell of board members: no school name can hold a NUL
Cell = tuple[LayerId, str | None]  # (layer, school key, None for files without a school, BOARD)
SIGNS = (-1, 0, 1)
# (people so far, capped at min_group; someone outside the leadership; someone of it left out)
State = tuple[int, bool, bool]


@dataclass(frozen=True)
class Figures:
    cells: Mapping[Cell, int]  # counted respondents per cell
    groups: Mapping[str, frozenset[LayerId]]  # the shown groups and their layers
    min_group: int
    agreed: frozenset[LayerId] | None = None  # the leadership shown by agreement, if any
    schools: frozenset[str | None] = field(default_factory=frozenset)  # schools shown apart
    labelled: frozenset[tuple[str, str | None]] = field(default_factory=frozenset)  # rows


def leak(figures: Figures) -> bool:
    """True when some sum of figures describes 1 to min_group - 1 people (see the module)."""
    cells = {cell: n for cell, n in figures.cells.items() if n > 0}
    group_of = {layer: g for g, layers in figures.groups.items() for layer in layers}
    schools: dict[str | None, list[Cell]] = {}
    for cell in cells:
        schools.setdefault(cell[1], []).append(cell)
    names = sorted(figures.groups)
    for everyone, *signs in itertools.product(SIGNS, repeat=1 + len(names)):
        sign_of = dict(zip(names, signs, strict=True))
        base = {layer: everyone + sign_of.get(group_of.get(layer, ""), 0) for layer, _ in cells}
        states: set[State] | None = {(0, False, False)}
        for school, members in schools.items():
            options = set(_options(figures, cells, members, base, group_of, school))
            if not options:
                states = None  # these signs describe no set of people
                break
            assert states is not None
            states = {_add(figures.min_group, s, o) for s in states for o in options}
        if states is not None and any(_gives_away(figures, s) for s in states):
            return True
    return False


def _options(
    figures: Figures,
    cells: Mapping[Cell, int],
    members: list[Cell],
    base: Mapping[LayerId, int],
    group_of: Mapping[LayerId, str],
    school: str | None,
) -> Iterator[State]:
    """What one school can add: for each choice of its own signs that counts every one of its
    cells once or not at all, the people it adds and whether they stay inside the leadership."""
    shown = school in figures.schools
    rows = sorted({g for (g, s) in figures.labelled if s == school}) if shown else []
    for own, *row_signs in itertools.product(SIGNS if shown else (0,), repeat=1 + len(rows)):
        row_sign = dict(zip(rows, row_signs, strict=True))
        people, outside, missing = 0, False, False
        for cell in members:
            layer = cell[0]
            sign = base[layer] + own + row_sign.get(group_of.get(layer, ""), 0)
            if sign not in (0, 1):
                break
            inside = figures.agreed is not None and layer in figures.agreed
            if sign == 1:
                people += cells[cell]
                outside = outside or not inside
            elif inside:
                missing = True
        else:
            yield people, outside, missing


def _add(cap: int, state: State, option: State) -> State:
    return min(cap, state[0] + option[0]), state[1] or option[1], state[2] or option[2]


def _gives_away(figures: Figures, state: State) -> bool:
    people, outside, missing = state
    if not 0 < people < figures.min_group:
        return False
    return not (figures.agreed is not None and not outside and not missing)

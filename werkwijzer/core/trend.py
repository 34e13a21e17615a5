"""The trend of a school, format werkwijzer-trend/1: per school year the team's phases per aspect.

What `werkwijzer history` shows. A school's scans in a school year (1 August to 31 July, by the
date in the answers file, else the day it was recorded) form its team of that year, counted as the
team report and compare count a team: the number of respondents in each phase, and the median
phase. Board members count with every school their scan is linked to (imported from the same
folder as that school's answers), or with the school their file names. A year with fewer than
`min_group` respondents shows no figures: with so few, answers could be traced to people.
Built from stored summaries (Store.summaries), so ten thousand scans read in a moment.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.documents import described
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.core.periods import school_year_of
from werkwijzer.core.store import ScanSummary
from werkwijzer.core.team import BOARD_LAYER, PhaseCounts

TREND_FORMAT: Final = "werkwijzer-trend/1"


@dataclass(frozen=True, kw_only=True)
class TrendAspect:
    id: str
    name: str
    counts: PhaseCounts
    phase: PhaseId | None = described("The team's phase: the median phase of everyone.")


@dataclass(frozen=True, kw_only=True)
class TrendYear:
    school_year: str = described("e.g. 2025/2026: 1 August 2025 up to and including 31 July 2026.")
    respondents: int
    per_layer: dict[LayerId, int] = described("Respondents per layer, in model order.")
    shown: bool = described("False with fewer than min_group respondents: then no figures.")
    aspects: list[TrendAspect] = described("Per aspect, in model order; empty when not shown.")


@dataclass(frozen=True, kw_only=True)
class SchoolTrend:
    school: str
    years: list[TrendYear] = described("Oldest first.")


@dataclass(frozen=True, kw_only=True)
class Trend:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": TREND_FORMAT}

    format: Literal["werkwijzer-trend/1"] = TREND_FORMAT
    database: str
    min_group: int
    layer: LayerId | None = described("Only this layer was counted (history --layer).")
    schools: list[SchoolTrend] = described("In name order.")
    unplaced: int = described(
        "Scans that belong to no school: no school in the file, or a board member's scan that "
        "is linked to no school. `history --scans` lists them."
    )


def trend(
    model: Model,
    scans: Sequence[ScanSummary],
    *,
    names: Mapping[str, str],
    links: Mapping[int, Sequence[str]],
    database: str,
    min_group: int,
    layer: LayerId | None = None,
    only: str | None = None,
) -> Trend:
    """`names`: school key -> name; `links`: board scan id -> school keys; `only`: one school key."""
    from werkwijzer.core.store import name_key

    members = {name_key(s.school) for s in scans if s.layer != BOARD_LAYER and s.school}
    placed: dict[str, dict[str, list[ScanSummary]]] = {}
    unplaced = 0
    for scan in scans:
        own = name_key(scan.school)
        keys: list[str] = []
        if scan.layer != BOARD_LAYER:
            keys = [own] if own else []
        else:
            keys = [*links.get(scan.id, ()), *([own] if own and own in members else [])]
        keys = [k for k in dict.fromkeys(keys) if only is None or k == only]
        if not keys:
            if only is None:
                unplaced += 1
            continue
        for key in keys:
            placed.setdefault(key, {}).setdefault(school_year_of(scan.day), []).append(scan)
    schools = [
        SchoolTrend(
            school=names.get(key, key),
            years=[_year(model, year, found, min_group) for year, found in sorted(by_year.items())],
        )
        for key, by_year in sorted(placed.items(), key=lambda item: names.get(item[0], item[0]))
    ]
    return Trend(
        database=database, min_group=min_group, layer=layer, schools=schools, unplaced=unplaced
    )


def _year(model: Model, year: str, scans: Sequence[ScanSummary], min_group: int) -> TrendYear:
    layers = Counter(s.layer for s in scans)
    shown = len(scans) >= min_group
    return TrendYear(
        school_year=year,
        respondents=len(scans),
        per_layer={layer: layers[layer] for layer in LAYER_IDS if layers[layer]},
        shown=shown,
        aspects=_aspects(model, scans) if shown else [],
    )


def _aspects(model: Model, scans: Sequence[ScanSummary]) -> list[TrendAspect]:
    counted: dict[str, Counter[PhaseId | None]] = {a.id: Counter() for a in model.aspects}
    for scan in scans:
        for aspect in scan.aspects:
            if aspect.id not in counted:
                counted[aspect.id] = Counter()
            counted[aspect.id][aspect.phase] += 1
    names = {a.id: a.name for a in model.aspects}
    return [
        TrendAspect(
            id=aspect_id,
            name=names.get(aspect_id, aspect_id),
            counts=PhaseCounts(
                begin=found["begin"],
                tussen=found["tussen"],
                gevorderd=found["gevorderd"],
                none=found[None],
            ),
            phase=_median(found),
        )
        for aspect_id, found in counted.items()
    ]


def _median(counts: Counter[PhaseId | None]) -> PhaseId | None:
    """team.median_phase, from the counts: the lower middle one of those with a phase."""
    with_phase = sum(counts[p] for p in PHASE_IDS)
    if not with_phase:
        return None
    middle = (with_phase - 1) // 2  # 0-based position of the (lower) middle respondent
    for phase in PHASE_IDS:
        if middle < counts[phase]:
            return phase
        middle -= counts[phase]
    raise AssertionError("unreachable: the counts add up")

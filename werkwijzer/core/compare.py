"""Comparing two moments, format werkwijzer-compare/2: per aspect where it stood then and now.

A side of a comparison is one scan or several (a group). Each side stands where the team report
(werkwijzer.core.team) puts a team: per aspect the phase distribution, the median phase over the
respondents with a phase (for an even number the lower middle one), and per phase the mean score
over the respondents with a score for that phase.

The verdict per aspect comes from werkwijzer.core.change: the mean phase position now minus then,
against Welch's noise band for groups of that size and spread.
1. either side without any respondent with a position (too few answers): onbekend;
2. fewer than MIN_RESPONDENTS with a position on either side: te_weinig (no verdict);
3. a change above the band: vooruit; below it: achteruit; inside it: gelijk.
The median phase is shown, but does not decide: one respondent can move it across a boundary.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal, Protocol

from werkwijzer.core.change import MIN_RESPONDENTS, VERDICTS, Verdict, position, shift
from werkwijzer.core.documents import described
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS, LayerId, PhaseId
from werkwijzer.core.periods import school_year_of
from werkwijzer.core.plan_review import PlanReview
from werkwijzer.core.scoring import SCORE_DECIMALS
from werkwijzer.core.team import BOARD_LAYER, PhaseCounts, distinct_schools, median_phase

COMPARE_FORMAT: Final = "werkwijzer-compare/2"
ChosenBy = Literal["scans", "files", "school"]


class ScoredAspect(Protocol):
    """What a comparison reads of one aspect of one scan (a Result's aspect, or a stored summary)."""

    @property
    def id(self) -> str: ...
    @property
    def phase(self) -> PhaseId | None: ...
    @property
    def scores(self) -> Mapping[PhaseId, float | None]: ...


class Scored(Protocol):
    """What a comparison reads of one scan."""

    @property
    def layer(self) -> LayerId: ...
    @property
    def school(self) -> str | None: ...
    @property
    def respondent(self) -> str | None: ...
    @property
    def date(self) -> dt.date | None: ...
    @property
    def model_version(self) -> str: ...
    @property
    def aspects(self) -> Sequence[ScoredAspect]: ...


@dataclass(frozen=True, kw_only=True)
class Standing:
    """Where one side stands on one aspect."""

    phase: PhaseId | None = described("One scan: its phase. A group: the median phase.")
    scores: dict[PhaseId, float | None] = described(
        "Per phase the mean score over the respondents with a score for that phase."
    )
    counts: PhaseCounts = described("How many respondents stand in each phase.")
    position: float | None = described(
        "Mean phase position (0-3): per respondent, per phase the share of the mastery "
        "threshold reached (at most 1), added up."
    )
    positioned: int = described("Respondents with a phase position (a score in every phase).")


@dataclass(frozen=True, kw_only=True)
class Side:
    """What one side is made of. A group never names its respondents."""

    chosen_by: ChosenBy = described(
        "How the side was given: stored scan numbers, answers files or folders, or a school in "
        "a period (--school with --from or --to)."
    )
    scans: list[int] = described("Ids of stored scans on this side.")
    files: list[str] = described(
        "The answers file given on the command line, for a single scan only: file "
        "names often name people, so a group lists none."
    )
    respondents: int
    per_layer: dict[LayerId, int] = described("Respondents per layer, in model order.")
    respondent: str | None = described("The respondent's name, for a single scan only.")
    schools: list[str] = described("Schools named in the scans of school leaders and teachers.")
    boards: list[str] = described("Names in the scans of board members: usually the board's.")
    layers: list[LayerId]
    period: str | None = described("The period asked for (--from or --to), as typed.")
    school_years: list[str] = described("School years of the scans' dates, e.g. 2025/2026.")
    first_date: dt.date | None
    last_date: dt.date | None
    model_versions: list[str]


@dataclass(frozen=True, kw_only=True)
class AspectChange:
    id: str
    name: str
    then: Standing | None = described("Null when this side's model has no such aspect.")
    now: Standing | None
    changes: dict[PhaseId, float | None] = described(
        "Per phase: the score now minus the score then; null when either is missing."
    )
    difference: float | None = described("Mean phase position now minus then.")
    margin: float | None = described(
        "Half-width of the 95% noise band around the difference (Welch); null when a side has "
        "fewer than min_respondents respondents with a position."
    )
    verdict: Verdict = described(
        "vooruit or achteruit: the difference lies outside the noise band; gelijk: inside it; "
        "te_weinig: too few respondents to tell; onbekend: too few answers on a side."
    )


@dataclass(frozen=True, kw_only=True)
class Comparison:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": COMPARE_FORMAT}

    format: Literal["werkwijzer-compare/2"] = COMPARE_FORMAT
    group: bool = described("True when a side holds more than one scan (team medians).")
    min_respondents: int = described("Respondents with a position a side needs for a verdict.")
    then: Side
    now: Side
    aspects: list[AspectChange]
    plan_review: PlanReview | None = described(
        "The plan made for the school year of 'then': each target against what 'now' reached, "
        "and whether each priority's evaluation moment has passed.",
        default=None,
    )

    def tally(self) -> dict[Verdict, int]:
        return {v: sum(1 for a in self.aspects if a.verdict == v) for v in VERDICTS}


# --- standings -----------------------------------------------------------------------------------


def standing(
    scans: Sequence[Scored], aspect_id: str, threshold: float
) -> tuple[Standing, list[float]]:
    """One side on one aspect, and the phase positions of its respondents."""
    found = [a for s in scans for a in s.aspects if a.id == aspect_id]
    counted = Counter(a.phase for a in found)
    positions = [p for a in found if (p := position(a.scores, threshold)) is not None]
    return (
        Standing(
            phase=median_phase(a.phase for a in found),
            scores={p: _mean([a.scores.get(p) for a in found]) for p in PHASE_IDS},
            counts=PhaseCounts(
                begin=counted["begin"],
                tussen=counted["tussen"],
                gevorderd=counted["gevorderd"],
                none=counted[None],
            ),
            position=_mean(positions),
            positioned=len(positions),
        ),
        positions,
    )


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.fmean(present), SCORE_DECIMALS) if present else None


def _changes(then: Standing | None, now: Standing | None) -> dict[PhaseId, float | None]:
    out: dict[PhaseId, float | None] = {}
    for phase in PHASE_IDS:
        before = then.scores.get(phase) if then else None
        after = now.scores.get(phase) if now else None
        out[phase] = (
            None if before is None or after is None else round(after - before, SCORE_DECIMALS)
        )
    return out


# --- the comparison ------------------------------------------------------------------------------


def side(
    scans: Sequence[Scored],
    *,
    chosen_by: ChosenBy,
    ids: Sequence[int] = (),
    files: Sequence[str] = (),
    period: str | None = None,
) -> Side:
    dates = sorted(r.date for r in scans if r.date is not None)
    layers = Counter(r.layer for r in scans)
    return Side(
        chosen_by=chosen_by,
        scans=sorted(ids),
        files=list(files) if len(scans) == 1 else [],
        respondents=len(scans),
        per_layer={layer: layers[layer] for layer in LAYER_IDS if layers[layer]},
        respondent=scans[0].respondent if len(scans) == 1 else None,
        schools=distinct_schools(r.school for r in scans if r.layer != BOARD_LAYER),
        boards=distinct_schools(r.school for r in scans if r.layer == BOARD_LAYER),
        layers=[layer for layer in LAYER_IDS if layers[layer]],
        period=period,
        school_years=sorted({school_year_of(d) for d in dates}),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        model_versions=sorted({r.model_version for r in scans}),
    )


def compare(
    then: Sequence[Scored],
    now: Sequence[Scored],
    then_side: Side,
    now_side: Side,
    *,
    threshold: float,
    names: Mapping[str, str],
) -> Comparison:
    """Compare two non-empty sides, aspect by aspect, in the order the aspects first appear.

    `names` gives the aspects' names (from the model); an aspect it lacks is named by its id.
    """
    if not then or not now:
        raise ValueError("both sides need at least one scan")
    before = _aspect_ids(then)
    after = _aspect_ids(now)
    aspects = []
    for aspect_id in dict.fromkeys([*before, *after]):
        old, old_positions = (
            standing(then, aspect_id, threshold) if aspect_id in before else (None, [])
        )
        new, new_positions = (
            standing(now, aspect_id, threshold) if aspect_id in after else (None, [])
        )
        moved = shift(old_positions, new_positions)
        aspects.append(
            AspectChange(
                id=aspect_id,
                name=names.get(aspect_id, aspect_id),
                then=old,
                now=new,
                changes=_changes(old, new),
                difference=_rounded(moved.difference),
                margin=_rounded(moved.margin),
                verdict=moved.verdict,
            )
        )
    return Comparison(
        group=len(then) > 1 or len(now) > 1,
        min_respondents=MIN_RESPONDENTS,
        then=then_side,
        now=now_side,
        aspects=aspects,
    )


def _aspect_ids(scans: Sequence[Scored]) -> list[str]:
    return list(dict.fromkeys(a.id for s in scans for a in s.aspects))


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, SCORE_DECIMALS)

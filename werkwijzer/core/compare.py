"""Comparing two moments, format werkwijzer-compare/1: per aspect where it stood then and now.

A side of a comparison is one result (a single scan) or several (a group). A group stands where
the team report (werkwijzer.core.team) puts a team: the median phase over the respondents with a phase
(for an even number the lower middle one), and per phase the mean score over the respondents with
a score for that phase.

The verdict per aspect, in this order:
1. either side without a phase (too few answers): onbekend;
2. a higher phase now: vooruit; a lower phase: achteruit;
3. the same phase: the score in that phase decides; a change of at least SAME_MARGIN (5
   percentage points) up is vooruit, down is achteruit, anything smaller is gelijk. A missing
   score there: gelijk.
The margin keeps a team's mean from calling a wobble progress; one respondent who moves one answer
one step already moves a phase score by 11 points (three statements per phase), so that counts.
Reaching every phase (mastered_all) needs no rule of its own: both sides are then in the last phase,
and its score decides.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.documents import described
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS, LayerId, PhaseId
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import SCORE_DECIMALS
from werkwijzer.core.team import distinct_schools, median_phase

COMPARE_FORMAT: Final = "werkwijzer-compare/1"
SAME_MARGIN = 0.05
Verdict = Literal["vooruit", "gelijk", "achteruit", "onbekend"]
VERDICTS: tuple[Verdict, ...] = ("vooruit", "gelijk", "achteruit", "onbekend")


@dataclass(frozen=True, kw_only=True)
class Standing:
    """Where one side stands on one aspect."""

    phase: PhaseId | None
    scores: dict[PhaseId, float | None]


@dataclass(frozen=True, kw_only=True)
class Side:
    """What one side is made of. A group never names its respondents."""

    scans: list[int] = described("Ids of stored scans on this side.")
    files: list[str] = described(
        "The answers file given on the command line, for a single scan only: file "
        "names often name people, so a group lists none."
    )
    respondents: int
    respondent: str | None = described("The respondent's name, for a single scan only.")
    schools: list[str]
    layers: list[LayerId]
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
    verdict: Verdict


@dataclass(frozen=True, kw_only=True)
class Comparison:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": COMPARE_FORMAT}

    format: Literal["werkwijzer-compare/1"] = COMPARE_FORMAT
    group: bool = described("True when a side holds more than one scan (team medians).")
    then: Side
    now: Side
    aspects: list[AspectChange]

    def tally(self) -> dict[Verdict, int]:
        return {v: sum(1 for a in self.aspects if a.verdict == v) for v in VERDICTS}


# --- standings -----------------------------------------------------------------------------------


def standings(results: Sequence[Result]) -> dict[str, Standing]:
    """Per aspect id: one result as it is, several as the team report would place the team."""
    aspect_ids = list(dict.fromkeys(a.id for r in results for a in r.aspects))
    if len(results) == 1:
        return {a.id: Standing(phase=a.phase, scores=a.scores) for a in results[0].aspects}
    out = {}
    for aspect_id in aspect_ids:
        found = [a for r in results for a in r.aspects if a.id == aspect_id]
        out[aspect_id] = Standing(
            phase=median_phase(a.phase for a in found),
            scores={p: _mean([a.scores[p] for a in found]) for p in PHASE_IDS},
        )
    return out


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return round(statistics.fmean(present), SCORE_DECIMALS) if present else None


# --- the verdict ---------------------------------------------------------------------------------


def verdict(then: Standing | None, now: Standing | None) -> Verdict:
    if then is None or now is None or then.phase is None or now.phase is None:
        return "onbekend"
    step = PHASE_IDS.index(now.phase) - PHASE_IDS.index(then.phase)
    if step:
        return "vooruit" if step > 0 else "achteruit"
    before, after = then.scores.get(then.phase), now.scores.get(now.phase)
    if before is None or after is None:
        return "gelijk"
    change = round(after - before, SCORE_DECIMALS)
    if change >= SAME_MARGIN:
        return "vooruit"
    if change <= -SAME_MARGIN:
        return "achteruit"
    return "gelijk"


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


def side(results: Sequence[Result], scans: Sequence[int] = (), files: Sequence[str] = ()) -> Side:
    dates = sorted(r.date for r in results if r.date is not None)
    return Side(
        scans=list(scans),
        files=list(files) if len(results) == 1 else [],
        respondents=len(results),
        respondent=results[0].respondent if len(results) == 1 else None,
        schools=distinct_schools(r.school for r in results),
        layers=[layer for layer in LAYER_IDS if any(r.layer == layer for r in results)],
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        model_versions=sorted({r.model_version for r in results}),
    )


def compare(
    then: Sequence[Result], now: Sequence[Result], then_side: Side, now_side: Side
) -> Comparison:
    """Compare two non-empty sides, aspect by aspect, in the order the aspects first appear."""
    if not then or not now:
        raise ValueError("both sides need at least one result")
    before, after = standings(then), standings(now)
    names = {a.id: a.name for r in (*now, *then) for a in r.aspects}
    aspects = [
        AspectChange(
            id=aspect_id,
            name=names[aspect_id],
            then=before.get(aspect_id),
            now=after.get(aspect_id),
            changes=_changes(before.get(aspect_id), after.get(aspect_id)),
            verdict=verdict(before.get(aspect_id), after.get(aspect_id)),
        )
        for aspect_id in dict.fromkeys([*before, *after])
    ]
    return Comparison(
        group=len(then) > 1 or len(now) > 1, then=then_side, now=now_side, aspects=aspects
    )

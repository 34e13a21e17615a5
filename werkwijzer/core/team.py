"""Many results -> one team result, format werkwijzer-team/1. Pure functions, no I/O.

The definitions, in the order a team report uses them:

- Groups. Everyone together is always a group. A layer is shown as a group of its own only when at
  least `min_group` respondents answered for it. Its answers always count for everyone together.
  With `protect_totals` (off by default), one more layer is folded when the folded layers together
  would otherwise have fewer than `min_group` respondents: their figures would then be everyone
  minus the shown layers. Example: 1 school leader and 12 teachers. Showing everyone and the
  teachers gives the school leader's answers away by subtraction, so with `protect_totals` the
  teachers are folded too and only everyone is shown. It is off by default because it then hides
  exactly the comparison of leaders and teachers that a team meeting is for.
- Median phase of a group: over the respondents with a phase (respondents without one answered too
  little). For an even number, the lower of the two middle phases.
- Mean phase score of a group: per phase, the mean over the respondents with a score for that phase.
- Differences in perception, only between groups that are shown:
  - layer gaps: the median phases of two shown layers differ by one phase or more;
  - layer spread: the respondents of one shown layer are in each of the three phases;
  - statements with the widest spread: the population standard deviation of the answers (1-4) of one
    statement; every statement belongs to one layer, so only statements of shown layers count, and a
    statement needs at least max(2, min_group) answers other than 'weet ik niet'. The five highest,
    ties in model order; a statement everyone answered alike is never listed.
- Start advice: scoring.choose_start over the team phases, with the mean score in the team phase.
- Discussion questions: for the start aspect and for every aspect with a layer gap or layer spread.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.answers import Answers
from werkwijzer.core.documents import described, to_jsonable
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.core.plan_review import JaarPlan, PlanReview
from werkwijzer.core.result import ActionOut, Result
from werkwijzer.core.scoring import SCORE_DECIMALS, StartCandidate, action_out, choose_start

TEAM_FORMAT: Final = "werkwijzer-team/1"
# A board member answers for the board and all its schools: the `school` in their file is usually
# the board's name, so it is reported as a board, not as another school.
BOARD_LAYER: Final = "bestuurder"
DEFAULT_MIN_GROUP = 3
TOP_STATEMENTS = 5

Fold = Literal["small_group", "back_calculation"]
Reason = Literal["start", "layers_differ", "layer_spread"]


# --- the contract --------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PhaseCounts:
    """How many respondents of a group are in each phase; `none`: too few answers for a phase."""

    begin: int = 0
    tussen: int = 0
    gevorderd: int = 0
    none: int = 0

    def of(self, phase: PhaseId | None) -> int:
        return self.none if phase is None else int(getattr(self, phase))


@dataclass(frozen=True, kw_only=True)
class GroupResult:
    layer: LayerId | None = described("The layer, or null for everyone together.")
    respondents: int
    counts: PhaseCounts
    phase: PhaseId | None = described("Median phase; even count: the lower middle one.")
    scores: dict[PhaseId, float | None] = described(
        "Per phase the mean score over the respondents with a score for that phase."
    )


@dataclass(frozen=True, kw_only=True)
class TeamAspect:
    id: str
    name: str
    phase: PhaseId | None = described("The team's phase: the median phase of everyone.")
    everyone: GroupResult
    layers: list[GroupResult] = described("The layers shown as a group, in model order.")


@dataclass(frozen=True, kw_only=True)
class LayerCount:
    layer: LayerId
    respondents: int
    shown: bool
    folded: Fold | None = described(
        "Why a layer is not shown: small_group (fewer than min_group respondents) or "
        "back_calculation (shown, it would let the folded layers be computed from the totals)."
    )


@dataclass(frozen=True, kw_only=True)
class LayerPhase:
    layer: LayerId
    phase: PhaseId


@dataclass(frozen=True, kw_only=True)
class LayerGap:
    aspect: str
    higher: LayerPhase
    lower: LayerPhase
    distance: int = described("Number of phases between the two medians (1 or 2).")


@dataclass(frozen=True, kw_only=True)
class LayerSpread:
    aspect: str
    layer: LayerId
    counts: PhaseCounts


@dataclass(frozen=True, kw_only=True)
class StatementSpread:
    item: str
    text: str
    aspect: str
    layer: LayerId
    phase: PhaseId
    answers: int = described("Answers 1-4 given ('weet ik niet' not counted).")
    unknown: int = described("Answers 'weet ik niet / n.v.t.'.")
    counts: list[int] = described("How many answered 1, 2, 3 and 4, in that order.")
    mean: float
    sd: float = described("Population standard deviation of the answers 1-4.")


@dataclass(frozen=True, kw_only=True)
class Differences:
    layer_gaps: list[LayerGap]
    layer_spreads: list[LayerSpread]
    statements: list[StatementSpread]
    min_answers: int = described("Answers a statement needs to be ranked by its spread.")


@dataclass(frozen=True, kw_only=True)
class StartLayer:
    layer: LayerId
    description: str
    actions: list[ActionOut]


@dataclass(frozen=True, kw_only=True)
class TeamStart:
    aspect: str
    phase: PhaseId
    layers: list[StartLayer] = described(
        "Per layer present: the cell of the start aspect in the team's phase."
    )


@dataclass(frozen=True, kw_only=True)
class Discussion:
    aspect: str
    name: str
    reasons: list[Reason]
    questions: list[str]


@dataclass(frozen=True, kw_only=True)
class SchoolGroup:
    """One school of a board overview: everyone of that school except the board members."""

    school: str | None = described("The school's name; null for files that name no school.")
    respondents: int
    shown: bool
    folded: Fold | None = described(
        "Why a school is not shown on its own: small_group or back_calculation, as for layers."
    )
    aspects: dict[str, GroupResult] = described("Per aspect id; empty when the school is folded.")


@dataclass(frozen=True, kw_only=True)
class TeamResult:
    """A team report: no names and no file names, only figures of groups big enough to show."""

    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": TEAM_FORMAT}

    format: Literal["werkwijzer-team/1"] = TEAM_FORMAT
    model_version: str
    title: str | None
    schools: list[str] = described("Schools named in the files of school leaders and teachers.")
    boards: list[str] = described(
        "Names in the files of board members (bestuurder): usually the board's name."
    )
    answer_model_versions: list[str] = described(
        "Model versions the answers files were made with (none given: the current)."
    )
    first_date: dt.date | None
    last_date: dt.date | None
    respondents: int
    min_group: int
    layers: list[LayerCount] = described("Every layer with respondents, in model order.")
    aspects: list[TeamAspect]
    differences: Differences
    start: TeamStart | None
    discussion: list[Discussion]
    per_school: list[SchoolGroup] = described(
        "With answers from more than one school (a board overview): each school, by name.",
        default_factory=list,
    )
    plan: JaarPlan | None = described(
        "The plan for this school year (export --plan FILE, or the plan in the store).",
        default=None,
    )
    plan_review: PlanReview | None = described(
        "Last school year's plan: each target against the team's phase now.", default=None
    )

    def shown_layers(self) -> list[LayerId]:
        return [c.layer for c in self.layers if c.shown]

    def folded_layers(self) -> list[LayerCount]:
        return [c for c in self.layers if not c.shown]


@dataclass(frozen=True)
class Respondent:
    """One answers file as read: where it came from (for messages only), the answers, the result."""

    source: str
    answers: Answers
    result: Result


# --- medians -------------------------------------------------------------------------------------


def median_phase(phases: Iterable[PhaseId | None]) -> PhaseId | None:
    """The median phase of those with a phase; for an even number the lower of the middle two.

    The lower one, because a team where half still stands in a phase has not yet left it: the advice
    then starts with what half the team still needs, and the median stays a real phase.
    """
    ranked = sorted(PHASE_IDS.index(p) for p in phases if p is not None)
    if not ranked:
        return None
    return PHASE_IDS[ranked[(len(ranked) - 1) // 2]]


def median_phases(results: Iterable[Result]) -> dict[str, PhaseId | None]:
    """Per aspect id (in order of first appearance): the median phase over the results."""
    phases: dict[str, list[PhaseId | None]] = {}
    for result in results:
        for aspect in result.aspects:
            phases.setdefault(aspect.id, []).append(aspect.phase)
    return {aspect: median_phase(found) for aspect, found in phases.items()}


# --- groups and privacy --------------------------------------------------------------------------


def fold_layers(
    counts: Mapping[LayerId, int], min_group: int, *, protect_totals: bool = False
) -> dict[LayerId, Fold | None]:
    """Per layer with respondents: None when shown as a group, else why it is folded."""
    present = {layer: counts[layer] for layer in LAYER_IDS if counts.get(layer, 0) > 0}
    folds: dict[LayerId, Fold | None] = {
        layer: ("small_group" if n < min_group else None) for layer, n in present.items()
    }

    def folded_total() -> int:
        return sum(present[layer] for layer, fold in folds.items() if fold)

    shown = [layer for layer, fold in folds.items() if fold is None]
    while protect_totals and shown and 0 < folded_total() < min_group:
        smallest = min(shown, key=lambda layer: present[layer])
        shown.remove(smallest)
        folds[smallest] = "back_calculation"
    return folds


def _group(layer: LayerId | None, results: Sequence[Result], aspect_id: str) -> GroupResult:
    aspects = [r.aspect(aspect_id) for r in results]
    counted = Counter(a.phase for a in aspects)
    scores: dict[PhaseId, float | None] = {}
    for phase in PHASE_IDS:
        values = [s for a in aspects if (s := a.scores[phase]) is not None]
        scores[phase] = round(statistics.fmean(values), SCORE_DECIMALS) if values else None
    return GroupResult(
        layer=layer,
        respondents=len(results),
        counts=PhaseCounts(
            begin=counted["begin"],
            tussen=counted["tussen"],
            gevorderd=counted["gevorderd"],
            none=counted[None],
        ),
        phase=median_phase(a.phase for a in aspects),
        scores=scores,
    )


# --- differences ---------------------------------------------------------------------------------


def _layer_gaps(aspect: TeamAspect) -> list[LayerGap]:
    gaps = []
    with_phase = [g for g in aspect.layers if g.phase is not None]
    for i, first in enumerate(with_phase):
        for second in with_phase[i + 1 :]:
            assert first.layer and first.phase and second.layer and second.phase
            a = LayerPhase(layer=first.layer, phase=first.phase)
            b = LayerPhase(layer=second.layer, phase=second.phase)
            distance = PHASE_IDS.index(a.phase) - PHASE_IDS.index(b.phase)
            if distance:
                higher, lower = (a, b) if distance > 0 else (b, a)
                gaps.append(
                    LayerGap(aspect=aspect.id, higher=higher, lower=lower, distance=abs(distance))
                )
    return gaps


def _layer_spreads(aspect: TeamAspect) -> list[LayerSpread]:
    return [
        LayerSpread(aspect=aspect.id, layer=group.layer, counts=group.counts)
        for group in aspect.layers
        if group.layer and all(group.counts.of(p) > 0 for p in PHASE_IDS)
    ]


def _statement_spreads(
    model: Model, by_layer: Mapping[LayerId, Sequence[Answers]], min_answers: int
) -> list[StatementSpread]:
    found = []
    for layer, answers in by_layer.items():
        for place in model.items_for(layer):
            given = [a.answers.get(place.item.id) for a in answers]
            values = [v for v in given if v is not None]
            if len(values) < min_answers:
                continue
            sd = statistics.pstdev(values)
            if sd == 0:
                continue
            found.append(
                StatementSpread(
                    item=place.item.id,
                    text=place.item.text,
                    aspect=place.aspect.id,
                    layer=layer,
                    phase=place.phase,
                    answers=len(values),
                    unknown=sum(1 for a in answers if place.item.id in a.answers) - len(values),
                    counts=[values.count(v) for v in (1, 2, 3, 4)],
                    mean=round(statistics.fmean(values), 2),
                    sd=round(sd, SCORE_DECIMALS),
                )
            )
    # sorted() is stable, so equal spreads keep model order (layers in model order, then items).
    return sorted(found, key=lambda s: -s.sd)[:TOP_STATEMENTS]


# --- the team result -----------------------------------------------------------------------------


def build_team(
    model: Model,
    respondents: Sequence[Respondent],
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    protect_totals: bool = False,
    title: str | None = None,
) -> TeamResult:
    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    results = [r.result for r in respondents]
    by_layer = {
        layer: [r for r in respondents if r.answers.layer == layer]
        for layer in LAYER_IDS
        if any(r.answers.layer == layer for r in respondents)
    }
    folds = fold_layers(
        {layer: len(rs) for layer, rs in by_layer.items()}, min_group, protect_totals=protect_totals
    )
    shown = [layer for layer, fold in folds.items() if fold is None]
    aspects = [
        TeamAspect(
            id=aspect.id,
            name=aspect.name,
            phase=(everyone := _group(None, results, aspect.id)).phase,
            everyone=everyone,
            layers=[
                _group(layer, [r.result for r in by_layer[layer]], aspect.id) for layer in shown
            ],
        )
        for aspect in model.aspects
    ]
    min_answers = max(2, min_group)
    differences = Differences(
        layer_gaps=[gap for a in aspects for gap in _layer_gaps(a)],
        layer_spreads=[spread for a in aspects for spread in _layer_spreads(a)],
        statements=_statement_spreads(
            model, {layer: [r.answers for r in by_layer[layer]] for layer in shown}, min_answers
        ),
        min_answers=min_answers,
    )
    start = _team_start(model, aspects, list(by_layer))
    dates = sorted(r.answers.date for r in respondents if r.answers.date is not None)
    return TeamResult(
        model_version=model.version,
        title=title,
        schools=distinct_schools(
            r.answers.school for r in respondents if r.answers.layer != BOARD_LAYER
        ),
        boards=distinct_schools(
            r.answers.school for r in respondents if r.answers.layer == BOARD_LAYER
        ),
        answer_model_versions=sorted(
            {r.answers.model_version or model.version for r in respondents}
        ),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        respondents=len(respondents),
        min_group=min_group,
        layers=[
            LayerCount(
                layer=layer, respondents=len(by_layer[layer]), shown=fold is None, folded=fold
            )
            for layer, fold in folds.items()
        ],
        aspects=aspects,
        differences=differences,
        start=start,
        discussion=_discussion(model, start, differences),
    )


def _team_start(
    model: Model, aspects: Sequence[TeamAspect], present: Sequence[LayerId]
) -> TeamStart | None:
    chosen = choose_start(
        StartCandidate(a.id, a.phase, a.everyone.scores[a.phase] if a.phase else None)
        for a in aspects
    )
    if chosen is None:
        return None
    aspect = model.aspect(chosen.aspect)
    layers = []
    for layer in present:
        cell = aspect.cell(layer, chosen.phase)
        layers.append(
            StartLayer(
                layer=layer,
                description=cell.description,
                actions=[action_out(model, action) for action in cell.actions],
            )
        )
    return TeamStart(aspect=chosen.aspect, phase=chosen.phase, layers=layers)


def _discussion(
    model: Model, start: TeamStart | None, differences: Differences
) -> list[Discussion]:
    reasons: dict[str, list[Reason]] = {}
    if start is not None:
        reasons[start.aspect] = ["start"]
    for gap in differences.layer_gaps:
        reasons.setdefault(gap.aspect, []).append("layers_differ")
    for spread in differences.layer_spreads:
        reasons.setdefault(spread.aspect, []).append("layer_spread")
    order = [a.id for a in model.aspects]
    return [
        Discussion(
            aspect=aspect_id,
            name=(aspect := model.aspect(aspect_id)).name,
            reasons=list(dict.fromkeys(found)),
            questions=aspect.discussion_questions,
        )
        for aspect_id, found in sorted(
            reasons.items(), key=lambda r: (r[1][0] != "start", order.index(r[0]))
        )
    ]


# --- schools, and respondents for a per-respondent export ----------------------------------------


def school_key(name: str) -> str:
    """Two spellings of one school ('OBS De Regenboog', 'obs  de regenboog') are the same school."""
    return " ".join(name.casefold().split())


def distinct_schools(names: Iterable[str | None]) -> list[str]:
    """The schools named, one spelling each (the first met), sorted."""
    first: dict[str, str] = {}
    for name in names:
        if name:
            first.setdefault(school_key(name), name)
    return sorted(first.values(), key=school_key)


@dataclass(frozen=True)
class NumberedResult:
    """A respondent without a name: a number, and the layer only when that layer is shown."""

    number: int
    layer: LayerId | None
    result: Result
    school: str | None = None  # only for a row of a shown layer in a shown school


def numbered_results(respondents: Sequence[Respondent], team: TeamResult) -> list[NumberedResult]:
    """Respondents numbered 1..n for a per-respondent export, in an order that reveals no one.

    Shown layers first (in model order), then everyone in a folded layer as one group; inside a
    group the order follows a hash of the answers, not the file names (often people's names).
    """
    shown = team.shown_layers()

    def rank(r: Respondent) -> tuple[int, str]:
        layer = r.answers.layer
        group = shown.index(layer) if layer in shown else len(shown)
        return group, hashlib.sha256(
            json.dumps(to_jsonable(r.answers), sort_keys=True).encode()
        ).hexdigest()

    return [
        NumberedResult(n, r.answers.layer if r.answers.layer in shown else None, r.result)
        for n, r in enumerate(sorted(respondents, key=rank), 1)
    ]

"""Many results -> one team result, format werkwijzer-team/3. Pure functions, no I/O.

The privacy rule, one rule for every format (markdown, HTML, JSON, CSV, xlsx):

1. Groups. The candidate groups are the layers; with `show_leadership` the bestuurder and the
   schoolleiders form one group instead, the leadership ('leiding'). A group is shown when it has
   at least `min_group` respondents. The leadership, asked for with `show_leadership`, is shown also
   when it is smaller: the leaders agreed to it, and the report labels it as their own assessment.
2. The rest: respondents in no shown group. When they are at least `min_group` together, they count
   in the figures of everyone. When they are fewer, they are left out of every figure: everyone
   minus the shown groups would otherwise be exactly them.
3. Figures per statement (answer counts, 'weet ik niet') only for a layer with at least `min_group`
   respondents in the report: every statement belongs to one layer, so a statement of a smaller
   layer would show a few people's own answers.
4. Rows per respondent (CSV, xlsx) only for shown groups of at least `min_group` respondents, and
   labelled with the group, never with a layer inside it.
5. A report in which fewer than `min_group` respondents count is refused.

So every figure is of a shown group, of everyone, or (by subtraction) of the rest counted in
everyone, and each of those has at least `min_group` respondents or is the agreed leadership.
Respondent counts per layer are shown: they say who took part, not what anyone answered.

The figures:

- Median phase of a group: over its respondents with a phase; for an even number the lower one.
- Split ('verdeeld'): of a group's respondents with a phase, the beginfase and the gevorderde fase
  each hold at least a quarter, and the tussenfase holds fewer than either. The median of such a
  group is a phase few people are in, so reports show the distribution instead.
- Mean phase score of a group: the mean of the exact scores of those with a score, rounded once.
- Splits listed: the split groups of an aspect; everyone only when no group is split.
- Group gaps: the medians of two shown groups, neither split, differ by one phase or more.
- Statements with the widest spread: the population standard deviation of the answers 1-4, for
  statements with at least max(2, min_group) answers; the five highest, ties in model order.
- Start advice: scoring.choose_start over the team phases, with the mean score in the team phase;
  actions only for the layers whose answers count in the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.answers import Answers
from werkwijzer.core.documents import described, to_jsonable
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS, Aspect, LayerId, Model, PhaseId
from werkwijzer.core.plan_review import JaarPlan, PlanReview
from werkwijzer.core.result import ActionOut, Result
from werkwijzer.core.scoring import (
    SCORE_DECIMALS,
    StartCandidate,
    action_out,
    choose_start,
    exact_scores,
)
from werkwijzer.core.team_questions import Question, questions

TEAM_FORMAT: Final = "werkwijzer-team/3"
# A board member answers for the board and all its schools: the `school` in their file is usually
# the board's name, so it is reported as a board, not as another school.
BOARD_LAYER: Final = "bestuurder"
LEADERSHIP: Final = "leiding"
LEADERSHIP_LAYERS: Final[tuple[LayerId, ...]] = ("bestuurder", "schoolleider")
# Staff surveys in the Netherlands report no group smaller than five.
DEFAULT_MIN_GROUP = 5
TOP_STATEMENTS = 5
UNKNOWN_STATEMENTS = 2  # per aspect, the statements most people did not know
MIN_UNKNOWN = 2  # one person's 'weet ik niet' is not yet a finding

GroupId = Literal["bestuurder", "schoolleider", "leraar", "leiding"]
Fold = Literal["small_group", "back_calculation"]


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

    def with_phase(self) -> int:
        return self.begin + self.tussen + self.gevorderd


@dataclass(frozen=True, kw_only=True)
class LayerCount:
    layer: LayerId
    respondents: int
    group: GroupId | None = described("The shown group these respondents are in, or null.")
    counted: bool = described(
        "Whether their answers count in the figures of everyone. False: left out of every figure, "
        "because they would be everyone minus the shown groups and are fewer than min_group."
    )


@dataclass(frozen=True, kw_only=True)
class GroupInfo:
    id: GroupId
    layers: list[LayerId]
    respondents: int
    agreed: bool = described(
        "Shown with fewer than min_group respondents because the leaders agreed "
        "(--show-leadership): the leadership's own assessment, no rows per respondent."
    )


@dataclass(frozen=True, kw_only=True)
class GroupResult:
    group: GroupId | None = described("The group, or null for everyone in the report.")
    respondents: int
    counts: PhaseCounts
    phase: PhaseId | None = described("Median phase; even count: the lower middle one.")
    split: bool = described(
        "Verdeeld: beginfase and gevorderde fase each hold at least a quarter of those with a "
        "phase, the tussenfase fewer than either."
    )
    scores: dict[PhaseId, float | None] = described(
        "Per phase the mean of the exact scores of those with a score, rounded once."
    )
    unknown: int = described("Answers 'weet ik niet' on this aspect's statements.")
    unanswered: int = described("Statements of this aspect left unanswered.")
    statements: int = described("Statements of this aspect put to the group, summed over people.")


@dataclass(frozen=True, kw_only=True)
class StatementCounts:
    item: str
    text: str
    aspect: str
    layer: LayerId
    phase: PhaseId
    counts: list[int] = described("How many answered 1, 2, 3 and 4, in that order.")
    answers: int = described("Answers 1-4 given ('weet ik niet' not counted).")
    unknown: int = described("Answers 'weet ik niet / n.v.t.'.")
    unanswered: int = described("Respondents of the layer who left the statement open.")
    mean: float | None
    sd: float | None = described("Population standard deviation of the answers 1-4.")


@dataclass(frozen=True, kw_only=True)
class TeamAspect:
    id: str
    name: str
    phase: PhaseId | None = described("The team's phase: the median phase of everyone.")
    everyone: GroupResult
    groups: list[GroupResult] = described("The shown groups, in the order of `groups`.")
    unknown_statements: list[StatementCounts] = described(
        "The statements of this aspect most people answered 'weet ik niet' (at least two people)."
    )


@dataclass(frozen=True, kw_only=True)
class Split:
    aspect: str
    group: GroupId | None = described("The split group, or null for everyone.")
    counts: PhaseCounts


@dataclass(frozen=True, kw_only=True)
class GroupPhase:
    group: GroupId
    phase: PhaseId


@dataclass(frozen=True, kw_only=True)
class GroupGap:
    aspect: str
    higher: GroupPhase
    lower: GroupPhase
    distance: int = described("Number of phases between the two medians (1 or 2).")


@dataclass(frozen=True, kw_only=True)
class Differences:
    splits: list[Split] = described("Split groups; they lead the differences.")
    group_gaps: list[GroupGap]
    statements: list[StatementCounts] = described("The statements with the widest spread.")
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
    split: bool = described("Everyone is split on the start aspect.")
    layers: list[StartLayer] = described(
        "Per layer whose answers count in the report: the cell of the start aspect and phase."
    )


@dataclass(frozen=True, kw_only=True)
class SchoolGroup:
    """One school of a board overview (core/board.py): its members' figures, board members apart."""

    school: str | None = described("The school's name as first written; null: files without one.")
    respondents: int = described(
        "Respondents of this school whose answers count, board members not included: they answer "
        "for every school of the board."
    )
    shown: bool
    folded: Fold | None = described(
        "Why the school is not shown apart: 'small_group' (fewer than min_group respondents) or "
        "'back_calculation' (everyone minus the shown schools would be fewer than min_group "
        "people, and give their answers away)."
    )
    aspects: dict[str, GroupResult] = described(
        "Per aspect id the school's figures (group null); empty when the school is not shown."
    )


@dataclass(frozen=True, kw_only=True)
class TeamResult:
    """A team report: no names and no file names, only figures the privacy rule allows.

    The fields follow the report: who took part, where the team stands, the differences, the
    questions, where to begin; then every statement, for the appendix and the workbook.
    """

    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": TEAM_FORMAT}

    format: Literal["werkwijzer-team/3"] = TEAM_FORMAT
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
    respondents: int = described("Everyone who took part (every answers file).")
    counted: int = described("Respondents whose answers count in the figures.")
    min_group: int
    show_leadership: bool
    threshold: float = described("A phase counts as reached (mastered) from this score on.")
    layers: list[LayerCount] = described("Every layer with respondents, in model order.")
    groups: list[GroupInfo] = described("The groups shown apart, in model order.")
    aspects: list[TeamAspect]
    differences: Differences
    questions: list[Question] = described(
        "Discussion questions: first those tied to findings, then the model's general ones."
    )
    start: TeamStart | None
    statements: list[StatementCounts] = described(
        "Every statement of a layer with at least min_group respondents in the report."
    )
    schools_apart: list[SchoolGroup] = described(
        "A board overview: the schools side by side, when the answers come from more than one "
        "school; empty for one school.",
        default_factory=list,
    )
    plan: JaarPlan | None = described(
        "The school's plan for the school year of these answers, shown as the jaarplan.",
        default=None,
    )
    plan_review: PlanReview | None = described(
        "The plan of the school year before, looked back on: its targets against the phases now.",
        default=None,
    )

    def rows(self, aspect: TeamAspect) -> list[GroupResult]:
        return shown_rows(aspect)

    def group(self, group_id: GroupId) -> GroupInfo:
        return next(g for g in self.groups if g.id == group_id)

    def left_out(self) -> list[LayerCount]:
        return [c for c in self.layers if not c.counted]


def shown_rows(aspect: TeamAspect) -> list[GroupResult]:
    """The groups to show for an aspect: everyone, unless it is just the one shown group."""
    if len(aspect.groups) == 1 and aspect.groups[0].respondents == aspect.everyone.respondents:
        return aspect.groups
    return [aspect.everyone, *aspect.groups]


@dataclass(frozen=True)
class Respondent:
    """One answers file as read: where it came from (for messages only), the answers, the result."""

    source: str
    answers: Answers
    result: Result


# --- medians and splits --------------------------------------------------------------------------


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


def is_split(counts: PhaseCounts) -> bool:
    """Both outer phases hold at least a quarter of those with a phase, the middle fewer than each."""
    outer = min(counts.begin, counts.gevorderd)
    return outer > 0 and 4 * outer >= counts.with_phase() and counts.tussen < outer


# --- groups and privacy --------------------------------------------------------------------------


@dataclass(frozen=True)
class Grouping:
    """Who is shown in which group, and who counts at all: the privacy rule applied."""

    groups: dict[GroupId, list[LayerId]]  # shown groups, in model order
    agreed: frozenset[GroupId]  # shown below min_group because the leaders agreed
    counted: frozenset[LayerId]  # layers whose answers count in the figures

    def group_of(self, layer: LayerId) -> GroupId | None:
        return next((g for g, layers in self.groups.items() if layer in layers), None)


def group_layers(
    counts: Mapping[LayerId, int], min_group: int, *, show_leadership: bool = False
) -> Grouping:
    """Apply the privacy rule (module docstring) to the number of respondents per layer."""
    present = {layer: counts[layer] for layer in LAYER_IDS if counts.get(layer, 0) > 0}
    candidates: dict[GroupId, list[LayerId]] = {}
    for layer in present:
        lead = show_leadership and layer in LEADERSHIP_LAYERS
        candidates.setdefault(LEADERSHIP if lead else layer, []).append(layer)

    def size(layers: Sequence[LayerId]) -> int:
        return sum(present[layer] for layer in layers)

    if size(list(present)) < min_group:
        raise WerkwijzerError(
            f"Er deden {size(list(present))} mensen mee, minder dan --min-group {min_group}: dan "
            "zijn de antwoorden tot personen te herleiden. Verlaag --min-group alleen als iedereen "
            "die meedeed dat goed vindt."
        )
    shown = {g: layers for g, layers in candidates.items() if size(layers) >= min_group}
    agreed = frozenset(
        g for g in candidates if g == LEADERSHIP and g not in shown and show_leadership
    )
    shown.update({g: candidates[g] for g in agreed})
    shown = {g: layers for g, layers in candidates.items() if g in shown}  # model order
    rest = [layer for layer in present if not any(layer in ls for ls in shown.values())]
    counted = set(present)
    if 0 < size(rest) < min_group:
        counted -= set(rest)
    if agreed and not counted - set(LEADERSHIP_LAYERS):
        raise WerkwijzerError(
            "Met --show-leadership staat de zelfbeoordeling van de leiding naast die van het team, "
            f"maar er zijn te weinig andere respondenten om als team te tonen (minder dan "
            f"--min-group {min_group}). Laat --show-leadership weg."
        )
    return Grouping(shown, agreed, frozenset(counted))


@dataclass(frozen=True)
class PersonFigures:
    """One respondent as the team figures need it: exact scores and missing answers per aspect."""

    respondent: Respondent
    exact: dict[str, dict[PhaseId, Fraction | None]]
    missing: dict[str, tuple[int, int, int]]  # aspect -> (weet ik niet, unanswered, statements)

    @property
    def layer(self) -> LayerId:
        return self.respondent.answers.layer


def person_figures(model: Model, respondent: Respondent) -> PersonFigures:
    answers = respondent.answers
    exact, missing = {}, {}
    for aspect in model.aspects:
        exact[aspect.id] = exact_scores(aspect, answers)
        items = [i.id for p in PHASE_IDS for i in aspect.cell(answers.layer, p).items]
        unknown = sum(1 for i in items if i in answers.answers and answers.answers[i] is None)
        unanswered = sum(1 for i in items if i not in answers.answers)
        missing[aspect.id] = (unknown, unanswered, len(items))
    return PersonFigures(respondent, exact, missing)


def group_result(
    group: GroupId | None, people: Sequence[PersonFigures], aspect_id: str
) -> GroupResult:
    phases = [p.respondent.result.aspect(aspect_id).phase for p in people]
    counted = Counter(phases)
    counts = PhaseCounts(
        begin=counted["begin"],
        tussen=counted["tussen"],
        gevorderd=counted["gevorderd"],
        none=counted[None],
    )
    scores: dict[PhaseId, float | None] = {}
    for phase in PHASE_IDS:
        values = [s for p in people if (s := p.exact[aspect_id][phase]) is not None]
        mean = sum(values, Fraction(0)) / len(values) if values else None
        scores[phase] = None if mean is None else round(float(mean), SCORE_DECIMALS)
    return GroupResult(
        group=group,
        respondents=len(people),
        counts=counts,
        phase=median_phase(phases),
        split=is_split(counts),
        scores=scores,
        unknown=sum(p.missing[aspect_id][0] for p in people),
        unanswered=sum(p.missing[aspect_id][1] for p in people),
        statements=sum(p.missing[aspect_id][2] for p in people),
    )


# --- statements ----------------------------------------------------------------------------------


def _statements(
    model: Model, by_layer: Mapping[LayerId, Sequence[Answers]]
) -> list[StatementCounts]:
    found = []
    for layer, answers in by_layer.items():
        for place in model.items_for(layer):
            given = [a.answers[place.item.id] for a in answers if place.item.id in a.answers]
            values = [v for v in given if v is not None]
            found.append(
                StatementCounts(
                    item=place.item.id,
                    text=place.item.text,
                    aspect=place.aspect.id,
                    layer=layer,
                    phase=place.phase,
                    counts=[values.count(v) for v in (1, 2, 3, 4)],
                    answers=len(values),
                    unknown=len(given) - len(values),
                    unanswered=len(answers) - len(given),
                    mean=round(statistics.fmean(values), 2) if values else None,
                    sd=round(statistics.pstdev(values), SCORE_DECIMALS) if values else None,
                )
            )
    return found


def widest_spread(statements: Sequence[StatementCounts], min_answers: int) -> list[StatementCounts]:
    """The statements whose answers differ most; never one everyone answered alike."""
    ranked = [s for s in statements if s.answers >= min_answers and s.sd]
    # sorted() is stable, so equal spreads keep model order (layers in model order, then items).
    return sorted(ranked, key=lambda s: -(s.sd or 0))[:TOP_STATEMENTS]


def most_unknown(statements: Sequence[StatementCounts], aspect: str) -> list[StatementCounts]:
    known = [s for s in statements if s.aspect == aspect and s.unknown >= MIN_UNKNOWN]
    return sorted(known, key=lambda s: -s.unknown)[:UNKNOWN_STATEMENTS]


# --- differences ---------------------------------------------------------------------------------


def _splits(team_rows: Sequence[GroupResult], aspect_id: str) -> list[Split]:
    """The split groups; everyone only when no group is split (it would say the same twice)."""
    split = [g for g in team_rows if g.split and g.group is not None]
    if not split:
        split = [g for g in team_rows if g.split]
    return [Split(aspect=aspect_id, group=g.group, counts=g.counts) for g in split]


def _gaps(aspect: TeamAspect) -> list[GroupGap]:
    gaps = []
    real = [g for g in aspect.groups if g.phase is not None and not g.split]
    for i, first in enumerate(real):
        for second in real[i + 1 :]:
            assert first.group and first.phase and second.group and second.phase
            a = GroupPhase(group=first.group, phase=first.phase)
            b = GroupPhase(group=second.group, phase=second.phase)
            distance = PHASE_IDS.index(a.phase) - PHASE_IDS.index(b.phase)
            if distance:
                higher, lower = (a, b) if distance > 0 else (b, a)
                gaps.append(
                    GroupGap(aspect=aspect.id, higher=higher, lower=lower, distance=abs(distance))
                )
    return gaps


# --- the team result -----------------------------------------------------------------------------


def build_team(
    model: Model,
    respondents: Sequence[Respondent],
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    show_leadership: bool = False,
    title: str | None = None,
) -> TeamResult:

    if min_group < 1:
        raise ValueError("min_group must be at least 1")
    by_layer = {
        layer: [r for r in respondents if r.answers.layer == layer]
        for layer in LAYER_IDS
        if any(r.answers.layer == layer for r in respondents)
    }
    grouping = group_layers(
        {layer: len(rs) for layer, rs in by_layer.items()},
        min_group,
        show_leadership=show_leadership,
    )
    people = [person_figures(model, r) for r in respondents if r.answers.layer in grouping.counted]
    groups = [
        GroupInfo(
            id=group,
            layers=layers,
            respondents=sum(len(by_layer[layer]) for layer in layers),
            agreed=group in grouping.agreed,
        )
        for group, layers in grouping.groups.items()
    ]
    statements = _statements(
        model,
        {
            layer: [r.answers for r in rs]
            for layer, rs in by_layer.items()
            if layer in grouping.counted and len(rs) >= min_group
        },
    )
    aspects = [_team_aspect(aspect, people, groups, statements) for aspect in model.aspects]
    differences = _differences(aspects, statements, min_group)
    start = _team_start(model, aspects, [layer for layer in by_layer if layer in grouping.counted])
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
        first_date=min(_dates(people), default=None),
        last_date=max(_dates(people), default=None),
        respondents=len(respondents),
        counted=len(people),
        min_group=min_group,
        show_leadership=show_leadership,
        threshold=model.threshold,
        layers=[
            LayerCount(
                layer=layer,
                respondents=len(rs),
                group=grouping.group_of(layer),
                counted=layer in grouping.counted,
            )
            for layer, rs in by_layer.items()
        ],
        groups=groups,
        aspects=aspects,
        differences=differences,
        questions=questions(model, aspects, differences, start),
        start=start,
        statements=statements,
    )


def _differences(
    aspects: Sequence[TeamAspect], statements: Sequence[StatementCounts], min_group: int
) -> Differences:
    min_answers = max(2, min_group)
    return Differences(
        splits=[split for a in aspects for split in _splits(shown_rows(a), a.id)],
        group_gaps=[gap for a in aspects for gap in _gaps(a)],
        statements=widest_spread(statements, min_answers),
        min_answers=min_answers,
    )


def _dates(people: Sequence[PersonFigures]) -> list[dt.date]:
    return [d for p in people if (d := p.respondent.answers.date) is not None]


def _team_aspect(
    aspect: Aspect,
    people: Sequence[PersonFigures],
    groups: Sequence[GroupInfo],
    statements: Sequence[StatementCounts],
) -> TeamAspect:
    everyone = group_result(None, people, aspect.id)
    return TeamAspect(
        id=aspect.id,
        name=aspect.name,
        phase=everyone.phase,
        everyone=everyone,
        groups=[
            group_result(g.id, [p for p in people if p.layer in g.layers], aspect.id)
            for g in groups
        ],
        unknown_statements=most_unknown(statements, aspect.id),
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
    split = next(a.everyone.split for a in aspects if a.id == chosen.aspect)
    return TeamStart(aspect=chosen.aspect, phase=chosen.phase, split=split, layers=layers)


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
    """A respondent without a name: a number and the shown group (never the layer inside it),
    and the school where the privacy rule allows it (core/board.py)."""

    number: int
    group: GroupId
    result: Result
    school: str | None = None


def numbered_results(
    respondents: Sequence[Respondent],
    team: TeamResult,
    schools: Sequence[str | None] | None = None,
) -> list[NumberedResult]:
    """Respondents of the shown groups of at least min_group people, numbered 1..n.

    Groups in the team's order; inside a group the order follows a hash of the answers, not the
    file names (often people's names). Nobody of a smaller or hidden group gets a row. `schools`:
    per respondent (same order) the school its row may show (board.school_labels).
    """
    listed = [g for g in team.groups if g.respondents >= team.min_group]
    group_of = {layer: g.id for g in listed for layer in g.layers}
    order = [g.id for g in listed]
    labels = schools if schools is not None else [None] * len(respondents)

    def rank(pair: tuple[Respondent, str | None]) -> tuple[int, str]:
        r = pair[0]
        digest = hashlib.sha256(json.dumps(to_jsonable(r.answers), sort_keys=True).encode())
        return order.index(group_of[r.answers.layer]), digest.hexdigest()

    chosen = sorted(
        ((r, s) for r, s in zip(respondents, labels, strict=True) if r.answers.layer in group_of),
        key=rank,
    )
    return [
        NumberedResult(n, group_of[r.answers.layer], r.result, school)
        for n, (r, school) in enumerate(chosen, 1)
    ]

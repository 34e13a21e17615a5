"""The scoring rule: answers + model -> result. Pure functions, no I/O.

- An answer v counts as (v - 1) / 3.
- Per aspect and phase, the score is the mean over the layer's answered items of that phase; it is
  None when fewer than half of that phase's items are answered.
- The aspect's phase is the first phase whose score is below the threshold. If every phase reaches
  it, the phase is the last one and `mastered_all` is true. A None score met first: no phase.
- What holds a respondent in their phase (`held_back_by`): the statements of that phase answered
  below 'grotendeels' (1 or 2). A later phase that scores at least one answer step (1/3) higher
  than the respondent's phase is reported (`higher_later_phase`): the earlier statements may have
  been read more strictly, and are worth reading again.
- The start advice is the aspect with the lowest phase; ties go to the lowest score in that phase,
  then to model order. Aspects without a phase are skipped.

Scores are computed as exact fractions, so a score on the threshold is never misjudged by rounding.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.model import PHASE_IDS, Action, Aspect, LayerId, Model, PhaseId
from werkwijzer.core.result import ActionOut, AspectResult, InstrumentRef, Result, Start

SCORE_DECIMALS = 4
# "Clearly higher": one step on the answer scale, on average.
CLEARLY_HIGHER = Fraction(1, 3)
# Below this answer a statement holds the respondent back: 3 is "grotendeels".
HOLDS = 3


def answer_weight(value: int) -> Fraction:
    return Fraction(value - 1, 3)


def phase_score(values: Sequence[AnswerValue | None], *, absent: int = 0) -> Fraction | None:
    """Mean weight of the answered values; None when fewer than half of all items are answered.

    `values` holds the answers given (None: weet ik niet); `absent` counts items not answered at all.
    """
    answered = [v for v in values if v is not None]
    total = len(values) + absent
    if total == 0 or 2 * len(answered) < total:
        return None
    # The mean of the weights (v - 1) / 3, built as one Fraction: the same exact value as summing
    # the weights, and several times faster when a team export scores a thousand files.
    return Fraction(sum(v - 1 for v in answered), 3 * len(answered))


@dataclass(frozen=True)
class PhaseFinding:
    phase: PhaseId | None
    mastered_all: bool


def find_phase(scores: Mapping[PhaseId, Fraction | None], threshold: Fraction) -> PhaseFinding:
    """Walk the phases in order: the first below the threshold is where the respondent is."""
    for phase in PHASE_IDS:
        score = scores[phase]
        if score is None:
            return PhaseFinding(None, False)
        if score < threshold:
            return PhaseFinding(phase, False)
    return PhaseFinding(PHASE_IDS[-1], True)


@dataclass(frozen=True)
class StartCandidate:
    aspect: str
    phase: PhaseId | None
    score: float | Fraction | None


def choose_start(candidates: Iterable[StartCandidate]) -> Start | None:
    """Lowest phase first, then the lowest score in that phase, then model order (the given order)."""
    ranked = [
        (PHASE_IDS.index(c.phase), c.score if c.score is not None else 1, order, c)
        for order, c in enumerate(candidates)
        if c.phase is not None
    ]
    if not ranked:
        return None
    best = min(ranked, key=lambda r: (r[0], r[1], r[2]))[3]
    assert best.phase is not None
    return Start(aspect=best.aspect, phase=best.phase)


def threshold_fraction(model: Model) -> Fraction:
    """The threshold as the exact fraction scores are held against (0.75 -> 3/4, 0.6667 -> 6667/10000).

    The HTML form scores with this same fraction, so its result is the one `score` gives.
    """
    return Fraction(model.threshold).limit_denominator(10_000)


def score(model: Model, answers: Answers) -> Result:
    return Scorer(model).score(answers)


class Scorer:
    """Scores answers files against one model.

    Scoring a team's thousand files would build the same few dozen actions a thousand times; a
    scorer builds each action's output once (they are frozen) and shares it between results.
    """

    def __init__(self, model: Model) -> None:
        self.model = model
        self._actions: dict[str, ActionOut] = {}

    def score(self, answers: Answers) -> Result:
        aspects = [self._score_aspect(aspect, answers) for aspect in self.model.aspects]
        start = choose_start(
            StartCandidate(a.id, a.phase, a.scores[a.phase] if a.phase else None) for a in aspects
        )
        return Result(
            model_version=self.model.version,
            layer=answers.layer,
            school=answers.school,
            respondent=answers.respondent,
            date=answers.date,
            aspects=aspects,
            start=start,
        )

    def _score_aspect(self, aspect: Aspect, answers: Answers) -> AspectResult:
        layer: LayerId = answers.layer
        exact = exact_scores(aspect, answers)
        items = [i for phase in PHASE_IDS for i in aspect.cell(layer, phase).items]
        answered = sum(1 for i in items if answers.answers.get(i.id) is not None)
        total = len(items)
        threshold = threshold_fraction(self.model)
        finding = find_phase(exact, threshold)
        held = finding.phase if finding.phase and not finding.mastered_all else None
        actions = aspect.cell(layer, finding.phase).actions if finding.phase else []
        return AspectResult(
            id=aspect.id,
            name=aspect.name,
            phase=finding.phase,
            mastered_all=finding.mastered_all,
            scores={p: _rounded(s) for p, s in exact.items()},
            reached={p: None if s is None else s >= threshold for p, s in exact.items()},
            held_back_by=_held_back_by(aspect, layer, held, answers) if held else [],
            higher_later_phase=_higher_later_phase(exact, held) if held else None,
            answered=answered,
            total=total,
            actions=[self._action(a) for a in actions],
        )

    def _action(self, action: Action) -> ActionOut:
        if action.id not in self._actions:
            self._actions[action.id] = action_out(self.model, action)
        return self._actions[action.id]


def exact_scores(aspect: Aspect, answers: Answers) -> dict[PhaseId, Fraction | None]:
    """Per phase the exact score of one respondent on one aspect (a team averages these)."""
    exact: dict[PhaseId, Fraction | None] = {}
    for phase in PHASE_IDS:
        items = aspect.cell(answers.layer, phase).items
        given = [answers.answers[i.id] for i in items if i.id in answers.answers]
        exact[phase] = phase_score(given, absent=len(items) - len(given))
    return exact


def action_out(model: Model, action: Action) -> ActionOut:
    return ActionOut(
        id=action.id,
        title=action.title,
        description=action.description,
        effort=action.effort,
        instruments=[
            InstrumentRef(id=i, name=model.instrument(i).name) for i in action.instruments
        ],
    )


def _held_back_by(aspect: Aspect, layer: LayerId, phase: PhaseId, answers: Answers) -> list[str]:
    items = aspect.cell(layer, phase).items
    return [i.id for i in items if (v := answers.answers.get(i.id)) is not None and v < HOLDS]


def _higher_later_phase(exact: Mapping[PhaseId, Fraction | None], phase: PhaseId) -> PhaseId | None:
    here = exact[phase]
    if here is None:
        return None
    for later in PHASE_IDS[PHASE_IDS.index(phase) + 1 :]:
        score = exact[later]
        if score is not None and score - here >= CLEARLY_HIGHER:
            return later
    return None


def _rounded(value: Fraction | None) -> float | None:
    return None if value is None else round(float(value), SCORE_DECIMALS)

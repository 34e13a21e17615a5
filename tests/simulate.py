"""Simulated teams for the tests: answers drawn from a level per person and aspect, and answer noise.

A respondent has a level per aspect, in phases (0 to about 3). On a statement of phase k (0 begin,
1 tussen, 2 gevorderd) the expected answer rises from 1 to 4 as the level passes k: a level of
1.5 masters the beginfase and stands halfway in the tussenfase. The answer is that expectation
plus a little individual scatter, rounded to 1-4. "One phase up" is the level plus 1, with the
answers drawn anew. Test-retest noise moves each answer one step up or down (at random) with a
given probability, kept within 1-4. Everything comes from one random.Random, so a seed fixes it.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from conftest import answer_value

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.model import PHASE_IDS, LayerId, Model


@dataclass(frozen=True)
class Person:
    layer: LayerId
    levels: Mapping[str, float]  # per aspect id, in phases


def expected_answer(level: float, phase_index: int) -> float:
    return 1 + 3 / (1 + math.exp(-2.2 * (level - phase_index - 0.3)))


def draw_answers(rng: random.Random, model: Model, person: Person, **meta: Any) -> Answers:
    answers: dict[str, AnswerValue] = {}
    for place in model.items_for(person.layer):
        mean = expected_answer(person.levels[place.aspect.id], PHASE_IDS.index(place.phase))
        answers[place.item.id] = answer_value(min(4, max(1, round(mean + rng.gauss(0, 0.6)))))
    return Answers(layer=person.layer, answers=answers, **meta)


def with_noise(rng: random.Random, answers: Answers, p_step: float) -> Answers:
    """Each answer moves one step up or down (at random) with probability `p_step`, within 1-4."""
    moved: dict[str, AnswerValue] = {}
    for item, value in answers.answers.items():
        if value is not None and rng.random() < p_step:
            value = answer_value(min(4, max(1, value + rng.choice((-1, 1)))))
        moved[item] = value
    return replace(answers, answers=moved)


def team(
    rng: random.Random,
    model: Model,
    layers: Sequence[LayerId],
    low: float = 0.0,
    high: float = 2.6,
) -> list[Person]:
    """People of these layers, each with a level per aspect drawn between `low` and `high`."""
    return [
        Person(layer, {a.id: rng.uniform(low, high) for a in model.aspects}) for layer in layers
    ]


def one_phase_up(person: Person, aspect_id: str) -> Person:
    return Person(person.layer, {**person.levels, aspect_id: person.levels[aspect_id] + 1})


# --- repeated comparisons ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rates:
    """What `repeat_comparisons` found: verdicts other than 'gelijk' on unchanged aspects (of
    which 'vooruit' or 'achteruit' are wrong; 'te_weinig' declines to judge), and 'vooruit' on
    the aspect that moved up (when one did)."""

    repeats: int
    unchanged: int  # aspect comparisons where nothing changed but noise
    false_verdicts: int  # of those, verdicts other than gelijk
    wrong_verdicts: int  # of those, vooruit or achteruit
    detected: int  # repeats where the moved aspect was 'vooruit'
    verdicts: dict[str, int]

    @property
    def false_rate(self) -> float:
        return self.false_verdicts / self.unchanged if self.unchanged else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong_verdicts / self.unchanged if self.unchanged else 0.0

    @property
    def detection_rate(self) -> float:
        return self.detected / self.repeats


def repeat_comparisons(
    model: Model,
    *,
    seed: int,
    repeats: int,
    layers: Sequence[LayerId],
    p_step: float = 0.2,
    moved: str | None = None,
) -> Rates:
    """Compare a team with itself a year later, `repeats` times, each time a new team.

    The second year is the first plus answer noise; when `moved` names an aspect, every teacher
    (leraar) stands one phase higher on it and answers it anew.
    """
    from werkwijzer.core.compare import compare, side
    from werkwijzer.core.scoring import Scorer

    rng = random.Random(seed)
    scorer = Scorer(model)
    names = {a.id: a.name for a in model.aspects}
    counted: dict[str, int] = {}
    unchanged = false_verdicts = wrong_verdicts = detected = 0
    for _ in range(repeats):
        people = team(rng, model, layers)
        first = [draw_answers(rng, model, p) for p in people]
        second = []
        for person, answers in zip(people, first, strict=True):
            again = with_noise(rng, answers, p_step)
            if moved is not None and person.layer == "leraar":
                up = with_noise(rng, draw_answers(rng, model, one_phase_up(person, moved)), p_step)
                again = replace(
                    again,
                    answers={
                        item: up.answers[item] if item.startswith(f"{moved}.") else value
                        for item, value in again.answers.items()
                    },
                )
            second.append(again)
        then = [scorer.score(a) for a in first]
        now = [scorer.score(a) for a in second]
        comparison = compare(
            then,
            now,
            side(then, chosen_by="files"),
            side(now, chosen_by="files"),
            threshold=model.threshold,
            names=names,
        )
        for aspect in comparison.aspects:
            counted[aspect.verdict] = counted.get(aspect.verdict, 0) + 1
            if aspect.id == moved:
                detected += aspect.verdict == "vooruit"
            else:
                unchanged += 1
                false_verdicts += aspect.verdict != "gelijk"
                wrong_verdicts += aspect.verdict in ("vooruit", "achteruit")
    return Rates(repeats, unchanged, false_verdicts, wrong_verdicts, detected, counted)

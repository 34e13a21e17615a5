"""Does compare tell answer noise from real change? Simulated teams (tests/simulate.py), fixed seeds.

The criteria of issue 14: a team of 14 whose second year is its first plus test-retest noise
(each answer one step up or down with probability 0.2) gets a verdict other than 'gelijk' in at
most 5% of its aspect comparisons, over at least 200 repeats; when every teacher stands one phase
higher on one aspect, that aspect is 'vooruit' in at least 95% of the repeats. bench/sim_compare.py
prints these rates for more team sizes and noise levels.
"""

from __future__ import annotations

import random
import statistics

import pytest
from simulate import draw_answers, repeat_comparisons, team, with_noise

from werkwijzer.core.model import PHASE_IDS, LayerId, Model
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import Scorer
from werkwijzer.core.team import median_phase

REPEATS = 200
TEACHERS: tuple[LayerId, ...] = ("leraar",) * 14


def test_noise_alone_is_gelijk(model: Model) -> None:
    rates = repeat_comparisons(model, seed=14, repeats=REPEATS, layers=TEACHERS)
    assert rates.unchanged == REPEATS * len(model.aspects)
    assert rates.false_rate <= 0.05, rates


def test_more_noise_is_still_gelijk(model: Model) -> None:
    # Twice the noise (an answer moves with probability 0.4): still no false alarms to speak of.
    rates = repeat_comparisons(model, seed=15, repeats=REPEATS, layers=TEACHERS, p_step=0.4)
    assert rates.false_rate <= 0.05, rates


@pytest.mark.parametrize("aspect", ["werken_met_data", "koers"])
def test_one_phase_up_is_vooruit(model: Model, aspect: str) -> None:
    rates = repeat_comparisons(model, seed=16, repeats=REPEATS, layers=TEACHERS, moved=aspect)
    assert rates.detection_rate >= 0.95, rates
    assert rates.false_rate <= 0.05, rates  # the other aspects stay gelijk meanwhile


def test_a_team_with_its_leaders_and_board(model: Model) -> None:
    layers: tuple[LayerId, ...] = ("bestuurder", "schoolleider", "schoolleider", *TEACHERS)
    rates = repeat_comparisons(model, seed=17, repeats=REPEATS, layers=layers)
    assert rates.false_rate <= 0.05, rates


def test_two_school_leaders_are_too_few(model: Model) -> None:
    rates = repeat_comparisons(model, seed=19, repeats=50, layers=("schoolleider",) * 2)
    assert rates.verdicts == {"te_weinig": 50 * len(model.aspects)}


def old_verdict(then: list[Result], now: list[Result], aspect_id: str) -> str:
    """The rule before issue 14: the median phase, else a 5-point margin on its mean score."""
    before, after = (median_phase(r.aspect(aspect_id).phase for r in side) for side in (then, now))
    if before is None or after is None:
        return "onbekend"
    if before != after:
        return "vooruit" if PHASE_IDS.index(after) > PHASE_IDS.index(before) else "achteruit"
    means = [
        statistics.fmean(s for r in side if (s := r.aspect(aspect_id).scores[before]) is not None)
        for side in (then, now)
    ]
    return "gelijk" if abs(means[1] - means[0]) < 0.05 else "verschil"


def test_the_simulation_tells_a_bad_rule(model: Model) -> None:
    """On the same simulated teams the old rule calls noise a change far more often than 5%:
    the simulation really separates a good rule from a bad one."""
    rng = random.Random(14)
    scorer = Scorer(model)
    verdicts = []
    for _ in range(REPEATS):
        first = [draw_answers(rng, model, p) for p in team(rng, model, TEACHERS)]
        then = [scorer.score(a) for a in first]
        now = [scorer.score(with_noise(rng, a, 0.2)) for a in first]
        verdicts += [old_verdict(then, now, a.id) for a in model.aspects]
    assert sum(v != "gelijk" for v in verdicts) / len(verdicts) > 0.05

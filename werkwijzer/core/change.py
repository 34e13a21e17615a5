"""When has a group really moved? The phase position of a respondent, and a noise band around a change.

People answer the same statements a little differently from one week to the next, so the team's
median phase or a mean score can move while nothing changed. A verdict is given only when the
change is larger than what that answer noise explains, given the size and the spread of the groups.

The method, in three steps:

1. Phase position. Per respondent and aspect one number from 0 to 3: for each phase the share of
   the mastery threshold its score reaches (at most 1), added up. Mastering the beginfase and
   standing halfway to the threshold in the tussenfase is 1.5; every phase mastered is 3. It moves
   smoothly with the answers, where the phase itself jumps at the threshold, and one phase up is
   about one point. A respondent counts when every phase of the aspect has a score.
2. The change is the mean position now minus the mean position then.
3. Its noise band is Welch's: the standard error sqrt(s1²/n1 + s2²/n2) of the difference of two
   group means, times the 97.5% point of Student's t with the Welch-Satterthwaite degrees of
   freedom. A change outside the band is 'vooruit' or 'achteruit', inside it 'gelijk'. For two
   groups drawn from the same population, 5% of the changes fall outside by chance; when the same
   people answer again, far fewer do, because their answers then vary less than the group does.

With fewer than MIN_RESPONDENTS respondents with a position on either side, the spread cannot be
estimated well enough, and no verdict is given ('te_weinig').
"""

from __future__ import annotations

import itertools
import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from werkwijzer.core.model import PHASE_IDS, PhaseId

MIN_RESPONDENTS = 5
_TINY = 1e-9
Verdict = Literal["vooruit", "gelijk", "achteruit", "onbekend", "te_weinig"]
VERDICTS: tuple[Verdict, ...] = ("vooruit", "gelijk", "achteruit", "te_weinig", "onbekend")

# Two-sided 95% points of Student's t (the 0.975 quantile) by degrees of freedom; between the
# rows the value is interpolated in 1/df, which is accurate to the third decimal.
_T_975: tuple[tuple[float, float], ...] = (
    (1, 12.706),
    (2, 4.303),
    (3, 3.182),
    (4, 2.776),
    (5, 2.571),
    (6, 2.447),
    (7, 2.365),
    (8, 2.306),
    (9, 2.262),
    (10, 2.228),
    (12, 2.179),
    (15, 2.131),
    (20, 2.086),
    (25, 2.060),
    (30, 2.042),
    (40, 2.021),
    (60, 2.000),
    (120, 1.980),
    (math.inf, 1.960),
)


def position(scores: Mapping[PhaseId, float | None], threshold: float) -> float | None:
    """The phase position (0-3) of one respondent on one aspect; None when a phase has no score."""
    total = 0.0
    for phase in PHASE_IDS:
        score = scores.get(phase)
        if score is None:
            return None
        total += min(1.0, score / threshold)
    return total


def t_975(df: float) -> float:
    """The 0.975 quantile of Student's t with `df` degrees of freedom (df >= 1)."""
    if df <= 1:
        return _T_975[0][1]
    for (low, t_low), (high, t_high) in itertools.pairwise(_T_975):
        if low <= df <= high:
            # 1/df runs from 1/low to 1/high (0 for infinity).
            weight = (1 / low - 1 / df) / (1 / low - (0 if high == math.inf else 1 / high))
            return t_low + weight * (t_high - t_low)
    return _T_975[-1][1]


@dataclass(frozen=True)
class Shift:
    """A change of the mean position, and how much of a change noise alone could explain."""

    difference: float | None  # mean now minus mean then; None when a side has no positions
    margin: float | None  # half the width of the noise band; None when a side is too small
    verdict: Verdict


def shift(then: Sequence[float], now: Sequence[float]) -> Shift:
    """The verdict on two groups of phase positions (see the module's description)."""
    if not then or not now:
        return Shift(None, None, "onbekend")
    difference = statistics.fmean(now) - statistics.fmean(then)
    if abs(difference) < _TINY:
        difference = 0.0  # the same groups give exactly 0, not a rounding error's 1e-16
    if min(len(then), len(now)) < MIN_RESPONDENTS:
        return Shift(difference, None, "te_weinig")
    margin = noise_margin(then, now)
    if difference > margin and difference:
        return Shift(difference, margin, "vooruit")
    if difference < -margin and difference:
        return Shift(difference, margin, "achteruit")
    return Shift(difference, margin, "gelijk")


def noise_margin(then: Sequence[float], now: Sequence[float]) -> float:
    """Welch's 95% half-width for the difference of the two means (both groups of at least 2)."""
    share_then = statistics.variance(then) / len(then)
    share_now = statistics.variance(now) / len(now)
    error = math.sqrt(share_then + share_now)
    if error == 0:
        return 0.0  # nobody differs from anyone: any change at all is a real one
    df = (share_then + share_now) ** 2 / (
        share_then**2 / (len(then) - 1) + share_now**2 / (len(now) - 1)
    )
    return t_975(df) * error

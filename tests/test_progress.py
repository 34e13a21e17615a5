"""compare's core: phase positions, the noise band, team standings, sides, and the periods users type.

The simulations that show the band tells noise from change are in test_noise.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import statistics
from collections.abc import Callable

import pytest
from conftest import answers_for
from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.core.change import MIN_RESPONDENTS, noise_margin, position, shift, t_975
from werkwijzer.core.compare import compare, side, standing
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import Model, PhaseId
from werkwijzer.core.periods import (
    normal_school_year,
    parse_period,
    previous_school_year,
    school_year_end,
    school_year_of,
)
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import score
from werkwijzer.core.team import Respondent, build_team

THRESHOLD = 0.75


def per_phase(values: dict[PhaseId, int]) -> Callable[[str, PhaseId, str], int]:
    """For answers_for: `values[phase]` on every statement of that phase."""
    return lambda _a, phase, _i: values[phase]


def result(model: Model, values: dict[PhaseId, int], **meta: object) -> Result:
    """A leraar who answers `values[phase]` on every statement of that phase."""
    answers = answers_for(model, "leraar", per_phase(values), **meta)
    return score(model, answers)


def names(model: Model) -> dict[str, str]:
    return {a.id: a.name for a in model.aspects}


# --- the phase position and the noise band -------------------------------------------------------


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ({"begin": 0.0, "tussen": 0.0, "gevorderd": 0.0}, 0.0),
        ({"begin": 1.0, "tussen": 1.0, "gevorderd": 1.0}, 3.0),
        # mastered beginfase (capped at 1), halfway to the threshold in the tussenfase
        ({"begin": 0.9, "tussen": 0.375, "gevorderd": 0.0}, 1.5),
        ({"begin": 0.75, "tussen": 0.75, "gevorderd": 0.15}, 2.2),
        ({"begin": 0.5, "tussen": None, "gevorderd": 0.0}, None),
    ],
)
def test_position(scores: dict[PhaseId, float | None], expected: float | None) -> None:
    found = position(scores, THRESHOLD)
    assert found == (None if expected is None else pytest.approx(expected))


@pytest.mark.parametrize(
    ("df", "t"),
    [(1, 12.706), (4, 2.776), (4.5, 2.65), (13, 2.160), (26, 2.056), (50, 2.009), (500, 1.965)],
)
def test_t_quantiles(df: float, t: float) -> None:
    assert t_975(df) == pytest.approx(t, abs=0.015)


@given(st.floats(min_value=1, max_value=10_000))
def test_t_quantiles_fall_towards_the_normal(df: float) -> None:
    assert 1.96 <= t_975(df) <= 12.706
    assert t_975(df) >= t_975(df + 1) - 1e-12


def test_the_band_is_welchs() -> None:
    then = [0.5, 1.0, 1.5, 2.0, 2.5, 1.0]
    now = [1.0, 1.5, 2.5, 2.5, 3.0, 2.0, 1.5]
    v1, v2 = statistics.variance(then) / 6, statistics.variance(now) / 7
    df = (v1 + v2) ** 2 / (v1**2 / 5 + v2**2 / 6)
    assert noise_margin(then, now) == pytest.approx(t_975(df) * math.sqrt(v1 + v2))


@pytest.mark.parametrize(
    ("then", "now", "verdict"),
    [
        ([1.0, 1.2, 0.8, 1.1, 0.9], [2.0, 2.2, 1.8, 2.1, 1.9], "vooruit"),
        ([2.0, 2.2, 1.8, 2.1, 1.9], [1.0, 1.2, 0.8, 1.1, 0.9], "achteruit"),
        ([0.0, 3.0, 0.5, 2.5, 1.5], [0.5, 3.0, 1.0, 2.5, 1.5], "gelijk"),  # +0.2 in a wide spread
        ([1.0] * 5, [1.0] * 5, "gelijk"),
        ([1.0] * 5, [1.5] * 5, "vooruit"),  # nobody differs: any change is real
        ([1.0] * 4, [2.0] * 40, "te_weinig"),
        ([], [2.0] * 10, "onbekend"),
    ],
)
def test_shift(then: list[float], now: list[float], verdict: str) -> None:
    found = shift(then, now)
    assert found.verdict == verdict
    if verdict == "te_weinig":
        assert min(len(then), len(now)) < MIN_RESPONDENTS and found.margin is None


# --- standings and comparisons -------------------------------------------------------------------


def test_one_scan_against_another_gets_no_verdict(model: Model) -> None:
    then = result(model, {"begin": 3, "tussen": 1, "gevorderd": 1}, date=dt.date(2025, 1, 1))
    now = result(model, {"begin": 4, "tussen": 3, "gevorderd": 1}, date=dt.date(2026, 1, 1))
    comparison = compare(
        [then],
        [now],
        side([then], chosen_by="scans", ids=[1]),
        side([now], chosen_by="files", files=["nu.yaml"]),
        threshold=model.threshold,
        names=names(model),
    )
    assert not comparison.group
    first = comparison.aspects[0]
    assert first.then is not None and first.now is not None
    # threshold 2/3: all 3s (67%) reach a phase, so then the beginfase is mastered, now the tussenfase
    assert (first.then.phase, first.now.phase) == ("tussen", "gevorderd")
    assert first.changes == {
        "begin": pytest.approx(0.3333),
        "tussen": pytest.approx(0.6667),
        "gevorderd": 0.0,
    }
    # one person: the phase moved, but one person's answers alone cannot tell change from noise
    assert {a.verdict for a in comparison.aspects} == {"te_weinig"}
    # positions: then 1 (begin mastered) + 0 + 0, now 1 + 1 (tussen reached) + 0
    assert first.difference == pytest.approx(2.0 - 1.0)
    assert comparison.then.scans == [1] and comparison.now.files == ["nu.yaml"]
    assert comparison.then.school_years == ["2024/2025"]


def test_group_standings_match_the_team_report(model: Model) -> None:
    patterns: list[dict[PhaseId, int]] = [
        {"begin": 1, "tussen": 1, "gevorderd": 1},
        {"begin": 4, "tussen": 2, "gevorderd": 1},
        {"begin": 4, "tussen": 4, "gevorderd": 2},
        {"begin": 4, "tussen": 4, "gevorderd": 4},
    ]
    answers = [answers_for(model, "leraar", per_phase(v)) for v in patterns]
    results = [score(model, a) for a in answers]
    team = build_team(
        model,
        [Respondent(str(n), a, r) for n, (a, r) in enumerate(zip(answers, results, strict=True))],
        min_group=1,
    )
    for aspect in team.aspects:
        mine, positions = standing(results, aspect.id, model.threshold)
        assert mine.phase == aspect.everyone.phase
        assert mine.scores == aspect.everyone.scores
        assert mine.counts == aspect.everyone.counts
        assert mine.positioned == len(positions) == 4
    # four respondents in begin, tussen, gevorderd, gevorderd: the lower middle one
    assert standing(results, model.aspects[0].id, model.threshold)[0].phase == "tussen"


def test_a_group_side_names_no_one_and_counts_per_layer(model: Model) -> None:
    results = [
        result(model, {"begin": v, "tussen": 1, "gevorderd": 1}, respondent=f"R{v}", school="A")
        for v in (2, 3)
    ]
    board = score(model, answers_for(model, "bestuurder", 2, school="Stichting B"))
    group = side([*results, board], chosen_by="files", files=["jan.yaml"])
    assert group.respondent is None and group.files == []
    assert group.respondents == 3 and group.schools == ["A"] and group.boards == ["Stichting B"]
    assert group.per_layer == {"bestuurder": 1, "leraar": 2}
    single = side(results[:1], chosen_by="files", files=["jan.yaml"])
    assert single.respondent == "R2" and single.files == ["jan.yaml"]


def test_an_aspect_on_one_side_only(model: Model) -> None:
    then = result(model, {"begin": 4, "tussen": 1, "gevorderd": 1})
    trimmed = dataclasses.replace(then, aspects=then.aspects[1:])
    comparison = compare(
        [trimmed],
        [then],
        side([trimmed], chosen_by="scans"),
        side([then], chosen_by="scans"),
        threshold=model.threshold,
        names=names(model),
    )
    first = comparison.aspects[-1]
    assert first.id == then.aspects[0].id and first.then is None and first.verdict == "onbekend"
    assert set(first.changes.values()) == {None}


def test_groups_of_enough_respondents_get_a_verdict(model: Model) -> None:
    low = [result(model, {"begin": v, "tussen": 1, "gevorderd": 1}) for v in (1, 2, 2, 1, 2)]
    high = [result(model, {"begin": 4, "tussen": v, "gevorderd": 1}) for v in (3, 3, 4, 3, 4)]
    comparison = compare(
        low,
        high,
        side(low, chosen_by="scans"),
        side(high, chosen_by="scans"),
        threshold=model.threshold,
        names=names(model),
    )
    assert comparison.group and comparison.min_respondents == MIN_RESPONDENTS
    assert {a.verdict for a in comparison.aspects} == {"vooruit"}
    first = comparison.aspects[0]
    assert first.margin is not None and first.difference is not None
    assert first.difference > first.margin > 0
    assert first.then is not None and first.then.counts.begin == 5


# --- school years --------------------------------------------------------------------------------


def test_school_years() -> None:
    assert school_year_of(dt.date(2025, 8, 1)) == "2025/2026"
    assert school_year_of(dt.date(2025, 7, 31)) == "2024/2025"
    assert normal_school_year(" 2025 - 2026 ") == "2025/2026"
    assert previous_school_year("2025/2026") == "2024/2025"
    assert school_year_end("2025/2026") == dt.date(2026, 7, 31)
    with pytest.raises(WerkwijzerError, match="geen schooljaar"):
        normal_school_year("2025")


# --- periods ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2025-10-01", dt.date(2025, 10, 1), dt.date(2025, 10, 1)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2025/2026", dt.date(2025, 8, 1), dt.date(2026, 7, 31)),
        ("2025-2026", dt.date(2025, 8, 1), dt.date(2026, 7, 31)),
        ("2025-09..2026-07", dt.date(2025, 9, 1), dt.date(2026, 7, 31)),
        (" 2025 .. 2025-03-04 ", dt.date(2025, 1, 1), dt.date(2025, 3, 4)),
    ],
)
def test_periods(text: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)
    assert start in period and end in period and start - dt.timedelta(days=1) not in period


@pytest.mark.parametrize(
    "text", ["", "gisteren", "2025-13", "2025-02-30", "2025/2027", "20251", "2026..2025"]
)
def test_bad_periods(text: str) -> None:
    with pytest.raises(WerkwijzerError):
        parse_period(text)

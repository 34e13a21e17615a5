"""compare's core: the verdict rule on hand-made pairs, team standings, and the periods users type."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from conftest import answers_for

from werkwijzer.core.compare import Standing, compare, side, standings, verdict
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import Model, PhaseId
from werkwijzer.core.periods import parse_period
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import score
from werkwijzer.core.team import Respondent, build_team


def standing(
    phase: PhaseId | None,
    begin: float | None = None,
    tussen: float | None = None,
    gevorderd: float | None = None,
) -> Standing:
    return Standing(phase=phase, scores={"begin": begin, "tussen": tussen, "gevorderd": gevorderd})


@pytest.mark.parametrize(
    ("then", "now", "expected"),
    [
        # a different phase decides, whatever the scores do
        (standing("begin", 0.7), standing("tussen", 1.0, 0.1), "vooruit"),
        (standing("tussen", 1.0, 0.7), standing("begin", 0.74), "achteruit"),
        (standing("begin", 0.0), standing("gevorderd", 1, 1, 0), "vooruit"),
        # the same phase: the score in that phase, with a margin of 5 points
        (standing("tussen", 0.8, 0.30), standing("tussen", 0.8, 0.35), "vooruit"),
        (standing("tussen", 0.8, 0.30), standing("tussen", 0.8, 0.3499), "gelijk"),
        (standing("tussen", 0.8, 0.30), standing("tussen", 0.8, 0.2501), "gelijk"),
        (standing("tussen", 0.8, 0.30), standing("tussen", 0.8, 0.25), "achteruit"),
        # other phases' scores do not count when the phase stays
        (standing("begin", 0.5, 0.0), standing("begin", 0.5, 0.7), "gelijk"),
        # every phase reached: the last phase's score still tells
        (standing("gevorderd", 1, 1, 0.5), standing("gevorderd", 1, 1, 0.9), "vooruit"),
        (standing("gevorderd", 1, 1, 0.9), standing("gevorderd", 1, 1, 0.9), "gelijk"),
        # too few answers on either side
        (standing(None), standing("begin", 0.2), "onbekend"),
        (standing("begin", 0.2), standing(None), "onbekend"),
        (None, standing("begin", 0.2), "onbekend"),
        # a phase without a score (only possible for a group): the phase alone
        (standing("tussen", 1, None), standing("tussen", 1, 0.2), "gelijk"),
    ],
)
def test_verdict(then: Standing | None, now: Standing | None, expected: str) -> None:
    assert verdict(then, now) == expected


def per_phase(values: dict[PhaseId, int]) -> Callable[[str, PhaseId, str], int]:
    """For answers_for: `values[phase]` on every statement of that phase."""
    return lambda _a, phase, _i: values[phase]


def result(model: Model, values: dict[PhaseId, int], **meta: object) -> Result:
    """A leraar who answers `values[phase]` on every statement of that phase."""
    answers = answers_for(model, "leraar", per_phase(values), **meta)
    return score(model, answers)


def test_compare_two_real_scans(model: Model) -> None:
    then = result(model, {"begin": 2, "tussen": 1, "gevorderd": 1}, date=dt.date(2025, 1, 1))
    now = result(model, {"begin": 4, "tussen": 2, "gevorderd": 1}, date=dt.date(2026, 1, 1))
    comparison = compare([then], [now], side([then], scans=[1]), side([now], files=["nu.yaml"]))
    assert not comparison.group
    first = comparison.aspects[0]
    assert first.then is not None and first.now is not None
    assert (first.then.phase, first.now.phase) == ("begin", "tussen")
    assert first.changes == {
        "begin": pytest.approx(0.6667),
        "tussen": pytest.approx(0.3333),
        "gevorderd": 0.0,
    }
    assert {a.verdict for a in comparison.aspects} == {"vooruit"}
    assert comparison.tally()["vooruit"] == len(model.aspects)
    assert comparison.then.scans == [1] and comparison.now.files == ["nu.yaml"]
    back = compare([now], [then], side([now]), side([then]))
    assert {a.verdict for a in back.aspects} == {"achteruit"}
    same = compare([now], [now], side([now]), side([now]))
    assert {a.verdict for a in same.aspects} == {"gelijk"}


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
    mine = standings(results)
    for aspect in team.aspects:
        assert mine[aspect.id].phase == aspect.everyone.phase
        assert mine[aspect.id].scores == aspect.everyone.scores
    # four respondents in begin, tussen, gevorderd, gevorderd: the lower middle one
    assert mine[model.aspects[0].id].phase == "tussen"


def test_a_group_side_names_no_one(model: Model) -> None:
    results = [
        result(model, {"begin": v, "tussen": 1, "gevorderd": 1}, respondent=f"R{v}", school="A")
        for v in (2, 3)
    ]
    group = side(results, scans=[4, 5], files=["jan.yaml"])
    assert group.respondent is None and group.files == []
    assert group.respondents == 2 and group.schools == ["A"]
    single = side(results[:1], files=["jan.yaml"])
    assert single.respondent == "R2" and single.files == ["jan.yaml"]


def test_an_aspect_on_one_side_only(model: Model) -> None:
    then = result(model, {"begin": 4, "tussen": 1, "gevorderd": 1})
    trimmed = dataclasses.replace(then, aspects=then.aspects[1:])
    comparison = compare([trimmed], [then], side([trimmed]), side([then]))
    first = comparison.aspects[-1]
    assert first.id == then.aspects[0].id and first.then is None and first.verdict == "onbekend"
    assert set(first.changes.values()) == {None}


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

"""The scoring rule on hand-computed cases, plus properties that must hold for any answers."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal

import pytest
from conftest import answer_value, answers_for, mini_model
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.core.model_load import load_model
from werkwijzer.core.scoring import StartCandidate, choose_start, find_phase, phase_score, score


def phase_of(model: Model, answers: Answers) -> dict[str, str | None]:
    return {a.id: a.phase for a in score(model, answers).aspects}


def test_all_fours_master_everything(model: Model) -> None:
    result = score(model, answers_for(model, "schoolleider", 4))
    for aspect in result.aspects:
        assert aspect.phase == "gevorderd"
        assert aspect.mastered_all
        assert aspect.scores == {"begin": 1.0, "tussen": 1.0, "gevorderd": 1.0}
        assert (aspect.answered, aspect.total) == (9, 9)


def test_all_ones_give_beginfase(model: Model) -> None:
    result = score(model, answers_for(model, "leraar", 1))
    assert {a.phase for a in result.aspects} == {"begin"}
    assert not any(a.mastered_all for a in result.aspects)
    assert result.aspects[0].scores["begin"] == 0.0


def test_begin_mastered_rest_not_gives_tussenfase(model: Model) -> None:
    answers = answers_for(model, "bestuurder", lambda _a, p, _i: 4 if p == "begin" else 1)
    assert set(phase_of(model, answers).values()) == {"tussen"}


@pytest.mark.parametrize(
    ("begin", "phase"),
    [
        # Exactly on the threshold of 2/3: reached. (1 + 1 + 0) / 3, (2/3 * 3) / 3, (1 + 2/3 + 1/3) / 3.
        ((4, 4, 1), "tussen"),
        ((3, 3, 3), "tussen"),
        ((4, 3, 2), "tussen"),
        # Just below: 5/9.
        ((3, 3, 2), "begin"),
        ((4, 2, 2), "begin"),
    ],
)
def test_threshold_is_inclusive(model: Model, begin: tuple[int, int, int], phase: str) -> None:
    assert Fraction(model.threshold).limit_denominator(10_000) == Fraction(2, 3)

    def value(_a: str, p: str, item: str) -> int:
        return begin[int(item[-1]) - 1] if p == "begin" else 1

    assert set(phase_of(model, answers_for(model, "leraar", value)).values()) == {phase}


def test_actions_are_those_of_the_phase(model: Model) -> None:
    result = score(model, answers_for(model, "leraar", lambda _a, p, _i: 4 if p == "begin" else 1))
    koers = result.aspect("koers")
    expected = [a.id for a in model.aspect("koers").cell("leraar", "tussen").actions]
    assert [a.id for a in koers.actions] == expected
    assert all(i.name for a in koers.actions for i in a.instruments)


# --- too few answers ------------------------------------------------------------------------------


def test_phase_score_needs_half_of_the_items() -> None:
    assert phase_score([4, None, None]) is None  # 1 of 3 answered
    assert phase_score([4], absent=2) is None
    assert phase_score([4, 1, None]) == Fraction(1, 2)  # 2 of 3 answered
    assert phase_score([4], absent=1) == Fraction(1)  # exactly half is enough
    assert phase_score([], absent=0) is None


def test_null_score_before_a_failing_phase_gives_no_phase(model: Model) -> None:
    answers = answers_for(
        model, "leraar", lambda a, p, _i: None if (a, p) == ("koers", "begin") else 1
    )
    result = score(model, answers)
    koers = result.aspect("koers")
    assert koers.phase is None and not koers.mastered_all
    assert koers.scores["begin"] is None
    assert koers.answered == 6
    assert result.start is not None and result.start.aspect != "koers"


def test_null_score_after_a_failing_phase_does_not_matter() -> None:
    scores: dict[PhaseId, Fraction | None] = {
        "begin": Fraction(1, 3),
        "tussen": None,
        "gevorderd": None,
    }
    assert find_phase(scores, Fraction(3, 4)).phase == "begin"


def test_no_phase_anywhere_gives_no_start(model: Model) -> None:
    result = score(model, Answers(layer="schoolleider", answers={}))
    assert all(a.phase is None for a in result.aspects)
    assert result.start is None


# --- the start advice and its tie-breaks ----------------------------------------------------------


def test_start_is_the_lowest_phase() -> None:
    start = choose_start(
        [
            StartCandidate("koers", "tussen", 0.1),
            StartCandidate("data", "begin", 0.7),
            StartCandidate("prof", "gevorderd", 0.2),
        ]
    )
    assert start is not None and (start.aspect, start.phase) == ("data", "begin")


def test_start_tie_goes_to_lowest_score_in_that_phase() -> None:
    start = choose_start(
        [StartCandidate("koers", "tussen", 0.6), StartCandidate("data", "tussen", 0.4)]
    )
    assert start is not None and start.aspect == "data"


def test_start_tie_on_score_goes_to_model_order() -> None:
    start = choose_start(
        [StartCandidate("koers", "tussen", 0.5), StartCandidate("data", "tussen", 0.5)]
    )
    assert start is not None and start.aspect == "koers"


def test_start_skips_aspects_without_phase() -> None:
    start = choose_start(
        [StartCandidate("koers", None, None), StartCandidate("data", "gevorderd", 1)]
    )
    assert start is not None and start.aspect == "data"


def test_start_tie_break_end_to_end(model: Model) -> None:
    # Every aspect in tussen; werken_met_data has the lowest tussen score.
    def value(aspect: str, phase: str, _item: str) -> int:
        if phase == "begin":
            return 4
        if phase == "tussen":
            return 1 if aspect == "werken_met_data" else 2
        return 1

    result = score(model, answers_for(model, "schoolleider", value))
    assert result.start is not None
    assert (result.start.aspect, result.start.phase) == ("werken_met_data", "tussen")


# --- properties ---------------------------------------------------------------------------------

MINI: dict[int, Model] = {}


def mini(tmp_path_factory: pytest.TempPathFactory) -> Model:
    if not MINI:
        MINI[0] = load_model(mini_model(tmp_path_factory.mktemp("mini"), items_per_phase=3))
    return MINI[0]


answer_values = st.sampled_from([1, 2, 3, 4, None, "absent"])


# What answer_values draws: an answer, or "absent" for a statement left out of the file.
Drawn = AnswerValue | Literal["absent"]


def _answers(model: Model, layer: LayerId, values: list[Drawn]) -> Answers:
    places = model.items_for(layer)
    return Answers(
        layer=layer,
        answers={p.item.id: v for p, v in zip(places, values, strict=True) if v != "absent"},
    )


def _rank(phase: PhaseId | None) -> int:
    return -1 if phase is None else PHASE_IDS.index(phase)


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layer=st.sampled_from(["bestuurder", "schoolleider", "leraar"]),
    values=st.lists(answer_values, min_size=18, max_size=18),
    which=st.integers(min_value=0, max_value=17),
)
def test_raising_one_answer_never_lowers_a_phase(
    tmp_path_factory: pytest.TempPathFactory, layer: LayerId, values: list[Drawn], which: int
) -> None:
    model = mini(tmp_path_factory)
    current = values[which]
    assume(isinstance(current, int) and current < 4)
    assert isinstance(current, int)
    raised = list(values)
    raised[which] = answer_value(current + 1)
    before = score(model, _answers(model, layer, values))
    after = score(model, _answers(model, layer, raised))
    for old, new in zip(before.aspects, after.aspects, strict=True):
        # A phase may become unknown (see the test below), but a known phase never drops.
        if old.phase is not None and new.phase is not None:
            assert _rank(new.phase) >= _rank(old.phase)


def test_raising_an_answer_can_make_the_phase_unknown(model: Model) -> None:
    """Mastering the beginfase moves the question to the tussenfase; too few answers there: unknown."""

    def value(aspect: str, phase: str, item: str) -> int | None:
        if aspect != "koers":
            return 1
        begin = {"1": 4, "2": 3, "3": 1}[item[-1]]  # 5/9: below the threshold of 2/3
        return {"begin": begin, "tussen": None, "gevorderd": 1}[phase]

    before = score(model, answers_for(model, "leraar", value)).aspect("koers")
    raised = answers_for(model, "leraar", value)
    raised.answers["koers.leraar.begin.3"] = 2
    after = score(model, raised).aspect("koers")
    assert before.phase == "begin"
    assert after.phase is None


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    layer=st.sampled_from(["bestuurder", "schoolleider", "leraar"]),
    values=st.lists(answer_values, min_size=18, max_size=18),
)
def test_start_aspect_has_the_lowest_phase(
    tmp_path_factory: pytest.TempPathFactory, layer: LayerId, values: list[Drawn]
) -> None:
    model = mini(tmp_path_factory)
    result = score(model, _answers(model, layer, values))
    phased = [a for a in result.aspects if a.phase is not None]
    if not phased:
        assert result.start is None
        return
    assert result.start is not None
    lowest = min(_rank(a.phase) for a in phased)
    assert _rank(result.start.phase) == lowest
    assert _rank(result.aspect(result.start.aspect).phase) == lowest

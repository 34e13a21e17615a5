"""The team result, computed by hand for a small team in the two-aspect test model.

The team: four teachers (leraar) and three school leaders (schoolleider); two statements per phase.
A respondent's answers per aspect are given per phase (begin, tussen, gevorderd), e.g.
[[4, 4], [2, 3], [1, 1]]: begin mastered (1.0), tussen 0.5, so the respondent is in the tussenfase.

alfa   L1 begin  L2 begin  L3 tussen  L4 gevorderd | S1 gevorderd  S2 gevorderd (all)  S3 tussen
beta   L1-L3 tussen, L4 no phase ('weet ik niet' everywhere) | S1-S3 tussen
"""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from conftest import mini_model

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import PHASE_IDS, LayerId, Model
from werkwijzer.core.model_load import load_model
from werkwijzer.core.scoring import score
from werkwijzer.core.team import (
    Respondent,
    TeamResult,
    build_team,
    distinct_schools,
    fold_layers,
    median_phase,
    median_phases,
    numbered_results,
)

Grid = list[list[AnswerValue]]
NONE: Grid = [[None, None], [None, None], [None, None]]

ALFA: dict[str, Grid] = {
    "L1": [[1, 1], [1, 1], [1, 1]],
    "L2": [[2, 2], [1, 1], [1, 1]],
    "L3": [[4, 4], [2, 3], [1, 1]],
    "L4": [[4, 4], [4, 4], [3, 3]],
    "S1": [[4, 4], [4, 4], [3, 2]],
    "S2": [[4, 4], [4, 4], [4, 4]],
    "S3": [[4, 4], [3, 2], [1, 1]],
}
BETA: dict[str, Grid] = {
    "L1": [[4, 4], [2, 3], [1, 1]],
    "L2": [[4, 4], [2, 3], [1, 1]],
    "L3": [[4, 4], [2, 3], [1, 1]],
    "L4": NONE,
    "S1": [[4, 3], [2, 3], [1, 2]],
    "S2": [[4, 3], [2, 3], [1, 2]],
    "S3": [[4, 3], [2, 3], [1, 2]],
}
LAYERS: dict[str, LayerId] = {"L": "leraar", "S": "schoolleider", "B": "bestuurder"}


@pytest.fixture(scope="module")
def small_model(tmp_path_factory: pytest.TempPathFactory) -> Model:
    return load_model(mini_model(tmp_path_factory.mktemp("model")))


def respondent(model: Model, who: str, grids: dict[str, Grid], **meta: Any) -> Respondent:
    layer = LAYERS[who[0]]
    answers = {
        f"{aspect}.{layer}.{phase}.{n}": value
        for aspect, grid in grids.items()
        for phase, values in zip(PHASE_IDS, grid, strict=True)
        for n, value in enumerate(values, 1)
    }
    given = Answers(layer=layer, respondent=meta.pop("respondent", who), answers=answers, **meta)
    return Respondent(f"{who}.yaml", given, score(model, given))


def the_team(model: Model, **meta: Any) -> list[Respondent]:
    return [respondent(model, w, {"alfa": ALFA[w], "beta": BETA[w]}, **meta) for w in ALFA]


@pytest.fixture(scope="module")
def team(small_model: Model) -> TeamResult:
    return build_team(small_model, the_team(small_model))


def test_the_respondents_are_where_the_table_says(small_model: Model) -> None:
    phases = {r.source[:2]: [a.phase for a in r.result.aspects] for r in the_team(small_model)}
    assert phases == {
        "L1": ["begin", "tussen"],
        "L2": ["begin", "tussen"],
        "L3": ["tussen", "tussen"],
        "L4": ["gevorderd", None],
        "S1": ["gevorderd", "tussen"],
        "S2": ["gevorderd", "tussen"],
        "S3": ["tussen", "tussen"],
    }


# --- medians -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phases", "expected"),
    [
        ([], None),
        ([None, None], None),
        (["gevorderd"], "gevorderd"),
        (["begin", "gevorderd"], "begin"),  # even: the lower of the two middle ones
        (["gevorderd", "tussen", "begin", "gevorderd"], "tussen"),
        (["begin", "tussen", "gevorderd"], "tussen"),
        (["gevorderd", None, None, "begin", "gevorderd"], "gevorderd"),  # no phase: left out
    ],
)
def test_median_phase(phases: list[Any], expected: str | None) -> None:
    assert median_phase(phases) == expected


def test_median_phases_per_aspect(small_model: Model) -> None:
    results = [r.result for r in the_team(small_model)]
    assert median_phases(results) == {"alfa": "tussen", "beta": "tussen"}
    assert median_phases(results[:4]) == {"alfa": "begin", "beta": "tussen"}


# --- distribution, team phase and means ----------------------------------------------------------


def test_distribution_and_team_phase(team: TeamResult) -> None:
    alfa, beta = team.aspects
    assert to_jsonable(alfa.everyone.counts) == {"begin": 2, "tussen": 2, "gevorderd": 3, "none": 0}
    assert alfa.phase == alfa.everyone.phase == "tussen"  # b b t t g g g
    assert to_jsonable(beta.everyone.counts) == {"begin": 0, "tussen": 6, "gevorderd": 0, "none": 1}
    assert beta.phase == "tussen"
    by_layer = {g.layer: g for g in alfa.layers}
    assert [g.layer for g in alfa.layers] == ["schoolleider", "leraar"]
    assert to_jsonable(by_layer["leraar"].counts) == {
        "begin": 2,
        "tussen": 1,
        "gevorderd": 1,
        "none": 0,
    }
    assert by_layer["leraar"].phase == "begin"  # b b t g: the lower middle one
    assert by_layer["schoolleider"].phase == "gevorderd"
    assert by_layer["leraar"].respondents == 4 and alfa.everyone.respondents == 7


def test_mean_scores(team: TeamResult) -> None:
    alfa, beta = team.aspects
    assert alfa.everyone.scores == pytest.approx(
        {"begin": 16 / 21, "tussen": 24 / 42, "gevorderd": 13 / 42}, abs=1e-4
    )
    assert beta.everyone.scores == pytest.approx(
        {"begin": 11 / 12, "tussen": 0.5, "gevorderd": 1 / 12}, abs=1e-4
    )
    teachers = next(g for g in beta.layers if g.layer == "leraar")
    # L4 has no score at all: the means are over the three teachers with a score.
    assert teachers.respondents == 4
    assert teachers.scores == pytest.approx({"begin": 1.0, "tussen": 0.5, "gevorderd": 0.0})


def test_means_of_nobody_are_none(small_model: Model) -> None:
    team = build_team(
        small_model,
        [respondent(small_model, w, {"alfa": NONE, "beta": NONE}) for w in ("L1", "L2")],
    )
    assert team.aspects[0].everyone.scores == {"begin": None, "tussen": None, "gevorderd": None}
    assert team.aspects[0].phase is None
    assert team.start is None
    assert team.discussion == []


# --- differences ---------------------------------------------------------------------------------


def test_layer_gap(team: TeamResult) -> None:
    [gap] = team.differences.layer_gaps
    assert gap.aspect == "alfa"
    assert (gap.higher.layer, gap.higher.phase) == ("schoolleider", "gevorderd")
    assert (gap.lower.layer, gap.lower.phase) == ("leraar", "begin")
    assert gap.distance == 2


def test_one_phase_apart_is_a_gap(small_model: Model) -> None:
    people = the_team(small_model)
    # S2 moves to the tussenfase on alfa: the school leaders' median drops to tussen (t t g).
    people[5] = respondent(small_model, "S2", {"alfa": ALFA["S3"], "beta": BETA["S2"]})
    [gap] = build_team(small_model, people).differences.layer_gaps
    assert (gap.higher.phase, gap.lower.phase, gap.distance) == ("tussen", "begin", 1)


def test_layer_spread_over_all_three_phases(team: TeamResult) -> None:
    [spread] = team.differences.layer_spreads
    assert (spread.aspect, spread.layer) == ("alfa", "leraar")
    assert to_jsonable(spread.counts) == {"begin": 2, "tussen": 1, "gevorderd": 1, "none": 0}


def test_statements_with_the_widest_spread(team: TeamResult) -> None:
    ranked = team.differences.statements
    # Population SD: teachers [1,2,4,4] and [1,1,3,4] -> 1.299; school leaders [3,4,1] -> 1.247;
    # then teachers [1,1,2,4] -> 1.225, the sixth, left out. (The sample SD would put the school
    # leaders first: 1.528 against 1.5.)
    assert [s.item for s in ranked] == [
        "alfa.leraar.begin.1",
        "alfa.leraar.begin.2",
        "alfa.leraar.tussen.2",
        "alfa.schoolleider.gevorderd.1",
        "alfa.schoolleider.gevorderd.2",
    ]
    assert [s.sd for s in ranked] == pytest.approx(
        [math.sqrt(1.6875)] * 3 + [math.sqrt(42 / 27)] * 2, abs=1e-4
    )
    first = ranked[0]
    assert first.counts == [1, 1, 0, 2]
    assert (first.answers, first.unknown, first.mean) == (4, 0, 2.75)
    assert first.text == "Uitspraak 1."
    assert (first.aspect, first.layer, first.phase) == ("alfa", "leraar", "begin")
    assert team.differences.min_answers == 3


def test_statements_need_enough_answers(small_model: Model) -> None:
    # Three teachers (shown); the third says 'weet ik niet' on alfa's beginfase. Those statements
    # then have two answers, 1 and 4: the widest spread possible (1.5), but too few answers.
    low = respondent(small_model, "L1", {"alfa": [[1, 1]] * 3, "beta": [[1, 1]] * 3})
    high = respondent(small_model, "L2", {"alfa": [[4, 4]] * 3, "beta": [[4, 4]] * 3})
    unsure: Grid = [[None, None], [2, 2], [2, 2]]
    third = respondent(small_model, "L3", {"alfa": unsure, "beta": [[2, 2]] * 3})
    ranked = build_team(small_model, [low, high, third]).differences.statements
    assert len(ranked) == 5
    assert "alfa.leraar.begin.1" not in {s.item for s in ranked}
    assert [s.sd for s in ranked] == pytest.approx([math.sqrt(42 / 27)] * 5, abs=1e-4)
    # With --min-group 1 every group shows, and two answers are enough (never fewer than two).
    loose = build_team(small_model, [low, high, third], min_group=1).differences
    assert loose.min_answers == 2
    assert [s.item for s in loose.statements[:2]] == ["alfa.leraar.begin.1", "alfa.leraar.begin.2"]
    assert loose.statements[0].sd == 1.5 and loose.statements[0].unknown == 1
    assert build_team(small_model, [low], min_group=1).differences.statements == []


# --- start and discussion ------------------------------------------------------------------------


def test_team_start(team: TeamResult) -> None:
    # Both aspects are in the tussenfase; beta has the lower mean there (0.5 against 0.595), so
    # beta wins although alfa comes first in the model.
    assert team.start is not None
    assert (team.start.aspect, team.start.phase) == ("beta", "tussen")
    assert [layer.layer for layer in team.start.layers] == ["schoolleider", "leraar"]
    first = team.start.layers[0]
    assert first.description == "beta schoolleider tussen."
    assert [a.id for a in first.actions] == ["beta.schoolleider.tussen.doen"]


def test_discussion_for_the_start_and_the_differences(team: TeamResult) -> None:
    assert [(d.aspect, d.reasons) for d in team.discussion] == [
        ("beta", ["start"]),
        ("alfa", ["layers_differ", "layer_spread"]),
    ]
    assert team.discussion[0].questions == ["Wat betekent beta voor ons?"]


# --- privacy -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"leraar": 5}, {"leraar": None}),
        ({"leraar": 2}, {"leraar": "small_group"}),
        (
            {"bestuurder": 1, "schoolleider": 2, "leraar": 8},
            {"bestuurder": "small_group", "schoolleider": "small_group", "leraar": None},
        ),
        # One board member alone would be the totals minus the shown layers: fold the smallest.
        (
            {"bestuurder": 1, "schoolleider": 3, "leraar": 12},
            {"bestuurder": "small_group", "schoolleider": "back_calculation", "leraar": None},
        ),
        (
            {"schoolleider": 1, "leraar": 12},
            {"schoolleider": "small_group", "leraar": "back_calculation"},
        ),
        (
            {"bestuurder": 0, "schoolleider": 3, "leraar": 3},
            {"schoolleider": None, "leraar": None},
        ),
    ],
)
def test_fold_layers_protecting_totals(
    counts: dict[LayerId, int], expected: dict[str, str | None]
) -> None:
    assert fold_layers(counts, 3, protect_totals=True) == expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ({"leraar": 2}, {"leraar": "small_group"}),
        (
            {"bestuurder": 1, "schoolleider": 3, "leraar": 12},
            {"bestuurder": "small_group", "schoolleider": None, "leraar": None},
        ),
        ({"schoolleider": 1, "leraar": 12}, {"schoolleider": "small_group", "leraar": None}),
    ],
)
def test_fold_layers_by_default_hides_only_small_layers(
    counts: dict[LayerId, int], expected: dict[str, str | None]
) -> None:
    assert fold_layers(counts, 3) == expected


def test_fold_layers_without_a_minimum_shows_all() -> None:
    assert fold_layers({"bestuurder": 1, "schoolleider": 1}, 1) == {
        "bestuurder": None,
        "schoolleider": None,
    }


def test_small_layer_counts_in_the_totals_only(small_model: Model) -> None:
    people = the_team(small_model)
    board = respondent(small_model, "B1", {"alfa": [[1, 4], [1, 4], [1, 4]], "beta": NONE})
    # The board member is folded (1 < 3); alone, their answers would be the totals minus the shown
    # layers, so protecting the totals folds the school leaders as well.
    team = build_team(small_model, [*people, board], protect_totals=True)
    assert [(c.layer, c.respondents, c.shown, c.folded) for c in team.layers] == [
        ("bestuurder", 1, False, "small_group"),
        ("schoolleider", 3, False, "back_calculation"),
        ("leraar", 4, True, None),
    ]
    alfa = team.aspects[0]
    assert [g.layer for g in alfa.layers] == ["leraar"]
    assert alfa.everyone.respondents == 8
    assert alfa.everyone.counts.begin == 3  # the board member counts in the totals
    assert team.differences.layer_gaps == []
    assert {s.layer for s in team.differences.statements} == {"leraar"}
    # Actions are model content, not answers: every layer present gets its own.
    assert team.start is not None
    assert [layer.layer for layer in team.start.layers] == ["bestuurder", "schoolleider", "leraar"]


def test_no_names_or_files_in_the_team_result(small_model: Model) -> None:
    people = the_team(small_model, school="OBS Het Anker")
    team = build_team(small_model, people)
    dumped = json.dumps(to_jsonable(team))
    for person in people:
        assert person.answers.respondent
        assert f'"{person.answers.respondent}"' not in dumped
        assert person.source not in dumped
    assert team.schools == ["OBS Het Anker"]


def test_numbered_results_hide_folded_layers(small_model: Model) -> None:
    people = the_team(small_model)
    board = respondent(small_model, "B1", {"alfa": ALFA["S1"], "beta": BETA["S1"]})
    team = build_team(small_model, [board, *people], protect_totals=True)
    numbered = numbered_results([board, *people], team)
    assert [n.number for n in numbered] == list(range(1, 9))
    assert [n.layer for n in numbered] == ["leraar"] * 4 + [None] * 4
    # The order inside a group follows the answers, not the file order: same input, same order,
    # whatever order the files came in.
    again = numbered_results([*reversed(people), board], team)
    assert [n.result for n in again] == [n.result for n in numbered]


def test_distinct_schools() -> None:
    assert distinct_schools(["OBS De Linde", None, "obs  de linde", "Het Anker"]) == [
        "Het Anker",
        "OBS De Linde",
    ]


def test_min_group_must_be_positive(small_model: Model) -> None:
    with pytest.raises(ValueError):
        build_team(small_model, the_team(small_model), min_group=0)

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
from hypothesis import given
from hypothesis import strategies as st

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import PHASE_IDS, LayerId, Model
from werkwijzer.core.model_load import load_model
from werkwijzer.core.scoring import score
from werkwijzer.core.team import (
    DEFAULT_MIN_GROUP,
    PhaseCounts,
    Respondent,
    TeamResult,
    build_team,
    distinct_schools,
    group_layers,
    is_split,
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
ALFA_BETA = {"alfa": ALFA["L3"], "beta": BETA["L3"]}


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
    return build_team(small_model, the_team(small_model), min_group=3)


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
    by_layer = {g.group: g for g in alfa.groups}
    assert [g.group for g in alfa.groups] == ["schoolleider", "leraar"]
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
    teachers = next(g for g in beta.groups if g.group == "leraar")
    # L4 has no score at all: the means are over the three teachers with a score.
    assert teachers.respondents == 4
    assert teachers.scores == pytest.approx({"begin": 1.0, "tussen": 0.5, "gevorderd": 0.0})


def test_means_are_rounded_once_from_exact_scores(small_model: Model) -> None:
    # Tussen scores 0 and 1/3: the exact mean 1/6 is 0.1667; the mean of the rounded scores
    # (0 and 0.3333) would be 0.1666.
    low = respondent(small_model, "L1", {"alfa": [[4, 4], [1, 1], [1, 1]], "beta": NONE})
    two = respondent(small_model, "L2", {"alfa": [[4, 4], [2, 2], [1, 1]], "beta": NONE})
    team = build_team(small_model, [low, two], min_group=1)
    assert two.result.aspects[0].scores["tussen"] == 0.3333
    assert team.aspects[0].everyone.scores["tussen"] == 0.1667


def test_means_of_nobody_are_none(small_model: Model) -> None:
    team = build_team(
        small_model,
        [respondent(small_model, w, {"alfa": NONE, "beta": NONE}) for w in ("L1", "L2")],
        min_group=2,
    )
    assert team.aspects[0].everyone.scores == {"begin": None, "tussen": None, "gevorderd": None}
    assert team.aspects[0].phase is None
    assert team.start is None
    # No start, so no general questions; that nobody knew anything is a finding in itself.
    assert [q.kind for q in team.questions] == ["unknown"]


def test_unknown_and_unanswered_per_aspect(team: TeamResult) -> None:
    beta = team.aspects[1]
    # L4 answered 'weet ik niet' on all six beta statements; nobody left one open.
    assert (beta.everyone.unknown, beta.everyone.unanswered) == (6, 0)
    assert beta.everyone.statements == 7 * 6
    teachers = next(g for g in beta.groups if g.group == "leraar")
    assert (teachers.unknown, teachers.statements) == (6, 24)
    # Two teachers at most said 'weet ik niet' on one statement: L4 alone is no finding.
    assert beta.unknown_statements == []


# --- differences ---------------------------------------------------------------------------------


def test_group_gap(team: TeamResult) -> None:
    [gap] = team.differences.group_gaps
    assert gap.aspect == "alfa"
    assert (gap.higher.group, gap.higher.phase) == ("schoolleider", "gevorderd")
    assert (gap.lower.group, gap.lower.phase) == ("leraar", "begin")
    assert gap.distance == 2


def test_one_phase_apart_is_a_gap(small_model: Model) -> None:
    people = the_team(small_model)
    # S2 moves to the tussenfase on alfa: the school leaders' median drops to tussen (t t g).
    people[5] = respondent(small_model, "S2", {"alfa": ALFA["S3"], "beta": BETA["S2"]})
    [gap] = build_team(small_model, people, min_group=3).differences.group_gaps
    assert (gap.higher.phase, gap.lower.phase, gap.distance) == ("tussen", "begin", 1)


@pytest.mark.parametrize(
    ("counts", "split"),
    [
        ((6, 2, 6, 0), True),  # the coach's Werken met data
        ((2, 10, 2, 0), False),  # Koers: ten of fourteen agree
        ((2, 8, 3, 1), False),
        ((5, 4, 5, 0), True),
        ((4, 6, 4, 0), False),  # the middle holds the most
        ((7, 0, 7, 0), True),
        ((8, 4, 0, 2), False),  # nobody in the gevorderde fase
        ((1, 0, 1, 9), True),  # counted over those with a phase
        ((3, 3, 3, 0), False),  # the middle is not smaller than the outer phases
        ((0, 0, 0, 0), False),
    ],
)
def test_split(counts: tuple[int, int, int, int], split: bool) -> None:
    begin, tussen, gevorderd, none = counts
    found = PhaseCounts(begin=begin, tussen=tussen, gevorderd=gevorderd, none=none)
    assert is_split(found) is split


def test_a_split_group_leads_the_differences(small_model: Model) -> None:
    # Four teachers: two in the beginfase, two in the gevorderde fase on alfa: split.
    people = [
        respondent(small_model, f"L{n}", {"alfa": grid, "beta": BETA["L1"]})
        for n, grid in enumerate([ALFA["L1"], ALFA["L2"], ALFA["L4"], ALFA["S2"]], 1)
    ]
    team = build_team(small_model, people, min_group=4)
    alfa = team.aspects[0]
    assert alfa.groups[0].split and alfa.groups[0].phase == "begin"
    # Everyone is the same four teachers: listed once, as the layer.
    assert [(s.aspect, s.group) for s in team.differences.splits] == [("alfa", "leraar")]
    first = team.questions[0]
    assert (first.kind, first.aspect) == ("split", "alfa")
    assert "twee collega's zien de beginfase, twee de gevorderde fase" in first.text


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
    ranked = build_team(small_model, [low, high, third], min_group=3).differences.statements
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


def test_questions_tied_to_findings_come_first(team: TeamResult) -> None:
    kinds = [q.kind for q in team.questions]
    assert kinds == ["groups_differ", "spread", "model"]
    assert team.questions[0].text == (
        "Alfa: de laag Schoolleider ziet vooral de gevorderde fase, de laag Leraar de beginfase. "
        "Wat ziet de laag Schoolleider dat de laag Leraar niet ziet, en andersom?"
    )
    assert "Uitspraak 1." in team.questions[1].text
    assert team.questions[-1].text == "Wat betekent beta voor ons?"  # the start aspect's


# --- privacy -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "min_group", "leadership", "groups", "counted"),
    [
        ({"leraar": 5}, 5, False, {"leraar": ["leraar"]}, {"leraar"}),
        # The usual school: the leaders together are fewer than five, and the teachers' figures
        # with a total would give them away. So they are left out of every figure.
        (
            {"bestuurder": 1, "schoolleider": 2, "leraar": 14},
            5,
            False,
            {"leraar": ["leraar"]},
            {"leraar"},
        ),
        # ... unless they agree to be shown as the leadership.
        (
            {"bestuurder": 1, "schoolleider": 2, "leraar": 14},
            5,
            True,
            {"leiding": ["bestuurder", "schoolleider"], "leraar": ["leraar"]},
            {"bestuurder", "schoolleider", "leraar"},
        ),
        # The rest is five: big enough to count in the totals without being shown.
        (
            {"bestuurder": 1, "schoolleider": 4, "leraar": 14},
            5,
            False,
            {"leraar": ["leraar"]},
            {"bestuurder", "schoolleider", "leraar"},
        ),
        (
            {"schoolleider": 6, "leraar": 14},
            5,
            False,
            {"schoolleider": ["schoolleider"], "leraar": ["leraar"]},
            {"schoolleider", "leraar"},
        ),
        (
            {"bestuurder": 1, "schoolleider": 5, "leraar": 9},
            5,
            True,
            {"leiding": ["bestuurder", "schoolleider"], "leraar": ["leraar"]},
            {"bestuurder", "schoolleider", "leraar"},
        ),
        # Nobody shown apart, but everyone together is big enough.
        ({"schoolleider": 3, "leraar": 4}, 5, False, {}, {"schoolleider", "leraar"}),
        (
            {"bestuurder": 1, "schoolleider": 1},
            1,
            False,
            {"bestuurder": ["bestuurder"], "schoolleider": ["schoolleider"]},
            {"bestuurder", "schoolleider"},
        ),
    ],
)
def test_group_layers(
    counts: dict[LayerId, int],
    min_group: int,
    leadership: bool,
    groups: dict[str, list[str]],
    counted: set[str],
) -> None:
    found = group_layers(counts, min_group, show_leadership=leadership)
    assert found.groups == groups
    assert found.counted == counted
    assert found.agreed == (
        {"leiding"} if leadership and counts.get("schoolleider", 0) < 4 else set()
    )


@pytest.mark.parametrize(
    ("counts", "leadership", "message"),
    [
        ({"leraar": 4}, False, "Er deden 4 mensen mee, minder dan --min-group 5"),
        ({"schoolleider": 2, "leraar": 2}, False, "minder dan --min-group 5"),
        ({"schoolleider": 2, "leraar": 3}, True, "Laat --show-leadership weg"),
    ],
)
def test_too_few_to_report_is_refused(
    counts: dict[LayerId, int], leadership: bool, message: str
) -> None:
    with pytest.raises(WerkwijzerError, match=message):
        group_layers(counts, 5, show_leadership=leadership)


@given(
    counts=st.fixed_dictionaries(
        {layer: st.integers(0, 12) for layer in ("bestuurder", "schoolleider", "leraar")}
    ),
    min_group=st.integers(1, 8),
    leadership=st.booleans(),
)
def test_the_rule_holds_for_any_team(
    counts: dict[LayerId, int], min_group: int, leadership: bool
) -> None:
    try:
        found = group_layers(counts, min_group, show_leadership=leadership)
    except WerkwijzerError:
        return
    size = {g: sum(counts[layer] for layer in layers) for g, layers in found.groups.items()}
    for group, n in size.items():
        assert n >= min_group or group in found.agreed
    assert found.agreed <= {"leiding"}
    shown = {layer for layers in found.groups.values() for layer in layers}
    rest = sum(counts[layer] for layer in found.counted - shown)
    assert rest == 0 or rest >= min_group  # everyone minus the shown groups
    assert sum(counts[layer] for layer in found.counted) >= min_group
    assert shown <= found.counted


def test_left_out_layers_count_nowhere(small_model: Model) -> None:
    people = the_team(small_model)
    board = respondent(small_model, "B1", {"alfa": [[1, 4], [1, 4], [1, 4]], "beta": NONE})
    # 1 board member + 3 school leaders + 4 teachers, --min-group 4: the teachers are shown;
    # board and school leaders (4 together) count in the totals.
    team = build_team(small_model, [*people, board], min_group=4)
    assert [(c.layer, c.respondents, c.group, c.counted) for c in team.layers] == [
        ("bestuurder", 1, None, True),
        ("schoolleider", 3, None, True),
        ("leraar", 4, "leraar", True),
    ]
    assert team.aspects[0].everyone.respondents == 8
    # --min-group 5: the rest (4) would be everyone minus the teachers: left out.
    strict = build_team(
        small_model, [*people, board, respondent(small_model, "L5", ALFA_BETA)], min_group=5
    )
    assert [c.counted for c in strict.layers] == [False, False, True]
    alfa = strict.aspects[0]
    assert alfa.everyone.respondents == 5 and [g.group for g in alfa.groups] == ["leraar"]
    assert strict.rows(alfa) == alfa.groups  # everyone is just the teachers: shown once
    assert {s.layer for s in strict.statements} == {"leraar"}
    # Actions only for the layers in the report.
    assert strict.start is not None
    assert [layer.layer for layer in strict.start.layers] == ["leraar"]


def test_no_names_or_files_in_the_team_result(small_model: Model) -> None:
    people = the_team(small_model, school="OBS Het Anker")
    team = build_team(small_model, people, min_group=3)
    dumped = json.dumps(to_jsonable(team))
    for person in people:
        assert person.answers.respondent
        assert f'"{person.answers.respondent}"' not in dumped
        assert person.source not in dumped
    assert team.schools == ["OBS Het Anker"]


def test_numbered_results_only_for_big_enough_groups(small_model: Model) -> None:
    people = the_team(small_model)
    board = respondent(small_model, "B1", {"alfa": ALFA["S1"], "beta": BETA["S1"]})
    team = build_team(small_model, [board, *people], min_group=4, show_leadership=True)
    # The leadership (board + 3 school leaders) is shown with 4 and gets rows, as 'leiding'.
    numbered = numbered_results([board, *people], team)
    assert [n.number for n in numbered] == list(range(1, 9))
    assert [n.group for n in numbered] == ["leiding"] * 4 + ["leraar"] * 4
    # The order inside a group follows the answers, not the file order.
    again = numbered_results([*reversed(people), board], team)
    assert [n.result for n in again] == [n.result for n in numbered]
    # Shown below --min-group because the leaders agreed: figures, but no rows.
    more = [board, *people, respondent(small_model, "L5", ALFA_BETA)]
    agreed = build_team(small_model, more, min_group=5, show_leadership=True)
    assert agreed.groups[0].agreed
    assert [n.group for n in numbered_results(more, agreed)] == ["leraar"] * 5


def test_distinct_schools() -> None:
    assert distinct_schools(["OBS De Linde", None, "obs  de linde", "Het Anker"]) == [
        "Het Anker",
        "OBS De Linde",
    ]


def test_min_group_must_be_positive(small_model: Model) -> None:
    with pytest.raises(ValueError):
        build_team(small_model, the_team(small_model), min_group=0)
    assert DEFAULT_MIN_GROUP == 5

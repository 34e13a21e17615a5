"""The fair rule and the score that explains itself: personas, held_back_by, score --explain."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import EXAMPLES, answers_for, run, write_answers_file
from markdown_it import MarkdownIt

from werkwijzer.core.answers import read_answers
from werkwijzer.core.model import LAYER_IDS, LayerId, Model, PhaseId
from werkwijzer.core.scoring import score

NOG_NIET, ENIGSZINS, GROTENDEELS, VOLLEDIG = 1, 2, 3, 4
Row = tuple[int, int, int]

# The personas: answers per phase (the same for every aspect) and the phase they must get.
PERSONAS: list[tuple[str, dict[PhaseId, Row], PhaseId]] = [
    (
        "overal grotendeels",
        {"begin": (3, 3, 3), "tussen": (3, 3, 3), "gevorderd": (3, 3, 3)},
        "gevorderd",
    ),
    (
        "overal enigszins",
        {"begin": (2, 2, 2), "tussen": (2, 2, 2), "gevorderd": (2, 2, 2)},
        "begin",
    ),
    (
        "volledig, grotendeels, enigszins",
        {"begin": (4, 4, 4), "tussen": (3, 3, 3), "gevorderd": (2, 2, 2)},
        "gevorderd",
    ),
    (
        "grotendeels, enigszins, nog niet",
        {"begin": (3, 3, 3), "tussen": (2, 2, 2), "gevorderd": (1, 1, 1)},
        "tussen",
    ),
    (
        "volledig, volledig, nog niet in de beginfase",
        {"begin": (4, 4, 1), "tussen": (1, 1, 1), "gevorderd": (1, 1, 1)},
        "tussen",
    ),
    (
        "grotendeels, grotendeels, enigszins in de beginfase",
        {"begin": (3, 3, 2), "tussen": (1, 1, 1), "gevorderd": (1, 1, 1)},
        "begin",
    ),
]


def persona_answers(model: Model, layer: LayerId, rows: dict[PhaseId, Row]) -> dict[str, int]:
    return {
        p.item.id: rows[p.phase][int(p.item.id.rsplit(".", 1)[1]) - 1]
        for p in model.items_for(layer)
    }


@pytest.mark.parametrize("layer", LAYER_IDS)
@pytest.mark.parametrize(("who", "rows", "expected"), PERSONAS, ids=[p[0] for p in PERSONAS])
def test_the_personas_get_the_phase_the_rule_promises(
    model: Model, layer: LayerId, who: str, rows: dict[PhaseId, Row], expected: PhaseId
) -> None:
    values = persona_answers(model, layer, rows)
    result = score(model, answers_for(model, layer, lambda _a, _p, item: values[item]))
    assert [a.phase for a in result.aspects] == [expected] * len(model.aspects), who


def test_held_back_by_names_the_statements_below_grotendeels(model: Model) -> None:
    rows: dict[PhaseId, Row] = {"begin": (4, 4, 4), "tussen": (4, 2, 1), "gevorderd": (1, 1, 1)}
    values = persona_answers(model, "leraar", rows)
    values["koers.leraar.tussen.1"] = 3  # grotendeels holds: not named
    result = score(model, answers_for(model, "leraar", lambda _a, _p, item: values[item]))
    koers = result.aspect("koers")
    assert koers.phase == "tussen"
    assert koers.held_back_by == ["koers.leraar.tussen.2", "koers.leraar.tussen.3"]
    assert koers.reached == {"begin": True, "tussen": False, "gevorderd": False}
    assert koers.higher_later_phase is None


def test_a_respondent_who_reached_everything_is_held_back_by_nothing(model: Model) -> None:
    result = score(model, answers_for(model, "schoolleider", 4))
    assert all(a.mastered_all and a.held_back_by == [] for a in result.aspects)


def test_weet_ik_niet_holds_no_one_back_but_the_phase_is_not_reached(model: Model) -> None:
    rows: dict[PhaseId, Row] = {"begin": (4, 4, 4), "tussen": (4, 4, 4), "gevorderd": (4, 1, 1)}
    values: dict[str, int | None] = dict(persona_answers(model, "leraar", rows))
    values["koers.leraar.gevorderd.2"] = values["koers.leraar.gevorderd.3"] = None
    result = score(model, answers_for(model, "leraar", lambda _a, _p, item: values[item]))
    koers = result.aspect("koers")
    # One of three answered: too few for a score, so no phase at all.
    assert koers.phase is None and koers.held_back_by == [] and koers.reached["gevorderd"] is None


def test_a_later_phase_clearly_higher_is_reported(model: Model) -> None:
    # Begin (2, 2, 2) scores 1/3, tussen (3, 3, 3) 2/3: one answer step higher.
    rows: dict[PhaseId, Row] = {"begin": (2, 2, 2), "tussen": (3, 3, 3), "gevorderd": (1, 1, 1)}
    values = persona_answers(model, "leraar", rows)
    result = score(model, answers_for(model, "leraar", lambda _a, _p, item: values[item]))
    assert {a.higher_later_phase for a in result.aspects} == {"tussen"}
    # Just under one step higher (begin 4/9 against tussen 2/3 is 2/9): nothing to report.
    rows["begin"] = (3, 2, 2)
    values = persona_answers(model, "leraar", rows)
    result = score(model, answers_for(model, "leraar", lambda _a, _p, item: values[item]))
    assert {a.higher_later_phase for a in result.aspects} == {None}


def test_score_json_carries_the_explanation(model: Model, tmp_path: Path) -> None:
    rows: dict[PhaseId, Row] = {"begin": (2, 2, 2), "tussen": (3, 3, 3), "gevorderd": (1, 1, 1)}
    values = persona_answers(model, "leraar", rows)
    path = write_answers_file(
        tmp_path / "a.yaml", model, answers_for(model, "leraar", lambda _a, _p, i: values[i])
    )
    for args in (["score", "--json", str(path)], ["score", "--explain", "--json", str(path)]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        data = json.loads(result.stdout)
        koers = data["aspects"][0]
        assert koers["held_back_by"] == [f"koers.leraar.begin.{n}" for n in (1, 2, 3)]
        assert koers["higher_later_phase"] == "tussen"
        assert koers["reached"] == {"begin": False, "tussen": True, "gevorderd": False}


def test_explain_on_a_terminal_walks_the_phases(model: Model, tmp_path: Path) -> None:
    rows: dict[PhaseId, Row] = {"begin": (4, 4, 4), "tussen": (4, 2, 1), "gevorderd": (1, 1, 1)}
    values = persona_answers(model, "leraar", rows)
    path = write_answers_file(
        tmp_path / "a.yaml", model, answers_for(model, "leraar", lambda _a, _p, i: values[i])
    )
    result = run("score", "--explain", str(path), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    koers = lines.index("Koers")
    walk = [line.split() for line in lines[koers + 1 : koers + 4]]
    assert walk[0][:3] == ["Beginfase", "100%", "bereikt"]
    assert walk[1][:4] == ["Tussenfase", "44%", "nog", "niet"] and "hier" in walk[1]
    assert "hier" not in walk[0] and "hier" not in walk[2]
    held = [model.place(f"koers.leraar.tussen.{n}") for n in (2, 3)]
    assert all(p is not None and p.item.text in result.stdout for p in held)
    assert model.place("koers.leraar.tussen.1").item.text not in result.stdout  # type: ignore[union-attr]


def test_explain_as_markdown_lists_the_statements_per_aspect(model: Model) -> None:
    path = EXAMPLES / "schoolleider-obs-de-regenboog.yaml"
    result = run("score", "--explain", "--markdown", str(path))
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("score", "--json", str(path)).stdout)
    answers = read_answers(path, model)
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [
        tokens[i + 1].content
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == "h2"
    ]
    assert headings == [a.name for a in model.aspects]
    for aspect in data["aspects"]:
        for item_id in aspect["held_back_by"]:
            assert answers.answers[item_id] in (1, 2)
            place = model.place(item_id)
            assert place is not None and place.item.text in result.stdout


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_every_example_is_held_back_by_exactly_its_low_answers(model: Model, path: Path) -> None:
    answers = read_answers(path, model)
    for aspect in score(model, answers).aspects:
        if aspect.phase is None or aspect.mastered_all:
            assert aspect.held_back_by == []
            continue
        items = model.aspect(aspect.id).cell(answers.layer, aspect.phase).items
        low = [i.id for i in items if (answers.answers.get(i.id) or 4) < 3]
        assert aspect.held_back_by == low

"""Answers files: every bad input gives exit 2, one Dutch line naming the file, nothing on stdout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import answers_for, run, write_answers_file

from werkwijzer.core.answers import Answers, dump_answers, parse_answers
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import Model

GOOD_HEAD = "format: werkwijzer-answers/1\nlayer: leraar\nanswers:\n"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (GOOD_HEAD + "  koers.leraar.begin.99: 3\n", "onbekende uitspraak 'koers.leraar.begin.99'"),
        (GOOD_HEAD + "  koers.bestuurder.begin.1: 3\n", "hoort bij de laag bestuurder"),
        (GOOD_HEAD + "  koers.leraar.begin.1: 5\n", "verwacht 1, 2, 3, 4 of null"),
        (GOOD_HEAD + "  koers.leraar.begin.1: 0\n", "verwacht 1, 2, 3, 4 of null"),
        (GOOD_HEAD + "  koers.leraar.begin.1: 2.5\n", "verwacht 1, 2, 3, 4 of null"),
        (GOOD_HEAD + "  koers.leraar.begin.1: 'drie'\n", "verwacht 1, 2, 3, 4 of null"),
        (GOOD_HEAD + "  koers.leraar.begin.1: true\n", "verwacht 1, 2, 3, 4 of null"),
        (
            "format: werkwijzer-answers/1\nlayer: conciërge\nanswers: {}\n",
            "'conciërge' is onbekend",
        ),
        ("layer: leraar\nanswers: {}\n", "'format: werkwijzer-answers/1' ontbreekt"),
        ("format: werkwijzer-answers/9\nlayer: leraar\n", "onbekend formaat"),
        ("format: werkwijzer-answers/1\nlayer: [leraar\n", "geen geldige YAML"),
        ('{"format": "werkwijzer-answers/1", "layer": }', "geen geldige JSON"),
        ("", "het bestand is leeg"),
        ("   \n\n", "het bestand is leeg"),
        ("- een\n- lijst\n", "dit is geen antwoordbestand"),
        (
            GOOD_HEAD.replace("answers:\n", "kleur: rood\nanswers: {}\n"),
            "onbekende sleutel 'kleur'",
        ),
        ("format: werkwijzer-answers/1\nlayer: leraar\ndate: gisteren\n", "geen datum"),
    ],
)
def test_bad_answers_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(content, encoding="utf-8")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert expected in result.stderr
    assert str(path) in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_line_of_the_bad_answer_is_named(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(GOOD_HEAD + "  koers.leraar.begin.1: 3\n  koers.leraar.begin.2: 7\n")
    result = run("score", str(path))
    assert f"{path}, regel 5:" in result.stderr


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes(b"format: werkwijzer-answers/1\nlayer: leraar\nschool: \xe9cole\n")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert "geen UTF-8-tekst" in result.stderr


def test_missing_file() -> None:
    result = run("score", "bestaat-niet.yaml")
    assert result.exit_code == 2
    assert result.stderr == "bestaat-niet.yaml: bestand niet gevonden\n"
    assert result.stdout == ""


def test_json_and_yaml_give_the_same_result(tmp_path: Path, model: Model) -> None:
    answers = answers_for(model, "schoolleider", 3, school="OBS De Regenboog")
    yaml_file = write_answers_file(tmp_path / "a.yaml", model, answers)
    json_file = tmp_path / "a.json"
    json_file.write_text(json.dumps(to_jsonable(answers)), encoding="utf-8")
    from_yaml = json.loads(run("score", "--json", str(yaml_file)).stdout)
    from_json = json.loads(run("score", "--json", str(json_file)).stdout)
    assert from_yaml == from_json


def test_stdin(model: Model) -> None:
    text = dump_answers(answers_for(model, "leraar", 4), model)
    result = run("score", "--json", "-", input=text)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["layer"] == "leraar"


def test_stdin_error_is_named() -> None:
    result = run("score", "-", input="")
    assert result.exit_code == 2
    assert result.stderr == "standaardinvoer: het bestand is leeg\n"


def test_dump_and_parse_round_trip(model: Model) -> None:
    answers = answers_for(
        model,
        "bestuurder",
        lambda _a, phase, _i: {"begin": 4, "tussen": None, "gevorderd": 1}[phase],
        school='Stichting "Het Anker": 12 scholen',
        respondent="Ã. de Vries",
        model_version=model.version,
    )
    again = parse_answers(dump_answers(answers, model).encode(), model, "x")
    assert again == answers


def test_partial_file_keeps_only_answered_items(model: Model) -> None:
    places = model.items_for("leraar")[:5]
    answers = Answers(layer="leraar", answers={p.item.id: 2 for p in places})
    text = dump_answers(answers, model)
    again = parse_answers(text.encode(), model, "x")
    assert list(again.answers) == [p.item.id for p in places]

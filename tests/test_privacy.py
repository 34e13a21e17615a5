"""The privacy rule, tried as an attacker would: every subtraction of figures, in every format.

For each team below the test reads the JSON document and the CSV, as anyone holding the report
could, and combines every group figure it finds (everyone, each shown group, and the sum of each
group's CSV rows) with signs -1, 0 and +1. A combination that describes between 1 and
min_group - 1 people (with counts that could be real) would give those people's answers away,
unless it is the leadership that agreed to be shown. None may exist. Then it checks that no row,
sheet or table holds anyone of a group that is not shown.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import run, try_every_sum, varied_answers, write_answers_file
from openpyxl import load_workbook

from werkwijzer.core.model import LayerId, Model

Team = dict[LayerId, int]
TEAMS: list[tuple[str, Team, tuple[str, ...]]] = [
    ("usual school", {"bestuurder": 1, "schoolleider": 2, "leraar": 14}, ()),
    ("leaders agree", {"bestuurder": 1, "schoolleider": 2, "leraar": 14}, ("--show-leadership",)),
    ("one director", {"schoolleider": 1, "leraar": 9}, ()),
    ("one director, min 3", {"schoolleider": 1, "leraar": 9}, ("--min-group", "3")),
    ("rest of five", {"bestuurder": 1, "schoolleider": 4, "leraar": 6}, ()),
    ("board alone", {"bestuurder": 1, "schoolleider": 5, "leraar": 6}, ()),
    ("big leadership", {"bestuurder": 1, "schoolleider": 5, "leraar": 9}, ("--show-leadership",)),
    ("nobody apart", {"schoolleider": 3, "leraar": 4}, ()),
]
KEYS = ("begin", "tussen", "gevorderd", "none")


def make_team(folder: Path, model: Model, team: Team) -> None:
    folder.mkdir()
    n = 0
    for layer, count in team.items():
        for _ in range(count):
            answers = varied_answers(
                model, layer, n, unknown=0.06, respondent=f"Persoon {n}", school="OBS X"
            )
            write_answers_file(folder / f"persoon-{n}.yaml", model, answers)
            n += 1


def exported(folder: Path, *options: str) -> tuple[dict[str, Any], list[list[str]]]:
    as_json = run("export", str(folder), "-f", "json", *options)
    as_csv = run("export", str(folder), "-f", "csv", *options)
    assert as_json.exit_code == 0 and as_csv.exit_code == 0, as_json.stderr
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    return json.loads(as_json.stdout), rows[1:]


Figure = tuple[frozenset[str], list[int]]  # the layers it covers; respondents and counts


def figures(team: dict[str, Any], rows: list[list[str]], aspect_index: int) -> list[Figure]:
    """Every group figure of one aspect: whom it covers (as the report says: which layers) and its
    numbers [respondents, begin, tussen, gevorderd, none]."""
    aspect = team["aspects"][aspect_index]
    layers_of = {g["id"]: frozenset(g["layers"]) for g in team["groups"]}
    counted = frozenset(c["layer"] for c in team["layers"] if c["counted"])
    found = [
        (
            counted if g["group"] is None else layers_of[g["group"]],
            [g["respondents"], *(g["counts"][k] for k in KEYS)],
        )
        for g in [aspect["everyone"], *aspect["groups"]]
    ]
    by_group: dict[str, Counter[str]] = {}
    people: dict[str, set[str]] = {}
    for number, group, aspect_id, _name, phase, _score, aspect_phase, _school in rows:
        if aspect_id == aspect["id"] and phase == "begin":  # one row per aspect and person
            by_group.setdefault(group, Counter())[aspect_phase or "none"] += 1
            people.setdefault(group, set()).add(number)
    for group, tally in by_group.items():
        found.append((layers_of[group], [len(people[group]), *(tally[k] for k in KEYS)]))
    return found


@pytest.mark.parametrize(("team", "options"), [t[1:] for t in TEAMS], ids=[t[0] for t in TEAMS])
def test_no_subtraction_gives_a_small_group_away(
    tmp_path: Path, model: Model, team: Team, options: tuple[str, ...]
) -> None:
    make_team(tmp_path / "t", model, team)
    document, rows = exported(tmp_path / "t", *options)
    min_group = document["min_group"]
    agreed = [frozenset(g["layers"]) for g in document["groups"] if g["agreed"]]
    size = {c["layer"]: c["respondents"] for c in document["layers"]}
    tried = 0
    for n, _aspect in enumerate(document["aspects"]):
        tried += try_every_sum(figures(document, rows, n), size, min_group, agreed)
    assert tried > len(document["aspects"])


@pytest.mark.parametrize(("team", "options"), [t[1:] for t in TEAMS], ids=[t[0] for t in TEAMS])
def test_no_row_of_a_hidden_group(
    tmp_path: Path, model: Model, team: Team, options: tuple[str, ...]
) -> None:
    make_team(tmp_path / "t", model, team)
    document, rows = exported(tmp_path / "t", *options)
    listed = {g["id"]: g["respondents"] for g in document["groups"]}
    min_group = document["min_group"]
    per_group = Counter(r[1] for r in rows if r[2] == model.aspects[0].id and r[4] == "begin")
    for group, count in per_group.items():
        assert group in listed and count == listed[group] >= min_group
    for group, count in listed.items():
        if count >= min_group:
            assert per_group[group] == count
        else:  # the agreed leadership: its figures, never its rows
            assert per_group[group] == 0
    result = run("export", str(tmp_path / "t"), "-o", str(tmp_path / "t.xlsx"), *options)
    assert result.exit_code == 0, result.stderr
    sheet = load_workbook(tmp_path / "t.xlsx")["Respondenten"]
    labels = Counter(row[1] for row in sheet.iter_rows(min_row=2, values_only=True))
    names = {
        "leiding": "Leiding, zelfbeoordeling",
        "leraar": "Leraar",
        "schoolleider": "Schoolleider",
    }
    assert labels == Counter({names[g]: n * len(model.aspects) for g, n in per_group.items()})
    # Statement figures only for layers with at least min_group people in the report.
    counted = {c["layer"]: c["respondents"] for c in document["layers"] if c["counted"]}
    for statement in document["statements"]:
        assert counted[statement["layer"]] >= min_group


def test_the_coach_s_case_no_longer_leaks(tmp_path: Path, model: Model) -> None:
    # One school leader and nine teachers (the review's finding 3 and 4): the school leader is in
    # no figure at all, so "Allen minus Leraar" is nothing, and there is no row for them.
    make_team(tmp_path / "t", model, {"schoolleider": 1, "leraar": 9})
    document, rows = exported(tmp_path / "t")
    assert document["counted"] == 9
    for aspect in document["aspects"]:
        assert aspect["everyone"] == {**aspect["groups"][0], "group": None}
    assert {r[1] for r in rows} == {"leraar"}
    markdown = run("export", str(tmp_path / "t")).stdout
    assert "Allen (10)" not in markdown and "schoolleider (1 persoon) staan niet" in markdown

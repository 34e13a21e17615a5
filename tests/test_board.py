"""A board's schools side by side, the board member's file copied into every school's folder, and
the same board member counted the same way by export, import, compare and history.

The board: Stichting De Linde, one board member (the same file in both folders), school Regenboog
with 2 school leaders and 6 teachers, school Zonnebloem with 1 school leader and 4 teachers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import answers_for, run, write_answers_file

from werkwijzer.core.model import LayerId, Model, PhaseId

BOARD = "Stichting De Linde"
REGENBOOG, ZONNEBLOEM = "OBS De Regenboog", "OBS De Zonnebloem"


def school(
    folder: Path, model: Model, name: str, layers: Sequence[LayerId], day: dt.date, base: int
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, layer in enumerate(layers):

        def value(_aspect: str, phase: PhaseId, _item: str, n: int = n) -> int:
            return min(4, base + n % 2 + (phase == "begin"))

        answers = answers_for(
            model,
            layer,
            value,
            school=name,
            date=day,
            respondent=f"{name} {layer} {n}",
        )
        write_answers_file(folder / f"{layer}-{n}.yaml", model, answers)


@pytest.fixture
def board(tmp_path: Path, model: Model) -> Path:
    day = dt.date(2025, 10, 6)
    school(
        tmp_path / "regenboog", model, REGENBOOG, ("schoolleider",) * 2 + ("leraar",) * 6, day, 2
    )
    school(tmp_path / "zonnebloem", model, ZONNEBLOEM, ("schoolleider",) + ("leraar",) * 4, day, 1)
    member = answers_for(model, "bestuurder", 3, school=BOARD, date=day, respondent="H. Koster")
    write_answers_file(tmp_path / "regenboog" / "bestuur.yaml", model, member)
    shutil.copy(tmp_path / "regenboog" / "bestuur.yaml", tmp_path / "zonnebloem" / "bestuur.yaml")
    return tmp_path


def team_json(*args: str) -> dict[str, Any]:
    result = run("export", "-f", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    schema = json.loads(run("schema", "team").stdout)
    jsonschema.validate(data, schema)
    return data


def test_schools_are_refused_without_board(board: Path) -> None:
    result = run("export", str(board / "regenboog"), str(board / "zonnebloem"))
    assert result.exit_code == 2 and "--board" in result.stderr


def test_a_board_overview(board: Path, model: Model) -> None:
    result = run(
        "export", "-f", "json", "--board", str(board / "regenboog"), str(board / "zonnebloem")
    )
    assert result.exit_code == 0, result.stderr
    # the same board member in both folders: one person, counted once, and said so
    assert "heeft precies dezelfde inhoud als" in result.stderr
    data = team_json("--board", str(board / "regenboog"), str(board / "zonnebloem"))
    assert data["respondents"] == 1 + 8 + 5
    schools = {s["school"]: s for s in data["per_school"]}
    assert set(schools) == {REGENBOOG, ZONNEBLOEM}
    assert schools[REGENBOOG]["respondents"] == 8 and schools[ZONNEBLOEM]["respondents"] == 5
    for aspect in data["aspects"]:
        per_school = [s["aspects"][aspect["id"]]["counts"] for s in data["per_school"]]
        everyone = aspect["everyone"]["counts"]
        # the schools and the board member (3 everywhere: the beginfase) make up everyone
        for phase in ("begin", "tussen", "gevorderd", "none"):
            assert sum(c[phase] for c in per_school) + (phase == "begin") == everyone[phase]


def test_the_board_overview_in_markdown(board: Path, model: Model) -> None:
    result = run("export", "--board", str(board / "regenboog"), str(board / "zonnebloem"))
    text = result.stdout
    assert "## Scholen naast elkaar" in text
    section = text.split("\n## Scholen naast elkaar")[1].split("\n## ")[0]
    assert f"| {REGENBOOG} (8) |" in section and f"| {ZONNEBLOEM} (5) |" in section
    # one board member is too few to show as a layer of its own, and the report says why
    assert "De laag bestuurder staat niet apart" in section
    shown = run(
        "export", "--board", "--min-group", "1", str(board / "regenboog"), str(board / "zonnebloem")
    )
    assert (
        "| Bestuurder (1) |" in shown.stdout.split("\n## Scholen naast elkaar")[1].split("\n## ")[0]
    )


def test_a_small_school_is_not_shown_on_its_own(board: Path, model: Model) -> None:
    data = team_json(
        "--board", "--min-group", "6", str(board / "regenboog"), str(board / "zonnebloem")
    )
    schools = {s["school"]: s for s in data["per_school"]}
    assert schools[ZONNEBLOEM]["shown"] is False and schools[ZONNEBLOEM]["aspects"] == {}
    assert schools[ZONNEBLOEM]["folded"] == "small_group"
    strict = team_json(
        "--board",
        "--strict-privacy",
        "--min-group",
        "2",
        str(board / "regenboog"),
        str(board / "zonnebloem"),
    )
    # with one board member hidden, showing both schools would give that member away
    assert [s["shown"] for s in strict["per_school"]].count(False) == 1


def test_the_csv_has_a_school_column_that_gives_no_one_away(board: Path, model: Model) -> None:
    result = run(
        "export", "-f", "csv", "--board", str(board / "regenboog"), str(board / "zonnebloem")
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    people = {(r["respondent"], r["layer"], r["school"]) for r in rows}
    assert len({p[0] for p in people}) == 14
    by_school: dict[str, set[str]] = {}
    for number, layer, name in people:
        by_school.setdefault(f"{name}/{layer}", set()).add(number)
    # the teachers of each school are shown; the one school leader of Zonnebloem, and the board
    # member, are in the pool without layer or school
    assert (
        len(by_school[f"{REGENBOOG}/leraar"]) == 6 and len(by_school[f"{ZONNEBLOEM}/leraar"]) == 4
    )
    assert f"{ZONNEBLOEM}/schoolleider" not in by_school and "/bestuurder" not in by_school
    assert len(by_school["/"]) == 1 + 2 + 1  # board member, and all school leaders (a small cell)
    assert list(rows[0])[-1] == "school"


def test_one_school_has_its_name_in_the_csv(board: Path) -> None:
    result = run("export", "-f", "csv", str(board / "regenboog"))
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["school"] for r in rows if r["layer"] == "leraar"} == {REGENBOOG}
    assert {r["school"] for r in rows if r["layer"] == ""} == {""}  # the folded layers


def test_folder_and_school_compare_count_the_board_member_the_same(
    board: Path, tmp_path: Path, model: Model
) -> None:
    later = tmp_path / "later"
    school(
        later, model, REGENBOOG, ("schoolleider",) * 2 + ("leraar",) * 6, dt.date(2026, 10, 5), 3
    )
    member = answers_for(model, "bestuurder", 4, school=BOARD, date=dt.date(2026, 10, 5))
    write_answers_file(later / "bestuur.yaml", model, member)
    assert (
        run("import", str(board / "regenboog"), str(board / "zonnebloem"), str(later)).exit_code
        == 0
    )
    folders = json.loads(run("compare", "--json", str(board / "regenboog"), str(later)).stdout)
    stored = json.loads(
        run(
            "compare", "--json", "--school", "regenboog", "--from", "2025/2026", "--to", "2026/2027"
        ).stdout
    )
    assert folders["aspects"] == stored["aspects"]
    for side in ("then", "now"):
        assert (
            folders[side]["per_layer"]
            == stored[side]["per_layer"]
            == {
                "bestuurder": 1,
                "schoolleider": 2,
                "leraar": 6,
            }
        )
    text = run(
        "compare", "--school", "regenboog", "--from", "2025/2026", "--to", "2026/2027"
    ).stdout
    assert "De bestuurder telt mee als respondent, net als in het teamrapport" in " ".join(
        text.split()
    )
    # the board member's scan counts for Zonnebloem too, where it was imported as well
    trend = json.loads(run("history", "--json", "--school", "zonnebloem").stdout)
    assert trend["schools"][0]["years"][0]["per_layer"]["bestuurder"] == 1

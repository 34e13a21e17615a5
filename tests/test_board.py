"""A board overview (export --board): the schools side by side, and nobody given away by them.

The attacker test reads the JSON document and the CSV as anyone holding the report could, and
combines every figure it finds (everyone, each shown group, each shown school, the sum of the rows
of each group and of each group and school label) with signs -1, 0 and +1. Whom a combination
describes is counted in cells (a layer in a school): a combination that counts every cell once or
not at all describes those people, and none may have between 1 and min_group - 1 of them, unless
it is exactly the leadership that agreed to be shown. It is independent of core/board_privacy.py,
which finds the same by a shorter road.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import run, try_every_sum, varied_answers, write_answers_file
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from openpyxl import load_workbook

from werkwijzer.core.board_privacy import BOARD, Cell, Figures, leak
from werkwijzer.core.model import LayerId, Model

# school -> layer -> respondents; the school "" stands for the board members' own files.
Board = dict[str, dict[LayerId, int]]
KEYS = ("begin", "tussen", "gevorderd", "none")
BOARDS: list[tuple[str, Board, tuple[str, ...]]] = [
    (
        "three schools, one small",
        {
            "OBS De Akker": {"schoolleider": 1, "leraar": 8},
            "CBS De Brug": {"schoolleider": 1, "leraar": 6},
            "SBO Het Kompas": {"schoolleider": 1, "leraar": 3},
            "": {"bestuurder": 2},
        },
        (),
    ),
    (
        "two schools, board left out",
        {
            "OBS De Akker": {"schoolleider": 1, "leraar": 9},
            "CBS De Brug": {"schoolleider": 1, "leraar": 6},
            "": {"bestuurder": 1},
        },
        (),
    ),
    (
        "one big, one small",
        {"OBS De Akker": {"leraar": 10}, "CBS De Brug": {"leraar": 4}, "": {"bestuurder": 1}},
        (),
    ),
    (
        "leaders agree",
        {
            "OBS De Akker": {"schoolleider": 2, "leraar": 7},
            "CBS De Brug": {"schoolleider": 1, "leraar": 6},
            "": {"bestuurder": 1},
        },
        ("--show-leadership",),
    ),
    (
        "teachers only in one school",
        {
            "OBS De Akker": {"leraar": 6},
            "CBS De Brug": {"leraar": 7},
            "IKC Het Palet": {"schoolleider": 2, "leraar": 9},
            "": {"bestuurder": 3},
        },
        (),
    ),
    (
        "five schools, min 3",
        {
            "A": {"schoolleider": 1, "leraar": 4},
            "B": {"schoolleider": 1, "leraar": 3},
            "C": {"schoolleider": 1, "leraar": 2},
            "D": {"leraar": 5},
            "E": {"schoolleider": 2, "leraar": 6},
            "": {"bestuurder": 1},
        },
        ("--min-group", "3"),
    ),
]


def make_board(folder: Path, model: Model, board: Board, copies: bool = False) -> list[Path]:
    """A folder per school; the board members' files beside them (or, with `copies`, copied into
    every school's folder, as a board office might hand them out)."""
    folders, n = [], 0
    for school, layers in board.items():
        where = folder / (school or "bestuur")
        where.mkdir(parents=True)
        folders.append(where)
        for layer, count in layers.items():
            for _ in range(count):
                answers = varied_answers(
                    model,
                    layer,
                    n,
                    respondent=f"Persoon {n}",
                    school=school or "Stichting De Linde",
                    date=dt.date(2026, 10, 1),
                )
                write_answers_file(where / f"persoon-{n}.yaml", model, answers)
                n += 1
    if copies:
        board_folder = folders.pop()
        for member in board_folder.iterdir():
            for school_folder in folders:
                (school_folder / member.name).write_bytes(member.read_bytes())
            member.unlink()
        board_folder.rmdir()
    return folders


def markdown_tokens(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def exported(folders: list[Path], *options: str) -> tuple[dict[str, Any], list[list[str]]]:
    paths = [str(f) for f in folders]
    as_json = run("export", *paths, "--board", "-f", "json", *options)
    as_csv = run("export", *paths, "--board", "-f", "csv", *options)
    assert as_json.exit_code == 0 and as_csv.exit_code == 0, as_json.stderr
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    return json.loads(as_json.stdout), rows[1:]


Cells = frozenset[tuple[str, str]]


def cells_of(board: Board, document: dict[str, Any]) -> dict[tuple[str, str], int]:
    counted = {c["layer"] for c in document["layers"] if c["counted"]}
    return {
        (layer, school.casefold()): n
        for school, layers in board.items()
        for layer, n in layers.items()
        if layer in counted
    }


def figures(
    board: Board, document: dict[str, Any], rows: list[list[str]], aspect: int
) -> list[tuple[Cells, list[int]]]:
    """Every figure of one aspect: the cells it covers and [respondents, begin, ..., none]."""
    cells = cells_of(board, document)
    layers_of = {g["id"]: set(g["layers"]) for g in document["groups"]}
    entry = document["aspects"][aspect]

    def numbers(g: dict[str, Any]) -> list[int]:
        return [g["respondents"], *(g["counts"][k] for k in KEYS)]

    found = [(frozenset(cells), numbers(entry["everyone"]))]
    found += [
        (frozenset(c for c in cells if c[0] in layers_of[g["group"]]), numbers(g))
        for g in entry["groups"]
    ]
    for school in document["schools_apart"]:
        if school["shown"]:
            key = school["school"].casefold()
            covered = frozenset(c for c in cells if c[1] == key and c[0] != "bestuurder")
            found.append((covered, numbers(school["aspects"][entry["id"]])))
    tally: dict[tuple[str, str], Counter[str]] = {}
    people: dict[tuple[str, str], set[str]] = {}
    for number, group, aspect_id, _name, phase, _score, aspect_phase, school in rows:
        if aspect_id == entry["id"] and phase == "begin":
            for key in ((group, ""), (group, school)) if school else ((group, ""),):
                tally.setdefault(key, Counter())[aspect_phase or "none"] += 1
                people.setdefault(key, set()).add(number)
    for (group, school), counts in tally.items():
        covered = frozenset(
            c
            for c in cells
            if c[0] in layers_of[group] and (not school or c[1] == school.casefold())
        )
        found.append((covered, [len(people[(group, school)]), *(counts[k] for k in KEYS)]))
    return found


@pytest.mark.parametrize(("board", "options"), [b[1:] for b in BOARDS], ids=[b[0] for b in BOARDS])
def test_no_sum_of_figures_gives_a_small_group_away(
    tmp_path: Path, model: Model, board: Board, options: tuple[str, ...]
) -> None:
    document, rows = exported(make_board(tmp_path / "b", model, board), *options)
    assert document["schools_apart"], "a board of several schools shows them side by side"
    min_group = document["min_group"]
    cells = cells_of(board, document)
    agreed = {
        frozenset(c for c in cells if c[0] in g["layers"])
        for g in document["groups"]
        if g["agreed"]
    }
    tried = sum(
        try_every_sum(figures(board, document, rows, n), cells, min_group, agreed) for n in range(2)
    )
    assert tried > 10


def test_three_schools_one_small(tmp_path: Path, model: Model) -> None:
    document, rows = exported(make_board(tmp_path / "b", model, BOARDS[0][1]))
    shown = {
        s["school"]: (s["shown"], s["folded"], s["respondents"]) for s in document["schools_apart"]
    }
    assert shown == {
        "CBS De Brug": (True, None, 7),
        "OBS De Akker": (True, None, 9),
        "SBO Het Kompas": (False, "small_group", 4),
    }
    # Each school counts its leader and teachers, never the board members.
    for aspect in document["aspects"]:
        for school in document["schools_apart"]:
            if school["shown"]:
                assert school["aspects"][aspect["id"]]["respondents"] == school["respondents"]
    # Rows carry no school here: a school's rows minus its figure would be its one school leader.
    assert {r[7] for r in rows} == {""}


def test_rows_carry_their_school_when_that_gives_no_one_away(tmp_path: Path, model: Model) -> None:
    document, rows = exported(make_board(tmp_path / "b", model, BOARDS[4][1]))
    folds = {s["school"]: s["folded"] for s in document["schools_apart"]}
    # Showing all three would give Het Palet's two leaders away: Het Palet minus (the teachers
    # minus the other two schools). Folding De Akker, the smallest, is enough.
    assert folds == {"CBS De Brug": None, "IKC Het Palet": None, "OBS De Akker": "back_calculation"}
    per_row = Counter((r[1], r[7]) for r in rows if r[2] == model.aspects[0].id and r[4] == "begin")
    # De Brug's teachers are the whole school: their rows may say so. Het Palet's teachers stay
    # unlabelled (the school minus them would be its two leaders), and so do De Akker's.
    assert per_row == Counter({("leraar", "CBS De Brug"): 7, ("leraar", ""): 15})


def test_back_calculation_folds_one_more_school(tmp_path: Path, model: Model) -> None:
    document, _ = exported(make_board(tmp_path / "b", model, BOARDS[2][1]))
    folds = {s["school"]: s["folded"] for s in document["schools_apart"]}
    # De Brug has 4 teachers; showing De Akker would give them away as everyone minus De Akker.
    assert folds == {"CBS De Brug": "small_group", "OBS De Akker": "back_calculation"}


def test_a_board_member_file_copied_into_every_school_counts_once(
    tmp_path: Path, model: Model
) -> None:
    board = BOARDS[0][1]
    folders = make_board(tmp_path / "b", model, board, copies=True)
    result = run("export", *map(str, folders), "--board", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    layers = {c["layer"]: c["respondents"] for c in document["layers"]}
    assert layers["bestuurder"] == 2
    # Two board members' files in three folders: four copies, told in one line.
    assert "4 bestanden hebben precies dezelfde inhoud" in result.stderr
    assert result.stderr.count("dezelfde inhoud") == 1


def test_several_schools_without_board_is_refused_with_the_way_out(
    tmp_path: Path, model: Model
) -> None:
    folders = make_board(tmp_path / "b", model, BOARDS[0][1])
    result = run("export", *map(str, folders), "-f", "json")
    assert result.exit_code == 2
    assert "verschillende scholen" in result.stderr and "--board" in result.stderr


def test_board_markdown_html_and_xlsx_show_the_schools(tmp_path: Path, model: Model) -> None:
    folders = make_board(tmp_path / "b", model, BOARDS[0][1])
    document, _ = exported(folders)
    out = run("export", *map(str, folders), "--board")
    assert out.exit_code == 0, out.stderr
    tokens = markdown_tokens(out.stdout)
    assert tokens[1].content == "Bestuursoverzicht werkwijzer-quickscan"
    h2 = [tokens[i + 1].content for i, t in enumerate(tokens) if t.tag == "h2" and t.nesting == 1]
    assert h2.index("De scholen naast elkaar") == h2.index("Waar het team staat") + 1
    first = document["aspects"][0]
    brug = next(s for s in document["schools_apart"] if s["school"] == "CBS De Brug")
    counts = brug["aspects"][first["id"]]["counts"]
    cells = [t.content for t in tokens if t.type == "inline"]
    at = cells.index("CBS De Brug (7)")
    assert cells[at + 1 : at + 5] == [str(counts[k]) for k in KEYS]
    assert any("SBO Het Kompas (4) telt mee bij allen, maar staat niet apart" in c for c in cells)
    workbook = tmp_path / "bestuur.xlsx"
    assert run("export", *map(str, folders), "--board", "-o", str(workbook)).exit_code == 0
    sheet = load_workbook(workbook)["Scholen"]
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    brug_row = next(v for v in values if v[0] == first["name"] and v[1] == "CBS De Brug")
    assert list(brug_row[3:7]) == [counts[k] for k in KEYS]
    page = tmp_path / "bestuur.html"
    assert run("export", *map(str, folders), "--board", "-o", str(page)).exit_code == 0
    html = page.read_text()
    assert 'id="scholen"' in html and "CBS De Brug (7)" in html


def test_board_with_one_school_says_so(tmp_path: Path, model: Model) -> None:
    folders = make_board(tmp_path / "b", model, {"OBS De Akker": {"leraar": 6}})
    result = run("export", *map(str, folders), "--board", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schools_apart"] == []
    assert "alle antwoorden komen van één school" in result.stderr


# --- the search itself, against brute force on random boards -------------------------------------


def brute_force(figures: Figures) -> bool:
    cells = [c for c, n in figures.cells.items() if n > 0]
    covers = [frozenset(cells)]
    covers += [frozenset(c for c in cells if c[0] in layers) for layers in figures.groups.values()]
    covers += [
        frozenset(c for c in cells if c[1] == s and c[1] != BOARD)
        for s in sorted(figures.schools, key=str)
    ]
    group_of = {layer: g for g, layers in figures.groups.items() for layer in layers}
    covers += [
        frozenset(c for c in cells if c[1] == s and group_of.get(c[0]) == g)
        for g, s in sorted(figures.labelled, key=str)
    ]
    agreed = (
        frozenset(c for c in cells if c[0] in figures.agreed)
        if figures.agreed is not None
        else None
    )
    for signs in itertools.product((-1, 0, 1), repeat=len(covers)):
        cover = Counter[Cell]()
        for sign, covered in zip(signs, covers, strict=True):
            for cell in covered:
                cover[cell] += sign
        if any(c not in (0, 1) for c in cover.values()):
            continue
        who = frozenset(c for c, k in cover.items() if k == 1)
        people: int = sum(figures.cells[c] for c in who)
        if 0 < people < figures.min_group and who != agreed:
            return True
    return False


SCHOOLS = ("a", "b", "c", None)


@st.composite
def random_figures(draw: st.DrawFn) -> Figures:
    cells: dict[tuple[LayerId, str | None], int] = {}
    for school in draw(st.lists(st.sampled_from(SCHOOLS), min_size=1, max_size=3, unique=True)):
        for layer in ("schoolleider", "leraar"):
            cells[(layer, school)] = draw(st.integers(0, 7))
    cells[("bestuurder", BOARD)] = draw(st.integers(0, 3))
    leadership = draw(st.booleans())
    groups: dict[str, frozenset[LayerId]] = {"leraar": frozenset({"leraar"})}
    if leadership:
        groups["leiding"] = frozenset({"bestuurder", "schoolleider"})
    elif draw(st.booleans()):
        groups["schoolleider"] = frozenset({"schoolleider"})
    present = sorted({s for _l, s in cells if s != BOARD}, key=str)
    schools = frozenset(draw(st.lists(st.sampled_from(present), unique=True, max_size=3)))
    labelled = (
        frozenset(
            draw(
                st.lists(
                    st.sampled_from(
                        [("leraar", s) for s in sorted(schools, key=str)] or [("leraar", "z")]
                    ),
                    unique=True,
                    max_size=2,
                )
            )
        )
        if schools
        else frozenset()
    )
    return Figures(
        cells=cells,
        groups=groups,
        min_group=draw(st.integers(2, 6)),
        agreed=frozenset({"bestuurder", "schoolleider"}) if leadership else None,
        schools=schools,
        labelled=frozenset(x for x in labelled if x[1] in schools),
    )


@settings(max_examples=300, deadline=None)
@given(random_figures())
def test_the_search_finds_what_brute_force_finds(figures: Figures) -> None:
    assert leak(figures) == brute_force(figures)

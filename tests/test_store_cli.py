"""import, history, compare and forget on the command line, and scan recording itself."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pexpect
import pytest
from conftest import (
    HOSTILE,
    answers_for,
    run,
    spawn_cli,
    write_answers_file,
)
from markdown_it import MarkdownIt

from werkwijzer.cli.scan import record_and_tell
from werkwijzer.core.answers import read_answers
from werkwijzer.core.change import MIN_RESPONDENTS
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import LayerId, Model, PhaseId
from werkwijzer.core.scoring import score
from werkwijzer.core.store import SCHEMA_VERSION, Store, StoreLockedError


def answers_file(
    path: Path,
    model: Model,
    values: dict[PhaseId, int] | int = 3,
    layer: LayerId = "leraar",
    **meta: Any,
) -> Path:
    def pick(_aspect: str, phase: PhaseId, _item: str) -> int:
        return values if isinstance(values, int) else values[phase]

    path.parent.mkdir(parents=True, exist_ok=True)
    return write_answers_file(path, model, answers_for(model, layer, pick, **meta))


def stored(db: Path) -> list[dict[str, Any]]:
    result = run("history", "--scans", "--json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "werkwijzer-history/1"
    scans: list[dict[str, Any]] = data["scans"]
    return scans


def import_ok(db: Path, *files: Path) -> list[int]:
    """Import and return the new scan ids, in the order of the files."""
    before = {s["id"] for s in stored(db)} if db.exists() else set()
    result = run("import", "--db", str(db), *map(str, files))
    assert result.exit_code == 0, result.stderr
    return sorted({s["id"] for s in stored(db)} - before)


# --- import --------------------------------------------------------------------------------------


def test_import_with_duplicates_and_a_bad_file(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    folder = tmp_path / "team"
    answers_file(folder / "a.yaml", model, 1, school="OBS De Regenboog", date=dt.date(2025, 10, 1))
    answers_file(folder / "b.yaml", model, 2, school="OBS De Regenboog", date=dt.date(2025, 10, 2))
    shutil.copy(folder / "a.yaml", folder / "a-kopie.yaml")  # the same content again
    (folder / "kapot.yaml").write_text("format: werkwijzer-answers/1\nlayer: kok\n")
    (folder / "notities.txt").write_text("geen antwoordbestand, telt niet mee")
    single = answers_file(tmp_path / "los.yml", model, 4, school="De Linde")

    result = run("import", "--db", str(db), str(folder), str(single), str(tmp_path / "weg.yaml"))
    assert result.exit_code == 3
    assert "kapot.yaml" in result.stderr and "kok" in result.stderr
    assert "weg.yaml: bestand niet gevonden" in result.stderr
    assert "a.yaml: was al bewaard als scan" in result.stderr
    assert "3 scans nieuw bewaard, 1 was al bewaard, 2 bestanden overgeslagen" in result.stderr
    assert "notities" not in result.stderr
    assert result.stdout == ""
    scans = stored(db)
    assert len(scans) == 3 and {s["source"] for s in scans} == {"import"}

    again = run("import", "--db", str(db), str(folder / "a.yaml"), str(single))
    assert again.exit_code == 0
    assert "0 scans nieuw bewaard, 2 waren al bewaard" in again.stderr
    assert len(stored(db)) == 3


def test_import_keeps_the_file_text(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    path = answers_file(tmp_path / "a.yaml", model, 2)
    path.write_text("# mijn eigen opmerking\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    [scan_id] = import_ok(db, path)
    with Store.open(db) as store:
        assert store.answers_text(scan_id) == path.read_text(encoding="utf-8")


def test_import_from_stdin_and_json(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    answers = answers_for(model, "schoolleider", 2, school="Via JSON")
    result = run("import", "--db", str(db), "-", input=json.dumps(to_jsonable(answers)))
    assert result.exit_code == 0, result.stderr
    assert stored(db)[0]["school"] == "Via JSON"


def test_an_empty_folder_is_skipped_by_name(tmp_path: Path, model: Model) -> None:
    (tmp_path / "leeg").mkdir()
    path = answers_file(tmp_path / "a.yaml", model)
    result = run("import", "--db", str(tmp_path / "s.db"), str(tmp_path / "leeg"), str(path))
    assert result.exit_code == 3
    assert "leeg" in result.stderr and "1 scan nieuw bewaard" in result.stderr


# --- history -------------------------------------------------------------------------------------


@pytest.fixture
def years(tmp_path: Path, model: Model) -> tuple[Path, dict[str, int]]:
    """A school that scanned two years running, and another school."""
    db = tmp_path / "s.db"
    ids: dict[str, int] = {}
    plan: list[tuple[str, int, LayerId, str, dt.date]] = [
        ("leraar-2024", 1, "leraar", "OBS De Regenboog", dt.date(2024, 10, 1)),
        ("leider-2024", 2, "schoolleider", "OBS De Regenboog", dt.date(2024, 10, 2)),
        ("leraar-2025", 2, "leraar", "obs de regenboog", dt.date(2025, 10, 1)),
        ("linde-2025", 4, "leraar", "De Linde", dt.date(2025, 11, 1)),
    ]
    paths = [
        answers_file(tmp_path / f"{name}.yaml", model, value, layer, school=school, date=day)
        for name, value, layer, school, day in plan
    ]
    result = run("import", "--db", str(db), *map(str, paths))
    assert result.exit_code == 0, result.stderr
    for name, *_ in plan:  # import says which file became which scan
        ids[name] = int(result.stderr.split(f"{name}.yaml: bewaard als scan ")[1].split()[0])
    return db, ids


def test_history_newest_first_and_filtered(years: tuple[Path, dict[str, int]]) -> None:
    db, ids = years
    assert [s["id"] for s in stored(db)] == [
        ids["linde-2025"],
        ids["leraar-2025"],
        ids["leider-2024"],
        ids["leraar-2024"],
    ]

    def ids_for(*options: str) -> list[int]:
        result = run("history", "--scans", "--json", "--db", str(db), *options)
        assert result.exit_code == 0, result.stderr
        return [s["id"] for s in json.loads(result.stdout)["scans"]]

    assert ids_for("--school", "regenboog") == [
        ids["leraar-2025"],
        ids["leider-2024"],
        ids["leraar-2024"],
    ]
    assert ids_for("--layer", "Schoolleider") == [ids["leider-2024"]]
    assert ids_for("--layer", "lera", "--school", "OBS De Regenboog") == [
        ids["leraar-2025"],
        ids["leraar-2024"],
    ]
    assert ids_for("--since", "2025/2026") == [ids["linde-2025"], ids["leraar-2025"]]
    assert ids_for("--since", "2025-11") == [ids["linde-2025"]]


def test_history_json_has_the_phases(years: tuple[Path, dict[str, int]], model: Model) -> None:
    db, ids = years
    scan = next(s for s in stored(db) if s["id"] == ids["linde-2025"])
    assert scan["phases"] == {a.id: "gevorderd" for a in model.aspects}
    assert (scan["school"], scan["layer"], scan["date"]) == ("De Linde", "leraar", "2025-11-01")
    assert scan["date_in_file"] is True and scan["model_version"] == model.version


def test_history_table_at_80_columns(years: tuple[Path, dict[str, int]], model: Model) -> None:
    db, ids = years
    result = run("history", "--scans", "--db", str(db), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    at = next(
        n for n, line in enumerate(lines) if line.strip().startswith(f"{ids['leider-2024']} ")
    )
    row = lines[at]
    assert "2024-10-02" in row and "Schoolleider" in " ".join(lines[at : at + 2])
    assert row.split()[-len(model.aspects) :] == [model.phase("begin").name] * len(model.aspects)
    for aspect in model.aspects:  # every aspect heads a column, wrapped between words
        assert all(word in result.stdout for word in aspect.name.split())


def test_history_refuses_unknown_filters(years: tuple[Path, dict[str, int]]) -> None:
    db, _ = years
    unknown = run("history", "--db", str(db), "--school", "Zonnebloem")
    assert unknown.exit_code == 2 and "Onbekende school 'Zonnebloem'" in unknown.stderr
    assert "OBS De Regenboog" in unknown.stderr
    layer = run("history", "--db", str(db), "--layer", "kok")
    assert layer.exit_code == 2 and "kok" in layer.stderr
    since = run("history", "--db", str(db), "--since", "vorig jaar")
    assert since.exit_code == 2 and "2025/2026" in since.stderr


def test_history_without_a_database(tmp_path: Path) -> None:
    db = tmp_path / "nog-niet.db"
    result = run("history", "--db", str(db))
    assert result.exit_code == 0 and result.stdout == ""
    assert "nog geen scans bewaard" in result.stderr
    as_json = run("history", "--scans", "--json", "--db", str(db))
    assert json.loads(as_json.stdout)["scans"] == []
    trend = run("history", "--json", "--db", str(db))
    assert json.loads(trend.stdout)["schools"] == []
    assert not db.exists()


def test_the_environment_variable_names_the_database(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "env.db"
    path = answers_file(tmp_path / "a.yaml", model)
    assert run("import", str(path), env={"WERKWIJZER_DB": str(db)}).exit_code == 0
    assert db.exists()
    result = run("history", "--scans", "--json", env={"WERKWIJZER_DB": str(db)})
    assert len(json.loads(result.stdout)["scans"]) == 1


# --- compare -------------------------------------------------------------------------------------


def compare_json(*args: str) -> dict[str, Any]:
    result = run("compare", "--json", *args)
    assert result.exit_code == 0, result.stderr
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_compare_two_stored_scans(years: tuple[Path, dict[str, int]], model: Model) -> None:
    db, ids = years
    data = compare_json(str(ids["leraar-2024"]), str(ids["leraar-2025"]), "--db", str(db))
    assert data["format"] == "werkwijzer-compare/2" and data["group"] is False
    assert data["then"]["scans"] == [ids["leraar-2024"]] and data["then"]["chosen_by"] == "scans"
    assert data["now"]["first_date"] == "2025-10-01"
    first = data["aspects"][0]
    assert (first["then"]["phase"], first["now"]["phase"]) == ("begin", "begin")
    # all 1s (0%) against all 2s (33%): the same phase, 33 points higher in it; the position
    # rises by (1/3) / (2/3) = 0.5 in each of the three phases
    assert first["changes"]["begin"] == pytest.approx(0.3333)
    assert first["difference"] == pytest.approx(0.3333 / (2 / 3) * 3, abs=1e-3)
    # one person against one person: no verdict, however large the change
    assert [a["verdict"] for a in data["aspects"]] == ["te_weinig"] * len(model.aspects)
    assert all(a["margin"] is None for a in data["aspects"])


def test_compare_files_without_a_database(tmp_path: Path, model: Model) -> None:
    then = answers_file(tmp_path / "toen.yaml", model, {"begin": 4, "tussen": 1, "gevorderd": 1})
    now = answers_file(tmp_path / "nu.yaml", model, {"begin": 4, "tussen": 4, "gevorderd": 2})
    db = tmp_path / "nooit.db"
    data = compare_json(str(then), str(now), "--db", str(db))
    assert [(a["then"]["phase"], a["now"]["phase"], a["verdict"]) for a in data["aspects"]] == [
        ("tussen", "gevorderd", "te_weinig")
    ] * len(model.aspects)
    assert data["now"]["files"] == [str(now)] and data["now"]["chosen_by"] == "files"
    assert not db.exists()


def test_compare_stored_scan_with_a_file(
    years: tuple[Path, dict[str, int]], tmp_path: Path, model: Model
) -> None:
    db, ids = years
    same = answers_file(tmp_path / "zelfde.yaml", model, 2)  # like leraar-2025, but no school
    data = compare_json(str(ids["leraar-2025"]), str(same), "--db", str(db))
    assert {a["difference"] for a in data["aspects"]} == {0}
    assert set(data["aspects"][0]["changes"].values()) == {0}


def teams(folder: Path, model: Model, then: list[int], now: list[int], **meta: Any) -> list[Path]:
    """Two folders of teachers who answer every statement alike: `then` and `now` per person."""
    made = []
    for year, values in (("toen", then), ("nu", now)):
        for n, value in enumerate(values):
            made.append(
                answers_file(
                    folder / year / f"persoon-{n}.yaml", model, value, respondent=f"P{n}", **meta
                )
            )
    return made


def first_md_table(markdown: str) -> list[list[str]]:
    """The rows of the first table only (header first): a comparison has more tables after it."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    assert not [t for t in tokens if t.type.startswith("html")]
    rows: list[list[str]] = []
    for before, token in itertools.pairwise(tokens):
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and before.type in ("th_open", "td_open"):
            rows[-1].append(token.content)
    return rows


def test_compare_markdown(tmp_path: Path, model: Model) -> None:
    teams(tmp_path, model, [1, 2, 1, 2, 1], [3, 4, 3, 3, 4], school="OBS De Regenboog")
    result = run("compare", "--markdown", str(tmp_path / "toen"), str(tmp_path / "nu"))
    assert result.exit_code == 0, result.stderr
    rows = first_md_table(result.stdout)
    assert rows[0] == [
        "Aspect",
        *(p.name for p in model.phases),
        "Geen fase",
        "Middelste fase",
        "Verschil in fasen",
        "Oordeel",
    ]
    assert [r[0] for r in rows[1:]] == [a.name for a in model.aspects]
    assert all(len(r) == 8 for r in rows)
    # then everyone in the beginfase (1s and 2s stay below 2/3); now the 3s (67%) and the 4s
    # reach every phase: all five in the gevorderde fase
    assert rows[1][1:5] == ["5 → 0", "0 → 0", "0 → 5", "0 → 0"]
    assert rows[1][5] == "Beginfase → Gevorderde fase"
    assert rows[1][7] == "▲ vooruit"
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [
        t.content for before, t in itertools.pairwise(tokens) if before.type == "heading_open"
    ]
    assert headings[0] == "Vergelijking OBS De Regenboog: toen en nu"  # the files have no dates


def test_compare_markdown_escapes_free_text(tmp_path: Path, model: Model) -> None:
    then = answers_file(tmp_path / "a.yaml", model, 1, school=HOSTILE, respondent=HOSTILE)
    now = answers_file(tmp_path / "b.yaml", model, 2, school=HOSTILE)
    result = run("compare", "--markdown", str(then), str(now))
    assert result.exit_code == 0, result.stderr
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    assert not [t for t in tokens if t.type.startswith("html")]
    assert "<script>" not in MarkdownIt("commonmark").enable("table").render(result.stdout)
    assert all(len(row) == 8 for row in first_md_table(result.stdout))


def test_compare_terminal_at_80_columns(tmp_path: Path, model: Model) -> None:
    teams(tmp_path, model, [1, 2, 1, 2, 1], [3, 4, 3, 3, 4], date=dt.date(2024, 10, 1))
    result = run("compare", str(tmp_path / "toen"), str(tmp_path / "nu"), env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert result.stdout.count("▲ vooruit") == len(model.aspects) + 1  # rows and the tally
    assert "Toen (2024/2025): 5 respondenten (5 leraren)" in result.stdout
    assert "1 oktober 2024" in result.stdout


def test_compare_groups_by_ids_and_by_school(
    years: tuple[Path, dict[str, int]], tmp_path: Path, model: Model
) -> None:
    db, ids = years
    extra = [
        answers_file(
            tmp_path / f"{year}-{n}.yaml",
            model,
            value,
            school="OBS De Regenboog",
            date=dt.date(year, 10, 3),
            respondent=f"R{n}",
        )
        for year, value in ((2024, 1), (2025, 4))
        for n in range(4)
    ]
    new = import_ok(db, *extra)
    then_ids = [ids["leraar-2024"], ids["leider-2024"], *new[:4]]
    now_ids = [ids["leraar-2025"], *new[4:]]
    by_ids = compare_json(
        ",".join(map(str, then_ids)), ",".join(map(str, now_ids)), "--db", str(db)
    )
    by_school = compare_json(
        "--school", "regenboog", "--from", "2024/2025", "--to", "2025/2026", "--db", str(db)
    )
    assert by_ids["group"] is True
    assert by_ids["aspects"] == by_school["aspects"]
    assert by_school["then"]["scans"] == sorted(then_ids)
    assert by_school["then"]["chosen_by"] == "school" and by_school["then"]["period"] == "2024/2025"
    assert by_school["then"]["respondent"] is None and by_school["then"]["respondents"] == 6
    assert by_school["then"]["per_layer"] == {"schoolleider": 1, "leraar": 5}
    first = by_school["aspects"][0]
    assert (first["then"]["phase"], first["now"]["phase"]) == ("begin", "gevorderd")
    assert first["then"]["counts"] == {"begin": 6, "tussen": 0, "gevorderd": 0, "none": 0}
    assert first["now"]["counts"] == {"begin": 1, "tussen": 0, "gevorderd": 4, "none": 0}
    assert first["verdict"] == "vooruit"
    only_teachers = compare_json(
        "--school",
        "OBS De Regenboog",
        "--from",
        "2024",
        "--to",
        "2025",
        "--layer",
        "leraar",
        "--db",
        str(db),
    )
    assert only_teachers["then"]["per_layer"] == {"leraar": 5}
    assert only_teachers["group"] is True


def test_compare_two_folders_names_no_files(tmp_path: Path, model: Model) -> None:
    teams(tmp_path, model, [1, 2, 2, 1, 2], [3, 3, 4, 4, 3])
    data = compare_json(str(tmp_path / "toen"), str(tmp_path / "nu"))
    assert data["then"]["respondents"] == 5 and data["then"]["files"] == []
    assert "persoon" not in json.dumps(data) and "P0" not in json.dumps(data)
    assert {a["verdict"] for a in data["aspects"]} == {"vooruit"}


def test_small_groups_get_no_verdict(tmp_path: Path, model: Model) -> None:
    teams(tmp_path, model, [1, 1, 1, 1], [4, 4, 4, 4])
    result = run("compare", str(tmp_path / "toen"), str(tmp_path / "nu"))
    assert result.exit_code == 0, result.stderr
    assert "te weinig respondenten om een verschil te duiden" in result.stdout
    assert "▲ vooruit" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["3"], "Geef twee kanten"),
        (["3", "4", "5"], "Geef twee kanten"),
        (["1", "99"], "Scan 99 staat niet"),
        (["1", "geen-bestand.yaml"], "geen scannummer en geen bestaand bestand"),
        (["--json", "--markdown", "1", "2"], "Kies één formaat"),
        (["--school", "regenboog", "--from", "2024"], "--school, --from en --to samen"),
        (["1", "2", "--school", "regenboog", "--from", "2024", "--to", "2025"], "zonder"),
        (["--school", "regenboog", "--from", "2020", "--to", "2025"], "Geen bewaarde scans"),
        (["1", "2", "--layer", "bestuurder"], "geen scan van de laag bestuurder"),
    ],
)
def test_compare_refuses(years: tuple[Path, dict[str, int]], args: list[str], message: str) -> None:
    db, _ = years
    result = run("compare", "--db", str(db), *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_compare_warns_about_unlike_scans(years: tuple[Path, dict[str, int]]) -> None:
    db, ids = years
    result = run("compare", str(ids["leraar-2024"]), str(ids["leider-2024"]), "--db", str(db))
    assert result.exit_code == 0
    assert "je vergelijkt een leraar met een schoolleider" in result.stderr


# --- forget --------------------------------------------------------------------------------------


def test_forget_a_respondent_with_yes(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    keep = answers_file(tmp_path / "a.yaml", model, 1, respondent="Anna", school="X")
    gone = [
        answers_file(tmp_path / f"b{v}.yaml", model, v, respondent="Bram Bos", school="X")
        for v in (2, 3)
    ]
    import_ok(db, keep, *gone)
    result = run("forget", "--respondent", "bram  bos", "--yes", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "2 scans worden voorgoed verwijderd" in result.stderr
    assert "2 scans verwijderd" in result.stderr
    assert "antwoordbestanden zelf staan nog" in result.stderr
    assert [s["respondent"] for s in stored(db)] == ["Anna"]
    assert b"Bram Bos" not in db.read_bytes()
    assert all(path.exists() for path in gone)  # the files are the user's, not ours to delete


def test_forget_by_id_and_school(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    ids = import_ok(
        db,
        *(
            answers_file(tmp_path / f"{v}.yaml", model, v, school="OBS De Regenboog")
            for v in (1, 2, 3)
        ),
    )
    by_id = run("forget", "--id", str(ids[0]), "--id", "99", "--yes", "--db", str(db))
    assert by_id.exit_code == 0 and "Scan 99 staat niet" in by_id.stderr
    assert "1 scan verwijderd" in by_id.stderr
    prefix = run("forget", "--school", "regenboog", "--yes", "--db", str(db))
    assert prefix.exit_code == 2 and "Bedoel je 'OBS De Regenboog'" in prefix.stderr
    assert len(stored(db)) == 2
    full = run("forget", "--school", "obs de regenboog", "--yes", "--db", str(db))
    assert full.exit_code == 0 and "2 scans verwijderd" in full.stderr
    assert stored(db) == []


def test_forget_without_a_terminal_needs_yes(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    import_ok(db, answers_file(tmp_path / "a.yaml", model, respondent="Anna"))
    result = run("forget", "--respondent", "Anna", "--db", str(db), input="y\n")
    assert result.exit_code == 2 and "--yes" in result.stderr
    assert len(stored(db)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Zeg wat er weg moet"),
    ],
)
def test_forget_refuses(tmp_path: Path, args: list[str], message: str) -> None:
    result = run("forget", "--db", str(tmp_path / "s.db"), *args)
    assert result.exit_code == 2 and message in result.stderr


def test_forget_finds_nothing(tmp_path: Path, model: Model) -> None:
    missing = run("forget", "--respondent", "Anna", "--db", str(tmp_path / "geen.db"))
    assert missing.exit_code == 0 and "niets te vergeten" in missing.stderr
    assert not (tmp_path / "geen.db").exists()
    db = tmp_path / "s.db"
    import_ok(db, answers_file(tmp_path / "a.yaml", model, respondent="Anna"))
    nobody = run("forget", "--respondent", "Bram", "--db", str(db))
    assert nobody.exit_code == 0 and "er is niets verwijderd" in nobody.stderr


@pytest.mark.parametrize(("answer", "left"), [("n", 1), ("", 1), ("j", 0), ("ja", 0), ("x", 1)])
def test_forget_asks_in_a_terminal(tmp_path: Path, model: Model, answer: str, left: int) -> None:
    db = tmp_path / "s.db"
    import_ok(db, answers_file(tmp_path / "a.yaml", model, respondent="Anna"))
    child = spawn_cli("forget", "--respondent", "Anna", "--db", str(db))
    child.expect("1 scan wordt voorgoed verwijderd")
    child.expect(r"Weet je het zeker\? \[j/N\]")
    child.sendline(answer)
    if answer == "x":  # neither yes nor no: it asks again
        child.expect("Typ j \\(ja\\) of n \\(nee\\).")
        child.sendline("n")
    child.expect("Niets verwijderd" if left else "1 scan verwijderd")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(stored(db)) == left


# --- the database failing: clear messages, exit 2, the answers files untouched -------------------


def test_a_corrupt_database(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    db.write_bytes(b"geen database" * 500)
    path = answers_file(tmp_path / "a.yaml", model)
    before = path.read_bytes()
    for args in (
        ["import", str(path)],
        ["history"],
        ["compare", "1", "2"],
        ["forget", "--id", "1", "--yes"],
    ):
        result = run(*args, "--db", str(db))
        assert result.exit_code == 2, args
        assert "beschadigd" in result.stderr and "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_a_newer_database_via_the_cli(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    path = answers_file(tmp_path / "a.yaml", model)
    import_ok(db, path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        conn.execute("PRAGMA journal_mode = DELETE")
    before = db.read_bytes()
    result = run("import", "--db", str(db), str(path))
    assert result.exit_code == 2 and "nieuwere versie van werkwijzer" in result.stderr
    assert db.read_bytes() == before


def test_a_locked_database_via_the_cli(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    first, second = (answers_file(tmp_path / f"{v}.yaml", model, v) for v in (1, 2))
    import_ok(db, first)
    monkeypatch.setattr("werkwijzer.core.store.BUSY_TIMEOUT_S", 0.1)
    with contextlib.closing(sqlite3.connect(db, isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")
        result = run("import", "--db", str(db), str(second))
        holder.execute("ROLLBACK")
    assert result.exit_code == 2 and "bezet" in result.stderr
    assert "Klaar" not in result.stderr  # refused before reading any file
    assert second.exists()


def test_a_store_failing_halfway_says_how_far_it_got(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [answers_file(tmp_path / f"{v}.yaml", model, v) for v in (1, 2, 3)]
    real_add = Store.add_many
    calls = []

    def add_then_fail(self: Store, *args: Any) -> Any:
        calls.append(args)
        if len(calls) == 2:
            raise StoreLockedError("De database is bezet.")
        return real_add(self, *args)

    monkeypatch.setattr(Store, "add_many", add_then_fail)
    monkeypatch.setattr("werkwijzer.core.importing.BATCH", 1)  # one file per transaction
    db = tmp_path / "s.db"
    result = run("import", "--db", str(db), *map(str, files))
    assert result.exit_code == 2
    assert "1 scan nieuw bewaard" in result.stderr and "bezet" in result.stderr
    monkeypatch.setattr(Store, "add_many", real_add)
    assert len(stored(db)) == 1


def test_a_read_only_database_via_the_cli(tmp_path: Path, model: Model) -> None:
    from test_store import read_only

    db = tmp_path / "s.db"
    path = answers_file(tmp_path / "a.yaml", model, 2)
    import_ok(db, answers_file(tmp_path / "b.yaml", model, 1))
    with read_only(db):
        history = run("history", "--scans", "--json", "--db", str(db))
        result = run("import", "--db", str(db), str(path))
    assert history.exit_code == 0 and len(json.loads(history.stdout)["scans"]) == 1
    assert result.exit_code == 2 and "alleen-lezen" in result.stderr
    assert "Klaar" not in result.stderr  # refused before reading any file
    assert len(stored(db)) == 1


def test_a_database_in_a_folder_that_is_a_file(tmp_path: Path, model: Model) -> None:
    (tmp_path / "map").write_text("een bestand, geen map")
    result = run(
        "import",
        "--db",
        str(tmp_path / "map" / "s.db"),
        str(answers_file(tmp_path / "a.yaml", model)),
    )
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_concurrent_imports_from_several_processes(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    batches = []
    for batch in range(4):
        folder = tmp_path / f"batch{batch}"
        for n in range(3):
            answers_file(folder / f"{n}.yaml", model, 1 + n, respondent=f"B{batch}-{n}")
        batches.append(folder)
    env = {**os.environ, "WERKWIJZER_DB": str(db)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "werkwijzer", "import", str(folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in batches
    ]
    outcomes = [p.communicate(timeout=120) for p in processes]
    assert [p.returncode for p in processes] == [0] * len(batches), outcomes
    assert len(stored(db)) == 12


# --- scan records itself -------------------------------------------------------------------------


@pytest.fixture
def finished(tmp_path: Path, model: Model) -> Iterator[tuple[Path, Any, Any]]:
    path = answers_file(tmp_path / "scan.yaml", model, 3, school="OBS De Regenboog")
    answers = read_answers(path, model)
    yield path, answers, score(model, answers)


def test_a_finished_scan_is_recorded(
    finished: tuple[Path, Any, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, answers, result = finished
    db = tmp_path / "s.db"
    assert record_and_tell(path, answers, result, db=db) == "Bewaard in je archief als scan 1."
    [scan] = stored(db)
    assert scan["source"] == "scan" and scan["school"] == "OBS De Regenboog"
    assert "al bewaard als scan 1" in record_and_tell(path, answers, result, db=db)
    assert capsys.readouterr().err == ""


def test_a_failing_store_never_costs_the_scan(
    finished: tuple[Path, Any, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, answers, result = finished
    before = path.read_bytes()
    db = tmp_path / "s.db"
    db.write_bytes(b"kapot" * 1000)
    note = record_and_tell(path, answers, result, db=db)  # no exception: the scan itself is done
    assert "niet bewaard" in note
    err = capsys.readouterr().err
    assert f"je antwoorden staan veilig in {path}" in err and "beschadigd" in err
    assert f"werkwijzer import {path}" in err
    assert path.read_bytes() == before


@pytest.mark.parametrize("db_state", ["fine", "corrupt", "no-store"])
def test_scan_in_a_terminal_records_or_warns(
    finished: tuple[Path, Any, Any], tmp_path: Path, db_state: str
) -> None:
    """The real command in a pty: a complete --resume file finishes straight away."""
    path, _, _ = finished
    before = path.read_bytes()
    db = tmp_path / "s.db"
    if db_state == "corrupt":
        db.write_bytes(b"kapot" * 1000)
    extra = ["--no-store"] if db_state == "no-store" else []
    child = spawn_cli("scan", "--resume", str(path), "--db", str(db), *extra)
    child.expect_exact("De uitslag bekijken")
    child.send("\r")  # the first choice for a complete file: the result, no answer changed
    child.expect(pexpect.EOF)
    child.close()
    output = child.before or ""
    assert child.exitstatus == 0, output
    assert path.read_bytes() == before
    if db_state == "fine":
        assert "Bewaard in je archief als scan 1." in output and len(stored(db)) == 1
    elif db_state == "corrupt":
        assert "staan veilig" in output and "beschadigd" in output
    else:
        assert not db.exists() and "Bewaard" not in output


def test_every_store_command_has_help() -> None:
    for command in ("import", "history", "compare", "forget"):
        result = run(command, "--help")
        assert result.exit_code == 0 and "--db" in result.stdout
        assert "WERKWIJZER_DB" in result.stdout
    explained = " ".join(run("compare", "--help").stdout.split())
    assert "ruismarge" in explained and f"minder dan {MIN_RESPONDENTS} respondenten" in explained


# --- forget by answers file ----------------------------------------------------------------------


def test_forget_by_file_finds_a_respondent_without_a_name(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    gone = answers_file(tmp_path / "bram-de-wit.yaml", model, 2, school="X")  # no name inside
    keep = answers_file(tmp_path / "anouk.yaml", model, 3, school="X")
    import_ok(db, gone, keep)
    # the same answers, written differently (JSON, no comments): the same scan
    as_json = tmp_path / "kopie.json"
    as_json.write_text(json.dumps(to_jsonable(read_answers(gone, model))), encoding="utf-8")
    result = run("forget", str(as_json), "--yes", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert (
        "1 scan wordt voorgoed verwijderd" in result.stderr and "1 scan verwijderd" in result.stderr
    )
    assert [s["school"] for s in stored(db)] == ["X"] and len(stored(db)) == 1
    again = run("forget", str(gone), "--yes", "--db", str(db))
    assert again.exit_code == 0 and "staan niet in de database" in again.stderr
    assert "er is niets verwijderd" in again.stderr


def test_forget_a_folder_of_files(tmp_path: Path, model: Model) -> None:
    db = tmp_path / "s.db"
    files = [answers_file(tmp_path / "team" / f"{v}.yaml", model, v) for v in (1, 2, 3)]
    other = answers_file(tmp_path / "ander.yaml", model, 4)
    import_ok(db, *files, other)
    result = run("forget", str(tmp_path / "team"), "--yes", "--db", str(db))
    assert result.exit_code == 0 and "3 scans verwijderd" in result.stderr
    assert len(stored(db)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["weg.yaml", "--yes"], "niet gevonden"),
        (["a.yaml", "--id", "1", "--yes"], "óf antwoordbestanden óf"),
    ],
)
def test_forget_by_file_refuses(
    tmp_path: Path, model: Model, args: list[str], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    import_ok(db, answers_file(tmp_path / "a.yaml", model, 2))
    monkeypatch.chdir(tmp_path)
    result = run("forget", *args, "--db", str(db))
    assert result.exit_code == 2 and message in result.stderr
    assert len(stored(db)) == 1  # nothing erased on bad input


def test_a_reviewed_scan_replaces_its_earlier_version(
    finished: tuple[Path, Any, Any], tmp_path: Path, model: Model
) -> None:
    import dataclasses

    path, answers, result = finished
    db = tmp_path / "s.db"
    assert record_and_tell(path, answers, result, db=db) == "Bewaard in je archief als scan 1."
    first = next(iter(answers.answers))
    changed = dataclasses.replace(answers, answers={**answers.answers, first: 1})
    note = record_and_tell(path, changed, score(model, changed), db=db, replaces=answers)
    assert note == "Bewaard in je archief als scan 2, in plaats van scan 1."
    [kept] = stored(db)
    assert kept["id"] == 2
    # Unchanged after a review: the same scan, nothing replaced.
    assert "al bewaard als scan 2" in record_and_tell(
        path, changed, result, db=db, replaces=changed
    )
    # A file that was never stored before (a scan continued halfway) replaces nothing.
    other = dataclasses.replace(changed, answers={**changed.answers, first: 2})
    note = record_and_tell(path, other, result, db=db, replaces=answers)
    assert note.startswith("Bewaard in je archief als scan") and "in plaats van" not in note
    assert len(stored(db)) == 2

"""Response spreadsheets as answers: Microsoft Forms (.xlsx) and Google Forms (.csv) exports.

The exports are built here as the forms make them: the form's own columns first (ID, times,
e-mail, name), then a role question, then one column per statement (a Likert question in
Microsoft Forms: the statement as header; a grid in Google Forms: 'Aspect [statement]').
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import run, write_answers_file

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.sheets import SheetError, column_letter, read_sheet

Cell = Any
WHEN = dt.datetime(2026, 11, 20, 14, 5, 33)
LABELS = {
    1: "nog niet",
    2: "Enigszins",
    3: " grotendeels ",
    4: "VOLLEDIG",
    None: "weet ik niet / n.v.t.",
}
MS_NL = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging"]
GOOGLE_EN = ["Timestamp", "Email Address"]
ALLOWED = "kies uit nog niet, enigszins, grotendeels, volledig of weet ik niet (of 1 tot 4)"


def write_xlsx(path: Path, rows: Sequence[Sequence[Cell]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Blad1"
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def write_csv(
    path: Path, rows: Sequence[Sequence[Cell]], delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as f:
        csv.writer(f, delimiter=delimiter).writerows(
            ["" if c is None else c for c in r] for r in rows
        )
    return path


def value_for(n: int, i: int) -> AnswerValue:
    """Respondent n's answer to statement i: a spread with 'weet ik niet' in it."""
    values: list[AnswerValue] = [4, 3, None, 2, 4, 1, 3, 3, 2]
    return values[(n * 5 + i) % len(values)]


class Respondents:
    """Who filled in the form, and the answers files they would have saved instead."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.people: list[tuple[LayerId, dict[str, AnswerValue]]] = []
        layers: list[LayerId] = ["leraar", "leraar", "schoolleider", "leraar"]
        for n, layer in enumerate(layers):
            places = self.model.items_for(layer)
            half = len(places) // 2 if n == 3 else len(places)  # the last one skipped half
            self.people.append(
                (layer, {p.item.id: value_for(n, i) for i, p in enumerate(places[:half])})
            )

    def statements(self) -> list[Any]:
        return [p for layer in ("schoolleider", "leraar") for p in self.model.items_for(layer)]

    def microsoft(self) -> list[list[Cell]]:
        """Dutch Microsoft Forms: one Likert per aspect, one column per statement; an empty row."""
        places = self.statements()
        rows: list[list[Cell]] = [[*MS_NL, "Wat is je rol?", *(p.item.text for p in places)]]
        for n, (layer, answers) in enumerate(self.people, 1):
            meta = [n, WHEN, WHEN, f"persoon{n}@school.nl", f"Persoon {n}", WHEN]
            cells = [LABELS[answers[p.item.id]] if p.item.id in answers else None for p in places]
            rows.append([*meta, self.model.layer(layer).name, *cells])
            if n == 2:
                rows.append([None] * len(rows[0]))
        return rows

    def google(self) -> list[list[Cell]]:
        """English Google Forms: a grid per aspect, 'Koers [statement]', numbers for some answers."""
        places = self.statements()
        header = [*GOOGLE_EN, "What is your role?"]
        header += [f"{p.aspect.name} [{p.item.text}]" for p in places]
        rows: list[list[Cell]] = [header]
        for n, (layer, answers) in enumerate(self.people, 1):
            cells = [
                "" if p.item.id not in answers else str(answers[p.item.id] or "weet ik niet")
                for p in places
            ]
            rows.append(
                ["2026-11-20 14:05:33", f"persoon{n}@school.nl", layer.capitalize(), *cells]
            )
        rows.insert(3, [""] * len(header))
        return rows

    def files(self, folder: Path, date: dt.date | None) -> Path:
        folder.mkdir()
        for n, (layer, answers) in enumerate(self.people, 1):
            write_answers_file(
                folder / f"r{n}.yaml", self.model, Answers(layer=layer, date=date, answers=answers)
            )
        return folder


def team_json(*args: str) -> Any:
    result = run("export", "--format", "json", "--min-group", "1", *args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


# --- realistic exports equal the answers files ---------------------------------------------------


def test_microsoft_forms_xlsx_equals_the_answers_files(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    sheet = write_xlsx(tmp_path / "Quickscan(1-4).xlsx", people.microsoft())
    files = people.files(tmp_path / "bestanden", WHEN.date())
    assert team_json(str(sheet)) == team_json(str(files))
    assert team_json(str(sheet), "--min-group", "1") == team_json(str(files), "--min-group", "1")


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(",", "utf-8"), (";", "utf-8-sig"), (";", "cp1252"), (",", "utf-8-sig")],
)
def test_google_forms_csv_equals_the_answers_files(
    tmp_path: Path, model: Model, delimiter: str, encoding: str
) -> None:
    people = Respondents(model)
    sheet = write_csv(tmp_path / "antwoorden.csv", people.google(), delimiter, encoding)
    files = people.files(tmp_path / "bestanden", WHEN.date())
    assert team_json(str(sheet)) == team_json(str(files))


def test_rows_read_as_answers(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", people.microsoft()), model)
    assert [r.source.rsplit(", ", 1)[1] for r in sheet.rows] == ["rij 2", "rij 3", "rij 5", "rij 6"]
    for row, (layer, answers) in zip(sheet.rows, people.people, strict=True):
        assert row.answers == Answers(layer=layer, date=WHEN.date(), answers=answers)
    assert sheet.notes == []


def test_names_and_email_are_never_read(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    sheet = write_xlsx(tmp_path / "a.xlsx", people.microsoft())
    for args in (["--format", "json"], ["--format", "markdown"], ["--format", "csv"]):
        result = run("export", str(sheet), "--min-group", "1", *args)
        assert result.exit_code == 0
        assert "Persoon" not in result.stdout and "@school.nl" not in result.stdout
    assert run("import", str(sheet)).exit_code == 0
    history = json.loads(run("history", "--scans", "--json").stdout)
    assert [s["respondent"] for s in history["scans"]] == [None] * 4
    assert all(r.answers.respondent is None for r in read_sheet(sheet, model).rows)


def test_one_row_scores_like_its_answers_file(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    rows = people.microsoft()[:2]
    sheet = write_csv(tmp_path / "een.csv", rows, ";", "utf-8-sig")
    layer, answers = people.people[0]
    file = write_answers_file(
        tmp_path / "een.yaml", model, Answers(layer=layer, date=WHEN.date(), answers=answers)
    )
    from_sheet, from_file = run("score", "--json", str(sheet)), run("score", "--json", str(file))
    assert from_sheet.exit_code == 0, from_sheet.stderr
    assert json.loads(from_sheet.stdout) == json.loads(from_file.stdout)


def test_score_wants_one_respondent(tmp_path: Path, model: Model) -> None:
    sheet = write_xlsx(tmp_path / "team.xlsx", Respondents(model).microsoft())
    result = run("score", str(sheet))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{sheet} bevat de antwoorden van 4 respondenten; score rekent er één. Een teamrapport "
        f"van allemaal:\n  werkwijzer export {sheet}\n"  # on a line of its own, to paste
    )


def test_import_stores_every_row_once(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    sheet = write_xlsx(tmp_path / "a.xlsx", people.microsoft())
    first = run("import", str(sheet))
    assert first.exit_code == 0, first.stderr
    assert f"{sheet}, rij 6: bewaard als scan 4" in first.stderr
    # The same people's answers files are the same scans.
    again = run("import", str(people.files(tmp_path / "bestanden", WHEN.date())))
    assert again.stderr.count("was al bewaard") == 4


def test_compare_two_sheets_by_layer(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    then = write_xlsx(tmp_path / "toen.xlsx", people.microsoft())
    now = write_csv(tmp_path / "nu.csv", people.google())
    result = run("compare", str(then), str(now), "--layer", "leraar", "--json")
    assert result.exit_code == 0, result.stderr
    comparison = json.loads(result.stdout)
    assert comparison["then"]["respondents"] == comparison["now"]["respondents"] == 3


def test_a_folder_holds_sheets_and_files_but_not_reports(tmp_path: Path, model: Model) -> None:
    people = Respondents(model)
    folder = people.files(tmp_path / "antwoorden", WHEN.date())
    write_xlsx(folder / "forms.xlsx", people.microsoft())
    (folder / "~$forms.xlsx").write_bytes(b"Excel's lock file")
    report = run(
        "export",
        str(folder),
        "--format",
        "csv",
        "--min-group",
        "1",
        "-o",
        str(folder / "teamrapport.csv"),
    )
    assert report.exit_code == 0, report.stderr
    again = run("export", str(folder), "--format", "json", "--min-group", "1")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["respondents"] == 8
    assert f"{folder / 'teamrapport.csv'} is een rapport van werkwijzer export" in again.stderr


# --- how columns and answers are recognised ------------------------------------------------------


def test_headers_by_id_by_cut_off_text_and_numbered_labels(tmp_path: Path, model: Model) -> None:
    first, second, third = model.items_for("leraar")[:3]
    header = [
        "Tijdstempel",
        f"Koers [{first.item.text} [{first.item.id}]]",
        second.item.text[:30] + "…",
        third.item.id,
        "Op welke dag vul je dit in?",
    ]
    rows: list[list[Cell]] = [
        header,
        ["", "3 - grotendeels", "4.", 2.0, "maandag"],
        ["", "5 - weet ik niet", "1 nog niet", "n.v.t.", ""],
    ]
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", rows), model)
    assert [r.answers.answers for r in sheet.rows] == [
        {first.item.id: 3, second.item.id: 4, third.item.id: 2},
        {first.item.id: None, second.item.id: 1, third.item.id: None},
    ]
    assert sheet.notes == [
        f"{tmp_path / 'a.xlsx'}: kolom E ('Op welke dag vul je dit in?') hoort niet bij een "
        "uitspraak en telt niet mee."
    ]


def test_layer_option_for_a_sheet_of_all_layers(tmp_path: Path, model: Model) -> None:
    ids = [model.items_for(layer.id)[0].item.id for layer in model.layers]
    rows = [ids, ["", "", "3"]]
    path = write_csv(tmp_path / "a.csv", rows)
    assert run("score", str(path)).exit_code == 2
    result = run("score", str(path), "--layer", "leraar", "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["layer"] == "leraar"


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == [
        "A",
        "Z",
        "AA",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
    ]


# --- bad cells: all at once, with row and column, nothing written or stored ----------------------


def sheet_error(path: Path, model: Model, layer: LayerId | None = None) -> str:
    with pytest.raises(SheetError) as caught:
        read_sheet(path, model, layer)
    return caught.value.message


def one_bad(path: Path, problem: str) -> str:
    return (
        f"{path}: 1 cel klopt niet; er is niets gelezen of bewaard. Verbeter het bestand en probeer "
        f"het opnieuw:\n  {problem}"
    )


def role_sheet(
    model: Model, role: Cell, answer: Cell, item_layer: LayerId = "leraar"
) -> list[list[Cell]]:
    item = model.items_for(item_layer)[0].item
    return [["Naam", "Wat is je rol?", item.text], ["Jan", role, answer]]


@pytest.mark.parametrize(
    ("answer", "problem"),
    [
        ("misschien", f"rij 2, kolom C: 'misschien' is geen antwoord; {ALLOWED}"),
        (5, f"rij 2, kolom C: '5' is geen antwoord; {ALLOWED}"),
        (0, f"rij 2, kolom C: '0' is geen antwoord; {ALLOWED}"),
        (2.5, f"rij 2, kolom C: '2.5' is geen antwoord; {ALLOWED}"),
        (True, f"rij 2, kolom C: 'True' is geen antwoord; {ALLOWED}"),
        (WHEN, f"rij 2, kolom C: '2026-11-20 14:05:33' is geen antwoord; {ALLOWED}"),
        ("3 - volledig", f"rij 2, kolom C: '3 - volledig' is geen antwoord; {ALLOWED}"),
    ],
)
def test_a_bad_answer(tmp_path: Path, model: Model, answer: Cell, problem: str) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", role_sheet(model, "Leraar", answer))
    assert sheet_error(path, model) == one_bad(path, problem)


@pytest.mark.parametrize(
    ("role", "problem"),
    [
        (None, "rij 2, kolom B: de rol is niet ingevuld"),
        (
            "conciërge",
            "rij 2, kolom B: 'conciërge' is geen rol; kies uit Bestuurder, Schoolleider, Leraar",
        ),
    ],
)
def test_a_bad_role(tmp_path: Path, model: Model, role: Cell, problem: str) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", role_sheet(model, role, "volledig"))
    assert sheet_error(path, model) == one_bad(path, problem)


def test_an_answer_for_another_layer(tmp_path: Path, model: Model) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", role_sheet(model, "Leraar", "volledig", "schoolleider"))
    assert sheet_error(path, model) == one_bad(
        path,
        "rij 2, kolom C: een antwoord bij een uitspraak voor de laag schoolleider, maar deze rij "
        "is van de laag leraar",
    )


def test_the_same_statement_twice(tmp_path: Path, model: Model) -> None:
    item = model.items_for("leraar")[0].item
    path = write_csv(tmp_path / "a.csv", [[item.text, f"Koers [{item.text}]"], ["1", "2"]])
    assert sheet_error(path, model) == one_bad(
        path, f"kolom B: dezelfde uitspraak als kolom A ({item.id})"
    )


def test_no_statement_at_all(tmp_path: Path, model: Model) -> None:
    path = write_csv(tmp_path / "a.csv", [["Naam", "Hoe gaat het?"], ["Jan", "goed"]])
    assert sheet_error(path, model) == one_bad(
        path,
        "geen enkele kolom hoort bij een uitspraak van het model. Zet in elke kop de tekst van de "
        "uitspraak of haar id (werkwijzer form --forms-text schrijft ze allebei)",
    )


def test_layers_mixed_without_a_role(tmp_path: Path, model: Model) -> None:
    ids = [model.items_for("leraar")[0].item.id, model.items_for("bestuurder")[0].item.id]
    path = write_csv(tmp_path / "a.csv", [ids, ["1", ""]])
    assert sheet_error(path, model) == one_bad(
        path,
        "de uitspraken horen bij meer dan één laag (bestuurder, leraar) en er is geen kolom met de "
        "rol. Geef met --layer op welke laag dit is, of voeg een vraag 'Wat is je rol?' toe",
    )


def test_every_bad_cell_at_once(tmp_path: Path, model: Model) -> None:
    places = model.items_for("leraar")
    rows: list[list[Cell]] = [["Wat is je rol?", *(p.item.text for p in places[:3])]]
    rows += [["Leraar", "1", "2", "3"], ["Leraar", "zeker", "2", "6"], [None, "1", "", ""]]
    rows += [["Leraar", "", "", "nooit"]]
    path = write_csv(tmp_path / "a.csv", rows, ";")
    assert sheet_error(path, model) == (
        f"{path}: 4 cellen kloppen niet; er is niets gelezen of bewaard. Verbeter het bestand en "
        "probeer het opnieuw:\n"
        f"  rij 3, kolom B: 'zeker' is geen antwoord; {ALLOWED}\n"
        f"  rij 3, kolom D: '6' is geen antwoord; {ALLOWED}\n"
        "  rij 4, kolom A: de rol is niet ingevuld\n"
        f"  rij 5, kolom D: 'nooit' is geen antwoord; {ALLOWED}"
    )


def test_a_bad_sheet_writes_and_stores_nothing(tmp_path: Path, model: Model) -> None:
    path = write_xlsx(tmp_path / "a.xlsx", role_sheet(model, "Leraar", "misschien"))
    out = tmp_path / "rapport.md"
    result = run("export", str(path), str(path.with_name("b.xlsx")), "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()
    stored = run("import", str(path))
    assert stored.exit_code == 3
    assert stored.stderr.startswith(f"Overgeslagen: {one_bad(path, '')[:-2]}")
    assert json.loads(run("history", "--scans", "--json").stdout)["scans"] == []


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("a.xlsx", b"PK\x03\x04 no zip at all", "geen leesbaar Excel-bestand (.xlsx)"),
        ("a.csv", b"", "de eerste rij is leeg; daar horen de kolomkoppen te staan"),
        (
            "a.csv",
            b"Naam,koers.leraar.begin.1\n",
            "er staan geen ingevulde antwoorden in dit bestand",
        ),
        (
            "a.csv",
            b"koers.leraar.begin.1\n\n\n",
            "er staan geen ingevulde antwoorden in dit bestand",
        ),
    ],
)
def test_a_sheet_that_cannot_be_read(
    tmp_path: Path, model: Model, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run("export", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}: {problem}")
    assert "Traceback" not in result.stderr


def test_a_row_with_only_the_forms_own_columns_counts_for_nobody(
    tmp_path: Path, model: Model
) -> None:
    item = model.items_for("leraar")[0].item
    rows: list[list[Cell]] = [
        [*MS_NL, item.id],
        [1, WHEN, WHEN, "anonymous", "", WHEN, "3"],
        [2, WHEN, WHEN, "", "", WHEN, ""],
    ]
    sheet = read_sheet(write_xlsx(tmp_path / "a.xlsx", rows), model)
    assert len(sheet.rows) == 1
    assert sheet.notes == [f"{tmp_path / 'a.xlsx'}: rij 3 heeft geen antwoorden en telt niet mee."]


def test_scoring_an_answers_file_loads_no_sheet_reader(tmp_path: Path) -> None:
    """score reads YAML fast: the sheet code and its libraries stay out unless a sheet is given."""
    from conftest import EXAMPLES

    code = (
        "import sys; from werkwijzer.cli.app import app\n"
        "try: app(['score', '--json', sys.argv[1]])\n"
        "except SystemExit: pass\n"
        "loaded = [m for m in ('werkwijzer.core.sheets', 'python_calamine', 'werkwijzer.core.team') "
        "if m in sys.modules]\n"
        "print(loaded, file=sys.stderr)"
    )
    example = EXAMPLES / "leraar-obs-de-regenboog.yaml"
    found = subprocess.run(
        [sys.executable, "-c", code, str(example)], capture_output=True, text=True, check=True
    )
    assert found.stderr.strip().splitlines()[-1] == "[]"

"""`werkwijzer export`: individual and team reports, every format parsed back, privacy, refusals."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import TODAY, answers_for, copy_model, run, write_answers_file
from markdown_it import MarkdownIt
from markdown_it.token import Token

from werkwijzer.core.answers import AnswerValue, read_answers
from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.render.report_csv import HEADER

HOSTILE = "<script>x</script> | a"
# Made-up names that appear nowhere in the model's texts.
NAMES = ["Zeynep Qorvaldt", "Bartholomeus Xwyndam", "Anouk Vrzelmans", "Moqtadir Jkastra"]


# --- helpers -------------------------------------------------------------------------------------


def varied(seed: int) -> Callable[[str, PhaseId, str], int]:
    """Different but reproducible answers per respondent."""

    def pick(_aspect: str, phase: PhaseId, item: str) -> int:
        return 1 + (seed * 7 + sum(map(ord, item)) + PHASE_IDS.index(phase)) % 4

    return pick


def team_folder(folder: Path, model: Model, layers: Sequence[LayerId], **meta: Any) -> list[Path]:
    """One answers file per layer given, named after its (made-up) respondent.

    Give `layers` as a tuple, e.g. ("schoolleider",) * 3 + ("leraar",) * 4: mypy keeps the layer
    names' Literal type through tuple `*` and `+`, but a list `+` makes them plain str.
    """
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, layer in enumerate(layers):
        name = f"Persoon{n} {NAMES[n % len(NAMES)]}"
        answers = answers_for(
            model,
            layer,
            varied(n),
            respondent=name,
            date=TODAY,
            **{"school": "OBS De Linde", **meta},
        )
        paths.append(
            write_answers_file(folder / f"{name.lower().replace(' ', '-')}.yaml", model, answers)
        )
    return paths


def stuck_in(phase: str) -> Callable[[str, str, str], AnswerValue]:
    """Everything before `phase` answered 'volledig', `phase` and after 'nog niet'."""
    return lambda _a, p, _i: 4 if PHASE_IDS.index(p) < PHASE_IDS.index(phase) else 1


def markdown(text: str) -> tuple[list[Token], str]:
    md = MarkdownIt("commonmark").enable("table")
    return md.parse(text), md.render(text)


def inline_text(token: Token) -> str:
    return "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    found: list[list[list[str]]] = []
    row: list[str] | None = None
    for token in tokens:
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(inline_text(token))
        elif token.type == "tr_close" and row is not None:
            found[-1].append(row)
            row = None
    return found


def headings(tokens: list[Token], level: int) -> list[str]:
    return [
        inline_text(tokens[i + 1])
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.tag == f"h{level}"
    ]


def paragraphs(tokens: list[Token]) -> list[str]:
    return [inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]


def no_html(tokens: list[Token], html: str) -> None:
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"html_inline", "html_block"}
    assert "<script" not in html


def schema(name: str) -> dict[str, Any]:
    result = run("schema", name)
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def export(*args: str) -> Any:
    result = run("export", *args)
    assert result.exit_code == 0, result.stderr
    return result


# --- one file: the individual report -------------------------------------------------------------


def test_individual_markdown(tmp_path: Path, model: Model) -> None:
    # begin mastered, tussen not: every aspect in the tussenfase; equal scores, so model order.
    answers = answers_for(
        model,
        "leraar",
        lambda _a, p, _i: {"begin": 4, "tussen": 2, "gevorderd": 1}[p],
        school="OBS De Linde",
        respondent="Kim",
        date=TODAY,
    )
    path = write_answers_file(tmp_path / "kim.yaml", model, answers)
    out = export(str(path)).stdout
    tokens, html = markdown(out)
    assert headings(tokens, 1) == ["Quickscan werkwijzer: Leraar"]
    assert "OBS De Linde · Leraar · Kim · 23 november 2026" in paragraphs(tokens)
    [phases] = tables(tokens)
    assert phases[0] == ["Aspect", "Fase", "Beginfase", "Tussenfase", "Gevorderde fase"]
    assert [row[:2] for row in phases[1:]] == [[a.name, "Tussenfase"] for a in model.aspects]
    assert phases[1][2].endswith("100%") and phases[1][3].endswith("33%")
    start = model.aspects[0]
    assert f"Begin bij {start.name}, in de tussenfase." in paragraphs(tokens)
    assert start.cell("leraar", "tussen").description.split()[0] in html
    for action in start.cell("leraar", "tussen").actions:
        assert action.title in html
        for instrument in action.instruments:
            assert model.instrument(instrument).name in html
    assert headings(tokens, 2)[-1] == f"Gespreksvragen bij {start.name}"
    ordered = [
        inline_text(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"
    ]
    assert ordered[-len(start.discussion_questions) :] == start.discussion_questions
    assert str(tmp_path) not in out and "bestand kim.yaml" in out


def test_individual_json_and_csv(tmp_path: Path, model: Model) -> None:
    path = write_answers_file(
        tmp_path / "a.yaml", model, answers_for(model, "bestuurder", varied(1))
    )
    data = json.loads(export(str(path), "--format", "json").stdout)
    jsonschema.validate(data, schema("result"))
    assert data["layer"] == "bestuurder"
    rows = list(csv.reader(io.StringIO(export(str(path), "--format", "csv").stdout)))
    assert tuple(rows[0]) == HEADER
    assert len(rows) == 1 + len(model.aspects) * 3
    assert {r[0] for r in rows[1:]} == {"1"} and {r[1] for r in rows[1:]} == {"bestuurder"}


def test_too_few_answers_individual(tmp_path: Path) -> None:
    path = tmp_path / "leeg.yaml"
    path.write_text("format: werkwijzer-answers/1\nlayer: leraar\nanswers: {}\n")
    tokens, _ = markdown(export(str(path)).stdout)
    assert any("te weinig antwoorden om een startpunt" in p for p in paragraphs(tokens))


# --- several files: the team report --------------------------------------------------------------


@pytest.fixture
def team_dir(tmp_path: Path, model: Model) -> Path:
    team_folder(tmp_path / "team", model, ("schoolleider",) * 3 + ("leraar",) * 4)
    return tmp_path / "team"


def test_team_markdown_matches_the_team_result(team_dir: Path, model: Model) -> None:
    team = json.loads(export(str(team_dir), "-f", "json").stdout)
    out = export(str(team_dir)).stdout
    tokens, html = markdown(out)
    found = tables(tokens)
    who, overview = found[0], found[1]
    assert who == [
        ["Laag", "Respondenten", "In dit rapport"],
        ["Schoolleider", "3", "apart getoond"],
        ["Leraar", "4", "apart getoond"],
        ["Allen", "7", "samen"],
    ]
    assert overview[0] == [
        "Aspect",
        "Teamfase",
        "Beginfase",
        "Tussenfase",
        "Gevorderde fase",
        "Geen fase",
    ]
    for row, aspect in zip(overview[1:], team["aspects"], strict=True):
        counts = aspect["everyone"]["counts"]
        expected_phase = model.phase(aspect["phase"]).name if aspect["phase"] else "geen fase"
        assert row == [
            aspect["name"],
            expected_phase,
            *(str(counts[k]) for k in ("begin", "tussen", "gevorderd", "none")),
        ]
    # Per aspect: a table of counts and a table of mean scores, one row per group.
    per_aspect = found[2 : 2 + 2 * len(model.aspects)]
    for (counts_table, scores_table), aspect in zip(
        zip(per_aspect[::2], per_aspect[1::2], strict=True), team["aspects"], strict=True
    ):
        assert [r[0] for r in counts_table[1:]] == ["Allen (7)", "Schoolleider (3)", "Leraar (4)"]
        assert [r[0] for r in scores_table[1:]] == ["Allen (7)", "Schoolleider (3)", "Leraar (4)"]
        for row, group in zip(
            counts_table[1:], [aspect["everyone"], *aspect["layers"]], strict=True
        ):
            assert row[1:5] == [
                str(group["counts"][k]) for k in ("begin", "tussen", "gevorderd", "none")
            ]
    assert headings(tokens, 3)[: len(model.aspects)] == [a.name for a in model.aspects]
    for s in team["differences"]["statements"]:
        assert s["text"] in html
    start = team["start"]
    start_name = model.aspect(start["aspect"]).name
    assert any(
        p.startswith(
            f"Begin als team bij {start_name}, in de {model.phase(start['phase']).name.lower()}."
        )
        for p in paragraphs(tokens)
    )
    assert "Voor de laag Schoolleider" in headings(tokens, 3)
    assert headings(tokens, 2)[-1] == "Gespreksvragen"
    for question in model.aspect(start["aspect"]).discussion_questions:
        assert question in html
    assert str(team_dir.parent) not in out


def test_differences_are_listed_per_aspect(tmp_path: Path, model: Model) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    # School leaders master everything; three teachers stand in the begin-, tussen- and gevorderde
    # fase on every aspect: a gap of one phase (tussen is the teachers' median) and a spread.
    for n in range(3):
        leader = answers_for(model, "schoolleider", 4, respondent=f"s{n}")
        write_answers_file(folder / f"s{n}.yaml", model, leader)
    for n, phase in enumerate(PHASE_IDS):
        teacher = answers_for(model, "leraar", stuck_in(phase), respondent=f"l{n}")
        write_answers_file(folder / f"l{n}.yaml", model, teacher)
    tokens, _ = markdown(export(str(folder)).stdout)
    differences = next(
        i
        for i, t in enumerate(tokens)
        if t.type == "inline" and t.content == "Verschillen in beeld"
    )
    start = next(i for i in range(differences, len(tokens)) if tokens[i].type == "bullet_list_open")
    end = next(i for i in range(start, len(tokens)) if tokens[i].type == "bullet_list_close")
    items = [
        inline_text(tokens[i + 2]) for i in range(start, end) if tokens[i].type == "list_item_open"
    ]
    expected = []
    for aspect in model.aspects:
        expected += [
            f"{aspect.name}: de laag Schoolleider ziet vooral de gevorderde fase, de laag Leraar "
            "de tussenfase (1 fase verschil).",
            f"{aspect.name}: binnen de laag Leraar staan respondenten in alle drie de fasen "
            "(1 in de beginfase, 1 in de tussenfase, 1 in de gevorderde fase).",
        ]
    assert items == expected


def test_team_statement_table_has_all_cells(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    spread = next(t for t in tables(tokens) if t[0][0] == "#")
    labels = [p.label for p in model.scale.points]
    assert spread[0] == ["#", "Uitspraak", "Laag", "Aspect en fase", *labels, "Spreiding"]
    assert [r[0] for r in spread[1:]] == ["1", "2", "3", "4", "5"]
    for row in spread[1:]:
        assert row[2] == "Leraar"
        assert sum(int(c) for c in row[4:8]) == 5
        assert "," in row[8]  # Dutch decimal comma


def test_hostile_text_breaks_no_table_and_injects_no_html(tmp_path: Path, model: Model) -> None:
    custom = copy_model(tmp_path / "model")
    aspects = yaml.safe_load((custom / "aspects.yaml").read_text())
    aspects["aspects"][0]["name"] = HOSTILE
    (custom / "aspects.yaml").write_text(yaml.safe_dump(aspects, allow_unicode=True))
    team_folder(tmp_path / "t", model, ["leraar"] * 3, school=HOSTILE)
    args = ("--model", str(custom), "--title", f"# {HOSTILE}")
    out = export(str(tmp_path / "t"), *args).stdout
    tokens, html = markdown(out)
    no_html(tokens, html)
    assert headings(tokens, 1) == [f"# {HOSTILE}"]
    assert paragraphs(tokens)[0].startswith(f"{HOSTILE} · 3 respondenten")
    found = tables(tokens)
    overview = found[1]
    assert overview[1][0] == HOSTILE
    for table in found:
        assert all(len(row) == len(table[0]) for row in table)
        # A cell escaping its column would have shifted text: no cell starts with ' a'.
        assert not any(
            cell.startswith("a") and cell.strip() == "a" for row in table for cell in row
        )
    one = write_answers_file(
        tmp_path / "one.yaml",
        model,
        answers_for(model, "leraar", 3, school=HOSTILE, respondent=HOSTILE),
    )
    out = export(str(one), "--model", str(custom)).stdout
    tokens, html = markdown(out)
    no_html(tokens, html)
    assert paragraphs(tokens)[0] == f"{HOSTILE} · Leraar · {HOSTILE}"
    assert tables(tokens)[0][1][0] == HOSTILE


def test_team_json_validates_against_its_schema(team_dir: Path) -> None:
    data = json.loads(export(str(team_dir), "--format", "json", "--title", "Studiedag").stdout)
    jsonschema.validate(data, schema("team"))
    assert data["format"] == "werkwijzer-team/1"
    assert data["title"] == "Studiedag"
    assert data["respondents"] == 7 and data["schools"] == ["OBS De Linde"]


def test_team_csv(team_dir: Path, model: Model) -> None:
    plain = export(str(team_dir), "--format", "csv").stdout_bytes
    rows = list(csv.reader(io.StringIO(plain.decode("utf-8"))))
    assert tuple(rows[0]) == HEADER
    body = rows[1:]
    assert len(body) == 7 * len(model.aspects) * 3
    assert sorted({int(r[0]) for r in body}) == list(range(1, 8))
    assert [r[1] for r in body[:: len(model.aspects) * 3]] == ["schoolleider"] * 3 + ["leraar"] * 4
    assert {r[4] for r in body} == set(PHASE_IDS)
    for r in body:
        assert r[5] == "" or 0 <= float(r[5]) <= 1
        assert r[6] in ("", *PHASE_IDS)

    excel = export(str(team_dir), "--excel").stdout_bytes
    assert excel.startswith(b"\xef\xbb\xbf")
    excel_rows = list(csv.reader(io.StringIO(excel.decode("utf-8-sig")), delimiter=";"))
    assert excel_rows[0] == rows[0]
    assert any("," in r[5] for r in excel_rows[1:])
    assert [[c.replace(",", ".") for c in r] for r in excel_rows] == rows


# --- privacy -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "options", [(), ("-f", "json"), ("-f", "csv"), ("--excel",)], ids=["md", "json", "csv", "excel"]
)
def test_names_never_in_a_team_report(
    tmp_path: Path, model: Model, options: tuple[str, ...]
) -> None:
    paths = team_folder(tmp_path / "t", model, ("bestuurder", "schoolleider") + ("leraar",) * 4)
    out = export(str(tmp_path / "t"), *options).stdout.lower()
    for path in paths:
        name = yaml.safe_load(path.read_text())["respondent"]
        for word in name.lower().split():
            assert word not in out, word
        assert path.stem not in out
    assert str(tmp_path).lower() not in out


def test_a_small_layer_is_shown_only_in_the_totals(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ("bestuurder",) + ("schoolleider",) * 3 + ("leraar",) * 4)
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    found = tables(tokens)
    assert found[0][1:] == [
        ["Bestuurder", "1", "alleen in het totaal"],
        ["Schoolleider", "3", "apart getoond"],
        ["Leraar", "4", "apart getoond"],
        ["Allen", "8", "samen"],
    ]
    for counts_table in found[2 : 2 + 2 * len(model.aspects) : 2]:
        assert [r[0] for r in counts_table[1:]] == ["Allen (8)", "Schoolleider (3)", "Leraar (4)"]
    text = " ".join(paragraphs(tokens))
    assert "De laag Bestuurder telt mee voor het hele team, maar staat niet apart" in text
    assert "terug te rekenen" not in text


def test_strict_privacy_folds_what_could_be_calculated_back(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ("bestuurder",) + ("schoolleider",) * 3 + ("leraar",) * 4)
    tokens, _ = markdown(export(str(tmp_path / "t"), "--strict-privacy").stdout)
    found = tables(tokens)
    assert found[0][1:] == [
        ["Bestuurder", "1", "alleen in het totaal"],
        ["Schoolleider", "3", "alleen in het totaal"],
        ["Leraar", "4", "apart getoond"],
        ["Allen", "8", "samen"],
    ]
    for counts_table in found[2 : 2 + 2 * len(model.aspects) : 2]:
        assert [r[0] for r in counts_table[1:]] == ["Allen (8)", "Leraar (4)"]
    text = " ".join(paragraphs(tokens))
    assert "De laag Bestuurder telt mee voor het hele team, maar staat niet apart" in text
    assert "Ook de laag Schoolleider staat niet apart: anders is uit het totaal terug" in text
    strict_csv = export(str(tmp_path / "t"), "-f", "csv", "--strict-privacy").stdout
    csv_rows = list(csv.reader(io.StringIO(strict_csv)))
    layers = [r[1] for r in csv_rows[1:]]
    assert layers.count("") == 4 * len(model.aspects) * 3  # 1 + 3 respondents, no layer given
    assert set(layers) == {"", "leraar"}


def test_a_tiny_team_is_warned_about(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 2)
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    assert any(
        p.startswith("Let op: dit rapport bevat de antwoorden van 2 mensen")
        for p in paragraphs(tokens)
    )


def test_min_group_option(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ("schoolleider",) * 2 + ("leraar",) * 2)
    folded = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert [c["shown"] for c in folded["layers"]] == [False, False]
    shown = json.loads(export(str(tmp_path / "t"), "-f", "json", "--min-group", "2").stdout)
    assert [c["shown"] for c in shown["layers"]] == [True, True]
    assert run("export", str(tmp_path / "t"), "--min-group", "0").exit_code == 2


# --- mixed, duplicate and bad input --------------------------------------------------------------


def test_mixed_model_versions_are_refused(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 2)
    write_answers_file(
        tmp_path / "t" / "oud.yaml", model, answers_for(model, "leraar", 3, model_version="2025.1")
    )
    refused = run("export", str(tmp_path / "t"), "-o", str(tmp_path / "r.md"))
    assert refused.exit_code == 2
    assert "verschillende versies van het model" in refused.stderr
    assert "oud.yaml" in refused.stderr and "--allow-mixed" in refused.stderr
    assert refused.stdout == "" and not (tmp_path / "r.md").exists()
    allowed = run("export", str(tmp_path / "t"), "--allow-mixed", "-f", "json")
    assert allowed.exit_code == 0
    assert "Let op" in allowed.stderr
    assert json.loads(allowed.stdout)["answer_model_versions"] == ["2025.1", model.version]


def test_different_schools_are_refused(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 2)
    other = answers_for(model, "leraar", 3, school="Het Anker")
    write_answers_file(tmp_path / "t" / "anker.yaml", model, other)
    refused = run("export", str(tmp_path / "t"))
    assert refused.exit_code == 2
    assert "verschillende scholen" in refused.stderr and "Het Anker" in refused.stderr
    allowed = json.loads(export(str(tmp_path / "t"), "--allow-mixed", "-f", "json").stdout)
    assert allowed["schools"] == ["Het Anker", "OBS De Linde"]


def test_no_school_fits_any_school(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 2)
    write_answers_file(tmp_path / "t" / "zonder.yaml", model, answers_for(model, "leraar", 3))
    data = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert data["schools"] == ["OBS De Linde"] and data["respondents"] == 3


def test_a_board_names_its_board_not_the_school(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 3)
    board = answers_for(model, "bestuurder", 3, school="Stichting De Linde", respondent="b")
    write_answers_file(tmp_path / "t" / "bestuur.yaml", model, board)
    data = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert (data["schools"], data["boards"]) == (["OBS De Linde"], ["Stichting De Linde"])
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    assert paragraphs(tokens)[0].startswith("OBS De Linde · bestuur: Stichting De Linde · 4 ")
    other = answers_for(model, "bestuurder", 3, school="Stichting Het Eiland", respondent="c")
    write_answers_file(tmp_path / "t" / "ander-bestuur.yaml", model, other)
    refused = run("export", str(tmp_path / "t"))
    assert refused.exit_code == 2 and "verschillende besturen" in refused.stderr


def test_same_file_twice_counts_once(tmp_path: Path, model: Model) -> None:
    paths = team_folder(tmp_path / "t", model, ["leraar"] * 3)
    result = run("export", str(tmp_path / "t"), str(paths[0]), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["respondents"] == 3
    assert "twee keer opgegeven" in result.stderr


def test_same_respondent_twice_is_refused(tmp_path: Path, model: Model) -> None:
    paths = team_folder(tmp_path / "t", model, ["leraar"] * 3)
    other = read_answers(paths[0], model)
    first_item = next(iter(other.answers))
    changed = dataclasses.replace(other, answers={**other.answers, first_item: 1})
    write_answers_file(tmp_path / "t" / "tweede.yaml", model, changed)
    result = run("export", str(tmp_path / "t"))
    assert result.exit_code == 2
    assert "tweede.yaml" in result.stderr and paths[0].name in result.stderr


def test_the_same_content_twice_counts_once(tmp_path: Path, model: Model) -> None:
    """The board member's file copied into each school's folder: one person, one file's worth."""
    paths = team_folder(tmp_path / "t", model, ["leraar"] * 3)
    (tmp_path / "t" / "kopie.yaml").write_text(
        "# dezelfde antwoorden, anders opgemaakt\n" + paths[0].read_text(), encoding="utf-8"
    )
    result = run("export", str(tmp_path / "t"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["respondents"] == 3
    assert "heeft precies dezelfde inhoud als" in result.stderr and "één keer" in result.stderr
    assert "kopie.yaml" in result.stderr and paths[0].name in result.stderr


def test_a_bad_file_stops_everything(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 3)
    (tmp_path / "t" / "kapot.yaml").write_text(
        "format: werkwijzer-answers/1\nlayer: leraar\nanswers:\n  x.y: 5\n"
    )
    target = tmp_path / "rapport.md"
    target.write_text("vorige versie\n")
    result = run("export", str(tmp_path / "t"), "-o", str(target))
    assert result.exit_code == 2
    assert "kapot.yaml" in result.stderr
    assert target.read_text() == "vorige versie\n"
    assert result.stdout == ""
    missing = run("export", str(tmp_path / "t" / "bestaat-niet.yaml"), "-o", str(tmp_path / "x.md"))
    assert missing.exit_code == 2 and "bestaat-niet.yaml" in missing.stderr
    assert not (tmp_path / "x.md").exists()


# --- folders, output and formats -----------------------------------------------------------------


def test_folder_takes_answers_files_only(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 3)
    (tmp_path / "t" / "notities.txt").write_text("geen antwoorden")
    (tmp_path / "t" / ".verborgen.yaml").write_text("kapot: [")
    (tmp_path / "t" / "sub").mkdir()
    (tmp_path / "t" / "sub" / "x.yaml").write_text("kapot: [")
    assert json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)["respondents"] == 3
    (tmp_path / "leeg").mkdir()
    empty = run("export", str(tmp_path / "leeg"))
    assert empty.exit_code == 2 and "geen antwoordbestanden" in empty.stderr


def test_output_is_written_atomically(
    tmp_path: Path, team_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = team_dir / "rapport.json"
    first = run("export", str(team_dir), "-o", str(target))
    assert first.exit_code == 0, first.stderr
    assert first.stdout == "" and "rapport.json" in first.stderr
    assert json.loads(target.read_text())["respondents"] == 7  # format from the suffix
    # The report now sits in the folder of answers: the next run leaves it out.
    second = run("export", str(team_dir), "-o", str(target), "--title", "Tweede")
    assert second.exit_code == 0, second.stderr
    assert json.loads(target.read_text())["title"] == "Tweede"

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("werkwijzer.core.atomic.os.replace", refuse)
    failed = run("export", str(team_dir), "-o", str(target), "--title", "Derde")
    assert failed.exit_code == 2 and "kan niet geschreven worden" in failed.stderr
    assert json.loads(target.read_text())["title"] == "Tweede"
    assert sorted(p.name for p in team_dir.iterdir() if p.name.startswith(".")) == []


def test_output_never_overwrites_an_answers_file(team_dir: Path) -> None:
    victim = sorted(team_dir.iterdir())[0]
    before = victim.read_bytes()
    result = run("export", str(victim), str(team_dir), "-o", str(victim))
    assert result.exit_code == 2 and "ander bestand" in result.stderr
    assert victim.read_bytes() == before


def test_unwritable_output_is_a_clear_error(team_dir: Path, tmp_path: Path) -> None:
    result = run("export", str(team_dir), "-o", str(tmp_path / "bestaat-niet" / "r.md"))
    assert result.exit_code == 2 and "kan niet geschreven worden" in result.stderr


def test_excel_goes_with_csv(team_dir: Path, tmp_path: Path) -> None:
    assert run("export", str(team_dir), "--excel", "-f", "json").exit_code == 2
    export(str(team_dir), "--excel", "-o", str(tmp_path / "t.csv"))
    assert (tmp_path / "t.csv").read_bytes().startswith(b"\xef\xbb\xbfrespondent;")
    export(str(team_dir), "-o", str(tmp_path / "t.md"))
    assert (tmp_path / "t.md").read_text().startswith("# Teamrapport")


def test_no_files_is_a_usage_error() -> None:
    assert run("export").exit_code == 2


def test_export_never_imports_interactive_modules(team_dir: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from werkwijzer.cli.app import app\n"
        f"sys.argv = ['werkwijzer', 'export', {str(team_dir)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('questionary', 'prompt_toolkit', 'rich', 'markdown_it'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert "HEAVY []" in result.stderr, result.stderr
    assert result.stdout.startswith("# Teamrapport")

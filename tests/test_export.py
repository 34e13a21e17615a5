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
from conftest import (
    HOSTILE,
    TODAY,
    answers_for,
    copy_model,
    raw_table_widths,
    run,
    write_answers_file,
)
from markdown_it import MarkdownIt
from markdown_it.token import Token
from regenboog import regenboog

from werkwijzer.core.answers import AnswerValue, read_answers
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.render.report_csv import HEADER

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
    team_folder(tmp_path / "team", model, ("schoolleider",) * 5 + ("leraar",) * 6)
    return tmp_path / "team"


def section(tokens: list[Token], title: str) -> list[Token]:
    """The tokens of one level-2 section."""
    start = next(
        i
        for i, t in enumerate(tokens)
        if t.type == "inline" and t.content == title and tokens[i - 1].tag == "h2"
    )
    end = next(
        (
            i
            for i in range(start + 2, len(tokens))
            if tokens[i].type == "heading_open" and tokens[i].tag == "h2"
        ),
        len(tokens),
    )
    return tokens[start:end]


def list_items(tokens: list[Token]) -> list[str]:
    return [inline_text(tokens[i + 2]) for i, t in enumerate(tokens) if t.type == "list_item_open"]


ORDER = [
    "Wie deden mee",
    "Waar het team staat",
    "Waar jullie het verschillend zien",
    "Uitspraken met de meeste spreiding",
    "Gespreksvragen",
    "Waar beginnen we?",
    "Bijlage",
]


def test_team_markdown_matches_the_team_result(team_dir: Path, model: Model) -> None:
    team = json.loads(export(str(team_dir), "-f", "json").stdout)
    out = export(str(team_dir)).stdout
    tokens, html = markdown(out)
    assert headings(tokens, 2) == ORDER
    found = tables(tokens)
    who, where = found[0], found[1]
    assert who == [
        ["Laag", "Respondenten", "In dit rapport"],
        ["Schoolleider", "5", "apart getoond"],
        ["Leraar", "6", "apart getoond"],
        ["Allen", "11", "11 in de cijfers"],
    ]
    assert where[0] == [
        "Aspect",
        "Groep",
        "Beginfase",
        "Tussenfase",
        "Gevorderde fase",
        "Geen fase",
        "Fase",
    ]
    rows = iter(where[1:])
    for aspect in team["aspects"]:
        for n, group in enumerate([aspect["everyone"], *aspect["groups"]]):
            row = next(rows)
            assert row[0] == (aspect["name"] if n == 0 else "")
            label = {None: "Allen", "schoolleider": "Schoolleider", "leraar": "Leraar"}
            assert row[1] == f"{label[group['group']]} ({group['respondents']})"
            counts = group["counts"]
            assert row[2:6] == [str(counts[k]) for k in ("begin", "tussen", "gevorderd", "none")]
            phase = model.phase(group["phase"]).name if group["phase"] else "geen fase"
            assert row[6] == ("verdeeld" if group["split"] else phase)
    assert next(rows, None) is None
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
    questions = list_items(section(tokens, "Gespreksvragen"))
    assert questions == [q["text"] for q in team["questions"]]
    for question in model.aspect(start["aspect"]).discussion_questions:
        assert question in questions
    assert "bereikt" in " ".join(paragraphs(section(tokens, "Waar het team staat")))
    assert str(team_dir.parent) not in out


def test_the_coach_s_team_in_about_1200_words(tmp_path: Path, model: Model) -> None:
    regenboog(tmp_path / "r", model)
    out = export(str(tmp_path / "r")).stdout
    tokens, _ = markdown(out)
    words = sum(len(inline_text(t).split()) for t in tokens if t.type == "inline")
    assert 900 <= words <= 1300, words
    assert headings(tokens, 2) == ORDER
    # The leaders (3) are left out by default, and the report says how to show them.
    text = " ".join(paragraphs(tokens))
    assert "staan niet in dit rapport" in text and "--show-leadership" in text
    # The split comes first among the differences, with its distribution instead of a median.
    differences = list_items(section(tokens, "Waar jullie het verschillend zien"))
    assert differences[0] == (
        "Werken met data: de laag Leraar is verdeeld: 6 in de beginfase, 2 in de tussenfase, "
        "6 in de gevorderde fase."
    )
    questions = list_items(section(tokens, "Gespreksvragen"))
    assert questions[0].startswith(
        "Werken met data (de laag Leraar): zes collega's zien de beginfase, twee de tussenfase, "
        "zes de gevorderde fase."
    )
    # No board or school-leader actions in a report the leaders are not in.
    start = section(tokens, "Waar beginnen we?")
    assert headings(start, 3) == ["Voor de laag Leraar"]
    unknown = " ".join(list_items(section(tokens, "Waar het team staat")))
    assert "Leidinggeven aan leren: 6 keer ‘weet ik niet’, 15 niet beantwoord (van 126)" in unknown


def test_show_leadership_compares_the_leaders_with_the_team(tmp_path: Path, model: Model) -> None:
    regenboog(tmp_path / "r", model)
    data = json.loads(export(str(tmp_path / "r"), "--show-leadership", "-f", "json").stdout)
    assert [(g["id"], g["respondents"], g["agreed"]) for g in data["groups"]] == [
        ("leiding", 3, True),
        ("leraar", 14, False),
    ]
    assert data["counted"] == 17
    tokens, _ = markdown(export(str(tmp_path / "r"), "--show-leadership").stdout)
    text = " ".join(paragraphs(tokens))
    assert "zelfbeoordeling van de leiding" in text
    where = tables(tokens)[1]
    assert [r[1] for r in where[1:4]] == [
        "Allen (17)",
        "Leiding, zelfbeoordeling (3)",
        "Leraar (14)",
    ]
    # Statement figures only from the teachers: the leaders' statements are a few people's own.
    assert {s["layer"] for s in data["statements"]} == {"leraar"}
    # The leaders' actions come after the team's, by title only.
    start = section(tokens, "Waar beginnen we?")
    assert headings(start, 3) == ["Voor de laag Leraar"]
    brief = [p for p in paragraphs(start) if p.startswith("Voor de laag")]
    assert [p.split(":")[0] for p in brief] == [
        "Voor de laag Bestuurder",
        "Voor de laag Schoolleider",
    ]


def test_full_puts_every_action_in_the_appendix(team_dir: Path, model: Model) -> None:
    short, _ = markdown(export(str(team_dir)).stdout)
    full, html = markdown(export(str(team_dir), "--full").stdout)
    appendix = section(full, "Bijlage")
    assert "Alle acties" in headings(appendix, 3)
    team = json.loads(export(str(team_dir), "-f", "json").stdout)
    for aspect in team["aspects"]:
        for layer in ("schoolleider", "leraar"):
            for action in model.aspect(aspect["id"]).cell(layer, aspect["phase"]).actions:
                assert action.title in html
    assert "Alle acties" not in headings(section(short, "Bijlage"), 3)


def test_team_statement_table_has_all_cells(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    spread = next(t for t in tables(tokens) if t[0][0] == "Uitspraak")
    labels = [p.label for p in model.scale.points]
    assert spread[0] == ["Uitspraak", "Aspect, fase", *labels, "weet ik niet"]
    assert len(spread) == 1 + 5
    for row in spread[1:]:
        assert sum(int(c) for c in row[2:7]) == 5


def test_hostile_text_breaks_no_table_and_injects_no_html(tmp_path: Path, model: Model) -> None:
    custom = copy_model(tmp_path / "model")
    aspects = yaml.safe_load((custom / "aspects.yaml").read_text())
    aspects["aspects"][0]["name"] = HOSTILE
    (custom / "aspects.yaml").write_text(yaml.safe_dump(aspects, allow_unicode=True))
    team_folder(tmp_path / "t", model, ["leraar"] * 5, school=HOSTILE)
    args = ("--model", str(custom), "--title", f"# {HOSTILE}")
    out = export(str(tmp_path / "t"), *args).stdout
    widths = raw_table_widths(out)
    tokens, html = markdown(out)
    no_html(tokens, html)
    assert headings(tokens, 1) == [f"# {HOSTILE}"]
    assert paragraphs(tokens)[0].startswith(f"{HOSTILE} · 5 respondenten")
    found = tables(tokens)
    where = found[1]
    assert where[1][0] == HOSTILE
    # A '|' that escaped its cell would add a cell to its line, before the parser pads it away.
    assert widths == [len(table[0]) for table in found for _ in range(len(table) + 1)]
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
    assert data["format"] == "werkwijzer-team/3"
    assert data["title"] == "Studiedag"
    assert data["respondents"] == 11 and data["schools"] == ["OBS De Linde"]


def test_team_csv(team_dir: Path, model: Model) -> None:
    plain = export(str(team_dir), "--format", "csv").stdout_bytes
    rows = list(csv.reader(io.StringIO(plain.decode("utf-8"))))
    assert tuple(rows[0]) == HEADER
    body = rows[1:]
    assert len(body) == 11 * len(model.aspects) * 3
    assert sorted({int(r[0]) for r in body}) == list(range(1, 12))
    assert [r[1] for r in body[:: len(model.aspects) * 3]] == ["schoolleider"] * 5 + ["leraar"] * 6
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


def test_a_small_layer_that_could_be_subtracted_is_left_out(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ("bestuurder",) + ("schoolleider",) * 5 + ("leraar",) * 6)
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    found = tables(tokens)
    assert found[0][1:] == [
        ["Bestuurder", "1", "niet in dit rapport"],
        ["Schoolleider", "5", "apart getoond"],
        ["Leraar", "6", "apart getoond"],
        ["Allen", "12", "11 in de cijfers"],
    ]
    assert [r[1] for r in found[1][1:4]] == ["Allen (11)", "Schoolleider (5)", "Leraar (6)"]
    text = " ".join(paragraphs(tokens))
    assert "De antwoorden van de laag bestuurder (1 persoon) staan niet in dit rapport" in text
    data = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert data["respondents"] == 12 and data["counted"] == 11
    assert all(a["everyone"]["respondents"] == 11 for a in data["aspects"])


def test_a_big_enough_rest_counts_in_the_totals(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ("bestuurder",) + ("schoolleider",) * 4 + ("leraar",) * 6)
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    assert tables(tokens)[0][1:3] == [
        ["Bestuurder", "1", "alleen in het totaal"],
        ["Schoolleider", "4", "alleen in het totaal"],
    ]
    text = " ".join(paragraphs(tokens))
    assert (
        "De lagen bestuurder en schoolleider tellen mee in ‘Allen’, maar staan niet apart" in text
    )
    rows = list(csv.reader(io.StringIO(export(str(tmp_path / "t"), "-f", "csv").stdout)))
    assert {r[1] for r in rows[1:]} == {"leraar"}  # no row of anyone not shown as a group


def test_strict_privacy_is_gone(team_dir: Path) -> None:
    assert run("export", str(team_dir), "--strict-privacy").exit_code == 2


def test_a_team_smaller_than_min_group_is_refused(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 2)
    refused = run("export", str(tmp_path / "t"), "-o", str(tmp_path / "r.md"))
    assert refused.exit_code == 2 and "minder dan --min-group 5" in refused.stderr
    assert not (tmp_path / "r.md").exists()
    assert run("export", str(tmp_path / "t"), "--min-group", "2").exit_code == 0


def test_min_group_option(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ("schoolleider",) * 2 + ("leraar",) * 3)
    folded = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert folded["min_group"] == 5 and folded["groups"] == []
    assert [c["counted"] for c in folded["layers"]] == [True, True]
    shown = json.loads(export(str(tmp_path / "t"), "-f", "json", "--min-group", "2").stdout)
    assert [g["id"] for g in shown["groups"]] == ["schoolleider", "leraar"]
    assert run("export", str(tmp_path / "t"), "--min-group", "0").exit_code == 2


# --- mixed, duplicate and bad input --------------------------------------------------------------


def test_mixed_model_versions_are_refused(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
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
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
    other = answers_for(model, "leraar", 3, school="Het Anker")
    write_answers_file(tmp_path / "t" / "anker.yaml", model, other)
    refused = run("export", str(tmp_path / "t"))
    assert refused.exit_code == 2
    assert "verschillende scholen" in refused.stderr and "Het Anker" in refused.stderr
    allowed = json.loads(export(str(tmp_path / "t"), "--allow-mixed", "-f", "json").stdout)
    assert allowed["schools"] == ["Het Anker", "OBS De Linde"]


def test_no_school_fits_any_school(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
    write_answers_file(tmp_path / "t" / "zonder.yaml", model, answers_for(model, "leraar", 3))
    data = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert data["schools"] == ["OBS De Linde"] and data["respondents"] == 6


def test_a_board_names_its_board_not_the_school(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
    board = answers_for(model, "bestuurder", 3, school="Stichting De Linde", respondent="b")
    write_answers_file(tmp_path / "t" / "bestuur.yaml", model, board)
    data = json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)
    assert (data["schools"], data["boards"]) == (["OBS De Linde"], ["Stichting De Linde"])
    tokens, _ = markdown(export(str(tmp_path / "t")).stdout)
    assert paragraphs(tokens)[0].startswith("OBS De Linde · bestuur: Stichting De Linde · 6 ")
    other = answers_for(model, "bestuurder", 3, school="Stichting Het Eiland", respondent="c")
    write_answers_file(tmp_path / "t" / "ander-bestuur.yaml", model, other)
    refused = run("export", str(tmp_path / "t"))
    assert refused.exit_code == 2 and "verschillende besturen" in refused.stderr


def test_same_file_twice_counts_once(tmp_path: Path, model: Model) -> None:
    paths = team_folder(tmp_path / "t", model, ["leraar"] * 5)
    result = run("export", str(tmp_path / "t"), str(paths[0]), "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["respondents"] == 5
    assert "twee keer opgegeven" in result.stderr


def test_same_respondent_twice_is_refused(tmp_path: Path, model: Model) -> None:
    paths = team_folder(tmp_path / "t", model, ["leraar"] * 5)
    other = read_answers(paths[0], model)
    first_item = next(iter(other.answers))
    different: AnswerValue = 2 if other.answers[first_item] == 1 else 1
    changed = dataclasses.replace(other, answers={**other.answers, first_item: different})
    write_answers_file(tmp_path / "t" / "tweede.yaml", model, changed)
    result = run("export", str(tmp_path / "t"))
    assert result.exit_code == 2
    assert "tweede.yaml" in result.stderr and paths[0].name in result.stderr


def test_the_same_content_twice_counts_once(tmp_path: Path, model: Model) -> None:
    """The board member's file copied into each school's folder: one person, one file's worth."""
    paths = team_folder(tmp_path / "t", model, ["leraar"] * 5)
    (tmp_path / "t" / "kopie.yaml").write_text(
        "# dezelfde antwoorden, anders opgemaakt\n" + paths[0].read_text(), encoding="utf-8"
    )
    result = run("export", str(tmp_path / "t"), "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["respondents"] == 5
    assert "heeft precies dezelfde inhoud als" in result.stderr and "één keer" in result.stderr
    assert "kopie.yaml" in result.stderr and paths[0].name in result.stderr


def test_a_bad_file_stops_everything(tmp_path: Path, model: Model) -> None:
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
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
    team_folder(tmp_path / "t", model, ["leraar"] * 5)
    (tmp_path / "t" / "notities.txt").write_text("geen antwoorden")
    (tmp_path / "t" / ".verborgen.yaml").write_text("kapot: [")
    (tmp_path / "t" / "sub").mkdir()
    (tmp_path / "t" / "sub" / "x.yaml").write_text("kapot: [")
    assert json.loads(export(str(tmp_path / "t"), "-f", "json").stdout)["respondents"] == 5
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
    assert json.loads(target.read_text())["respondents"] == 11  # format from the suffix
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


def test_output_never_overwrites_an_answers_file(team_dir: Path, model: Model) -> None:
    victim = sorted(team_dir.iterdir())[0]
    before = victim.read_bytes()
    result = run("export", str(victim), str(team_dir), "-o", str(victim))
    assert result.exit_code == 2 and "eindigt op" in result.stderr  # .yaml is no report
    assert victim.read_bytes() == before
    as_json = team_dir / "antwoorden.json"  # answers files can be JSON too
    as_json.write_text(json.dumps(to_jsonable(answers_for(model, "leraar", 3))))
    before = as_json.read_bytes()
    result = run("export", str(as_json), str(team_dir), "-o", str(as_json))
    assert result.exit_code == 2 and "ander bestand" in result.stderr
    assert as_json.read_bytes() == before


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

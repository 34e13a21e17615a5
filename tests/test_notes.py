"""Notes (toelichtingen): in the answers file, asked in scan, in one's own report, and in a team
report only with --notes, then without a link to a person."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import answers_for, run, write_answers_file
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from test_scan import key, pattern, scan

from werkwijzer.core.answers import NOTE_MAX, Answers, dump_answers, parse_answers
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import Model
from werkwijzer.core.store import content_hash
from werkwijzer.interactive.scan import ScanPlan

HEAD = "format: werkwijzer-answers/1\nlayer: leraar\nanswers:\n  koers.leraar.begin.1: 3\n"


def noted(model: Model, layer: Any = "leraar", **notes: str) -> Answers:
    answers = answers_for(model, layer, 3)
    ids = [p.item.id for p in model.items_for(layer)]
    return Answers(
        layer=layer, answers=answers.answers, notes={ids[int(k[1:])]: v for k, v in notes.items()}
    )


def test_notes_are_read_and_cleaned(model: Model) -> None:
    text = (
        HEAD
        + 'notes:\n  koers.leraar.begin.1: "  Staat in het jaarplan.\\n\\n  Nog niet besproken.  "\n'
    )
    text += '  koers.leraar.begin.2: "   "\n'
    answers = parse_answers(text.encode(), model, "a.yaml")
    assert answers.notes == {
        "koers.leraar.begin.1": "Staat in het jaarplan.\n  Nog niet besproken."
    }


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        ("notes: [een, twee]\n", "'notes' moet per uitspraak-id een toelichting geven"),
        (
            "notes:\n  koers.leraar.begin.99: x\n",
            "toelichting bij onbekende uitspraak 'koers.leraar.begin.99'",
        ),
        (
            "notes:\n  koers.bestuurder.begin.1: x\n",
            "toelichting bij onbekende uitspraak 'koers.bestuurder.begin.1'",
        ),
        (
            "notes:\n  koers.leraar.begin.1: 3\n",
            "toelichting bij 'koers.leraar.begin.1' moet tekst zijn",
        ),
        (
            f"notes:\n  koers.leraar.begin.1: {'x' * (NOTE_MAX + 1)}\n",
            f"toelichting bij 'koers.leraar.begin.1' is {NOTE_MAX + 1} tekens; houd het onder {NOTE_MAX}",
        ),
    ],
)
def test_bad_notes(tmp_path: Path, notes: str, expected: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + notes, encoding="utf-8")
    result = run("score", str(path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{path}, regel ")
    assert result.stderr.rstrip("\n").endswith(expected)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_a_note_survives_writing_and_reading(note: str) -> None:
    from werkwijzer.core.answers import clean_note
    from werkwijzer.core.model_load import load_model

    model = load_model()
    item = model.items_for("leraar")[0].item.id
    written = dump_answers(Answers(layer="leraar", notes={item: note}), model)
    read = parse_answers(written.encode("utf-8"), model, "a.yaml")
    assert read.notes == ({item: clean_note(note)} if clean_note(note) else {})


def test_a_file_without_notes_keeps_its_hash(model: Model) -> None:
    """Scans stored before notes existed are still recognised as the same answers."""
    answers = answers_for(model, "leraar", 2, school="OBS De Linde")
    old = {k: v for k, v in to_jsonable(answers).items() if k != "notes"}
    canonical = json.dumps(old, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert content_hash(answers) == hashlib.sha256(canonical.encode()).hexdigest()
    assert content_hash(noted(model, n0="x")) != content_hash(noted(model))


def test_the_schema_knows_notes(model: Model) -> None:
    schema = json.loads(run("schema", "answers").stdout)
    document = to_jsonable(noted(model, n0="Een voorbeeld."))
    jsonschema.validate(document, schema)
    document["notes"] = {"koers.leraar.begin.1": 3}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


# --- asked in scan -------------------------------------------------------------------------------


def test_scan_asks_a_note_with_n(tmp_path: Path, model: Model) -> None:
    places = model.items_for("leraar")
    keys = [key(pattern(i), model) for i in range(len(places))]
    keys[0] = "n\rStaat in het jaarplan.\r" + keys[0]
    keys[2] = "n\rEerst dit\rn\r\x15\r" + keys[2]  # written, then emptied (Ctrl-U): gone
    plan = ScanPlan(layer="leraar", school="", output=tmp_path / "a.yaml")
    path, answers, screen = scan(model, plan, "".join(keys))
    assert answers.notes == {places[0].item.id: "Staat in het jaarplan."}
    assert parse_answers(path.read_bytes(), model, "a").notes == answers.notes
    assert "Je toelichting: Staat in het jaarplan." in screen


# --- shown to the respondent, and to the team only when asked ------------------------------------


def test_score_shows_ones_own_notes(tmp_path: Path, model: Model) -> None:
    path = write_answers_file(tmp_path / "a.yaml", model, noted(model, n1="Zie het jaarplan 2026."))
    result = run("score", str(path))
    assert result.exit_code == 0
    assert "Je toelichtingen" in result.stdout
    assert "Zie het jaarplan 2026." in result.stdout
    assert "notes" not in json.loads(run("score", "--json", str(path)).stdout)


def test_individual_report_shows_the_notes(tmp_path: Path, model: Model) -> None:
    place = model.items_for("leraar")[1]
    path = write_answers_file(
        tmp_path / "a.yaml", model, noted(model, n1="<b>Zie</b> | het *plan*")
    )
    report = run("export", str(path)).stdout
    tokens = MarkdownIt("commonmark").parse(report)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[-1] == "Je toelichtingen"
    items = [t.content for t in tokens if t.type == "inline"][-1]
    html = MarkdownIt("commonmark").render(items)
    assert "&lt;b&gt;Zie&lt;/b&gt; | het *plan*" in html
    assert place.item.text in html


def team_folder(tmp_path: Path, model: Model) -> Path:
    folder = tmp_path / "team"
    folder.mkdir()
    notes = ["zeker niet", "Alleen in groep 8", "bij ons wel"]
    for n, note in enumerate(notes):
        write_answers_file(folder / f"leraar-{n}.yaml", model, noted(model, n0=note))
    write_answers_file(
        folder / "schoolleider.yaml", model, noted(model, "schoolleider", n0="Geheim van de leider")
    )
    return folder


def test_team_report_has_no_notes_without_the_option(tmp_path: Path, model: Model) -> None:
    folder = team_folder(tmp_path, model)
    for fmt in ("markdown", "json", "csv"):
        report = run("export", str(folder), "--format", fmt, "--min-group", "3")
        assert report.exit_code == 0
        for note in ("zeker niet", "groep 8", "bij ons wel", "Geheim"):
            assert note not in report.stdout


def test_team_notes_are_sorted_without_names_and_without_small_layers(
    tmp_path: Path, model: Model
) -> None:
    folder = team_folder(tmp_path, model)
    result = run("export", str(folder), "--notes", "--min-group", "3")
    assert result.exit_code == 0, result.stderr
    report = result.stdout
    section = report[report.index("## Toelichtingen") :]
    quoted = [line[3:-1] for line in section.splitlines() if line.startswith("- “")]
    assert quoted == ["Alleen in groep 8", "bij ons wel", "zeker niet"]
    assert model.items_for("leraar")[0].item.text in section
    assert "Geheim" not in report
    assert "1 toelichting staat niet in dit rapport" in section
    assert "leraar-0" not in report and "yaml" not in report


def test_notes_only_in_markdown(tmp_path: Path, model: Model) -> None:
    folder = team_folder(tmp_path, model)
    result = run("export", str(folder), "--notes", "--format", "json")
    assert result.exit_code == 2
    assert result.stderr == "--notes hoort bij een rapport in markdown.\n"

"""Hostile and odd input: every file, option and text a user can give ends in exit 0 or in exit 2
with one Dutch line, in bounded time and memory, and nothing steers the terminal.

The numbers in the test names are the findings of issue 16.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, answers_for, copy_model, mini_model, run, write_answers_file
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from werkwijzer.core.answers import Answers, dump_answers, parse_answers
from werkwijzer.core.limits import MAX_ANSWERS_BYTES
from werkwijzer.core.model import Model
from werkwijzer.core.safe_text import MAX_TEXT, text_problem
from werkwijzer.render.safe_console import SafeConsole

HEAD = "format: werkwijzer-answers/1\nlayer: leraar\n"
ITEM = "koers.leraar.begin.1"


def write(tmp_path: Path, text: str | bytes, name: str = "a.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def refused(*args: str, input: str | None = None) -> str:
    """Run a command that must refuse: exit 2, nothing on stdout, one line on stderr."""
    result = run(*args, input=input)
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def bomb(levels: int = 9) -> str:
    """A 'billion laughs' YAML value: `levels` anchors, each a list of 9 aliases to the last."""
    lines = ['  - &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for n in range(1, levels):
        lines.append(f"  - &a{n} [" + ",".join([f"*a{n - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def bounded_run(
    args: list[str], cwd: Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """werkwijzer as a process with at most 1 GB of memory: a runaway ends, it cannot hang."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    return subprocess.run(
        [sys.executable, "-m", "werkwijzer", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limit,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )


# --- 1: anchors and aliases ----------------------------------------------------------------------


@pytest.mark.parametrize("where", ["format", "layer", "date", "answer"])
def test_01_an_alias_bomb_in_an_answers_file_is_refused_at_once(tmp_path: Path, where: str) -> None:
    body = {
        "format": f"format:\n{bomb()}layer: leraar\n",
        "layer": f"format: werkwijzer-answers/1\nlayer:\n{bomb()}",
        "date": f"{HEAD}date:\n{bomb()}",
        "answer": f"{HEAD}answers:\n  {ITEM}:\n{bomb().replace('  - ', '    - ')}",
    }[where]
    path = write(tmp_path, body)
    for args in (["score", str(path)], ["export", str(path)], ["import", str(path)]):
        done = bounded_run(args, tmp_path)
        assert done.returncode in (2, 3), (args, done.returncode, done.stderr[-300:])
        assert "ankers en verwijzingen" in done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.parametrize("where", ["effort", "id"])
def test_01_an_alias_bomb_in_a_model_file_is_refused_at_once(tmp_path: Path, where: str) -> None:
    folder = mini_model(tmp_path / "m")
    grid = folder / "grid" / "alfa.yaml"
    text = grid.read_text()
    key = "effort: klein" if where == "effort" else "id: alfa.leraar.begin.1"
    indent = " " * (len(text.split(key)[0].splitlines()[-1]) + 2)
    value = bomb().replace("  - ", indent + "- ")
    grid.write_text(text.replace(key, key.split(":")[0] + ":\n" + value, 1))
    done = bounded_run(["validate", "--model", str(folder)], tmp_path)
    assert done.returncode == 2, (done.returncode, done.stderr[-300:])
    assert "te groot" in done.stderr


def test_01_a_model_may_use_a_few_anchors(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    instruments = folder / "instruments.yaml"
    instruments.write_text(
        "instruments:\n- id: pdca\n  name: &naam PDCA\n  what: Een cyclus.\n  when: *naam\n"
    )
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 0, result.stderr


def test_01_an_ampersand_in_a_text_is_no_anchor(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "school: Kind & Co *de* school\n")
    result = run("score", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["school"] == "Kind & Co *de* school"


# --- 3, 6, 12, 31: the texts themselves ----------------------------------------------------------

ESCAPES = {
    "osc-title": "\x1b]0;gehackt\x07",
    "csi-clear": "\x1b[2J",
    "c1-csi": "\x9b2J",
    "mojibake": "O\u0092Brien",
    "nel": "regel\u0085twee",
    "del": "a\x7fb",
    "nonchar": "a\ufffeb",
    "bidi": "a\u202eb",
}


@pytest.mark.parametrize("text", ESCAPES.values(), ids=ESCAPES.keys())
def test_03_06_control_characters_in_an_answers_file_are_refused(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, HEAD + f"school: {json.dumps(text)}\n")
    message = refused("score", str(path))
    assert "teken dat niet in een tekst hoort (U+" in message
    assert not any(0x7F <= ord(c) <= 0x9F or ord(c) < 0x0A for c in message)
    assert "\x1b" not in message


def test_03_a_control_character_in_a_key_never_reaches_the_terminal(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + 'answers:\n  "\\e]0;x\\a": 3\n')
    message = refused("score", str(path))
    assert "\x1b" not in message and "\x07" not in message


def test_03_a_control_character_in_a_model_text_is_refused(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    aspects = folder / "aspects.yaml"
    aspects.write_text(aspects.read_text().replace("name: Alfa", 'name: "Alfa\\e[2J"'))
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 2
    assert "U+001B" in result.stderr and "\x1b" not in result.stderr


def test_03_the_console_strips_what_steers_a_terminal() -> None:
    screen = io.StringIO()
    console = SafeConsole(file=screen, force_terminal=True, color_system=None, width=80)
    console.print("Titel\x1b]52;c;Z2VoYWNrdA==\x07 en \x9b2J klaar\nregel twee")
    # The characters that make a sequence are gone; what is left is plain, harmless text.
    assert screen.getvalue() == "Titel]52;c;Z2VoYWNrdA== en 2J klaar\nregel twee\n"


def test_12_lone_surrogates_in_json_are_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path, '{"format": "werkwijzer-answers/1", "layer": "leraar", "school": "\\ud800"}'
    )
    assert "U+D800" in refused("score", str(path))


@pytest.mark.parametrize(
    "args",
    [
        ["export", "{file}", "--title", "Dag \udcff"],
        ["scan", "--layer", "leraar", "--respondent", "J\udce9"],
        ["scan", "--layer", "leraar", "--school", "O\u0092B"],
        ["forget", "--respondent", "J\udce9", "--yes"],
        ["history", "--school", "\x1b[2J"],
    ],
    ids=["title", "respondent", "school", "forget", "history"],
)
def test_06_12_free_text_options_are_checked_as_they_come_in(
    tmp_path: Path, model: Model, args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    message = refused(*[a.replace("{file}", str(file)) for a in args])
    assert "teken dat niet in een tekst hoort" in message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["jan.yaml"]  # no answers file written


def test_12_a_file_name_that_is_not_utf8(tmp_path: Path, model: Model) -> None:
    name = os.fsdecode(b"jan-\xe9.yaml")
    file = write_answers_file(tmp_path / name, model, answers_for(model, "leraar"))
    result = run("export", str(file))
    assert result.exit_code == 0, result.stderr
    assert "jan-\ufffd.yaml" in result.stdout
    assert run("export", str(file), "-f", "csv").exit_code == 0


@pytest.mark.parametrize("field", ["school", "respondent", "model_version"])
def test_31_a_very_long_text_is_refused(tmp_path: Path, field: str) -> None:
    path = write(tmp_path, HEAD + f"{field}: {'x' * (MAX_TEXT + 1)}\n")
    assert "te lang" in refused("score", str(path))
    path = write(tmp_path, HEAD + f"{field}: {'x' * MAX_TEXT}\n")
    assert run("score", str(path)).exit_code == 0


def test_31_a_long_title_is_refused(tmp_path: Path, model: Model) -> None:
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    assert "te lang" in refused("export", str(file), "--title", "t" * (MAX_TEXT + 1))


# Whatever `scan` accepts as a school or respondent, `score` reads back as it was typed.
@settings(max_examples=300, deadline=None)
@given(st.text(max_size=MAX_TEXT))
def test_06_what_scan_accepts_reads_back(model: Model, typed: str) -> None:
    if text_problem(typed.strip()) is not None:
        return
    answers = Answers(
        layer="leraar", school=typed.strip() or None, respondent=typed.strip() or None
    )
    raw = dump_answers(answers, model).encode("utf-8")
    back = parse_answers(raw, model, "x.yaml")
    assert (back.school, back.respondent) == (answers.school, answers.respondent)


def test_06_the_scan_prompt_refuses_what_could_not_be_read_back() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from werkwijzer.interactive.scan import ask_school

    with create_pipe_input() as pipe:
        # U+0092 is what a curly apostrophe pasted from a cp1252 text becomes.
        pipe.send_text("O\u0092Brien\r" + "\x7f" * 8 + "OBrien\r")
        pipe.close()
        with create_app_session(input=pipe, output=DummyOutput()):
            assert ask_school() == "OBrien"


# --- 5: formula injection ------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_05_model_texts_never_become_formulas(tmp_path: Path, model: Model, start: str) -> None:
    folder = mini_model(tmp_path / "m")
    aspects = folder / "aspects.yaml"
    name = f'{start}HYPERLINK("http://x";"klik")'
    aspects.write_text(aspects.read_text().replace("name: Alfa", f"name: {json.dumps(name)}"))
    files = []
    for n in range(2):
        files.append(tmp_path / f"r{n}.yaml")
        files[-1].write_text(
            HEAD + f"respondent: r{n}\nanswers: {{alfa.leraar.begin.1: {n + 1}}}\n"
        )
    result = run(
        "export", "--model", str(folder), "-f", "csv", "--min-group", "1", *map(str, files)
    )
    assert result.exit_code == 0, result.stderr
    names = {row[3] for row in csv.reader(io.StringIO(result.stdout))}
    assert f"'{name}" in names
    assert not any(n.startswith(("=", "+", "-", "@")) for n in names)


# --- 9, 10, 11, 27: values ----------------------------------------------------------------------


def test_09_an_invalid_date_is_a_dutch_message(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "date: 2026-02-30\n")
    assert "datum '2026-02-30' is geen datum" in refused("score", str(path))
    elsewhere = write(tmp_path, HEAD + "school: 2026-02-30\n", "b.yaml")
    assert run("score", str(elsewhere)).exit_code == 0  # a text that looks like a date


def test_09_import_goes_on_after_a_file_with_an_invalid_date(tmp_path: Path, model: Model) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, HEAD + "date: 2026-02-30\n", "a-kapot.yaml")
    write_answers_file(folder / "b-goed.yaml", model, answers_for(model, "leraar"))
    result = run("import", str(folder))
    assert result.exit_code == 3, result.stderr
    assert "Klaar: 1 scan nieuw bewaard, 1 bestand overgeslagen" in result.stderr


@pytest.mark.parametrize("kind", ["yaml", "json"])
def test_10_an_integer_of_thousands_of_digits(tmp_path: Path, kind: str) -> None:
    digits = "7" * 5000
    if kind == "yaml":
        path = write(tmp_path, HEAD + f"answers:\n  {ITEM}: {digits}\n")
    else:
        doc = '{"format": "werkwijzer-answers/1", "layer": "leraar", "answers": {"%s": %s}}'
        path = write(tmp_path, doc % (ITEM, digits), "a.json")
    assert "meer dan 40 cijfers" in refused("score", str(path))


def test_11_json_nested_very_deep(tmp_path: Path) -> None:
    path = write(tmp_path, "[" * 100_000 + "]" * 100_000, "a.json")
    assert "te diep genest" in refused("score", str(path))
    doc = '{"format": "werkwijzer-answers/1", "layer": "leraar", "school": %s}'
    path = write(tmp_path, doc % ("[" * 900 + "]" * 900), "b.json")
    assert "genest" in refused("score", str(path))


def test_11_yaml_nested_deeper_than_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + "school: " + "[" * 500 + "]" * 500 + "\n")
    assert "genest" in refused("score", str(path))


@pytest.mark.parametrize("value", ["false", "0", "[]", "''", "[1]"])
def test_27_answers_that_are_not_a_mapping(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, HEAD + f"answers: {value}\n")
    assert "'answers' moet per uitspraak-id" in refused("score", str(path))


def test_27_no_answers_yet_is_fine(tmp_path: Path) -> None:
    for body in ("answers: {}\n", "answers:\n", ""):
        assert run("score", str(write(tmp_path, HEAD + body))).exit_code == 0


@pytest.mark.parametrize("value", ["!!set {a, b}", "123", "12.50", "true", "!!binary aGk="])
def test_27_a_school_must_be_text(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, HEAD + f"school: {value}\n")
    assert "'school' moet tekst zijn" in refused("score", str(path))
    assert run("score", str(write(tmp_path, HEAD + 'school: "123"\n'))).exit_code == 0


def test_27_a_date_as_school_stays_the_text_as_written(tmp_path: Path) -> None:
    """Dates are read as text (the date field checks its own), so nothing is converted."""
    result = run("score", "--json", str(write(tmp_path, HEAD + "school: 2026-11-03\n")))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["school"] == "2026-11-03"


@pytest.mark.parametrize(
    "value", ["'20261123'", "'2026-W47-1'", "'2026-11-23T10:00'", "2026-11-23 10:00:00"]
)
def test_27_dates_are_written_one_way_on_every_python(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, HEAD + f"date: {value}\n")
    assert "geen datum als 2026-11-23" in refused("score", str(path))
    for good in ("2026-11-23", "'2026-11-23'"):
        assert run("score", str(write(tmp_path, HEAD + f"date: {good}\n"))).exit_code == 0


def test_messages_show_a_value_short_and_by_its_kind(tmp_path: Path) -> None:
    path = write(tmp_path, HEAD + f"answers:\n  {ITEM}: [1, 2, 3]\n")
    assert "is een lijst; verwacht" in refused("score", str(path))
    path = write(tmp_path, "format: " + "x" * 150 + "\nlayer: leraar\n")
    message = refused("score", str(path))
    assert "'" + "x" * 40 + "…'" in message and "x" * 41 not in message


# --- 28: the threshold --------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["true", "'0.75'", "'1'", "'2/0'", "'twee derde'"])
def test_28_the_threshold_is_a_number(tmp_path: Path, value: str) -> None:
    folder = mini_model(tmp_path / "m")
    phases = folder / "phases.yaml"
    text = phases.read_text()
    assert 'threshold: "2/3"' in text
    phases.write_text(text.replace('threshold: "2/3"', f"threshold: {value}"))
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 2, result.stdout
    assert "threshold" in result.stderr


def test_28_a_scale_value_is_a_whole_number(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    phases = folder / "phases.yaml"
    text = phases.read_text()
    assert "value: 1" in text
    phases.write_text(text.replace("value: 1", "value: true", 1))
    assert run("validate", "--model", str(folder)).exit_code == 2


# --- 17: rich markup ----------------------------------------------------------------------------


def test_17_square_brackets_in_model_names_are_shown_as_written(tmp_path: Path) -> None:
    folder = copy_model(tmp_path / "m")
    aspects = folder / "aspects.yaml"
    text = aspects.read_text()
    assert "name: Koers" in text
    aspects.write_text(text.replace("name: Koers", 'name: "Koers [pilot] [/b] :smile:"', 1))
    assert run("validate", "--model", str(folder)).exit_code == 0
    example = REPO / "examples" / "leraar-obs-de-regenboog.yaml"
    for args in (["score", str(example)], ["aspects"], ["aspects", "koers"]):
        result = run(*args, "--model", str(folder))
        assert result.exit_code == 0, (args, result.stderr)
        assert "[pilot]" in result.stdout and "[/b]" in result.stdout and ":smile:" in result.stdout


# --- 19: size limits ----------------------------------------------------------------------------


def test_19_an_endless_file_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    assert "groter dan 2 MB" in refused("score", "/dev/zero")
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(
            [sys.executable, "-m", "werkwijzer", "score", "-"],
            stdin=zero,
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            check=False,
        )
    assert done.returncode == 2 and "groter dan 2 MB" in done.stderr


def test_19_a_large_file_on_stdin(tmp_path: Path) -> None:
    text = HEAD + "#" * MAX_ANSWERS_BYTES
    assert "standaardinvoer: groter dan 2 MB" in refused("score", "-", input=text)


# --- 13, 14, 20: paths ---------------------------------------------------------------------------


def test_13_a_symlink_loop(tmp_path: Path) -> None:
    loop = tmp_path / "kring.yaml"
    loop.symlink_to(loop)
    assert "kring" in refused("export", str(loop))
    assert "kring" in refused("score", str(loop))
    assert "kring" in refused("history", "--db", str(loop))
    result = run("import", str(loop))
    assert result.exit_code == 3 and "kring" in result.stderr


def test_14_a_folder_that_may_not_be_read(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "geheim"
    folder.mkdir()
    write_answers_file(folder / "jan.yaml", model, answers_for(model, "leraar"))
    folder.chmod(0)
    try:
        if os.geteuid() == 0:  # root reads any folder: make this one refuse as it would for others
            real = Path.iterdir

            def iterdir(self: Path):  # type: ignore[no-untyped-def]
                if self == folder:
                    raise PermissionError(13, "Permission denied", str(self))
                return real(self)

            monkeypatch.setattr(Path, "iterdir", iterdir)
        assert "kan niet gelezen worden (geen toestemming)" in refused("export", str(folder))
        result = run("import", str(folder))
        assert result.exit_code == 3 and "geen toestemming" in result.stderr
    finally:
        folder.chmod(0o755)


def test_20_a_current_folder_that_was_removed(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    gone = tmp_path / "weg"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert "bestaat niet meer" in refused("export", str(file), "-o", "rapport.md")
    assert "bestaat niet meer" in refused("scan", "--layer", "leraar")
    assert run("score", str(file)).exit_code == 0  # an absolute path needs no current folder


# --- 26: markdown -------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Studiedag #", "Groep 8 ##", "#", "C# en F#"])
def test_26_a_title_ending_in_hashes_keeps_them(tmp_path: Path, model: Model, title: str) -> None:
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    result = run("export", str(file), "--title", title)
    assert result.exit_code == 0
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    first = next(i for i, t in enumerate(tokens) if t.type == "heading_open")
    inline = tokens[first + 1]
    assert "".join(c.content for c in inline.children or []) == title


# --- 2: the team CSV ----------------------------------------------------------------------------


def test_02_the_team_csv_lists_no_one_of_a_hidden_layer(tmp_path: Path, model: Model) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    write_answers_file(folder / "sl.yaml", model, answers_for(model, "schoolleider", 1))
    for n in range(3):
        write_answers_file(
            folder / f"l{n}.yaml", model, answers_for(model, "leraar", 4, respondent=f"L{n}")
        )
    result = run("export", str(folder), "-f", "csv", "--min-group", "3")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {r["group"] for r in rows} == {"leraar"}
    assert {r["respondent"] for r in rows} == {"1", "2", "3"}
    assert len(rows) == 3 * len(model.aspects) * 3

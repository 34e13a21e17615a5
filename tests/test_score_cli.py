"""`werkwijzer score` for people and scripts, the schemas, and the conventions every command shares."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import EXAMPLES, answers_for, run, write_answers_file

from werkwijzer.core.model import Model

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
# The phases the personas' honest answers give (koers, data, lerende professionals, leidinggeven);
# each file opens with the persona it answers as. The answers came first, these phases after.
EXPECTED_PHASES = {
    "bestuurder-stichting-de-eik.yaml": ["gevorderd", "tussen", "tussen", "begin"],
    "bestuurder-stichting-de-linde.yaml": ["gevorderd", "tussen", "tussen", "begin"],
    "bestuurder-stichting-veldwerk.yaml": ["tussen", "tussen", "begin", "begin"],
    "leraar-dorpsschool-de-akker.yaml": ["gevorderd", "tussen", "tussen", "tussen"],
    "leraar-ikc-het-palet-starter.yaml": ["begin", "begin", "tussen", "begin"],
    "leraar-obs-de-regenboog.yaml": ["begin", "tussen", "gevorderd", "tussen"],
    "schoolleider-cbs-de-wegwijzer.yaml": ["begin", "begin", "begin", "begin"],
    "schoolleider-ikc-het-palet.yaml": ["begin", "tussen", "begin", "begin"],
    "schoolleider-kbs-de-hoeksteen.yaml": ["begin", "begin", "begin", "begin"],
    "schoolleider-obs-de-regenboog.yaml": ["begin", "begin", "gevorderd", "gevorderd"],
    "schoolleider-obs-het-kompas.yaml": ["gevorderd", "gevorderd", "gevorderd", "gevorderd"],
    "schoolleider-sbo-de-brug.yaml": ["gevorderd", "gevorderd", "gevorderd", "begin"],
}


def schema(name: str) -> dict[str, Any]:
    result = run("schema", name)
    assert result.exit_code == 0
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_score_as_expected(path: Path) -> None:
    result = run("score", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, schema("result"))
    assert [a["phase"] for a in data["aspects"]] == EXPECTED_PHASES[path.name]
    assert data["format"] == "werkwijzer-result/1"
    assert data["model_version"]


def test_one_example_per_layer() -> None:
    layers = {json.loads(run("score", "--json", str(p)).stdout)["layer"] for p in EXAMPLE_FILES}
    assert layers == {"bestuurder", "schoolleider", "leraar"}


def test_result_json_shape(tmp_path: Path, model: Model) -> None:
    path = write_answers_file(tmp_path / "a.yaml", model, answers_for(model, "leraar", 1))
    data = json.loads(run("score", "--json", str(path)).stdout)
    assert [a["id"] for a in data["aspects"]] == [a.id for a in model.aspects]
    assert data["school"] is None and data["respondent"] is None and data["date"] is None
    first = data["aspects"][0]
    assert set(first) >= {"id", "name", "phase", "mastered_all", "scores", "answered", "total"}
    assert set(first["actions"][0]) == {"id", "title", "description", "effort", "instruments"}
    assert data["start"] == {"aspect": "koers", "phase": "begin"}


def test_answers_schema_accepts_the_examples() -> None:
    import yaml

    answers_schema = schema("answers")
    for path in EXAMPLE_FILES:
        data = yaml.safe_load(path.read_text())
        data["date"] = data["date"].isoformat()
        jsonschema.validate(data, answers_schema)


def test_human_rendering_is_dutch_and_complete() -> None:
    result = run("score", str(EXAMPLES / "schoolleider-obs-de-regenboog.yaml"))
    assert result.exit_code == 0
    out = result.stdout
    assert "Quickscan · Schoolleider" in out
    assert "Begin bij Werken met data, in de beginfase." in out
    assert "Wat kun je doen?" in out
    assert "\x1b[" not in out  # not a terminal: no colour codes
    assert max(len(line) for line in out.splitlines()) <= 80


def test_too_few_answers_is_said(tmp_path: Path, model: Model) -> None:
    path = tmp_path / "leeg.yaml"
    path.write_text("format: werkwijzer-answers/1\nlayer: leraar\nanswers: {}\n")
    result = run("score", str(path))
    assert result.exit_code == 0
    assert "te weinig antwoorden" in result.stdout
    assert (
        "te weinig antwoorden om een startpunt te kiezen"
        in result.stdout.replace("\n", " ").lower()
    )


def test_other_model_version_is_mentioned(tmp_path: Path, model: Model) -> None:
    answers = answers_for(model, "leraar", 3, model_version="1999.1")
    path = write_answers_file(tmp_path / "oud.yaml", model, answers)
    result = run("score", "--json", str(path))
    assert result.exit_code == 0
    assert "model 1999.1" in result.stderr
    json.loads(result.stdout)


def test_internal_error_is_short_without_debug(monkeypatch: pytest.MonkeyPatch) -> None:
    import werkwijzer.core.scoring

    def broken(*_args: object) -> None:
        raise RuntimeError("kapot")

    monkeypatch.setattr(werkwijzer.core.scoring, "score", broken)
    path = str(EXAMPLE_FILES[0])
    result = run("score", path)
    assert result.exit_code == 1
    assert "Er ging iets mis in werkwijzer zelf" in result.stderr
    assert "Traceback" not in result.stderr
    with_debug = run("--debug", "score", path)
    assert with_debug.exit_code == 1
    assert "Traceback" in with_debug.stderr


def test_version_names_the_model_and_its_origin() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert "model 2026.12" in result.stdout
    assert "niet de officiële quickscan" in result.stdout


def test_usage_error_is_exit_2() -> None:
    assert run("score", "--bestaat-niet").exit_code == 2
    assert run("schema", "iets").exit_code == 2


def _subprocess(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )


def test_score_json_never_imports_interactive_modules() -> None:
    code = (
        "import sys\n"
        "from werkwijzer.cli.app import app\n"
        f"sys.argv = ['werkwijzer', 'score', '--json', {str(EXAMPLE_FILES[0])!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('questionary', 'prompt_toolkit', 'sqlite3', 'markdown_it'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = _subprocess("-c", code)
    assert "HEAVY []" in result.stderr, result.stderr
    assert json.loads(result.stdout)["format"] == "werkwijzer-result/1"


def test_python_dash_m_works() -> None:
    result = _subprocess("-m", "werkwijzer", "score", "--json", str(EXAMPLE_FILES[0]))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["layer"]


def _colour_codes(text: str) -> set[int]:
    """SGR parameters that set a foreground or background colour (bold and italic are no colour)."""
    codes = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", text):
        for p in params.split(";"):
            if p.isdigit() and (30 <= int(p) <= 48 or 90 <= int(p) <= 107):
                codes.add(int(p))
    return codes


def test_no_color_and_forced_terminal() -> None:
    # On a (forced) terminal rich colours the output; NO_COLOR takes the colour away again.
    path = str(EXAMPLE_FILES[0])
    coloured = _subprocess("-m", "werkwijzer", "score", path, FORCE_COLOR="1", TERM="xterm")
    plain = _subprocess("-m", "werkwijzer", "score", path, FORCE_COLOR="1", NO_COLOR="1")
    assert _colour_codes(coloured.stdout)
    assert not _colour_codes(plain.stdout)
    assert "Wat kun je doen?" in plain.stdout

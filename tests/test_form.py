"""`werkwijzer form` without a browser: the file, its data, its policy, and --forms-text."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import run

from werkwijzer.core.model import Model
from werkwijzer.core.sheets import read_sheet
from werkwijzer.render.form_html import form_data


class Page(HTMLParser):
    """The scripts, styles, the policy and the visible text of a page, as a browser parses them."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[str | None, str]] = []
        self.styles: list[str] = []
        self.policy = ""
        self.text: list[str] = []
        self._in: tuple[str, str | None] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "style"):
            self._in = (tag, found.get("type"))
        if tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.policy = found.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in and self._in[0] == "script":
            self.scripts.append((self._in[1], data))
        elif self._in and self._in[0] == "style":
            self.styles.append(data)
        else:
            self.text.append(data)


def make(tmp_path: Path, *args: str) -> tuple[Path, str]:
    path = tmp_path / "f.html"
    result = run("form", "-o", str(path), *args)
    assert result.exit_code == 0, result.stderr
    return path, path.read_text(encoding="utf-8")


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_the_policy_allows_only_the_page_own_script_and_style(tmp_path: Path) -> None:
    _, html = make(tmp_path)
    page = Page(html)
    rules = dict(rule.strip().split(" ", 1) for rule in page.policy.split(";"))
    [(kind, _), (plain, script)] = page.scripts
    assert kind == "application/json" and plain is None
    assert rules == {
        "default-src": "'none'",
        "script-src": sha(script),
        "style-src": sha(page.styles[0]),
        "form-action": "'none'",
        "base-uri": "'none'",
    }
    assert "http://" not in html.replace("http-equiv", "") and "https://" not in html


def test_the_data_block_holds_the_model_and_escapes_everything(
    tmp_path: Path, model: Model
) -> None:
    school = "</script><script>alert('x')</script> & <!-- De Linde"
    _, html = make(tmp_path, "--school", school, "--layer", "leraar")
    page = Page(html)
    data = json.loads(page.scripts[0][1])
    assert data == form_data(model, ["leraar"], school=school)
    assert [i["id"] for i in data["items"]["leraar"]] == [
        p.item.id for p in model.items_for("leraar")
    ]
    assert list(data["items"]) == ["leraar"]
    assert "<script>alert" not in html
    assert school in "".join(page.text)  # shown as text, in the header and on paper


def test_one_layer_is_fixed_and_the_school_is_not_asked(tmp_path: Path) -> None:
    _, html = make(tmp_path, "--layer", "leraar", "--school", "OBS De Regenboog")
    text = " ".join("".join(Page(html).text).split())
    assert "Je vult de quickscan in als leraar." in text
    assert 'name="layer"' not in html and 'id="school"' not in html
    _, everyone = make(tmp_path)
    assert everyone.count('name="layer"') == 3 and 'id="school"' in everyone


def test_the_welcome_is_the_scan_welcome(tmp_path: Path) -> None:
    _, html = make(tmp_path)
    text = " ".join("".join(Page(html).text).split())
    assert (
        "Deze quickscan laat zien hoe ver jullie zijn met samen leren, op vier aspecten: Koers, "
        "Werken met data, Lerende professionals en Leidinggeven aan leren. Je krijgt 36 "
        "uitspraken; kies bij elke uitspraak wat het best past bij hoe het nu gaat. Er is geen "
        "goed of fout. Reken op ongeveer 10 minuten."
    ) in text


def test_default_names_follow_the_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("form").exit_code == 0
    assert run("form").exit_code == 0
    assert run("form", "--layer", "leraar").exit_code == 0
    assert sorted(p.name for p in tmp_path.glob("*.html")) == [
        "werkwijzer-quickscan-2.html",
        "werkwijzer-quickscan-leraar.html",
        "werkwijzer-quickscan.html",
    ]
    mode = (tmp_path / "werkwijzer-quickscan.html").stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask


def test_the_command_it_prints_works_as_printed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex
    import shutil

    from conftest import EXAMPLES

    monkeypatch.chdir(tmp_path)
    result = run("form", "--layer", "leerkracht")  # a synonym, as --layer takes everywhere
    assert result.exit_code == 0, result.stderr
    [line] = [x.strip() for x in result.stderr.splitlines() if x.startswith("  werkwijzer ")]
    assert line == "werkwijzer export antwoorden"
    (tmp_path / "antwoorden").mkdir()
    shutil.copy(EXAMPLES / "leraar-obs-de-regenboog.yaml", tmp_path / "antwoorden")
    report = run(*shlex.split(line)[1:])
    assert report.exit_code == 0, report.stderr
    assert report.stdout.startswith("#")  # not a terminal here: markdown on stdout


def test_an_unknown_layer(tmp_path: Path) -> None:
    result = run("form", "--layer", "conciërge", "-o", str(tmp_path / "f.html"))
    assert result.exit_code == 2
    assert "conciërge" in result.stderr
    assert not (tmp_path / "f.html").exists()


# --- text for Forms ------------------------------------------------------------------------------


def test_forms_text_lists_the_statements_in_order(model: Model) -> None:
    result = run("form", "--forms-text")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    statements = [line for line in lines if line.endswith("]") and "[" in line]
    expected = [
        f"{p.item.text} [{p.item.id}]" for la in model.layers for p in model.items_for(la.id)
    ]
    assert statements == expected
    assert "Wat is je rol?" in result.stdout
    for point in model.scale.points:
        assert f"    {point.label}" in lines
    assert f"    {model.scale.unknown_label}" in lines


def test_a_sheet_made_from_the_forms_text_is_read_whole(tmp_path: Path, model: Model) -> None:
    """Google Forms puts 'question [row]' in the header, Microsoft Forms the row: both are found."""
    lines = run("form", "--forms-text", "--layer", "leraar").stdout.splitlines()
    rows = [line for line in lines if line.endswith("]") and "[" in line]
    google = ",".join(f'"Koers [{row}]"' for row in rows) + "\n" + ",".join("3" for _ in rows)
    microsoft = ";".join(f'"{row}"' for row in rows) + "\n" + ";".join("volledig" for _ in rows)
    for name, text, value in (("g.csv", google, 3), ("m.csv", microsoft, 4)):
        path = tmp_path / name
        path.write_text(text + "\n", encoding="utf-8")
        [row] = read_sheet(path, model).rows
        assert row.answers.layer == "leraar"
        assert row.answers.answers == {p.item.id: value for p in model.items_for("leraar")}


def test_forms_text_into_a_file(tmp_path: Path) -> None:
    path = tmp_path / "vragen.txt"
    result = run("form", "--forms-text", "-o", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert path.read_text(encoding="utf-8").startswith("Quickscan samen leren")


def test_the_cli_loads_no_template_engine_or_sheet_reader() -> None:
    """jinja2 and python-calamine are imported by the commands that use them, never at start."""
    code = "import sys, werkwijzer.cli.app; print(sorted(m for m in sys.modules if m.startswith(('jinja2', 'python_calamine', 'openpyxl'))))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"

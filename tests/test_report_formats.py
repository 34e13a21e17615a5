"""HTML and xlsx reports, parsed back; -o suffixes; what export does on a terminal and in a pipe.

The HTML is read with Python's HTML parser here (structure, escaping, the security policy); the
browser tests (test_report_browser.py) check what a person sees in Chromium.
"""

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
from conftest import answers_for, run, write_answers_file
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from regenboog import regenboog

from werkwijzer.core.model import PHASE_IDS, Model

HOSTILE = "<script>alert(1)</script>"


class Page(HTMLParser):
    """The parts of a page these tests look at: elements with attributes, texts, the style."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.texts: list[str] = []
        self.style = ""
        self._in: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._in:
            del self._in[len(self._in) - 1 - self._in[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "style":
            self.style += data
        elif data.strip():
            self.texts.append(data.strip())

    def tags(self, name: str) -> list[dict[str, str]]:
        return [attrs for tag, attrs in self.elements if tag == name]


@pytest.fixture(scope="module")
def coach_team(tmp_path_factory: pytest.TempPathFactory, model: Model) -> Path:
    folder = tmp_path_factory.mktemp("regenboog") / "antwoorden"
    regenboog(folder, model)
    return folder


def export_file(tmp_path: Path, *args: str, name: str = "rapport.html") -> Path:
    target = tmp_path / name
    result = run("export", *args, "-o", str(target))
    assert result.exit_code == 0, result.stderr
    return target


# --- HTML ----------------------------------------------------------------------------------------


def test_team_html_is_self_contained(tmp_path: Path, coach_team: Path) -> None:
    page = Page(export_file(tmp_path, str(coach_team)).read_text("utf-8"))
    [policy] = [m["content"] for m in page.tags("meta") if m.get("http-equiv")]
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'"
    for kind in ("img-src", "font-src", "connect-src", "script-src", "base-uri", "form-action"):
        assert rules[kind] == "'none'"
    # The one style sheet is allowed by its hash, nothing else: no inline style attributes.
    digest = base64.b64encode(hashlib.sha256(page.style.encode()).digest()).decode()
    assert rules["style-src"] == f"'sha256-{digest}'"
    assert not any("style" in attrs for _tag, attrs in page.elements)
    assert page.tags("script") == [] and page.tags("link") == [] and page.tags("img") == []
    # No address of any kind: only in-page pattern references (url(#...)).
    for _tag, attrs in page.elements:
        for key, value in attrs.items():
            assert key not in ("src", "href"), (key, value)
            assert "//" not in value or key == "xmlns", (key, value)


def test_team_html_follows_the_meeting_order_and_has_charts(
    tmp_path: Path, coach_team: Path, model: Model
) -> None:
    data = json.loads(run("export", str(coach_team), "-f", "json").stdout)
    page = Page(export_file(tmp_path, str(coach_team)).read_text("utf-8"))
    sections = [attrs["id"] for attrs in page.tags("section")]
    assert sections == ["wie", "stand", "verschillen", "uitspraken", "vragen", "start", "bijlage"]
    charts = [attrs["data-chart"] for attrs in page.tags("svg")]
    assert charts[0] == "fasen"
    assert charts[1:5] == [f"scores-{n}" for n in range(4)]
    assert charts[5] == "antwoorden-legenda"
    assert charts[6:] == [f"uitspraak-{n}" for n in range(len(data["differences"]["statements"]))]
    for svg in page.tags("svg"):
        assert svg["role"] == "img" and svg["aria-labelledby"]
    # The phase chart carries every count of the JSON as a label, and says 'verdeeld'.
    descriptions = " ".join(page.texts)
    for aspect in data["aspects"]:
        counts = aspect["everyone"]["counts"]
        spoken = ", ".join(f"{counts[p]} in de {model.phase(p).name.lower()}" for p in PHASE_IDS)
        assert spoken in descriptions
    assert "verdeeld" in page.texts
    assert f"bereikt vanaf {round(model.threshold * 100)}%" in page.texts


def test_full_html_has_every_action(tmp_path: Path, coach_team: Path, model: Model) -> None:
    short = Page(export_file(tmp_path, str(coach_team)).read_text("utf-8"))
    full = Page(
        export_file(tmp_path, str(coach_team), "--full", name="vol.html").read_text("utf-8")
    )
    assert "Alle acties" in full.texts and "Alle acties" not in short.texts
    data = json.loads(run("export", str(coach_team), "-f", "json").stdout)
    for aspect in data["aspects"]:
        for action in model.aspect(aspect["id"]).cell("leraar", aspect["phase"]).actions:
            assert action.title in full.texts
    # The report is for the teachers' meeting: no board actions, the board is not in it.
    board = model.aspect(data["start"]["aspect"]).cell("bestuurder", data["start"]["phase"])
    assert not any(a.title in full.texts for a in board.actions)


def test_user_text_stays_text_in_html(tmp_path: Path, model: Model) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    for n in range(5):
        answers = answers_for(model, "leraar", 1 + n % 4, school=HOSTILE, respondent=f"p{n}")
        write_answers_file(folder / f"p{n}.yaml", model, answers)
    for args in ((str(folder),), (str(folder / "p0.yaml"),)):
        html = export_file(tmp_path, *args, "--title", HOSTILE).read_text("utf-8")
        page = Page(html)
        assert page.tags("script") == []
        assert HOSTILE in page.texts  # the title, as text
        assert any(HOSTILE in t for t in page.texts)  # the school in the header line
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_individual_html(tmp_path: Path, model: Model) -> None:
    answers = answers_for(
        model, "leraar", lambda _a, p, _i: {"begin": 4, "tussen": 2, "gevorderd": 1}[p]
    )
    path = write_answers_file(tmp_path / "kim.yaml", model, answers)
    page = Page(export_file(tmp_path, str(path), "--format", "html").read_text("utf-8"))
    assert [a["data-chart"] for a in page.tags("svg")] == ["scores"]
    assert "Waar begin je?" in page.texts and "bestand kim.yaml" in " ".join(page.texts)
    assert model.aspects[0].cell("leraar", "tussen").actions[0].title in page.texts


# --- xlsx ----------------------------------------------------------------------------------------


def test_team_workbook(tmp_path: Path, coach_team: Path, model: Model) -> None:
    data = json.loads(run("export", str(coach_team), "-f", "json").stdout)
    book = load_workbook(export_file(tmp_path, str(coach_team), name="team.xlsx"))
    assert book.sheetnames == ["Overzicht", "Uitspraken", "Respondenten", "Toelichting"]
    overview = book["Overzicht"]
    header = [c.value for c in overview[1]]
    assert header[:8] == [
        "Aspect",
        "Groep",
        "Respondenten",
        "Beginfase",
        "Tussenfase",
        "Gevorderde fase",
        "Geen fase",
        "Fase",
    ]
    assert overview.freeze_panes == "A2"
    rows = list(overview.iter_rows(min_row=2))
    assert len(rows) == len(data["aspects"])  # the teachers only: everyone is the same group
    for row, aspect in zip(rows, data["aspects"], strict=True):
        group = aspect["groups"][0]
        assert row[0].value == aspect["name"] and row[2].value == 14
        for cell, phase in zip(row[8:11], PHASE_IDS, strict=True):
            assert cell.value == group["scores"][phase]
            assert cell.number_format == "0%"
        assert row[7].value == ("verdeeld" if group["split"] else model.phase(group["phase"]).name)
    statements = book["Uitspraken"]
    assert statements.max_row == 1 + len(data["statements"])
    assert [c.value for c in statements[1]][4:8] == [p.label for p in model.scale.points]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        widths = [
            sheet.column_dimensions[get_column_letter(n)].width
            for n in range(1, sheet.max_column + 1)
        ]
        assert all(8 <= w <= 72 for w in widths), (sheet.title, widths)
    people = book["Respondenten"]
    assert people.max_row == 1 + 14 * len(model.aspects)
    assert {r[1] for r in people.iter_rows(min_row=2, values_only=True)} == {"Leraar"}


def test_individual_workbook(tmp_path: Path, model: Model) -> None:
    path = write_answers_file(tmp_path / "a.yaml", model, answers_for(model, "schoolleider", 3))
    book = load_workbook(export_file(tmp_path, str(path), name="a.xlsx"))
    sheet = book["Uitslag"]
    assert [c.value for c in sheet[1]][:2] == ["Aspect", "Fase"]
    assert sheet.max_row == 1 + len(model.aspects)
    assert sheet["C2"].number_format == "0%" and sheet["C2"].value == pytest.approx(2 / 3, 1e-3)


# --- files, suffixes and terminals ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [("r.md", b"# "), ("r.html", b"<!DOCTYPE html>"), ("r.json", b"{"), ("r.xlsx", b"PK")],
)
def test_the_suffix_picks_the_format(
    tmp_path: Path, coach_team: Path, name: str, expected: bytes
) -> None:
    assert export_file(tmp_path, str(coach_team), name=name).read_bytes().startswith(expected)


@pytest.mark.parametrize(
    ("name", "options", "message"),
    [
        ("rapport.pdf", (), "eindigt op"),
        ("rapport.txt", (), "eindigt op"),
        ("rapport", (), "eindigt op"),
        ("rapport.md", ("--format", "html"), "is een markdown-bestand, maar gevraagd is html"),
        ("rapport.xlsx", ("--format", "csv"), "gevraagd is csv"),
        ("rapport.html", ("--excel",), "gevraagd is csv"),
    ],
)
def test_a_suffix_that_does_not_fit_is_refused(
    tmp_path: Path, coach_team: Path, name: str, options: tuple[str, ...], message: str
) -> None:
    result = run("export", str(coach_team), "-o", str(tmp_path / name), *options)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / name).exists()


def test_piped_export_writes_markdown_to_stdout(coach_team: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "werkwijzer", "export", str(coach_team)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Teamrapport") and list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")
def test_on_a_terminal_export_writes_an_html_file_and_says_where(
    coach_team: Path, tmp_path: Path
) -> None:
    pexpect = pytest.importorskip("pexpect")
    executable = str(Path(sys.executable).with_name("werkwijzer"))
    for expected in ("teamrapport.html", "teamrapport-2.html"):
        child = pexpect.spawn(
            executable,
            ["export", str(coach_team)],
            cwd=str(tmp_path),
            env={**os.environ, "NO_COLOR": "1"},
            encoding="utf-8",
            timeout=60,
        )
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, child.before
        assert f"geschreven naar {expected} (in {tmp_path})" in child.before.replace("\r\n", " ")
        assert (tmp_path / expected).read_text("utf-8").startswith("<!DOCTYPE html>")
    # Asked for markdown on a terminal: it shows on the terminal, as asked.
    child = pexpect.spawn(
        executable,
        ["export", str(coach_team), "--format", "markdown"],
        cwd=str(tmp_path),
        encoding="utf-8",
        timeout=60,
    )
    child.expect(pexpect.EOF)
    child.close()
    assert "# Teamrapport" in child.before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["teamrapport-2.html", "teamrapport.html"]


def test_html_and_xlsx_libraries_load_only_when_needed(coach_team: Path) -> None:
    code = (
        "import sys\n"
        "from werkwijzer.cli.app import app\n"
        f"sys.argv = ['werkwijzer', 'export', {str(coach_team)!r}]\n"
        "try:\n    app()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'openpyxl'))\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ)
    )
    assert "HEAVY []" in result.stderr, result.stderr

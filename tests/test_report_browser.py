"""The HTML reports in a real browser (headless Chromium): what a person sees, prints and loads.

Charts are drawn and carry their numbers; nothing is fetched from the network (also when the page
is tampered with: its Content-Security-Policy refuses); a school named like a script stays text;
the coach's team of 17 prints on at most 4 A4 pages; a screenshot at 1280x720 (projector size)
is kept for a person to look at (WERKWIJZER_SCREENSHOTS=DIR keeps them in DIR).

Without chromium or Playwright these tests are skipped, unless WERKWIJZER_REQUIRE_BROWSER=1 (as
.ci/run sets it): then a missing browser fails them, so CI can never pass with them skipped.
The browser fixture is the one of test_form_browser.py on the form branch, module-scoped: while
Playwright's sync API runs, its event loop occupies the thread, and later tests that run asyncio
themselves (the scan's prompts) would fail.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from conftest import answers_for, offline_page, run, write_answers_file
from pypdf import PdfReader
from regenboog import regenboog

from werkwijzer.core.model import Model
from werkwijzer.core.model_load import load_model

if TYPE_CHECKING:
    pass

HOSTILE = "<script>alert(1)</script>"
PROJECTOR = {"width": 1280, "height": 720}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory, model: Model) -> dict[str, Path]:
    """The coach's team as HTML (default and with the leadership), and one person's report."""
    folder = tmp_path_factory.mktemp("browser")
    regenboog(folder / "antwoorden", model)
    made = {
        "team": ("export", str(folder / "antwoorden")),
        "leadership": ("export", str(folder / "antwoorden"), "--show-leadership"),
        "one": ("export", str(folder / "antwoorden" / "anouk-jansen.yaml")),
    }
    paths = {}
    for name, args in made.items():
        paths[name] = folder / f"{name}.html"
        result = run(*args, "-o", str(paths[name]))
        assert result.exit_code == 0, result.stderr
    return paths


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A page at projector size that records every request and aborts any that leaves the file."""
    opened = offline_page(browser, PROJECTOR)
    yield opened
    opened.context.close()


def test_charts_are_drawn_with_their_numbers(page: Any, reports: dict[str, Path]) -> None:
    page.goto(reports["team"].as_uri())
    chart = page.locator("svg[data-chart=fasen]")
    box = chart.bounding_box()
    assert box["width"] > 600 and box["height"] > 150  # drawn, at a readable size
    labels = chart.locator("text.on-bar").all_text_contents()
    # Werken met data, the teachers: 6 / 2 / 6.
    assert labels.count("6") >= 2 and "2" in labels and "10" in labels
    assert "verdeeld" in chart.locator("text.after").all_text_contents()
    assert chart.locator("title").first.text_content().startswith("Hoeveel mensen")
    described = chart.locator("desc").first.text_content()
    assert "6 in de beginfase, 2 in de tussenfase, 6 in de gevorderde fase" in described
    legend = chart.locator(".legend text").all_text_contents()
    assert legend == ["Beginfase", "Tussenfase", "Gevorderde fase", "geen fase"]
    scores = page.locator("svg[data-chart=scores-0]")
    assert (
        f"bereikt vanaf {round(load_model().threshold * 100)}%"
        in scores.locator(".mark text").all_text_contents()
    )
    assert page.locator("svg[data-chart^=uitspraak-]").count() == 5
    # Every segment is really painted by the style sheet (the policy let it in).
    fill = page.evaluate(
        "getComputedStyle(document.querySelector('svg[data-chart=fasen] rect.k-gevorderd')).fill"
    )
    assert fill == "rgb(0, 158, 115)"


def test_nothing_is_requested_from_the_network(page: Any, reports: dict[str, Path]) -> None:
    for name in ("team", "leadership", "one"):
        page.requests.clear()
        page.goto(reports[name].as_uri())
        assert page.requests == [reports[name].as_uri()]
    # Tampered with: things that would load from elsewhere are refused by the page's own policy
    # before any request is made.
    tampered = reports["team"].with_name("tampered.html")
    html = reports["team"].read_text("utf-8")
    tampered.write_text(
        html.replace(
            "</main>",
            '<img src="http://127.0.0.1:9/x.png"><script src="http://127.0.0.1:9/x.js"></script>'
            '<link rel="stylesheet" href="http://127.0.0.1:9/x.css"><script>alert(2)</script>'
            "</main>",
        ),
        "utf-8",
    )
    page.requests.clear()
    page.goto(tampered.as_uri())
    page.wait_for_load_state("load")
    assert page.requests == [tampered.as_uri()]
    assert page.dialogs == []
    assert any("Content Security Policy" in message for message in page.console)


def test_a_hostile_school_stays_text(page: Any, tmp_path: Path, model: Model) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    for n in range(5):
        answers = answers_for(model, "leraar", 1 + n % 4, school=HOSTILE, respondent=f"p{n}")
        write_answers_file(folder / f"p{n}.yaml", model, answers)
    target = tmp_path / "t.html"
    assert run("export", str(folder), "--title", HOSTILE, "-o", str(target)).exit_code == 0
    page.goto(target.as_uri())
    assert page.dialogs == []
    assert page.locator("script").count() == 0
    assert page.locator("h1").inner_text() == HOSTILE
    assert page.locator(".meta").inner_text().startswith(HOSTILE)


@pytest.mark.parametrize("name", ["team", "leadership"])
def test_the_team_of_17_prints_on_four_pages(
    page: Any, reports: dict[str, Path], name: str
) -> None:
    page.goto(reports[name].as_uri())
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert 1 < len(pages) <= 4
    # Each printed page starts where a section starts (the page breaks between sections).
    first_lines = [p.extract_text().splitlines()[0] for p in pages]
    assert first_lines[0].startswith("Teamrapport")
    assert first_lines[-1] == "Bijlage"


@pytest.mark.parametrize("name", ["team", "leadership", "one"])
def test_screenshot_at_projector_size(
    page: Any, reports: dict[str, Path], tmp_path: Path, name: str
) -> None:
    page.goto(reports[name].as_uri())
    folder = Path(os.environ.get("WERKWIJZER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{name}-1280x720.png"
    page.screenshot(path=str(shot))
    page.screenshot(path=str(folder / f"{name}-full.png"), full_page=True)
    assert shot.stat().st_size > 10_000
    # Readable when projected: nothing sticks out sideways, text is large, the title shows,
    # and the first chart starts on the first or second screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PROJECTOR["width"]
    size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert size >= 16
    assert page.locator("h1").bounding_box()["y"] < 100
    assert page.locator("svg.chart").first.bounding_box()["y"] < 2 * PROJECTOR["height"]

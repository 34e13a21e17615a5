"""The trend page (history --format html) in a real browser: what a person sees, on a wide and a
narrow screen.

Nothing is requested; the numbers on the bars are the numbers of the JSON; a school named like a
script stays text; on a phone (360 px) nothing sticks out sideways, no text runs out of its chart
and no two texts in a chart overlap; each school prints on one A4 page. Screenshots at 1280 and 360 px are kept for a person to look
at (WERKWIJZER_SCREENSHOTS=DIR keeps them in DIR). Skipped without chromium, as the other browser
tests (conftest.browser).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import offline_page, run
from pypdf import PdfReader
from trend_school import SCHOOL, five_years

from werkwijzer.core.model import Model
from werkwijzer.render.trend_text import HIDDEN

HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"
WIDE = {"width": 1280, "height": 720}
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory, model: Model) -> dict[str, Any]:
    """Five school years of two schools (one with a hostile name) in a database of their own."""
    folder = tmp_path_factory.mktemp("trend")
    db = folder / "trend.db"
    five_years(folder / "a", model)
    five_years(folder / "b", model, school=HOSTILE)
    years = [str(p) for p in sorted((folder / "a").iterdir()) + sorted((folder / "b").iterdir())]
    assert run("import", "--db", str(db), *years).exit_code == 0
    pages = {"one": folder / "one.html", "both": folder / "both.html"}
    for name, args in (("one", ("--school", "regenboog")), ("both", ())):
        result = run("history", "--db", str(db), *args, "-o", str(pages[name]))
        assert result.exit_code == 0, result.stderr
    data = json.loads(run("history", "--db", str(db), "--school", "regenboog", "--json").stdout)
    return {"pages": pages, "trend": data}


@pytest.fixture
def open_page(browser: Any) -> Iterator[Any]:
    """open_page(path, viewport) -> a page that records every request and aborts any that leaves
    the file."""
    contexts = []

    def opener(path: Path, viewport: dict[str, int]) -> Any:
        page = offline_page(browser, viewport)
        contexts.append(page.context)
        page.goto(path.as_uri())
        return page

    yield opener
    for context in contexts:
        context.close()


# Per chart and bar: the numbers on the segments, and the text after the bar (narrow segments'
# numbers, or why a year has no bar).
READ_BARS = """() => [...document.querySelectorAll('svg.chart')].map(svg =>
    [...svg.querySelectorAll('g.bar')].map(g => ({
        kinds: [...g.querySelectorAll('rect[class^=k-]')].map(r => r.getAttribute('class').slice(2)),
        on_bar: [...g.querySelectorAll('text.on-bar')].map(t => t.textContent),
        after: [...g.querySelectorAll('text.after')].map(t => t.textContent).join(' '),
    })))"""
# Texts in a chart that run out of it, or overlap another text of the same chart.
CLASHES = """() => {
    const found = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, t.getBoundingClientRect()]);
        for (const [text, r] of texts) {
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5) found.push('out: ' + text);
        }
        for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
            const [a, p] = texts[i], [b, q] = texts[j];
            if (p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5)
                found.push('overlap: ' + a + ' / ' + b);
        }
    }
    return found;
}"""


def test_the_bars_carry_the_numbers(open_page: Any, made: dict[str, Any], model: Model) -> None:
    page = open_page(made["pages"]["one"], WIDE)
    assert page.requests == [made["pages"]["one"].as_uri()]
    years = made["trend"]["schools"][0]["years"]
    charts = page.evaluate(READ_BARS)
    assert len(charts) == len(model.aspects)
    for n, drawn in enumerate(charts):
        assert len(drawn) == len(years) == 5
        for year, bar in zip(years, drawn, strict=True):
            if not year["shown"]:
                assert bar == {"kinds": [], "on_bar": [], "after": HIDDEN}
                continue
            found = year["aspects"][n]["counts"]
            kinds = [k for k in ("begin", "tussen", "gevorderd", "none") if found[k]]
            assert bar["kinds"] == kinds
            shown = bar["on_bar"] + [t for t in bar["after"].split(" · ") if t]
            assert shown == [str(found[k]) for k in kinds]
    # drawn in the team report's fills, with its hatching on the beginfase
    fill = page.evaluate("getComputedStyle(document.querySelector('svg.chart rect.k-begin')).fill")
    assert fill == "rgb(230, 159, 0)"
    assert page.locator("svg.chart rect[fill^='url(#trend-1-1-hatch)']").count() > 0
    headings = page.locator("svg[data-chart=trend-1-1] text.block-heading").all_text_contents()
    assert headings[0].startswith("2021/2022 (8) · teamfase: ")
    assert headings[2] == "2023/2024 (2)"
    box = page.locator("svg[data-chart=trend-1-1]").bounding_box()
    assert box["width"] > 400  # two charts side by side, each larger than drawn
    assert page.evaluate(CLASHES) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDE["width"]


def test_nothing_is_requested_and_names_stay_text(open_page: Any, made: dict[str, Any]) -> None:
    page = open_page(made["pages"]["both"], WIDE)
    page.wait_for_load_state("load")
    assert page.requests == [made["pages"]["both"].as_uri()]
    assert page.dialogs == [] and page.locator("script").count() == 0
    assert page.locator("h2").all_inner_texts() == [HOSTILE, SCHOOL]
    assert page.locator("h1").inner_text().startswith(f"Trend: {HOSTILE} en {SCHOOL}, ")
    # the list of schools jumps within the page
    page.locator("nav a").nth(1).click()
    assert page.url.endswith("#school-2")
    assert page.requests == [made["pages"]["both"].as_uri()]


def test_it_fits_a_phone(open_page: Any, made: dict[str, Any]) -> None:
    page = open_page(made["pages"]["one"], PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(CLASHES) == []
    # the charts' texts stay readable: at least 11 px on the screen
    smallest = page.evaluate(
        """() => Math.min(...[...document.querySelectorAll('svg.chart text')].map(t =>
            t.getBoundingClientRect().height))"""
    )
    assert smallest >= 11
    # the tables scroll inside their own box, the page does not
    wide = page.evaluate(
        "[...document.querySelectorAll('.table-scroll')].map(d => d.scrollWidth > d.clientWidth)"
    )
    assert len(wide) == 4
    assert page.locator(".narrow-only").first.is_visible() == any(wide)


def test_each_school_prints_on_one_page(open_page: Any, made: dict[str, Any]) -> None:
    for name, schools in (("one", [SCHOOL]), ("both", [HOSTILE, SCHOOL])):
        page = open_page(made["pages"][name], WIDE)
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
        pages = PdfReader(io.BytesIO(pdf)).pages
        assert len(pages) == len(schools)
        texts = [p.extract_text() for p in pages]
        assert texts[0].startswith("Trend: ")
        # the numbers are printed too: the tables are not folded away as on the team report
        assert all("te weinig respondenten om te tonen" in t for t in texts)
        assert all(t.count("Schooljaar Aantal") == 4 for t in texts)
        if len(schools) > 1:
            assert texts[1].startswith(SCHOOL)


@pytest.mark.parametrize(("name", "viewport"), [("1280", WIDE), ("360", PHONE)])
def test_screenshots(
    open_page: Any, made: dict[str, Any], tmp_path: Path, name: str, viewport: dict[str, int]
) -> None:
    page = open_page(made["pages"]["one"], viewport)
    folder = Path(os.environ.get("WERKWIJZER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"trend-{name}.png"
    page.screenshot(path=str(shot))
    page.screenshot(path=str(folder / f"trend-{name}-full.png"), full_page=True)
    assert shot.stat().st_size > 10_000
    assert page.locator("h1").bounding_box()["y"] < 100
    assert page.locator("svg.chart").first.bounding_box()["y"] < 2 * viewport["height"]

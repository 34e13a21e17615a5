"""The board overview and the jaarplan of an HTML team report, in a real browser (chromium).

What is drawn carries the numbers of the JSON; a long school name is cut to fit its label column,
never clipped; the page fits a phone's width (360 px) without scrolling sideways; free text from
a plan stays text; nothing is requested from the network. Screenshots are kept for a person to
look at (WERKWIJZER_SCREENSHOTS=DIR keeps them in DIR).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import offline_page, run
from test_board import BOARDS, make_board
from test_plan import team

from werkwijzer.core.model import Model

LONG = "IKC De Regenboog-Noord, locatie Kerkstraat <b>"
OWNER = "<script>alert(1)</script> en de bouwcoördinatoren"


@pytest.fixture(scope="module")
def board_page(tmp_path_factory: pytest.TempPathFactory, model: Model) -> tuple[Path, Any]:
    folder = tmp_path_factory.mktemp("board")
    board = dict(BOARDS[0][1])
    board[LONG] = board.pop("OBS De Akker")
    folders = make_board(folder / "b", model, board)
    page = folder / "bestuur.html"
    result = run("export", *map(str, folders), "--board", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    document = run("export", *map(str, folders), "--board", "-f", "json")
    return page, json.loads(document.stdout)


@pytest.fixture(scope="module")
def plan_page(tmp_path_factory: pytest.TempPathFactory, model: Model) -> Path:
    folder = tmp_path_factory.mktemp("plan")
    answers = team(
        folder / "2025", model, {"begin": 3, "tussen": 1, "gevorderd": 1}, dt.date(2025, 10, 1)
    )
    plan = folder / "plan.yaml"
    made = run(
        "plan",
        str(answers),
        "-o",
        str(plan),
        "--no-store",
        "--target",
        "koers=tussen@2026-06-30",
        "--priority",
        "koers=Visie bespreken",
        "--owner",
        OWNER,
    )
    assert made.exit_code == 0, made.stderr
    page = folder / "team.html"
    result = run("export", str(answers), "--plan", str(plan), "-o", str(page))
    assert result.exit_code == 0, result.stderr
    return page


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = offline_page(browser, {"width": 1280, "height": 720})
    yield opened
    opened.context.close()


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("WERKWIJZER_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_the_schools_chart_carries_the_figures(
    page: Any, board_page: tuple[Path, Any], tmp_path: Path
) -> None:
    path, document = board_page
    page.goto(path.as_uri())
    assert page.requests == [path.as_uri()]
    chart = page.locator("svg[data-chart=scholen]")
    bars = chart.locator("g.bar")
    shown = [s for s in document["schools_apart"] if s["shown"]]
    assert bars.count() == len(document["aspects"]) * (1 + len(shown))
    for n, aspect in enumerate(document["aspects"]):
        for k, school in enumerate(shown, 1):
            bar = bars.nth(n * (1 + len(shown)) + k)
            counts = school["aspects"][aspect["id"]]["counts"]
            numbers = [c for c in ("begin", "tussen", "gevorderd", "none") if counts[c]]
            drawn = bar.locator("rect[class^=k-]").count()
            assert drawn == len(numbers)
            spoken = bar.locator("rect title").all_text_contents()
            assert [int(t.split()[0]) for t in spoken] == [counts[c] for c in numbers]
    # The long name is cut to fit, whole in its tooltip, and starts inside the picture.
    label = chart.locator("text.row-label", has_text="IKC De Regenboog").first
    assert label.locator("title").text_content() == f"{LONG} (9)"
    assert "…" in label.evaluate("e => e.lastChild.textContent")
    assert label.evaluate("e => e.getBBox().x") >= 0
    assert page.locator("b").count() == 0  # the name's '<b>' stayed text
    folder = shots(tmp_path)
    page.locator("#scholen").screenshot(path=str(folder / "board-schools-1280.png"))


def test_the_board_report_fits_a_phone(
    page: Any, board_page: tuple[Path, Any], tmp_path: Path
) -> None:
    path, _document = board_page
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(path.as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # A chart keeps a readable size (its 13 px text drawn at 10 px or more) and scrolls in its box.
    assert page.locator("#stand svg.chart").bounding_box()["width"] >= 600
    page.locator("#scholen").screenshot(path=str(shots(tmp_path) / "board-schools-360.png"))


def test_the_jaarplan_keeps_free_text_as_text(page: Any, plan_page: Path, tmp_path: Path) -> None:
    page.goto(plan_page.as_uri())
    assert page.requests == [plan_page.as_uri()]
    section = page.locator("#jaarplan")
    assert section.locator("h2").text_content() == "Jaarplan 2025/2026"
    cells = section.locator("td").all_text_contents()
    assert "Visie bespreken" in cells and OWNER in cells
    assert page.dialogs == [] and page.locator("#jaarplan script").count() == 0
    section.screenshot(path=str(shots(tmp_path) / "jaarplan-1280.png"))

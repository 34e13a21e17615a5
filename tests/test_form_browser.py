"""`werkwijzer form` in a real browser: Debian's chromium, driven by Playwright, from file://.

Without chromium or Playwright these tests are skipped, unless WERKWIJZER_REQUIRE_BROWSER=1 (as
.ci/run sets it): then a missing browser fails them, so CI can never pass with them skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from conftest import copy_model, run
from test_scan import key, pattern
from test_scan import scan as typed_scan

from werkwijzer.core.answers import Answers, AnswerValue
from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.model_load import load_model
from werkwijzer.core.scoring import Scorer
from werkwijzer.interactive.scan import ScanPlan

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Dialog, Page

SCHOOL = "OBS De Regenboog"
NOTED = {
    4: "Staat in het jaarplan, maar nog niet besproken.",
    20: "Twijfel: geldt dit ook voor de BSO?",
}


class Recorded:
    """A browser context that records every request any of its pages makes."""

    def __init__(self, browser: Browser, width: int = 1280, height: int = 900) -> None:
        self.requests: list[str] = []
        self.context: BrowserContext = browser.new_context(
            viewport={"width": width, "height": height}, accept_downloads=True
        )
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.errors: list[str] = []
        self.page: Page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())

    def others(self, path: Path) -> list[str]:
        """Requests for anything but the form itself."""
        return [url for url in self.requests if url != path.as_uri()]


def make_form(tmp_path: Path, *args: str, name: str = "quickscan.html") -> Path:
    path = tmp_path / name
    result = run("form", "-o", str(path), *args)
    assert result.exit_code == 0, result.stderr
    return path


def digit(value: AnswerValue, model: Model) -> str:
    return str(len(model.scale.points) + 1 if value is None else value)


def progress(page: Page) -> str:
    return page.inner_text("#progress")


# --- filling in by keyboard only -----------------------------------------------------------------


def test_whole_form_by_keyboard_with_a_reload_halfway(
    browser: Browser, tmp_path: Path, model: Model
) -> None:
    """Role, school, 36 answers and two notes typed; a reload halfway loses nothing; the saved
    file scores exactly like the same answers typed through `werkwijzer scan`."""
    form = make_form(tmp_path, "--send-to", "de map Quickscan in Teams")
    places = model.items_for("leraar")
    values = [pattern(i) for i in range(len(places))]
    browser_side = Recorded(browser)
    page = browser_side.page
    started = time.perf_counter()
    browser_side.open(form)
    page.keyboard.press("Tab")  # the first role; the arrow keys choose within the group
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("input[name=layer][value=leraar]")
    page.keyboard.press("Tab")
    page.keyboard.type(SCHOOL)
    page.keyboard.press("Enter")
    page.wait_for_selector("#question:not([hidden])")
    print(f"\nform: first statement {1000 * (time.perf_counter() - started):.0f} ms after opening")
    for index, value in enumerate(values):
        if index == len(values) // 2:
            page.reload()
            assert "18 van de 36 uitspraken zijn al beantwoord" in page.inner_text("#resume-text")
            page.keyboard.press("Enter")  # 'Verder' has the focus
            assert progress(page).endswith("totaal 19 van 36")
            _check_earlier_answer(page, values[index - 1], model)
        assert progress(page).endswith(f"totaal {index + 1} van 36")
        assert page.inner_text("#statement") == places[index].item.text
        page.keyboard.press(digit(value, model))
        if index in NOTED:
            page.keyboard.press("n")
            page.keyboard.type(NOTED[index])
            page.keyboard.press("Tab")  # to 'Volgende'
        page.keyboard.press("Enter")
    page.wait_for_selector("#done:not([hidden])")
    _check_note_kept(page, model)
    saved = _save(page, tmp_path)
    assert saved.name == f"werkwijzer-leraar-{dt.date.today().isoformat()}.json"
    assert browser_side.others(form) == []
    assert browser_side.errors == []

    # The same answers and notes, typed through the terminal scan.
    keys = "".join(key(v, model) for v in values)
    for index, note in sorted(NOTED.items(), reverse=True):
        at = sum(len(key(v, model)) for v in values[:index])
        keys = keys[:at] + f"n\r{note}\r" + keys[at:]
    plan = ScanPlan(
        layer="leraar", school=SCHOOL, today=dt.date.today(), output=tmp_path / "s.yaml"
    )
    # prompt_toolkit runs its own asyncio loop; Playwright's holds this thread: another thread.
    with ThreadPoolExecutor(1) as pool:
        scanned, _, _ = pool.submit(typed_scan, model, plan, keys).result()
    assert _score_json(saved) == _score_json(scanned)
    form_doc = json.loads(saved.read_text(encoding="utf-8"))
    scan_doc = yaml.safe_load(scanned.read_text(encoding="utf-8"))
    assert (
        form_doc["notes"]
        == scan_doc["notes"]
        == {places[i].item.id: note for i, note in NOTED.items()}
    )
    assert form_doc["answers"] == scan_doc["answers"]
    assert list(form_doc) == [
        "format",
        "layer",
        "school",
        "date",
        "model_version",
        "answers",
        "notes",
    ]
    _check_shown_result(page, model, saved)
    browser_side.context.close()


def _check_earlier_answer(page: Page, value: AnswerValue, model: Model) -> None:
    """'t' goes back; the earlier answer is pre-selected; Enter keeps it and goes on."""
    page.keyboard.press("t")
    assert progress(page).endswith("totaal 18 van 36")
    expected = "unknown" if value is None else str(value)
    assert page.eval_on_selector("input[name=answer]:checked", "e => e.value") == expected
    page.keyboard.press("Enter")
    assert progress(page).endswith("totaal 19 van 36")


def _check_note_kept(page: Page, model: Model) -> None:
    """After the reload the note of statement 5 is still there, shown with its statement."""
    page.click("#back-to-last")
    for _ in range(36 - 5):
        page.click("#previous")
    assert progress(page).endswith("totaal 5 van 36")
    assert page.eval_on_selector("#note-box", "e => e.open")
    assert page.input_value("#note") == NOTED[4]
    for _ in range(36 - 4):
        page.click("#next")
    page.wait_for_selector("#done:not([hidden])")


def _save(page: Page, tmp_path: Path) -> Path:
    page.keyboard.press("Tab")  # from the heading to 'Bewaar je antwoorden als bestand'
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    target = tmp_path / "downloads" / download.value.suggested_filename
    download.value.save_as(target)
    assert "de map Quickscan in Teams" in page.inner_text("#saved")
    return target


def _score_json(path: Path) -> Any:
    result = run("score", "--json", str(path))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def _check_shown_result(page: Page, model: Model, saved: Path) -> None:
    result = _score_json(saved)
    rows = page.eval_on_selector_all(
        "#result-rows tr", "rows => rows.map(r => [r.cells[0].innerText, r.cells[1].innerText])"
    )
    expected = []
    for aspect in result["aspects"]:
        phase = "te weinig antwoorden"
        if aspect["phase"]:
            phase = model.phase(aspect["phase"]).name
            phase += " (alles bereikt)" if aspect["mastered_all"] else ""
        expected.append([aspect["name"], phase])
    assert rows == expected
    start = model.aspect(result["start"]["aspect"]).name
    assert f"Begin bij {start}" in page.inner_text("#start")


# --- the result equals `werkwijzer score` --------------------------------------------------------


def random_answers(model: Model, layer: LayerId, rng: random.Random) -> dict[str, AnswerValue]:
    """Each statement answered 1-4, 'weet ik niet' or left open; open and unknown are often
    frequent enough to leave a phase without a score."""
    weights = rng.choice(
        [(1, 1, 1, 1, 0, 0), (1, 1, 2, 3, 1, 1), (0, 1, 2, 4, 0, 0), (1, 1, 1, 1, 2, 3)]
    )
    answers: dict[str, AnswerValue] = {}
    for place in model.items_for(layer):
        choice = rng.choices(["1", "2", "3", "4", "unknown", "open"], weights)[0]
        if choice != "open":
            answers[place.item.id] = None if choice == "unknown" else int(choice)  # type: ignore[assignment]
    return answers


def browser_results(page: Page, sets: list[dict[str, Any]]) -> list[Any]:
    found: list[Any] = page.evaluate(
        "sets => sets.map(s => window.werkwijzer.score(s.layer, s.answers))", sets
    )
    return found


def python_view(model: Model, layer: LayerId, answers: dict[str, AnswerValue]) -> Any:
    result = Scorer(model).score(Answers(layer=layer, answers=answers))
    return {
        "aspects": [[a.id, a.phase, a.mastered_all, a.scores] for a in result.aspects],
        "start": None if result.start is None else [result.start.aspect, result.start.phase],
    }


def browser_view(found: Any) -> Any:
    def rounded(score: list[int] | None) -> float | None:
        return None if score is None else round(score[0] / score[1], 4)

    return {
        "aspects": [
            [
                a["id"],
                a["phase"],
                a["mastered_all"],
                {p: rounded(s) for p, s in a["scores"].items()},
            ]
            for a in found["aspects"]
        ],
        "start": None
        if found["start"] is None
        else [found["start"]["aspect"], found["start"]["phase"]],
    }


def compare_on(page: Page, model: Model, count: int, seed: int) -> list[tuple[dict[str, Any], Any]]:
    """`count` random sets scored in the page and by Python: equal; returns (set, result) pairs."""
    rng = random.Random(seed)
    layers = [layer.id for layer in model.layers]
    sets: list[dict[str, Any]] = []
    for _ in range(count):
        layer = rng.choice(layers)
        sets.append({"layer": layer, "answers": random_answers(model, layer, rng)})
    found = browser_results(page, sets)
    views = [python_view(model, s["layer"], s["answers"]) for s in sets]
    for given, shown, view in zip(sets, found, views, strict=True):
        assert browser_view(shown) == view, given
    return list(zip(sets, views, strict=True))


def test_shown_result_equals_score_on_random_answers(
    browser: Browser, tmp_path: Path, model: Model
) -> None:
    """1,200 random answer sets over all layers: phase, scores and start as `score` has them."""
    form = make_form(tmp_path)
    side = Recorded(browser)
    side.open(form)
    views = [view for _, view in compare_on(side.page, model, 1200, seed=13)]
    # The sets reach every outcome: each phase, no phase, everything mastered, no start.
    outcomes = {a[1] for v in views for a in v["aspects"]}
    assert outcomes == {"begin", "tussen", "gevorderd", None}
    assert any(a[2] for v in views for a in v["aspects"])
    assert any(v["start"] is None for v in views)
    assert side.others(form) == []


def test_the_threshold_comes_from_the_model(browser: Browser, tmp_path: Path) -> None:
    """With the threshold at 0.75 in a coach's phases.yaml the form scores by 3/4, like `score`."""
    folder = copy_model(tmp_path / "model")
    phases = folder / "phases.yaml"
    phases.write_text(phases.read_text().replace('threshold: "2/3"', "threshold: 0.75"))
    three_quarters = load_model(folder)
    assert three_quarters.threshold == 0.75
    form = make_form(tmp_path, "--model", str(folder))
    side = Recorded(browser)
    side.open(form)
    pairs = compare_on(side.page, three_quarters, 400, seed=7)
    # 4-3-2 (score 2/3) reaches a phase with the built-in 2/3, not with 0.75: a form that kept
    # the built-in threshold would fail.
    usual = load_model()
    differ = [s for s, view in pairs if view != python_view(usual, s["layer"], s["answers"])]
    assert len(differ) > 20
    data = "() => JSON.parse(document.getElementById('werkwijzer-data').textContent)"
    assert side.page.evaluate(data)["threshold"] == [3, 4]


# --- what the page may do, and how it looks ------------------------------------------------------


def test_escaped_and_strict(browser: Browser, tmp_path: Path) -> None:
    """A hostile school name is shown as text; the policy forbids every request."""
    school = '</script><script>alert(1)</script><img src="http://example.org/x.png"> & "Linde"'
    form = make_form(tmp_path, "--school", school, "--send-to", "<b>de map</b>")
    side = Recorded(browser)
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    side.page.on("dialog", dismiss)
    side.open(form)
    assert side.page.inner_text(".school") == school
    assert side.page.title() == f"Quickscan samen leren · {school}"
    assert side.page.locator("img").count() == 0
    policy = side.page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content") or ""
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'"
    assert rules["script-src"].startswith("'sha256-") and " " not in rules["script-src"]
    assert rules["style-src"].startswith("'sha256-")
    assert side.others(form) == []
    # Even a script the page would run itself may fetch nothing.
    blocked = side.page.evaluate(
        "() => fetch('http://127.0.0.1:9/x').then(() => 'fetched', () => 'blocked')"
    )
    assert blocked == "blocked"
    assert dialogs == []
    assert "<b>de map</b>" in side.page.inner_text("#welcome")


def test_readable_at_360_pixels(browser: Browser, tmp_path: Path) -> None:
    form = make_form(tmp_path, "--layer", "schoolleider")
    side = Recorded(browser, width=360, height=740)
    page = side.page
    side.open(form)
    wide = "() => document.documentElement.scrollWidth"
    assert page.evaluate(wide) <= 360
    page.screenshot(path=str(tmp_path / "welcome-360.png"), full_page=True)
    page.click("#begin")
    assert page.evaluate(wide) <= 360
    for name in ("#answer-form label.choice", "#next", "#note-box summary"):
        box = page.locator(name).first.bounding_box()
        assert box is not None and box["height"] >= 40, name
    page.screenshot(path=str(tmp_path / "question-360.png"), full_page=True)
    assert side.errors == []


def test_prints_as_a_paper_questionnaire(browser: Browser, tmp_path: Path, model: Model) -> None:
    form = make_form(tmp_path)
    side = Recorded(browser)
    page = side.page
    side.open(form)
    assert not page.is_visible("#paper")
    page.emulate_media(media="print")
    assert not page.is_visible("#app")
    assert page.is_visible("#paper")
    pages = page.locator("#paper .page")
    assert pages.count() == len(model.layers)
    for n, layer in enumerate(model.layers):
        rows = pages.nth(n).locator("tr.statement-row")
        texts = rows.evaluate_all("rows => rows.map(r => r.cells[1].innerText)")
        assert texts == [p.item.text for p in model.items_for(layer.id)]
        assert rows.first.locator("td.tick").count() == len(model.scale.points) + 1
    assert pages.nth(0).locator("tr.note-row").count() == 36
    page.pdf(path=str(tmp_path / "papier.pdf"))

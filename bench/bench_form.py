"""Benchmark: the HTML form of `werkwijzer form`, in Debian's chromium: size, and time to a statement.

Measures, per run in a fresh browser context (no cache, no local storage), with the page's own
clock (performance.now(), 0 at the start of the navigation), so Playwright's round trips do not count:
- welcome: the welcome screen painted (first contentful paint) and its script run (DOMContentLoaded);
- first statement: the first statement painted after a click on 'Begin' (layer fixed with --layer)
  made as soon as the welcome is there; reported as the page load plus click-to-paint.
Also the sheet reader: a Microsoft Forms export of 1,000 respondents read with python-calamine
(what werkwijzer uses) against openpyxl.

Run: .venv/bin/python bench/bench_form.py [--runs 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import INSTALLED_ENV

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def make_form(folder: Path) -> Path:
    path = folder / "quickscan.html"
    werkwijzer = str(Path(sys.executable).with_name("werkwijzer"))
    subprocess.run(
        [werkwijzer, "form", "--layer", "leraar", "-o", str(path)],
        check=True,
        stderr=subprocess.DEVNULL,
        env=INSTALLED_ENV,
    )
    return path


def browser_times(path: Path, runs: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    opened, first = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(runs + 1):  # the first run warms the browser up and is not counted
            context = browser.new_context()
            page = context.new_page()
            page.goto(path.as_uri())
            loaded = page.evaluate(
                "() => Math.max(performance.getEntriesByType('navigation')[0]"
                ".domContentLoadedEventEnd, ...performance.getEntriesByName("
                "'first-contentful-paint').map(e => e.startTime))"
            )
            to_statement = page.evaluate(
                """() => new Promise(done => {
                    const start = performance.now();
                    document.getElementById('begin').click();
                    requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));
                })"""
            )
            opened.append(loaded / 1000)
            first.append((loaded + to_statement) / 1000)
            context.close()
        browser.close()
    return opened[1:], first[1:]


def sheet_times(folder: Path, runs: int) -> tuple[float, float]:
    import openpyxl
    from python_calamine import CalamineWorkbook

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    labels = ["nog niet", "enigszins", "grotendeels", "volledig", "weet ik niet / n.v.t."]
    sheet.append(["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", *map(str, range(36))])
    for n in range(1000):
        now = dt.datetime(2026, 11, 20, 14, 5)
        sheet.append([n, now, now, "anoniem", "", *(labels[(n + i) % 5] for i in range(36))])
    path = folder / "forms.xlsx"
    book.save(path)

    def calamine() -> int:
        return len(CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python())

    def with_openpyxl() -> int:
        opened = openpyxl.load_workbook(path, read_only=True, data_only=True)
        rows = len(list(opened.worksheets[0].iter_rows(values_only=True)))
        opened.close()
        return rows

    medians = []
    for read in (calamine, with_openpyxl):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            read()
            times.append(time.perf_counter() - start)
        medians.append(statistics.median(times))
    return medians[0], medians[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        form = make_form(folder)
        size = form.stat().st_size
        opened, first = browser_times(form, args.runs)
        print(f"form (one layer): {size / 1000:.0f} kB")
        print(f"open to welcome painted: median {1000 * statistics.median(opened):.0f} ms")
        print(
            f"open to first statement (one click): median {1000 * statistics.median(first):.0f} ms"
        )
        calamine, openpyxl = sheet_times(folder, 5)
        print(
            f"1,000-row .xlsx: python-calamine {1000 * calamine:.0f} ms, openpyxl {1000 * openpyxl:.0f} ms"
        )


if __name__ == "__main__":
    main()

"""Benchmark: `werkwijzer export` on 1,000 answers files, as a whole process.

The target (issue 6): a team report of 1,000 answers files in under 2 seconds. This generates the
files in a temporary folder (all layers, varied answers, some 'weet ik niet'), then times
`werkwijzer export FOLDER -o FILE` per format (markdown, HTML, JSON, CSV, xlsx) and prints the
median wall time of a few runs, and the size of each report.
It prints figures; it is not a test (timings depend on the machine).

    .venv/bin/python bench/bench_export.py [--files 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import cast

from common import INSTALLED_ENV

from werkwijzer.core.answers import Answers, AnswerValue, dump_answers
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS
from werkwijzer.core.model_load import load_model

BUDGET_S = 2.0
EXECUTABLE = Path(sys.executable).with_name("werkwijzer")
FORMATS = {
    "markdown": "rapport.md",
    "html": "rapport.html",
    "json": "rapport.json",
    "csv": "rapport.csv",
    "xlsx": "rapport.xlsx",
}


def make_files(folder: Path, count: int, *, per_school: int | None = None) -> None:
    """`count` answers files; with `per_school`, that many per school, each school in a few
    school years (a board's schools over the years), else one school without dates."""
    model = load_model()
    rng = random.Random(6)
    for n in range(count):
        school = "OBS De Proef" if per_school is None else f"IKC School {n // per_school:03}"
        date = None if per_school is None else dt.date(2023 + n % 3, 10, 1 + n % 28)
        layer = LAYER_IDS[0] if n % 50 == 0 else LAYER_IDS[1] if n % 10 == 0 else LAYER_IDS[2]
        level = rng.uniform(0.3, 1.0)
        answers: dict[str, AnswerValue] = {}
        for place in model.items_for(layer):
            if rng.random() < 0.05:
                answers[place.item.id] = None
                continue
            target = level - 0.3 * PHASE_IDS.index(place.phase) + rng.uniform(-0.3, 0.3)
            answers[place.item.id] = cast(AnswerValue, 1 + round(max(0.0, min(1.0, target)) * 3))
        given = Answers(
            layer=layer,
            school=school,
            respondent=f"Respondent {n}",
            date=date,
            model_version=model.version,
            answers=answers,
        )
        (folder / f"respondent-{n:04}.yaml").write_text(dump_answers(given, model), "utf-8")


def timed(command: list[str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of `command`.

    The CPU time shows what the command costs when other work shares the machine; the budget is
    about the wall time on a machine that is otherwise idle.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=INSTALLED_ENV
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "antwoorden"
        folder.mkdir()
        make_files(folder, args.files)
        print(f"{args.files} antwoordbestanden, {args.runs} runs per formaat (mediaan):")
        worst = 0.0
        for fmt, name in FORMATS.items():
            command = [str(EXECUTABLE), "export", str(folder), "-o", str(Path(tmp) / name)]
            timed(command)  # warm the file cache and the .pyc files
            runs = [timed(command) for _ in range(args.runs)]
            walls = [wall for wall, _ in runs]
            median = statistics.median(walls)
            worst = max(worst, median)
            size = (Path(tmp) / name).stat().st_size
            print(
                f"  {fmt:<9} {median:.2f} s  (min {min(walls):.2f}, max {max(walls):.2f}; "
                f"cpu {statistics.median(cpu for _, cpu in runs):.2f} s; {size / 1024:.0f} KB)"
            )
        verdict = "binnen" if worst < BUDGET_S else "BOVEN"
        print(f"Traagste mediaan {worst:.2f} s: {verdict} het budget van {BUDGET_S:.1f} s.")
        print(
            f"Belasting van de machine (1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} cpu's."
        )


if __name__ == "__main__":
    main()

"""Benchmark: `werkwijzer history` over a store of 10,000 scans, as a whole process.

The target (issue 14): history of 10,000 stored scans in at most 1 second and 100 MB. This fills
a fresh database once with `werkwijzer import` (400 schools of 25 files, over three school
years), then times each form of history several times and prints the median wall time, the CPU
time and the peak memory of each. Figures, not a test.

    .venv/bin/python bench/bench_history.py [--files 10000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from bench_export import make_files
from common import EXECUTABLE, timed

BUDGET_S = 1.0
BUDGET_MIB = 100.0
FORMS = {
    "trend, alle scholen (scherm)": ["history"],
    "trend, alle scholen (--json)": ["history", "--json"],
    "trend, één school (scherm)": ["history", "--school", "IKC School 007"],
    "trend, één school (html)": ["history", "--school", "IKC School 007", "--format", "html"],
    "trend, alle scholen (html)": ["history", "--format", "html"],
    "losse scans (--scans --json)": ["history", "--scans", "--json"],
    "losse scans (--scans, scherm)": ["history", "--scans"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "antwoorden"
        folder.mkdir()
        make_files(folder, args.files, per_school=25)
        db = Path(tmp) / "werkwijzer.db"
        filled = timed([str(EXECUTABLE), "import", str(folder), "--db", str(db)])
        print(
            f"{args.files} scans ingelezen in {filled.wall:.1f} s; database "
            f"{db.stat().st_size / 1e6:.0f} MB. {args.runs} runs per vorm (mediaan):"
        )
        for name, command in FORMS.items():
            full = [str(EXECUTABLE), *command, "--db", str(db)]
            timed(full)  # warm the file cache and the .pyc files
            runs = [timed(full, env={"COLUMNS": "80"}) for _ in range(args.runs)]
            wall = statistics.median(r.wall for r in runs)
            peak = max(r.peak_mib for r in runs)
            verdict = "binnen" if wall <= BUDGET_S and peak <= BUDGET_MIB else "BOVEN"
            print(
                f"  {name:<31} {wall:.2f} s (cpu {statistics.median(r.cpu for r in runs):.2f} s), "
                f"piek {peak:.0f} MiB: {verdict} het budget"
            )
        print(f"Budget: {BUDGET_S:.1f} s en {BUDGET_MIB:.0f} MiB per vorm.")
        print(
            f"Belasting van de machine (1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} cpu's."
        )


if __name__ == "__main__":
    main()

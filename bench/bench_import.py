"""Benchmark: `werkwijzer import` of many answers files against `werkwijzer export` of the same.

The target (issue 14): importing 10,000 files takes at most twice as long as exporting them
(both read, check and score every file; import also writes them to a new database). This
generates the files (as bench_export.py does), then times `export FOLDER -o FILE.json` and
`import FOLDER` into a fresh database, interleaved, and prints medians. Figures, not a test.

    .venv/bin/python bench/bench_import.py [--files 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
from pathlib import Path

from bench_export import make_files
from common import EXECUTABLE, Run, timed

BUDGET = 2.0  # import / export


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "antwoorden"
        folder.mkdir()
        make_files(folder, args.files)
        export = [str(EXECUTABLE), "export", str(folder), "-o", str(Path(tmp) / "team.json")]
        timed(export)  # warm the file cache and the .pyc files
        exports: list[Run] = []
        imports: list[Run] = []
        for n in range(args.runs):
            exports.append(timed(export))
            db = Path(tmp) / f"run-{n}.db"
            imports.append(timed([str(EXECUTABLE), "import", str(folder), "--db", str(db)]))
            size = db.stat().st_size
            db.unlink()
        print(f"{args.files} antwoordbestanden, {args.runs} runs (mediaan):")
        for name, runs in (("export", exports), ("import", imports)):
            print(
                f"  {name:<7} {statistics.median(r.wall for r in runs):.2f} s "
                f"(cpu {statistics.median(r.cpu for r in runs):.2f} s, "
                f"piek {max(r.peak_mib for r in runs):.0f} MiB)"
            )
        ratio = statistics.median(r.wall for r in imports) / statistics.median(
            r.wall for r in exports
        )
        verdict = "binnen" if ratio <= BUDGET else "BOVEN"
        print(f"  import / export = {ratio:.2f}: {verdict} het budget van {BUDGET:.1f}x")
        print(f"  database: {size / 1e6:.1f} MB")
        print(
            f"Belasting van de machine (1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} cpu's."
        )


if __name__ == "__main__":
    main()

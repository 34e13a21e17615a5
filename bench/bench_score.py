"""Benchmark: `werkwijzer score --json FILE` as a whole process, beside a bare import baseline.

The target (issue 2): the median wall time of the score command is within 1.3x of
`python -c "import typer, pydantic, yaml"`, measured side by side, interleaved, in the same run.

Run: .venv/bin/python bench/bench_score.py [--runs 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import INSTALLED_ENV

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "schoolleider-obs-de-regenboog.yaml"


def wall_time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=INSTALLED_ENV
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    baseline_cmd = [sys.executable, "-c", "import typer, pydantic, yaml"]
    # The installed console script, as a user or a script runs it (beside this Python).
    werkwijzer = str(Path(sys.executable).with_name("werkwijzer"))
    score_cmd = [werkwijzer, "score", "--json", str(EXAMPLE)]
    for command in (baseline_cmd, score_cmd):  # warm the file cache, .pyc files and model cache
        wall_time(command)
    baseline, score = [], []
    for _ in range(args.runs):
        baseline.append(wall_time(baseline_cmd))
        score.append(wall_time(score_cmd))
    base_median, score_median = statistics.median(baseline), statistics.median(score)
    ratio = score_median / base_median
    print(f"runs: {args.runs} each, interleaved")
    print(f"import typer, pydantic, yaml : median {base_median * 1000:7.1f} ms")
    print(f"werkwijzer score --json      : median {score_median * 1000:7.1f} ms")
    print(f"ratio                        : {ratio:.2f}x (target <= 1.30x)")


if __name__ == "__main__":
    main()

"""Benchmark: the start-up of `werkwijzer export` on a 17-file folder, this tree against another.

Issue 10 moved the team and compare documents from pydantic models to plain dataclasses, so
`export` and `compare` no longer import pydantic. This times `werkwijzer export FOLDER -o FILE`
as a whole process for the working tree and for a git revision (default: 099ce25, before the
move), interleaved, and reports the medians and whether pydantic was imported.

    .venv/bin/python bench/bench_export_start.py [--before REV] [--runs 21]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import INSTALLED_ENV

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((REPO / "examples").glob("*.yaml"))


def make_folder(dest: Path, files: int) -> Path:
    """`files` answers files from the examples: every layer, one school and one board."""
    dest.mkdir()
    for n in range(files):
        text = EXAMPLES[n % len(EXAMPLES)].read_text(encoding="utf-8")
        # Without the name: the same person twice would be refused.
        lines = [line for line in text.splitlines() if not line.startswith("respondent:")]
        (dest / f"{n:02d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def timed(code_root: Path, folder: Path, out: Path, cache: Path) -> float:
    env = {**INSTALLED_ENV, "PYTHONPATH": str(code_root), "WERKWIJZER_CACHE": str(cache)}
    command = [sys.executable, "-m", "werkwijzer", "export", str(folder), "--allow-mixed"]
    start = time.perf_counter()
    # cwd elsewhere: `python -m` puts the current folder first on sys.path, before PYTHONPATH.
    subprocess.run(
        [*command, "-o", str(out)], check=True, env=env, capture_output=True, cwd=out.parent
    )
    return time.perf_counter() - start


def imports_pydantic(code_root: Path, folder: Path, out: Path, cache: Path) -> bool:
    env = {**INSTALLED_ENV, "PYTHONPATH": str(code_root), "WERKWIJZER_CACHE": str(cache)}
    command = [sys.executable, "-X", "importtime", "-m", "werkwijzer", "export", str(folder)]
    done = subprocess.run(
        [*command, "--allow-mixed", "-o", str(out)],
        env=env,
        capture_output=True,
        text=True,
        cwd=out.parent,
    )
    return any(re.search(r"\|\s+pydantic(\.|$)", line) for line in done.stderr.splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", default="099ce25")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--files", type=int, default=17)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        before = tmp / "before"
        subprocess.run(
            ["git", "-C", str(REPO), "worktree", "add", "--detach", "-q", str(before), args.before],
            check=True,
        )
        try:
            folder = make_folder(tmp / "team", args.files)
            trees = {"before": before, "now": REPO}
            caches = {name: tmp / f"cache-{name}" for name in trees}
            for name, root in trees.items():  # warm: .pyc files and each tree's model cache
                timed(root, folder, tmp / "out.md", caches[name])
            times: dict[str, list[float]] = {name: [] for name in trees}
            for _ in range(args.runs):
                for name, root in trees.items():
                    times[name].append(timed(root, folder, tmp / "out.md", caches[name]))
            load = os.getloadavg()[0]
            print(f"export of {args.files} files, {args.runs} runs each, interleaved")
            for name, root in trees.items():
                pyd = imports_pydantic(root, folder, tmp / "out.md", caches[name])
                label = f"{name} ({args.before})" if name == "before" else "now (working tree)"
                print(
                    f"  {label:<22} median {statistics.median(times[name]) * 1000:6.0f} ms"
                    f"  (min {min(times[name]) * 1000:.0f}; imports pydantic: {pyd})"
                )
            print(f"machine load (1 min): {load:.1f} on {os.cpu_count()} cpus")
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(before)])


if __name__ == "__main__":
    main()

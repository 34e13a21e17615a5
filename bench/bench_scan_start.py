"""Time from starting `werkwijzer scan` to its first prompt, in a real pseudo-terminal.

The issue asks for the first prompt within 0.6 s. This prints figures; it is not a test (timings
depend on the machine). Two cases: no options (the first prompt asks the layer) and with --layer and
--school (the first prompt is the first statement). Beside the wall-clock time it prints the CPU
time the process used until the prompt (Linux: /proc), which a busy machine does not inflate.

    .venv/bin/python bench/bench_scan_start.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pexpect
from common import INSTALLED_ENV

BUDGET_S = 0.6
EXECUTABLE = Path(sys.executable).with_name("werkwijzer")
CASES = {
    "zonder opties (eerste vraag: je rol)": ([], "Jouw rol:"),
    "--layer leraar --school Test (eerste uitspraak)": (
        ["--layer", "leraar", "--school", "Test"],
        "Jouw antwoord:",
    ),
}


def time_to_prompt(args: list[str], prompt: str, folder: str) -> tuple[float, float | None]:
    """Wall-clock seconds until `prompt` shows, and the CPU seconds the process used until then."""
    env = {**INSTALLED_ENV, "NO_COLOR": "1", "TERM": "xterm-256color", "PROMPT_TOOLKIT_NO_CPR": "1"}
    start = time.perf_counter()
    child = pexpect.spawn(
        str(EXECUTABLE),
        ["scan", *args],
        cwd=folder,
        env=env,
        encoding="utf-8",
        dimensions=(40, 80),
        timeout=20,
    )
    child.expect_exact(prompt)
    elapsed = time.perf_counter() - start
    cpu = cpu_seconds(child.pid)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    return elapsed, cpu


def cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    user, system = int(fields[11]), int(fields[12])  # utime and stime, in clock ticks
    return (user + system) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    print(f"werkwijzer scan: tijd tot de eerste vraag (mediaan van {runs}, na 1 opwarmronde)")
    print(f"  load average nu: {os.getloadavg()[0]:.2f} op {os.cpu_count()} cpu's")
    for name, (args, prompt) in CASES.items():
        with tempfile.TemporaryDirectory() as folder:
            time_to_prompt(args, prompt, folder)  # warm-up: bytecode and file cache
            runs_ = [time_to_prompt(args, prompt, folder) for _ in range(runs)]
        times = [wall for wall, _ in runs_]
        cpus = [cpu for _, cpu in runs_ if cpu is not None]
        median = statistics.median(times)
        verdict = "binnen" if median <= BUDGET_S else "BOVEN"
        print(f"  {name}:")
        print(
            f"    klok: mediaan {median:.3f} s (min {min(times):.3f}, max {max(times):.3f}); "
            f"{verdict} de {BUDGET_S} s"
        )
        if cpus:
            print(f"    cpu:  mediaan {statistics.median(cpus):.3f} s (min {min(cpus):.3f})")


if __name__ == "__main__":
    main()

"""What the benchmark scripts share: the environment to run werkwijzer in, and timing a run."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Run werkwijzer as on an installed system, where Python keeps the bytecode of its modules (.pyc)
# as it has for the libraries it imports. A PYTHONDONTWRITEBYTECODE in the developer's shell
# would otherwise make every run compile werkwijzer anew, and the benchmark would measure that.
INSTALLED_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
EXECUTABLE = Path(sys.executable).with_name("werkwijzer")


@dataclass(frozen=True)
class Run:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mib: float  # the process's peak resident memory


def timed(command: list[str], env: dict[str, str] | None = None) -> Run:
    """One run of `command` as its own process: wall time, CPU time and peak memory of that process
    alone (os.wait4 reports the resources of exactly the child it waited for)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**INSTALLED_ENV, **(env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 3):
        raise SystemExit(f"{' '.join(command)} ended with exit code {process.returncode}")
    # ru_maxrss is in KiB on Linux
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)

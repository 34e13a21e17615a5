"""Writing files so that a crash never leaves half a file: temp file in the same folder, fsync, rename.

A write respects what is there: through a symbolic link it replaces the file the link points to
(the link stays a link), an existing file keeps its permissions, and a device, folder or pipe is
never replaced (NotRegularFile).
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.paths import real_path


class NotRegularFile(WerkwijzerError):
    """The place to write holds something other than an ordinary file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} is geen gewoon bestand (maar bijvoorbeeld een apparaat, map of pijp); "
            "werkwijzer schrijft daar niet overheen. Kies een ander bestand."
        )


def atomic_write_text(path: Path, text: str, *, encoding: str = "utf-8") -> None:
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; the old file stays intact if anything fails."""
    target = real_path(path)
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise NotRegularFile(path)
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as tmp:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(tmp.fileno(), stat.S_IMODE(mode))
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def free_path(path: Path) -> Path:
    """`path` itself when nothing is there, else the first free name-2, name-3 ... beside it."""
    candidate, number = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{number}{path.suffix}")
        number += 1
    return candidate

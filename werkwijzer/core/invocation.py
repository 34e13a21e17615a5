"""Commands to show the user: they must work when pasted into the same terminal, as printed.

Every command werkwijzer suggests is built here. When `werkwijzer` is not on the PATH (the README's
install, a venv that is not activated) or the PATH holds another werkwijzer, the command starts
with the full path of the program that is running. File names are short when the file is in the
current folder and absolute when it is elsewhere, and quoted when the shell needs that.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import sys
from pathlib import Path

NAME = "werkwijzer"
_WINDOWS_SAFE = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./\\:+@,="
)


def command(*words: str | Path) -> str:
    """`werkwijzer WORD...` as the user can paste it; Path words become file names to type."""
    return " ".join([program(), *(file_arg(w) if isinstance(w, Path) else quote(w) for w in words)])


def program() -> str:
    """How to start the running werkwijzer from this terminal: its name, or its full path."""
    return _program(sys.argv[0], sys.executable, os.environ.get("PATH", ""))


@functools.lru_cache(maxsize=4)
def _program(argv0: str, executable: str, path_env: str) -> str:
    started = Path(argv0)
    if started.name == "__main__.py" and started.parent.name == NAME:  # python -m werkwijzer
        return f"{quote(executable, program=True)} -m {NAME}"
    if started.stem.lower() != NAME:
        return NAME  # inside another program (a test runner, an embedding script): the plain name
    running = _resolved(started)
    on_path = shutil.which(NAME, path=path_env)
    if running is None or (on_path is not None and _resolved(Path(on_path)) == running):
        return NAME
    return quote(str(running), program=True)


def _resolved(path: Path) -> Path | None:
    found = path if path.parent != Path() else shutil.which(str(path))
    if found is None:
        return None
    try:
        return Path(found).resolve()
    except OSError:
        return None


def file_arg(path: Path) -> str:
    """A file name to type: as is in the current folder, else absolute; quoted when needed."""
    absolute = Path(os.path.abspath(path))
    shown = absolute.name if absolute.parent == Path.cwd() else str(absolute)
    return quote(shown)


def quote(word: str, *, program: bool = False) -> str:
    """`word` as one shell word. On Windows for PowerShell: "..." (and '& ' before a program)."""
    if sys.platform != "win32":
        return shlex.quote(word)
    if word and all(c in _WINDOWS_SAFE for c in word):
        return word
    quoted = '"' + word.replace('"', '`"') + '"'
    return f"& {quoted}" if program else quoted

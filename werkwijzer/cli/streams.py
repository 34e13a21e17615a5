"""The standard streams as the world hands them over: other encodings, closed pipes, full disks.

`prepare()` runs before every command (cli/app.py):
- stdout in an encoding other than UTF-8 (PYTHONIOENCODING=cp1252, a Windows redirect) shows a
  character it cannot encode as '?' instead of failing; JSON escapes it instead (cli/common.py);
- stdout is guarded: a failed write becomes OutputGone (the reader went away, as in `| head -1`:
  the command ends quietly with exit 0) or OutputError (a full disk, a closed stream: exit 2 with a
  Dutch line), never a traceback;
- a closed stdout fails on the first write of data; a closed stderr swallows the messages (the
  exit code still tells); a closed stdin reads as empty.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys
from typing import Any, BinaryIO, TextIO, cast

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.paths import os_reason

_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class OutputGone(Exception):
    """The reader of stdout went away (a closed pipe): nothing left to say, nothing went wrong."""


class OutputError(WerkwijzerError):
    """stdout cannot be written: the disk behind it is full, or it is closed."""

    def __init__(self, exc: OSError | ValueError) -> None:
        number = exc.errno if isinstance(exc, OSError) else errno.EBADF
        if number in _FULL:
            message = "De uitvoer kon niet geschreven worden: de schijf is vol."
        elif number == errno.EBADF:
            message = (
                "De uitvoer kon niet geschreven worden: de standaarduitvoer is gesloten. Stuur "
                "de uitvoer naar een bestand, bijvoorbeeld met > uitvoer.txt."
            )
        else:
            message = f"De uitvoer kon niet geschreven worden ({os_reason(cast(OSError, exc))})."
        super().__init__(message)


def _failed(exc: OSError | ValueError) -> Exception:
    """What a failed write of stdout becomes; later writes go nowhere, so Python's own flush at
    exit cannot fail a second time and print a traceback after all."""
    _silence_stdout()
    if isinstance(exc, BrokenPipeError):
        return OutputGone()
    return OutputError(exc)


def _silence_stdout() -> None:
    with contextlib.suppress(Exception):
        fd = sys.__stdout__.fileno() if sys.__stdout__ is not None else 1
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)


class _Guarded:
    """A stream whose write and flush raise OutputGone or OutputError instead of OSError."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: Any) -> int:
        try:
            return int(self._stream.write(data))
        except (OSError, ValueError) as exc:
            raise _failed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError) as exc:
            raise _failed(exc) from None

    @property
    def buffer(self) -> BinaryIO:
        return cast(BinaryIO, _Guarded(self._stream.buffer))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


class _Closed(io.TextIOBase):
    """What stdout is when the process was started with it closed (`werkwijzer ... >&-`)."""

    encoding = "utf-8"

    def write(self, data: Any) -> int:
        raise OutputError(OSError(errno.EBADF, "closed"))

    def isatty(self) -> bool:
        return False

    @property
    def buffer(self) -> BinaryIO:
        return cast(BinaryIO, self)


def prepare() -> None:
    """Make the standard streams safe for one command (see the module's docstring)."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - lives as long as stdin
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = _Closed()
        return
    if isinstance(sys.stdout, (_Guarded, _Closed)):
        return
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(sys.stdout, "reconfigure"):
        with contextlib.suppress(Exception):
            sys.stdout.reconfigure(errors="replace")
    sys.stdout = cast(TextIO, _Guarded(sys.stdout))


def finish() -> None:
    """Deliver what is still buffered; raises OutputGone or OutputError like any write."""
    if sys.stdout is not None:
        sys.stdout.flush()


def fill_closed_descriptors() -> None:
    """Give a closed stdin, stdout or stderr (0, 1, 2) /dev/null, so that no file werkwijzer opens
    later gets that number and receives what was meant for the terminal."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            with contextlib.suppress(OSError):
                os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one

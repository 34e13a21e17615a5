"""The bounds on what werkwijzer reads: file sizes, nesting, the size of a document.

Every file that comes from outside is read through `read_limited`, so `/dev/zero` or a runaway
file costs at most its limit in memory and time. The numbers are documented in the README.
"""

from __future__ import annotations

import os
from typing import BinaryIO

MAX_ANSWERS_BYTES = 2 * 1024 * 1024  # an answers file; a complete one is about 6 KB
MAX_MODEL_FILE_BYTES = 4 * 1024 * 1024  # one YAML file of a model; the largest built-in is ~60 KB
MAX_DEPTH = 16  # nesting of an answers document (a real one nests 2 deep)
MAX_MODEL_NODES = 200_000  # YAML nodes in a model file, counting each alias as what it stands for


class TooLarge(Exception):
    """The input is larger than its limit; the caller says so in its own words."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def read_limited(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit` bytes of `stream`; TooLarge when there is more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def read_file_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """A file's bytes, up to `limit`. OSError as open() raises it; TooLarge past the limit."""
    with open(path, "rb") as stream:
        return read_limited(stream, limit)


def size_text(limit: int) -> str:
    """2097152 -> '2 MB' (the limits are whole megabytes or kilobytes)."""
    if limit >= 1024 * 1024:
        return f"{limit // (1024 * 1024)} MB"
    return f"{limit // 1024} kB"

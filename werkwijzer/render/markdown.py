"""Markdown building blocks: CommonMark with GFM tables, every piece of free text escaped.

Free text (a school name, a title, a statement) can neither break a table nor inject HTML:
characters with a meaning in markdown are backslash-escaped, line breaks become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from werkwijzer.core.safe_text import printable

# Characters that can start markup anywhere in a line (GFM: | for tables, ~ for strikethrough).
_INLINE = re.compile(r"([\\`*_\[\]<>|&~])")
# Characters that only have a meaning at the start of a line (headings, lists, quotes, breaks).
# An ordered-list marker is escaped at its '.' or ')': a backslash before a digit is no escape.
_LINE_START = re.compile(r"^(\s*)(|\d+(?=[.)]))([#+\-=>]|(?<=\d)[.)])")


def escape(text: object) -> str:
    """Inline-safe text: one line, markup characters escaped, readable as plain text, and any
    control character written out (`\\x1b`), so a document shown in a terminal steers nothing."""
    one_line = printable(" ".join(str(text).split()))
    escaped = _INLINE.sub(r"\\\1", one_line)
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2) + "\\" + m.group(3), escaped)


# A heading's text ending in '#'s after a space would be read as its closing sequence and vanish.
_CLOSING = re.compile(r"(\s)(#+)$")


def heading(level: int, text: object) -> str:
    body = _CLOSING.sub(lambda m: m.group(1) + "\\" + m.group(2), escape(text))
    return f"{'#' * level} {body}"


def paragraph(text: object) -> str:
    return escape(text)


def paragraphs(text: object) -> str:
    """Text with blank lines between its paragraphs: each paragraph escaped on its own."""
    parts = re.split(r"\n\s*\n", str(text))
    return "\n\n".join(escape(part) for part in parts if part.strip())


def bullets(lines: Iterable[str]) -> str:
    """A list of already escaped lines."""
    return "\n".join(f"- {line}" for line in lines)


def numbered(lines: Iterable[str]) -> str:
    return "\n".join(f"{n}. {line}" for n, line in enumerate(lines, 1))


def table(headers: Sequence[str], rows: Iterable[Sequence[str]], align: str = "") -> str:
    """A GFM table of already escaped cells; `align` holds one of l, r, c per column (default l)."""
    marks = {"l": "---", "r": "--:", "c": ":-:"}
    spec = (align or "l" * len(headers)).ljust(len(headers), "l")
    lines = [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join(marks[a] for a in spec) + " |",
    ]
    for row in rows:
        if len(row) != len(headers):
            raise ValueError(f"row has {len(row)} cells, table has {len(headers)} columns")
        lines.append("| " + " | ".join(cell or " " for cell in row) + " |")
    return "\n".join(lines)


def document(blocks: Iterable[str]) -> str:
    """Blocks separated by one blank line, ending in a newline."""
    return "\n\n".join(b.strip("\n") for b in blocks if b.strip()) + "\n"


def strong(text: object) -> str:
    """Bold free text, escaped."""
    return f"**{escape(text)}**"

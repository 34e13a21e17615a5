"""Text from outside made safe: which characters free text may hold, and how a value is shown.

A document, an option or a prompt brings text in; a message, a screen or a file takes it out.
Characters that steer a terminal or break a file are refused on the way in (`text_problem`) and
escaped or stripped on the way out (`printable`, `for_terminal`), so neither an answers file nor a
model nor a database row can retitle or clear a screen. Values in messages are shown by `shown`:
shortened, and typed, so that a list or a huge number is never expanded into a message.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

MAX_TEXT = 200  # characters in a free-text field: a school, a respondent, a title
SHOWN = 40  # characters of a value quoted in a message

# Refused in free text: C0 and C1 controls and DEL (terminal escapes, U+0085 that YAML reads as a
# line break), line and paragraph separators (line breaks too), bidirectional overrides and
# isolates (they reorder what a reader sees), lone surrogates (no valid text; also what a
# non-UTF-8 command-line argument becomes) and Unicode noncharacters (U+FFFE, U+FFFF, ...).
# Every such character is one str.isprintable() is false for, so a printable text (nearly every
# text) is known to be clean without the pattern, which is compiled on first need (it costs a
# millisecond, and every command starts by importing this module).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff" + _NONCHARACTERS


@functools.cache
def _pattern(keep_newlines: bool) -> re.Pattern[str]:
    controls = "\x00-\x09\x0b-\x1f" if keep_newlines else "\x00-\x1f"
    return re.compile(f"[{controls}{_OTHERS}]")


def _clean(text: str, keep_newlines: bool) -> bool:
    """Surely free of forbidden characters, found without the pattern."""
    return text.isprintable() or (keep_newlines and text.replace("\n", "").isprintable())


def forbidden(text: str, *, keep_newlines: bool = False) -> re.Match[str] | None:
    """The first forbidden character of `text` (line breaks allowed with `keep_newlines`)."""
    if _clean(text, keep_newlines):
        return None
    return _pattern(keep_newlines).search(text)


def _replace(text: str, keep_newlines: bool, by: Callable[[re.Match[str]], str]) -> str:
    if _clean(text, keep_newlines):
        return text
    return _pattern(keep_newlines).sub(by, text)


def _is_surrogate(char: str) -> bool:
    return 0xD800 <= ord(char) <= 0xDFFF


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_problem(text: str, limit: int = MAX_TEXT) -> str | None:
    """Why `text` cannot be free text (Dutch, to follow a field name), or None when it can."""
    bad = forbidden(text)
    if bad:
        return f"bevat een teken dat niet in een tekst hoort ({code_point(bad.group())})"
    if len(text) > limit:
        return f"is te lang ({len(text)} tekens; hooguit {limit})"
    return None


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if _is_surrogate(char):
        return "\ufffd"  # a byte that is not UTF-8 (in a file name, say): the replacement mark
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """`text` with every forbidden character written out (`\\x1b`), safe in a message or a file."""
    return _replace(text, False, _escape)


def printable_lines(text: str) -> str:
    """Like `printable`, but line breaks stay: for a message of several lines."""
    return _replace(text, True, _escape)


def json_safe(document: str) -> str:
    """A JSON text with every forbidden character as a \\u escape: the same document, but nothing
    in it can steer a terminal (JSON itself escapes only C0 controls), and a lone surrogate can be
    encoded. Outside its strings JSON holds only ASCII and line breaks (kept), so every match is
    inside a string."""
    return _replace(document, True, lambda m: f"\\u{ord(m.group()):04x}")


def for_terminal(text: str) -> str:
    """What a screen may show of `text`: forbidden characters removed, line breaks kept."""
    return _replace(text, True, lambda m: "\ufffd" if _is_surrogate(m.group()) else "")


def shown(value: Any, limit: int = SHOWN) -> str:
    """A value for a message: a text quoted and shortened, anything else by its kind.

    Never str() of a container (an alias bomb expands there) nor of a huge number (Python refuses
    to write one of more than 4,300 digits).
    """
    if isinstance(value, str):
        text = printable(value)
        return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 64 else "een heel groot getal"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return "een lijst met sleutels"
    if isinstance(value, (list, tuple)):
        return "een lijst"
    if isinstance(value, (set, frozenset)):
        return "een verzameling"
    if isinstance(value, (bytes, bytearray)):
        return "binaire gegevens"
    return "een waarde van een onbekende soort"

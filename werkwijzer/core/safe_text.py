"""Text from outside made safe: which characters free text may hold, and how a value is shown.

A document, an option or a prompt brings text in; a message, a screen or a file takes it out.
Characters that steer a terminal or break a file are refused on the way in (`text_problem`) and
escaped or stripped on the way out (`printable`, `for_terminal`), so neither an answers file nor a
model nor a database row can retitle or clear a screen. Values in messages are shown by `shown`:
shortened, and typed, so that a list or a huge number is never expanded into a message.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

MAX_TEXT = 200  # characters in a free-text field: a school, a respondent, a title
SHOWN = 40  # characters of a value quoted in a message

# Refused in free text: C0 and C1 controls and DEL (terminal escapes, U+0085 that YAML reads as a
# line break), line and paragraph separators (line breaks too), bidirectional overrides and
# isolates (they reorder what a reader sees), lone surrogates (no valid text; also what a
# non-UTF-8 command-line argument becomes) and Unicode noncharacters (U+FFFE, U+FFFF, ...).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
)
_OTHERS = "\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff" + _NONCHARACTERS
FORBIDDEN = re.compile(f"[\x00-\x1f{_OTHERS}]")
_FORBIDDEN_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f{_OTHERS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def code_point(char: str) -> str:
    return f"U+{ord(char):04X}"


def text_problem(text: str, limit: int = MAX_TEXT) -> str | None:
    """Why `text` cannot be free text (Dutch, to follow a field name), or None when it can."""
    bad = FORBIDDEN.search(text)
    if bad:
        return f"bevat een teken dat niet in een tekst hoort ({code_point(bad.group())})"
    if len(text) > limit:
        return f"is te lang ({len(text)} tekens; hooguit {limit})"
    return None


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if _SURROGATE.match(char):
        return "\ufffd"  # a byte that is not UTF-8 (in a file name, say): the replacement mark
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def printable(text: str) -> str:
    """`text` with every forbidden character written out (`\\x1b`), safe in a message or a file."""
    return FORBIDDEN.sub(_escape, text)


def printable_lines(text: str) -> str:
    """Like `printable`, but line breaks stay: for a message of several lines."""
    return _FORBIDDEN_BUT_NEWLINE.sub(_escape, text)


def json_safe(document: str) -> str:
    """A JSON text with every forbidden character as a \\u escape: the same document, but nothing
    in it can steer a terminal (JSON itself escapes only C0 controls), and a lone surrogate can be
    encoded. Outside its strings JSON holds only ASCII and line breaks (kept), so every match is
    inside a string."""
    return _FORBIDDEN_BUT_NEWLINE.sub(lambda m: f"\\u{ord(m.group()):04x}", document)


def for_terminal(text: str) -> str:
    """What a screen may show of `text`: forbidden characters removed, line breaks kept."""
    return _FORBIDDEN_BUT_NEWLINE.sub(
        lambda m: "\ufffd" if _SURROGATE.match(m.group()) else "", text
    )


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

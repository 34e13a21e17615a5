"""Plain-text building blocks shared by the terminal and markdown renderers."""

from __future__ import annotations

import datetime as dt

_EIGHTHS = " ▏▎▍▌▋▊▉"
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
EFFORT_LABELS = {"klein": "klein", "middel": "middel", "groot": "groot"}


def bar(score: float | None, width: int = 8) -> str:
    """A bar of block characters, `width` wide, so the picture survives without colour."""
    if score is None:
        return "·" * width
    eighths = round(max(0.0, min(1.0, score)) * width * 8)
    full, rest = divmod(eighths, 8)
    text = "█" * full + (_EIGHTHS[rest] if rest else "")
    return text.ljust(width, "░")


def wrap_prose(text: str, width: int) -> str:
    """Wrap each line between words at `width`; a line that starts with a space is kept whole."""
    import textwrap

    lines = []
    for line in text.split("\n"):
        if len(line) <= width or line[:1].isspace():
            lines.append(line)
        else:
            lines.append(textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(lines)


def percent(score: float | None) -> str:
    return "–" if score is None else f"{round(score * 100)}%"


def dutch_date(value: dt.date | None) -> str:
    return "" if value is None else f"{value.day} {MONTHS[value.month - 1]} {value.year}"

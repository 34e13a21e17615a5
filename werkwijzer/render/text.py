"""Plain-text building blocks shared by the terminal and markdown renderers."""

from __future__ import annotations

import datetime as dt
import math

from werkwijzer.core.model import Model

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
SECONDS_PER_STATEMENT = 15
NUMBER_WORDS = (
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
)


def minutes_for(statements: int) -> int:
    """Minutes a quickscan takes: rounded up, and to fives above five, so it is not too precise."""
    minutes = math.ceil(statements * SECONDS_PER_STATEMENT / 60)
    return minutes if minutes <= 5 else math.ceil(minutes / 5) * 5


def number_word(n: int) -> str:
    return NUMBER_WORDS[n] if 0 <= n < len(NUMBER_WORDS) else str(n)


def joined(names: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


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


def reached_rule(model: Model) -> str:
    """The scoring rule in one plain sentence: when a phase counts as reached, and where you are."""
    # A threshold t on the 0-1 scale is the answer 1 + 3t on the 1-4 scale: 2/3 is 'grotendeels'.
    on_scale = 1 + 3 * model.threshold
    below = max(
        (p for p in model.scale.points if p.value <= on_scale + 1e-9), key=lambda p: p.value
    )
    if abs(on_scale - below.value) < 1e-9:
        level = f"minstens ‘{below.label}’"
    else:
        above = min((p for p in model.scale.points if p.value > on_scale), key=lambda p: p.value)
        level = f"tussen ‘{below.label}’ en ‘{above.label}’"
    return (
        f"Een fase telt als bereikt als de uitspraken ervan gemiddeld {level} gelden "
        f"({round(model.threshold * 100)}% van het maximum). Je staat in de eerste fase die "
        "nog niet bereikt is."
    )

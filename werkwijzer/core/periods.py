"""Periods as a user types them for --since, --from and --to.

- 2025-10-01  one day
- 2025-10     one month
- 2025        one calendar year
- 2025/2026   one school year: 1 August 2025 up to and including 31 July 2026 (also 2025-2026)
- A..B        from the start of A up to and including the end of B, e.g. 2025-09..2026-07
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from werkwijzer.core.errors import WerkwijzerError

SCHOOL_YEAR_START_MONTH = 8

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_SCHOOL_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{4})$")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    text: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end


def parse_period(text: str) -> Period:
    """The period `text` names; WerkwijzerError with examples when it names none."""
    cleaned = text.strip()
    if ".." in cleaned:
        first, _, last = cleaned.partition("..")
        start, end = _single(first.strip(), text).start, _single(last.strip(), text).end
        if end < start:
            raise WerkwijzerError(f"De periode '{text}' eindigt voordat ze begint.")
        return Period(start, end, cleaned)
    return _single(cleaned, text)


def _single(part: str, typed: str) -> Period:
    try:
        if match := _DAY.match(part):
            day = dt.date(*map(int, match.groups()))
            return Period(day, day, part)
        if match := _MONTH.match(part):
            year, month = map(int, match.groups())
            last = calendar.monthrange(year, month)[1]
            return Period(dt.date(year, month, 1), dt.date(year, month, last), part)
        if match := _YEAR.match(part):
            year = int(match.group(1))
            return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), part)
        if (match := _SCHOOL_YEAR.match(part)) and int(match[2]) == int(match[1]) + 1:
            first = int(match[1])
            start = dt.date(first, SCHOOL_YEAR_START_MONTH, 1)
            end = dt.date(first + 1, SCHOOL_YEAR_START_MONTH, 1) - dt.timedelta(days=1)
            return Period(start, end, part)
    except ValueError:
        pass  # a month 13 or a 31 February: the same message as any other typo
    raise WerkwijzerError(
        f"'{typed}' is geen datum of periode. Schrijf bijvoorbeeld 2025-10-01 (een dag), 2025-10 "
        "(een maand), 2025 (een jaar), 2025/2026 (een schooljaar, 1 augustus tot en met 31 juli) "
        "of 2025-09..2026-07 (van en tot en met)."
    )


# --- school years --------------------------------------------------------------------------------


def school_year_of(day: dt.date) -> str:
    """The school year a day falls in, written as '2025/2026' (1 August to 31 July)."""
    first = day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1
    return f"{first}/{first + 1}"


def school_year_period(text: str) -> Period:
    """'2025/2026' (or '2025-2026') as a period; anything else is refused with an example."""
    match = _SCHOOL_YEAR.match(text.strip())
    if not match or int(match[2]) != int(match[1]) + 1:
        raise WerkwijzerError(
            f"'{text}' is geen schooljaar. Schrijf het als 2025/2026: het jaar waarin het begint "
            "en het jaar erna."
        )
    return _single(f"{match[1]}/{match[2]}", text)


def normal_school_year(text: str) -> str:
    """The one spelling of a school year: '2025-2026' and ' 2025 / 2026' become '2025/2026'."""
    return school_year_period(text).text


def previous_school_year(year: str) -> str:
    first = school_year_period(year).start.year - 1
    return f"{first}/{first + 1}"


def school_year_end(year: str) -> dt.date:
    return school_year_period(year).end

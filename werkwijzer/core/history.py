"""The history document, format werkwijzer-history/1: the scans kept in a store, newest first.

What `werkwijzer history --scans` shows; built from stored summaries, not from whole results.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.documents import described
from werkwijzer.core.model import PhaseId
from werkwijzer.core.store import ScanSummary, Source

HISTORY_FORMAT: Final = "werkwijzer-history/1"


@dataclass(frozen=True, kw_only=True)
class HistoryScan:
    id: int = described("The scan's number in the store (for compare and forget).")
    date: dt.date = described("The date in the answers file, else the day it was recorded.")
    date_in_file: bool = described("False when the answers file carried no date.")
    recorded_at: str = described("When the scan was recorded (UTC, ISO 8601).")
    source: Source
    school: str | None
    layer: str
    respondent: str | None
    model_version: str
    phases: dict[str, PhaseId | None] = described("Per aspect id the phase; null: too few answers.")


@dataclass(frozen=True, kw_only=True)
class History:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": HISTORY_FORMAT}

    format: Literal["werkwijzer-history/1"] = HISTORY_FORMAT
    database: str
    scans: list[HistoryScan]


def history(scans: Sequence[ScanSummary], database: Path) -> History:
    return History(
        database=str(database),
        scans=[
            HistoryScan(
                id=scan.id,
                date=scan.day,
                date_in_file=scan.date is not None,
                recorded_at=scan.recorded_at,
                source=scan.source,
                school=scan.school,
                layer=scan.layer,
                respondent=scan.respondent,
                model_version=scan.model_version,
                phases=scan.phases,
            )
            for scan in scans
        ],
    )

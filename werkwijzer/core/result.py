"""The result contract, format werkwijzer-result/1: what `score --json` prints and renderers read.

Plain frozen dataclasses: scoring builds them for every file, and `score --json` should start fast.
`werkwijzer schema result` derives the JSON Schema from these classes with pydantic.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, ClassVar, Final, Literal

from werkwijzer.core.documents import described
from werkwijzer.core.model import Effort, LayerId, PhaseId

RESULT_FORMAT: Final = "werkwijzer-result/1"


@dataclass(frozen=True, kw_only=True)
class InstrumentRef:
    id: str
    name: str


@dataclass(frozen=True, kw_only=True)
class ActionOut:
    id: str
    title: str
    description: str
    effort: Effort
    instruments: list[InstrumentRef]


@dataclass(frozen=True, kw_only=True)
class AspectResult:
    id: str
    name: str
    phase: PhaseId | None
    mastered_all: bool
    scores: dict[PhaseId, float | None]
    reached: dict[PhaseId, bool | None] = described(
        "Per phase: its score reaches the threshold; null when too few of its statements were "
        "answered. The phase is the first one not reached."
    )
    held_back_by: list[str] = described(
        "Ids of the statements of this phase answered below 'grotendeels' (1 or 2): what holds "
        "the respondent in the phase. Empty when every phase is reached or the phase is unknown."
    )
    higher_later_phase: PhaseId | None = described(
        "A later phase that scores at least one answer step (1/3) higher than this phase: a sign "
        "to read the statements of this phase again. Null when there is none."
    )
    answered: int
    total: int
    actions: list[ActionOut]


@dataclass(frozen=True, kw_only=True)
class Start:
    aspect: str
    phase: PhaseId


@dataclass(frozen=True, kw_only=True)
class Result:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": RESULT_FORMAT}

    format: Literal["werkwijzer-result/1"] = RESULT_FORMAT
    model_version: str
    layer: LayerId
    school: str | None
    respondent: str | None
    date: dt.date | None
    aspects: list[AspectResult]
    start: Start | None

    def aspect(self, aspect_id: str) -> AspectResult:
        return next(a for a in self.aspects if a.id == aspect_id)


@dataclass(frozen=True)
class Explained:
    """A result with the answers it came from, for `score --explain`: why each phase is what it is."""

    result: Result
    answers: dict[str, int | None]

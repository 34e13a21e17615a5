"""The result contract, format werkwijzer-result/1: what `score --json` prints and renderers read."""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict

from werkwijzer.model import Effort, LayerId, PhaseId

RESULT_FORMAT: Final = "werkwijzer-result/1"


class Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class InstrumentRef(Out):
    id: str
    name: str


class ActionOut(Out):
    id: str
    title: str
    description: str
    effort: Effort
    instruments: list[InstrumentRef]


class AspectResult(Out):
    id: str
    name: str
    phase: PhaseId | None
    mastered_all: bool
    scores: dict[PhaseId, float | None]
    answered: int
    total: int
    actions: list[ActionOut]


class Start(Out):
    aspect: str
    phase: PhaseId


class Result(Out):
    model_config = ConfigDict(frozen=True, title=RESULT_FORMAT)

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

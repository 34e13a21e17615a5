"""Plain text for history and compare, shared by the terminal and markdown renderers."""

from __future__ import annotations

import datetime as dt

from werkwijzer.core.compare import SAME_MARGIN, Side, Verdict
from werkwijzer.core.model import Model
from werkwijzer.render.text import dutch_date

VERDICT_MARKS: dict[Verdict, str] = {
    "vooruit": "▲ vooruit",
    "gelijk": "= gelijk",
    "achteruit": "▼ achteruit",
    "onbekend": "? onbekend",
}
NO_PHASE = "–"
LEGEND = (
    "Verschil per fase: de score nu min de score toen, in procentpunten. Oordeel: eerst telt de "
    "fase; in dezelfde fase telt een verschil van minstens "
    f"{round(SAME_MARGIN * 100)} punten in die fase als vooruit of achteruit. Onbekend: te weinig "
    "antwoorden om een fase te bepalen."
)
GROUP_NOTE = (
    "Bij een groep telt de fase van het team zoals in het teamrapport: de middelste fase (mediaan) "
    "van de respondenten, en per fase de gemiddelde score."
)


def points(change: float | None) -> str:
    """A score change in percentage points: +27, -5, 0; a dash when either score is missing."""
    if change is None:
        return NO_PHASE
    rounded = round(change * 100)
    return f"{rounded:+d}" if rounded else "0"


def phase_text(model: Model, phase: str | None) -> str:
    """The phase's name from the model ("Tussenfase"), or a dash when there is none."""
    return model.phase(phase).name if phase else NO_PHASE


def period_text(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return dutch_date(first)
    return f"{dutch_date(first)} – {dutch_date(last)}"


def side_text(model: Model, side: Side) -> str:
    """One line describing a side: which scan, school, layer, when. A group names no one."""
    if side.respondents > 1:
        stored = f": scan {', '.join(map(str, side.scans))}" if side.scans else ""
        parts = [f"{side.respondents} scans{stored}"]
    else:
        parts = [
            f"scan {side.scans[0]}" if side.scans else ", ".join(side.files),
            side.respondent or "",
        ]
    parts += [", ".join(side.schools), ", ".join(model.layer(x).name for x in side.layers)]
    parts.append(period_text(side.first_date, side.last_date))
    return " · ".join(p for p in parts if p)

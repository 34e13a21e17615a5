"""Plain text for the trend (werkwijzer history), shared by the terminal and markdown renderers."""

from __future__ import annotations

from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.trend import Trend, TrendYear

HIDDEN = "te weinig respondenten om te tonen"
PHASES_AND_NONE: tuple[PhaseId | None, ...] = (*PHASE_IDS, None)


def count_headers(model: Model) -> list[str]:
    return [
        "Schooljaar",
        "Aantal",
        *(short_phase(p.name) for p in model.phases),
        "Geen fase",
        "Teamfase",
    ]


def short_phase(name: str) -> str:
    """'Beginfase' -> 'Begin', 'Gevorderde fase' -> 'Gevorderde': narrow enough for 80 columns."""
    short = name[: -len("fase")].strip() if name.lower().endswith("fase") else name
    return short or name


def phase_name(model: Model, phase: str | None) -> str:
    return model.phase(phase).name if phase else "–"


def count_cells(model: Model, year: TrendYear, aspect_id: str) -> list[str]:
    """[begin, tussen, gevorderd, geen fase, teamfase] of one aspect in one year."""
    found = next((a for a in year.aspects if a.id == aspect_id), None)
    if found is None:  # a year too small to show, or an aspect its scans did not have
        return ["–"] * 5
    return [*(str(found.counts.of(p)) for p in PHASES_AND_NONE), phase_name(model, found.phase)]


def team_phase(model: Model, year: TrendYear, aspect_id: str, *, short: bool = False) -> str:
    found = next((a for a in year.aspects if a.id == aspect_id), None)
    name = phase_name(model, found.phase) if found else "–"
    return short_phase(name) if short and found and found.phase else name


def aspect_ids(model: Model, trend: Trend) -> list[tuple[str, str]]:
    """(id, name) of every aspect in the trend, in model order first."""
    names = {a.id: a.name for a in model.aspects}
    found = dict.fromkeys(a.id for s in trend.schools for y in s.years for a in y.aspects)
    ordered = [a for a in names if a in found] + [a for a in found if a not in names]
    return [(a, names.get(a, a)) for a in ordered]


def explanation(trend: Trend) -> str:
    return (
        "Per schooljaar (1 augustus tot en met 31 juli) het aantal respondenten in elke fase, en de "
        "teamfase: de middelste fase van iedereen, zoals in het teamrapport. Een bestuurder telt "
        "mee bij de scholen waarvan de antwoorden samen met zijn scan zijn ingelezen. Met minder "
        f"dan {trend.min_group} respondenten in een jaar staan er geen cijfers: dan zijn antwoorden "
        "tot personen te herleiden."
    )


def unplaced_note(trend: Trend) -> str:
    if not trend.unplaced:
        return ""
    what = "scan hoort" if trend.unplaced == 1 else "scans horen"
    return (
        f"{trend.unplaced} {what} bij geen school (geen school in het bestand, of een bestuurder "
        "die bij geen school is ingelezen); ze staan in werkwijzer history --scans."
    )

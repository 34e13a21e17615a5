"""A school over five school years, for the trend's HTML tests: four aspects, one year too small.

Each respondent gets a phase per aspect; the answers are made so the scoring finds that phase
(the phases before it mastered, that one not).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from conftest import answers_for, write_answers_file

from werkwijzer.core.model import LayerId, Model, PhaseId

SCHOOL = "OBS De Regenboog"
# Per target phase, the answer to every statement of each phase.
ANSWERS: dict[PhaseId, dict[PhaseId, int]] = {
    "begin": {"begin": 2, "tussen": 1, "gevorderd": 1},
    "tussen": {"begin": 4, "tussen": 2, "gevorderd": 1},
    "gevorderd": {"begin": 4, "tussen": 4, "gevorderd": 2},
}
# School year (its first calendar year) -> team size; 2023/2024 has too few to show.
YEARS = {2021: 8, 2022: 12, 2023: 2, 2024: 15, 2025: 21}


def team_phases(model: Model, first_year: int, size: int) -> list[dict[str, PhaseId]]:
    """Per respondent the phase per aspect: later years stand further, with some spread."""
    rng = random.Random(first_year)
    later = first_year - 2021  # 0..4
    weights = [max(1, 6 - 2 * later), 3, 1 + 2 * later]
    phases: list[PhaseId] = ["begin", "tussen", "gevorderd"]
    return [{a.id: rng.choices(phases, weights)[0] for a in model.aspects} for _ in range(size)]


def write_year(
    folder: Path, model: Model, day: dt.date, people: list[dict[str, PhaseId]], school: str
) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, targets in enumerate(people):
        layer: LayerId = "schoolleider" if n == 0 else "leraar"

        def value(aspect: str, phase: PhaseId, _item: str, t: dict[str, PhaseId] = targets) -> int:
            return ANSWERS[t[aspect]][phase]

        answers = answers_for(model, layer, value, school=school, date=day, respondent=f"R{n}")
        write_answers_file(folder / f"r{n}.yaml", model, answers)


def five_years(
    folder: Path, model: Model, school: str = SCHOOL
) -> dict[str, list[dict[str, PhaseId]]]:
    """Write the answers of five school years into folder/<year>; returns the phases per year."""
    made = {}
    for first, size in YEARS.items():
        people = team_phases(model, first, size)
        write_year(folder / str(first), model, dt.date(first, 10, 1), people, school)
        made[f"{first}/{first + 1}"] = people
    return made

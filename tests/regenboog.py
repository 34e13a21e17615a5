"""A realistic team for report tests: OBS De Regenboog, 1 bestuurder, 2 schoolleiders, 14 leraren.

Like the coach's test school (shared/reviews/team-workflow-2026-12.md): the teachers are split on
Werken met data (6 / 2 / 6), agree on Koers (2 / 10 / 2); one teacher stopped halfway (only the
first two aspects answered), another answered 'weet ik niet' on two beginfase statements of
Leidinggeven aan leren, and four teachers do not know one statement about the board's policy.
Files are named after (made-up) people, as a coach's folder would be.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import cast

from werkwijzer.core.answers import Answers, AnswerValue, dump_answers
from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId

ASPECTS = ("koers", "werken_met_data", "lerende_professionals", "leidinggeven_aan_leren")
# Per person: layer, then the phase per aspect in ASPECTS order (None: too few answers).
PEOPLE: list[tuple[str, LayerId, tuple[PhaseId | None, ...]]] = [
    ("Hans Koster", "bestuurder", ("tussen", "tussen", "tussen", "begin")),
    ("Ellen Smit", "schoolleider", ("gevorderd", "gevorderd", "tussen", "tussen")),
    ("Ruud Bakker", "schoolleider", ("tussen", "gevorderd", "tussen", "tussen")),
    ("Anouk Jansen", "leraar", ("begin", "begin", "begin", "begin")),
    ("Bram de Wit", "leraar", ("tussen", "begin", "tussen", "begin")),
    ("Fatima el Amrani", "leraar", ("tussen", "begin", "tussen", "begin")),
    ("Gerda Visser", "leraar", ("tussen", "begin", "tussen", "begin")),
    ("Hanneke Vos", "leraar", ("tussen", "begin", "tussen", None)),
    ("Ilse de Boer", "leraar", ("tussen", "begin", "begin", "begin")),
    ("Jeroen Mulder", "leraar", ("tussen", "tussen", "tussen", "tussen")),
    ("Karin Peters", "leraar", ("tussen", "tussen", "tussen", "tussen")),
    ("Lotte Hendriks", "leraar", ("tussen", "gevorderd", "tussen", "begin")),
    ("Mohamed Yilmaz", "leraar", ("tussen", "gevorderd", "gevorderd", "begin")),
    ("Noor van Dijk", "leraar", ("begin", "gevorderd", "gevorderd", "tussen")),
    ("Pieter de Groot", "leraar", ("gevorderd", "gevorderd", "gevorderd", "tussen")),
    ("Sanne Bos", "leraar", ("gevorderd", "gevorderd", "tussen", "begin")),
    ("Tom Kuipers", "leraar", ("tussen", "gevorderd", None, None)),
]
MASTERED = [(4, 4, 3), (4, 3, 4), (3, 4, 4), (4, 4, 4)]
# Below the threshold of 2/3 (grotendeels on average): each scores 4/9 or 5/9.
STUCK = [(3, 2, 3), (3, 3, 2), (2, 3, 3), (2, 2, 2), (2, 2, 3)]
AFTER = [(1, 2, 1), (2, 1, 2), (1, 1, 2), (2, 2, 1), (1, 1, 1)]
# Four teachers do not know what the board does here (a statement about the board's policy).
UNKNOWN_ITEM = "leidinggeven_aan_leren.leraar.tussen.3"
UNKNOWN_BY = ("Bram de Wit", "Gerda Visser", "Jeroen Mulder", "Sanne Bos")
SCHOOL = "OBS De Regenboog"
BOARD = "Stichting De Linde"


def _values(phase: PhaseId, target: PhaseId | None, rng: random.Random) -> tuple[int, ...]:
    if target is None:
        return ()
    at, here = PHASE_IDS.index(target), PHASE_IDS.index(phase)
    if here < at or (target == "gevorderd" and here == at and rng.random() < 0.4):
        return rng.choice(MASTERED)
    return rng.choice(STUCK if here == at else AFTER)


def person_answers(model: Model, n: int) -> Answers:
    name, layer, phases = PEOPLE[n]
    rng = random.Random(n)
    answers: dict[str, AnswerValue] = {}
    for aspect_id, target in zip(ASPECTS, phases, strict=True):
        aspect = model.aspect(aspect_id)
        for phase in PHASE_IDS:
            items = aspect.cell(layer, phase).items
            for item, value in zip(items, _values(phase, target, rng), strict=False):
                answers[item.id] = cast(AnswerValue, value)
    if name == "Hanneke Vos":  # 'weet ik niet' twice in the beginfase of Leidinggeven aan leren
        for item in model.aspect("leidinggeven_aan_leren").cell(layer, "begin").items[:2]:
            answers[item.id] = None
        answers[model.aspect("leidinggeven_aan_leren").cell(layer, "begin").items[2].id] = 2
    if name in UNKNOWN_BY:
        answers[UNKNOWN_ITEM] = None
    return Answers(
        layer=layer,
        school=BOARD if layer == "bestuurder" else SCHOOL,
        respondent=name if n % 3 else None,  # some leave their name out
        date=dt.date(2025, 10, 6) + dt.timedelta(days=n % 4),
        model_version=model.version,
        answers=answers,
    )


def regenboog(folder: Path, model: Model) -> list[Path]:
    """Write the 17 answers files into `folder`; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (name, _layer, _phases) in enumerate(PEOPLE):
        path = folder / f"{name.lower().replace(' ', '-')}.yaml"
        path.write_text(dump_answers(person_answers(model, n), model), encoding="utf-8")
        paths.append(path)
    return paths

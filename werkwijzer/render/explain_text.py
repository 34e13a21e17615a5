"""The explained score as plain lines, shared by the terminal and markdown renderers.

Per aspect: each phase's score against the threshold (reached or not), the statements that hold
the respondent in their phase, and a warning when a later phase scores clearly higher.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from werkwijzer.core.model import PHASE_IDS, Model
from werkwijzer.core.result import AspectResult
from werkwijzer.render.text import percent


@dataclass(frozen=True)
class Step:
    phase: str  # the phase's name
    score: str  # "56%", or "–"
    verdict: str  # "bereikt", "nog niet bereikt", "te weinig antwoorden"
    here: bool  # the respondent's phase


@dataclass(frozen=True)
class Holding:
    text: str  # the statement
    answer: str  # the answer's label


def walk(model: Model, aspect: AspectResult) -> list[Step]:
    steps = []
    for phase in PHASE_IDS:
        reached = aspect.reached[phase]
        verdict = (
            "te weinig antwoorden"
            if reached is None
            else ("bereikt" if reached else "nog niet bereikt")
        )
        here = aspect.phase == phase and not aspect.mastered_all
        steps.append(Step(model.phase(phase).name, percent(aspect.scores[phase]), verdict, here))
    return steps


def holding(model: Model, aspect: AspectResult, answers: Mapping[str, int | None]) -> list[Holding]:
    out = []
    for item_id in aspect.held_back_by:
        place = model.place(item_id)
        if place is not None:
            out.append(Holding(place.item.text, model.scale.label(answers.get(item_id))))
    return out


def conclusion(model: Model, aspect: AspectResult) -> str:
    if aspect.phase is None:
        return (
            "Te weinig uitspraken beantwoord om een fase te bepalen: beantwoord er meer, of "
            "vraag na wat je niet weet."
        )
    name = model.phase(aspect.phase).name.lower()
    if aspect.mastered_all:
        return "Alle fasen zijn bereikt: je staat in de gevorderde fase en hebt die ook bereikt."
    if not aspect.held_back_by:
        return (
            f"Je staat in de {name}: die is nog niet bereikt, omdat te weinig van haar "
            "uitspraken beantwoord zijn of 'weet ik niet' kregen."
        )
    return f"Je staat in de {name}. Dit zijn de uitspraken waar het om draait:"


def later_warning(model: Model, aspect: AspectResult) -> str | None:
    if aspect.higher_later_phase is None or aspect.phase is None:
        return None
    later = model.phase(aspect.higher_later_phase).name.lower()
    here = model.phase(aspect.phase).name.lower()
    return (
        f"Let op: de {later} scoort duidelijk hoger dan de {here}. Lees de uitspraken van de "
        f"{here} nog eens: misschien heb je die strenger gelezen dan bedoeld."
    )

"""Making the plan at a terminal: per aspect a target (NU -> STRAKS, by when), then priorities.

Nothing typed is lost: the plan file is written (atomically) after every answer, and Ctrl-C or
Ctrl-D at any prompt ends with a message naming the file and the command to go on. A question
already answered (in the file, or by an option) is not asked again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from werkwijzer.core.errors import Interrupted, WerkwijzerError
from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.periods import normal_school_year, school_year_end
from werkwijzer.core.plan import (
    DAY_HINT,
    MAX_PRIORITIES,
    Plan,
    Priority,
    Target,
    parse_day,
    write_plan,
)
from werkwijzer.core.plan_making import action_choices
from werkwijzer.interactive.scan import ACCENT, CHOOSE_HINT, MUTED, STYLE, command_path, shown_path
from werkwijzer.interactive.scan import _ask as ask

NO_TARGET = "geen"
DONE = "klaar"
OWN_TEXT = "eigen"


def ask_school() -> str:
    typed: str = ask(
        questionary.text(
            "Voor welke school is het plan?",
            validate=lambda t: bool(t.strip()) or "Vul de naam van de school in.",
            style=STYLE,
        )
    )
    return " ".join(typed.split())


def ask_school_year(default: str) -> str:
    def valid(typed: str) -> bool | str:
        try:
            normal_school_year(typed)
        except WerkwijzerError:
            return "Schrijf het schooljaar als 2025/2026."
        return True

    typed: str = ask(
        questionary.text("Voor welk schooljaar?", default=default, validate=valid, style=STYLE)
    )
    return normal_school_year(typed)


def run(
    model: Model,
    plan: Plan,
    path: Path,
    *,
    console: Console,
    input: Input | None = None,
    output: Output | None = None,
) -> Plan:
    """Ask every open question of `plan`, saving `path` after each answer; returns the plan."""
    session = _Session(model, plan, path)
    session.save(plan)
    with create_app_session(input=input, output=output), _stopped(path):
        _show_now(console, model, plan)
        for aspect in model.aspects:
            session.target(console, aspect.id)
        console.print()
        console.print(
            Text(
                f"Kies nu hoogstens {MAX_PRIORITIES} prioriteiten: waar gaat het team dit jaar "
                "echt mee aan de slag? Per prioriteit een actie uit het model of een eigen "
                "tekst, wie de eigenaar is, de deadline, wanneer jullie terugkijken en wanneer "
                "het gelukt is.",
            )
        )
        session.priorities(console)
    return session.plan


class _Session:
    """The plan as far as it is answered, saved after every change."""

    def __init__(self, model: Model, plan: Plan, path: Path) -> None:
        self.model = model
        self.plan = plan
        self.path = path

    def save(self, plan: Plan) -> None:
        try:
            write_plan(self.path, plan, self.model)
        except OSError as exc:
            raise WerkwijzerError(
                f"Het plan kan niet worden opgeslagen in {shown_path(self.path)} "
                f"({exc.strerror or type(exc).__name__}). Kies met --output een bestand in een "
                "map waar je mag schrijven."
            ) from None
        self.plan = plan

    # --- targets ---

    def target(self, console: Console, aspect_id: str) -> None:
        found = self.plan.target(aspect_id)
        if found is not None and (found.target is None or found.by is not None):
            return  # answered: a target with its date, or no target
        if found is None:
            now = self.plan.now.get(aspect_id)
            console.print()
            now_text = self.model.phase(now).name.lower() if now else "nog onbekend"
            console.print(
                Text(f"{self.model.aspect(aspect_id).name} · nu: {now_text}", style=ACCENT)
            )
            chosen = _ask_target(self.model, now)
            found = Target(aspect=aspect_id, target=chosen, by=None)
            self._set_target(found)
            if chosen is None:
                return
        assert found.target is not None
        by = _ask_day(
            f"Uiterlijk wanneer wil het team de {self.model.phase(found.target).name.lower()} "
            "bereiken?",
            default=school_year_end(self.plan.school_year),
        )
        self._set_target(dataclasses.replace(found, by=by))

    def _set_target(self, target: Target) -> None:
        others = [t for t in self.plan.targets if t.aspect != target.aspect]
        order = [a.id for a in self.model.aspects]
        targets = sorted([*others, target], key=lambda t: order.index(t.aspect))
        self.save(dataclasses.replace(self.plan, targets=targets))

    # --- priorities ---

    def priorities(self, console: Console) -> None:
        while True:
            open_one = next((p for p in self.plan.priorities if not p.complete()), None)
            if open_one is not None:
                self._finish(console, self.plan.priorities.index(open_one))
                continue
            if len(self.plan.priorities) >= MAX_PRIORITIES:
                return
            number = len(self.plan.priorities) + 1
            console.print()
            console.print(Text(f"Prioriteit {number} van hoogstens {MAX_PRIORITIES}", style=ACCENT))
            aspect = _ask_priority_aspect(self.model, self.plan, first=number == 1)
            if aspect is None:
                return
            self._set_priority(len(self.plan.priorities), Priority(aspect=aspect))

    def _finish(self, console: Console, index: int) -> None:
        """Ask what this priority still lacks, one answer (and one save) at a time."""
        p = self.plan.priorities[index]
        if not (p.action or p.text):
            action = _ask_action(self.model, p.aspect, self.plan.now.get(p.aspect))
            text = _ask_text("Beschrijf de prioriteit in een zin:") if action is None else None
            p = dataclasses.replace(p, action=action, text=text)
        elif not p.owner:
            p = dataclasses.replace(p, owner=_ask_text("Wie is de eigenaar? (een rol of een naam)"))
        elif not p.deadline:
            p = dataclasses.replace(p, deadline=_ask_day("Wat is de deadline?"))
        elif not p.evaluation:
            p = dataclasses.replace(
                p,
                evaluation=_ask_day(
                    "Wanneer kijken jullie terug (het evaluatiemoment)?", default=p.deadline
                ),
            )
        else:
            p = dataclasses.replace(p, success=_ask_text("Wanneer is het gelukt? (succes als ...)"))
        self._set_priority(index, p)

    def _set_priority(self, index: int, priority: Priority) -> None:
        priorities = list(self.plan.priorities)
        if index < len(priorities):
            priorities[index] = priority
        else:
            priorities.append(priority)
        self.save(dataclasses.replace(self.plan, priorities=priorities))


# --- the questions -------------------------------------------------------------------------------


def _ask_target(model: Model, now: PhaseId | None) -> PhaseId | None:
    start = PHASE_IDS.index(now) if now else 0
    choices = [
        questionary.Choice(
            f"{model.phase(p).name}" + (" (vasthouden)" if p == now else ""), value=p
        )
        for p in PHASE_IDS[start:]
    ]
    choices.append(questionary.Choice("Geen doel voor dit aspect dit jaar", value=NO_TARGET))
    chosen: PhaseId | str = ask(
        questionary.select(
            "Waar wil het team straks staan?",
            choices=choices,
            use_shortcuts=True,
            instruction=CHOOSE_HINT,
            style=STYLE,
        )
    )
    return next((p for p in PHASE_IDS if p == chosen), None)


def _ask_priority_aspect(model: Model, plan: Plan, *, first: bool) -> str | None:
    with_target = [t.aspect for t in plan.targets if t.target is not None]
    aspects = sorted(model.aspects, key=lambda a: a.id not in with_target)
    choices = [
        questionary.Choice(a.name + (" (met doel)" if a.id in with_target else ""), value=a.id)
        for a in aspects
    ]
    stop = "Geen prioriteiten" if first else "Klaar: geen prioriteiten meer"
    choices.append(questionary.Choice(stop, value=DONE))
    chosen: str = ask(
        questionary.select(
            "Bij welk aspect hoort deze prioriteit?",
            choices=choices,
            use_shortcuts=True,
            instruction=CHOOSE_HINT,
            style=STYLE,
        )
    )
    return None if chosen == DONE else chosen


def _ask_action(model: Model, aspect_id: str, phase: PhaseId | None) -> str | None:
    """An action id, or None for the team's own text."""
    actions = action_choices(model, aspect_id, phase)
    choices = [
        questionary.Choice(f"{model.layer(a.layer).name}: {a.title}", value=a.id) for a in actions
    ]
    choices.append(questionary.Choice("Eigen tekst", value=OWN_TEXT))
    phase_name = model.phase(phase or PHASE_IDS[0]).name.lower()
    chosen: str = ask(
        questionary.select(
            f"Welke actie? (uit het model, voor de {phase_name})",
            choices=choices,
            use_shortcuts=len(choices) <= 36,
            instruction=CHOOSE_HINT,
            style=STYLE,
        )
    )
    return None if chosen == OWN_TEXT else chosen


def _ask_text(question: str) -> str:
    typed: str = ask(
        questionary.text(
            question, validate=lambda t: bool(t.strip()) or "Vul iets in.", style=STYLE
        )
    )
    return " ".join(typed.split())


def _ask_day(question: str, default: dt.date | None = None) -> dt.date:
    typed: str = ask(
        questionary.text(
            question,
            default=default.isoformat() if default else "",
            validate=lambda t: parse_day(t) is not None or f"Geen datum: {DAY_HINT}.",
            style=STYLE,
        )
    )
    day = parse_day(typed)
    assert day is not None  # the prompt accepts nothing else
    return day


# --- screens and stopping ------------------------------------------------------------------------


def _show_now(console: Console, model: Model, plan: Plan) -> None:
    console.print(Text(f"Plan voor {plan.school}, schooljaar {plan.school_year}", style=ACCENT))
    counted = f" (uit {plan.respondents} scans)" if plan.respondents else ""
    console.print(Text(f"Waar het team nu staat{counted}:"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    table.add_column("Aspect")
    table.add_column("Nu")
    for aspect in model.aspects:
        now = plan.now.get(aspect.id)
        table.add_row(aspect.name, model.phase(now).name if now else "nog onbekend")
    console.print(table)
    console.print(
        Text(
            "Kies per aspect waar het team straks wil staan, en wanneer. Je plan wordt na elk "
            "antwoord bewaard; stoppen kan altijd met Ctrl-C.",
            style=MUTED,
        )
    )


def resume_command(path: Path) -> str:
    return f"werkwijzer plan --resume {command_path(path)}"


@contextlib.contextmanager
def _stopped(path: Path) -> Iterator[None]:
    try:
        yield
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(
            f"\nGestopt. Alles wat je al koos, staat in:\n  {shown_path(path)}\n"
            f"Verder gaan waar je gebleven was:\n  {resume_command(path)}"
        ) from None

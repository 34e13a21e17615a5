"""Making a plan from what the command line says: targets and priorities typed as options.

`werkwijzer plan` asks for what the options leave open (in a terminal), but everything it asks can
also be given as an option, so a plan can be made by a script. Written forms:

- a target: `ASPECT=FASE`, optionally `@DATUM`: `--target "werken met data=tussen@2026-06-30"`;
  `ASPECT=geen` records that this aspect has no target this year;
- a priority: an action id of the model (`--priority werken_met_data.leraar.begin.data-bespreken`)
  or the team's own text for an aspect (`--priority "koers=Visie op de studiedag"`); the n-th
  --owner, --deadline, --evaluation and --success belong to the n-th --priority.
Aspects and phases may be ids, Dutch names or an unambiguous beginning of one.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import PHASE_IDS, LayerId, Model, PhaseId
from werkwijzer.core.names import resolve_choice
from werkwijzer.core.plan import (
    DAY_HINT,
    MAX_PRIORITIES,
    Plan,
    Priority,
    Target,
    find_action,
    parse_day,
)

if TYPE_CHECKING:
    from werkwijzer.core.compare import Scored

NO_TARGET_WORDS = ("geen", "none", "-")


def resolve_aspect(model: Model, typed: str) -> str:
    return resolve_choice("aspect", typed, [(a.id, a.name) for a in model.aspects])


def resolve_phase(model: Model, typed: str) -> PhaseId:
    return cast(PhaseId, resolve_choice("fase", typed, [(p.id, p.name) for p in model.phases]))


def day_option(option: str, typed: str) -> dt.date:
    day = parse_day(typed)
    if day is None:
        raise WerkwijzerError(f"{option} '{typed}' is geen datum; {DAY_HINT}.")
    return day


def parse_target(
    model: Model, typed: str, now: Mapping[str, PhaseId | None], by: dt.date | None
) -> Target:
    """'werken met data=tussen@2026-06-30' -> a target, starting from the team's phase now."""
    head, at, date_text = typed.rpartition("@") if "@" in typed else (typed, "", "")
    aspect_text, equals, phase_text = head.partition("=")
    if not equals or not aspect_text.strip() or not phase_text.strip():
        raise WerkwijzerError(
            f"--target '{typed}' is niet te lezen. Schrijf ASPECT=FASE, eventueel met @DATUM: "
            "--target 'werken met data=tussen@2026-06-30', of ASPECT=geen."
        )
    aspect = resolve_aspect(model, aspect_text.strip())
    when = day_option("--target", date_text) if at else by
    if phase_text.strip().lower() in NO_TARGET_WORDS:
        return Target(aspect=aspect, target=None, by=None)
    target = resolve_phase(model, phase_text.strip())
    start = now.get(aspect)
    if start is not None and PHASE_IDS.index(target) < PHASE_IDS.index(start):
        raise WerkwijzerError(
            f"--target '{typed}': het team staat nu al in de {model.phase(start).name.lower()}; "
            "kies dat als doel (vasthouden) of een fase hoger."
        )
    return Target(aspect=aspect, target=target, by=when)


def parse_priority(model: Model, typed: str) -> Priority:
    """An action id, or 'ASPECT=own text'."""
    text = typed.strip()
    found = find_action(model, text)
    if found is not None:
        return Priority(aspect=found[0], action=text)
    aspect_text, equals, own = text.partition("=")
    if not equals or not own.strip():
        raise WerkwijzerError(
            f"--priority '{typed}' is geen actie van het model en geen ASPECT=TEKST. Kies een "
            "actie (de ids staan in werkwijzer actions --json) of schrijf bijvoorbeeld "
            "--priority 'koers=Visie bespreken op de studiedag'."
        )
    return Priority(aspect=resolve_aspect(model, aspect_text.strip()), text=" ".join(own.split()))


@dataclass(frozen=True)
class PlanOptions:
    """What the command line gave, beyond school and school year."""

    targets: Sequence[str] = ()
    by: str | None = None
    priorities: Sequence[str] = ()
    owners: Sequence[str] = ()
    deadlines: Sequence[str] = ()
    evaluations: Sequence[str] = ()
    successes: Sequence[str] = ()
    notes: list[str] = field(default_factory=list)


def apply_options(
    model: Model, plan: Plan, options: PlanOptions, now: Mapping[str, PhaseId | None]
) -> Plan:
    """The plan with the targets and priorities of the options; given priorities replace all."""
    by = day_option("--by", options.by) if options.by is not None else None
    targets = {t.aspect: t for t in plan.targets}
    for typed in options.targets:
        target = parse_target(model, typed, now, by)
        targets[target.aspect] = target
    if by is not None:  # --by also dates the targets that have none yet
        targets = {
            a: t if t.by or t.target is None else dataclasses.replace(t, by=by)
            for a, t in targets.items()
        }
    order = [a.id for a in model.aspects]
    plan = dataclasses.replace(
        plan, targets=sorted(targets.values(), key=lambda t: order.index(t.aspect))
    )
    extras = {
        "--owner": options.owners,
        "--deadline": options.deadlines,
        "--evaluation": options.evaluations,
        "--success": options.successes,
    }
    if not options.priorities:
        if any(extras.values()):
            raise WerkwijzerError(
                "--owner, --deadline, --evaluation en --success horen bij een --priority: de "
                "eerste bij de eerste prioriteit, de tweede bij de tweede."
            )
        return plan
    if len(options.priorities) > MAX_PRIORITIES:
        raise WerkwijzerError(
            f"Kies hoogstens {MAX_PRIORITIES} prioriteiten, zodat het plan te doen blijft."
        )
    for option, values in extras.items():
        if len(values) > len(options.priorities):
            raise WerkwijzerError(
                f"Er zijn meer {option} ({len(values)}) dan --priority ({len(options.priorities)})."
            )
    priorities = []
    for n, typed in enumerate(options.priorities):
        priority = parse_priority(model, typed)
        priorities.append(
            dataclasses.replace(
                priority,
                owner=_nth(options.owners, n),
                deadline=_nth_day("--deadline", options.deadlines, n),
                evaluation=_nth_day("--evaluation", options.evaluations, n),
                success=_nth(options.successes, n),
            )
        )
    return dataclasses.replace(plan, priorities=priorities)


def _nth(values: Sequence[str], n: int) -> str | None:
    if n >= len(values):
        return None
    return " ".join(values[n].split()) or None


def _nth_day(option: str, values: Sequence[str], n: int) -> dt.date | None:
    return day_option(option, values[n]) if n < len(values) else None


# --- the actions to choose from ------------------------------------------------------------------


@dataclass(frozen=True)
class ActionChoice:
    id: str
    layer: LayerId
    title: str


def action_choices(model: Model, aspect_id: str, phase: PhaseId | None) -> list[ActionChoice]:
    """The model's actions for this aspect in this phase (the beginfase when unknown), per layer;
    the board's last, since a school's plan is mostly about the school's own work."""
    aspect = model.aspect(aspect_id)
    layers = sorted(model.layers, key=lambda layer: layer.id == "bestuurder")
    return [
        ActionChoice(action.id, layer.id, " ".join(action.title.split()))
        for layer in layers
        for action in aspect.cell(layer.id, phase or PHASE_IDS[0]).actions
    ]


# --- where the team stands now -------------------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """The team's phase per aspect (NU), how many scans it came from, and what they name."""

    phases: dict[str, PhaseId | None]
    respondents: int
    school: str | None = None  # the one school the answers name, if they name one
    school_year: str | None = None  # the one school year their dates fall in, if they do


def standing_of(model: Model, scans: Sequence[Scored]) -> Standing:
    """The team phase per aspect as the team report counts it: the median of everyone."""
    from werkwijzer.core.periods import school_year_of
    from werkwijzer.core.team import BOARD_LAYER, distinct_schools, median_phase

    phases = {
        a.id: median_phase(x.phase for s in scans for x in s.aspects if x.id == a.id)
        for a in model.aspects
    }
    schools = distinct_schools(s.school for s in scans if s.layer != BOARD_LAYER)
    years = {school_year_of(s.date) for s in scans if s.date is not None}
    return Standing(
        phases=phases,
        respondents=len(scans),
        school=schools[0] if len(schools) == 1 else None,
        school_year=next(iter(years)) if len(years) == 1 else None,
    )

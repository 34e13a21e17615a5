"""The school's plan, format werkwijzer-plan/1: targets per aspect and at most three priorities.

```yaml
format: werkwijzer-plan/1
school: OBS De Regenboog
school_year: 2025/2026
made: 2025-11-20               # optional
model_version: "2026.11"       # optional: the model the action ids come from
respondents: 17                # optional: how many scans the phases under `now` came from
now:                           # optional: where the team stood per aspect (NU): its team phase
  koers: tussen
  werken_met_data: begin
targets:                       # per aspect where the team wants to be (STRAKS), and by when
  - aspect: werken_met_data
    target: tussen             # null: no target for this aspect this year
    by: 2026-06-30             # optional
priorities:                    # at most three
  - aspect: werken_met_data
    action: werken_met_data.leraar.begin.data-bespreken   # an action of the model, or null ...
    text: null                 # ... and the team's own text
    owner: IB'er               # a role or a name, the school's choice
    deadline: 2026-03-01
    evaluation: 2026-04-15     # when the team looks back on it
    success: Elk bouwoverleg bespreekt de toetsgegevens.
```

Everything after a priority's aspect may still be open (null): `werkwijzer plan` saves after every
answer, and a plan in the making is a plan too. A file is refused, with the line, when it has an
unknown key, an unknown aspect, phase or action, an action of another aspect, a target below where
the team stands now, an aspect twice among the targets, more than three priorities, or a date that
is not a date. Aspects and phases may be written as ids or Dutch names (`Werken met data`,
`Tussenfase`); the file werkwijzer writes uses ids.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar, Final, Literal, cast

from werkwijzer.core.atomic import atomic_write_text
from werkwijzer.core.documents import described
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import PHASE_IDS, Action, Model, PhaseId
from werkwijzer.core.names import resolve_choice
from werkwijzer.core.periods import normal_school_year
from werkwijzer.core.yamlio import YamlSyntaxError, line_of, load_yaml

PLAN_FORMAT: Final = "werkwijzer-plan/1"
MAX_PRIORITIES = 3
MAX_PLAN_BYTES = 1_000_000  # a plan is a page of text; anything this large is not a plan


class PlanError(WerkwijzerError):
    """A plan file cannot be read or does not fit the model."""


@dataclass(frozen=True, kw_only=True)
class Target:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    aspect: str = described("Aspect id.")
    target: PhaseId | None = described(
        "The phase to reach (STRAKS); null: no target for this aspect this year.", default=None
    )
    by: dt.date | None = described("When the target should be reached.", default=None)


@dataclass(frozen=True, kw_only=True)
class Priority:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"extra": "forbid"}

    aspect: str = described("Aspect id.")
    action: str | None = described(
        "Id of one of the model's actions for this aspect.", default=None
    )
    text: str | None = described(
        "The team's own text, instead of or next to an action.", default=None
    )
    owner: str | None = described(
        "Who takes it on: a role or a name, the school's choice.", default=None
    )
    deadline: dt.date | None = None
    evaluation: dt.date | None = described("When the team looks back on it.", default=None)
    success: str | None = described("What success looks like.", default=None)

    def complete(self) -> bool:
        """Everything `werkwijzer plan` asks about this priority has an answer."""
        return bool(
            (self.action or self.text)
            and self.owner
            and self.deadline
            and self.evaluation
            and self.success
        )


@dataclass(frozen=True, kw_only=True)
class Plan:
    __pydantic_config__: ClassVar[dict[str, Any]] = {"title": PLAN_FORMAT, "extra": "forbid"}

    format: Literal["werkwijzer-plan/1"] = PLAN_FORMAT
    school: str
    school_year: str = described("The school year the plan is for, e.g. 2025/2026.")
    made: dt.date | None = None
    model_version: str | None = described("The model the action ids come from.", default=None)
    respondents: int | None = described(
        "How many scans the phases under `now` came from.", default=None
    )
    now: dict[str, PhaseId | None] = described(
        "Per aspect id the team's phase when the plan was made (NU); null: unknown.",
        default_factory=dict,
    )
    targets: list[Target] = field(default_factory=list)
    priorities: list[Priority] = field(default_factory=list)

    def target(self, aspect_id: str) -> Target | None:
        return next((t for t in self.targets if t.aspect == aspect_id), None)


# --- dates as people type them -------------------------------------------------------------------

_DUTCH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})$")


def parse_day(value: object) -> dt.date | None:
    """A date from YAML or from what someone typed: 2026-06-30 or 30-6-2026; None if it is none."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    try:
        if match := _DUTCH_DAY.match(text):
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


DAY_HINT = "schrijf een datum als 2026-06-30 of 30-6-2026"


# --- reading -------------------------------------------------------------------------------------

_PLAN_KEYS = {f.name for f in fields(Plan)}
_TARGET_KEYS = {f.name for f in fields(Target)}
_PRIORITY_KEYS = {f.name for f in fields(Priority)}
Fail = Callable[..., PlanError]


def read_plan(path: Path, model: Model) -> Plan:
    """Read and check a plan file (YAML or JSON). Raises PlanError with one Dutch line."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_PLAN_BYTES + 1)
    except FileNotFoundError:
        raise PlanError(f"{name}: bestand niet gevonden") from None
    except IsADirectoryError:
        raise PlanError(f"{name}: dit is een map, geen planbestand") from None
    except OSError as exc:
        raise PlanError(f"{name}: kan niet gelezen worden ({exc.strerror})") from None
    if len(raw) > MAX_PLAN_BYTES:
        raise PlanError(f"{name}: te groot voor een plan (meer dan 1 MB)")
    return parse_plan(raw, model, name)


def parse_plan(raw: bytes, model: Model, name: str) -> Plan:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError(f"{name}: geen UTF-8-tekst; sla het bestand op als UTF-8") from None
    if not text.strip():
        raise PlanError(f"{name}: het bestand is leeg")
    try:
        data = json.loads(text) if text.lstrip().startswith("{") else load_yaml(text)
    except json.JSONDecodeError as exc:
        raise PlanError(f"{name}, regel {exc.lineno}: geen geldige JSON ({exc.msg})") from None
    except YamlSyntaxError as exc:
        line = f", regel {exc.line}" if exc.line else ""
        raise PlanError(f"{name}{line}: geen geldige YAML ({exc.problem})") from None

    def fail(message: str, *path: str | int) -> PlanError:
        line = line_of(text, path) if path else None
        return PlanError(f"{name}, regel {line}: {message}" if line else f"{name}: {message}")

    return _check_plan(data, model, fail)


def _check_plan(data: Any, model: Model, fail: Fail) -> Plan:
    if not isinstance(data, dict):
        raise fail("dit is geen planbestand (verwacht sleutels zoals format, school en targets)")
    if data.get("format") != PLAN_FORMAT:
        shown = data.get("format")
        if shown is None:
            raise fail(f"'format: {PLAN_FORMAT}' ontbreekt; is dit wel een planbestand?")
        raise fail(f"onbekend formaat '{shown}'; verwacht {PLAN_FORMAT}", "format")
    _no_unknown_keys(data, _PLAN_KEYS, fail, ())
    school = _text(data, "school", fail, ())
    if school is None:
        raise fail("'school' ontbreekt: voor welke school is dit plan?")
    year = data.get("school_year")
    if not isinstance(year, str):
        raise fail("'school_year' ontbreekt of is geen schooljaar als 2025/2026", "school_year")
    try:
        school_year = normal_school_year(year)
    except WerkwijzerError as exc:
        raise fail(exc.message, "school_year") from None
    respondents = data.get("respondents")
    if respondents is not None and (
        isinstance(respondents, bool) or not isinstance(respondents, int) or respondents < 0
    ):
        raise fail("'respondents' moet een aantal zijn", "respondents")
    return Plan(
        school=school,
        school_year=school_year,
        made=_day(data, "made", fail, ()),
        model_version=_text(data, "model_version", fail, ()),
        respondents=respondents,
        now=(now := _now(data.get("now"), model, fail)),
        targets=_targets(data.get("targets"), model, now, fail),
        priorities=_priorities(data.get("priorities"), model, fail),
    )


def _now(value: Any, model: Model, fail: Fail) -> dict[str, PhaseId | None]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail("'now' moet per aspect de fase geven, zoals 'koers: tussen'", "now")
    out: dict[str, PhaseId | None] = {}
    for typed in value:
        aspect = _aspect({"aspect": typed}, model, fail, ("now",))
        out[aspect] = _phase(value, typed, model, fail, ("now",))
    order = [a.id for a in model.aspects]
    return {a: out[a] for a in sorted(out, key=order.index)}


def _targets(value: Any, model: Model, now: dict[str, PhaseId | None], fail: Fail) -> list[Target]:
    entries = _entries(value, "targets", fail)
    out: list[Target] = []
    for n, entry in enumerate(entries):
        where = ("targets", n)
        _no_unknown_keys(entry, _TARGET_KEYS, fail, where)
        aspect = _aspect(entry, model, fail, where)
        if any(t.aspect == aspect for t in out):
            raise fail(f"het aspect '{aspect}' staat twee keer bij de doelen", *where)
        target = _phase(entry, "target", model, fail, where)
        start = now.get(aspect)
        if start and target and PHASE_IDS.index(target) < PHASE_IDS.index(start):
            raise fail(
                f"het doel ({target}) ligt lager dan waar het team nu staat ({start})", *where
            )
        out.append(Target(aspect=aspect, target=target, by=_day(entry, "by", fail, where)))
    order = [a.id for a in model.aspects]
    return sorted(out, key=lambda t: order.index(t.aspect))


def _priorities(value: Any, model: Model, fail: Fail) -> list[Priority]:
    entries = _entries(value, "priorities", fail)
    if len(entries) > MAX_PRIORITIES:
        raise fail(
            f"er staan {len(entries)} prioriteiten in het plan; kies er hoogstens "
            f"{MAX_PRIORITIES}, zodat het te doen blijft",
            "priorities",
        )
    out = []
    for n, entry in enumerate(entries):
        where = ("priorities", n)
        _no_unknown_keys(entry, _PRIORITY_KEYS, fail, where)
        aspect = _aspect(entry, model, fail, where)
        action = _text(entry, "action", fail, where)
        if action is not None:
            found = find_action(model, action)
            if found is None:
                raise fail(f"onbekende actie '{action}'", *where, "action")
            if found[0] != aspect:
                raise fail(
                    f"de actie '{action}' hoort bij het aspect {found[0]}, niet bij {aspect}",
                    *where,
                    "action",
                )
        out.append(
            Priority(
                aspect=aspect,
                action=action,
                text=_text(entry, "text", fail, where),
                owner=_text(entry, "owner", fail, where),
                deadline=_day(entry, "deadline", fail, where),
                evaluation=_day(entry, "evaluation", fail, where),
                success=_text(entry, "success", fail, where),
            )
        )
    return out


def _entries(value: Any, key: str, fail: Fail) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
        raise fail(f"'{key}' moet een lijst zijn, met per regel '- aspect: ...'", key)
    return value


def _no_unknown_keys(
    data: dict[str, Any], known: set[str], fail: Fail, where: Sequence[str | int]
) -> None:
    for key in data:
        if key not in known:
            raise fail(f"onbekende sleutel '{key}'", *where, str(key))


def _text(data: dict[str, Any], key: str, fail: Fail, where: Sequence[str | int]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, (bool, dict, list)):
        raise fail(f"'{key}' moet tekst zijn", *where, key)
    return " ".join(str(value).split()) or None


def _day(data: dict[str, Any], key: str, fail: Fail, where: Sequence[str | int]) -> dt.date | None:
    value = data.get(key)
    if value is None:
        return None
    day = parse_day(value)
    if day is None:
        raise fail(f"'{key}' is geen datum ({value}); {DAY_HINT}", *where, key)
    return day


def _aspect(data: dict[str, Any], model: Model, fail: Fail, where: Sequence[str | int]) -> str:
    typed = data.get("aspect")
    if not isinstance(typed, str):
        raise fail("'aspect' ontbreekt", *where)
    try:
        return resolve_choice("aspect", typed, [(a.id, a.name) for a in model.aspects])
    except WerkwijzerError as exc:
        raise fail(exc.message, *where, "aspect") from None


def _phase(
    data: dict[str, Any], key: str, model: Model, fail: Fail, where: Sequence[str | int]
) -> PhaseId | None:
    typed = data.get(key)
    if typed is None:
        return None
    try:
        found = resolve_choice("fase", str(typed), [(p.id, p.name) for p in model.phases])
    except WerkwijzerError as exc:
        raise fail(exc.message, *where, key) from None
    return cast(PhaseId, found)


# --- the model's actions -------------------------------------------------------------------------


def find_action(model: Model, action_id: str) -> tuple[str, Action] | None:
    """(aspect id, action) for an action id, or None when the model has no such action."""
    for aspect, _layer, _phase, action in model.actions():
        if action.id == action_id:
            return aspect.id, action
    return None


# --- writing -------------------------------------------------------------------------------------


def dump_plan(plan: Plan, model: Model) -> str:
    """YAML text of a plan, with the names of aspects, phases and actions as comments."""
    lines = [
        "# Plan van de werkwijzer: doelen per aspect (nu -> straks) en hoogstens drie prioriteiten.",
        "# Fasen: begin, tussen, gevorderd. Een lege waarde (null) is nog niet ingevuld.",
        f"format: {PLAN_FORMAT}",
        f"school: {_scalar(plan.school)}",
        f"school_year: {plan.school_year}",
    ]
    if plan.made is not None:
        lines.append(f"made: {plan.made.isoformat()}")
    if plan.model_version is not None:
        lines.append(f"model_version: {_scalar(plan.model_version)}")
    if plan.respondents is not None:
        lines.append(f"respondents: {plan.respondents}")
    if plan.now:
        lines.append("now:")
        lines += [
            f"  {_plain(aspect)}: {_plain(phase)}  # {_aspect_name(model, aspect)}"
            for aspect, phase in plan.now.items()
        ]
    lines.append("targets:" if plan.targets else "targets: []")
    for target in plan.targets:
        lines += [
            f"  - aspect: {_plain(target.aspect)}  # {_aspect_name(model, target.aspect)}",
            f"    target: {_plain(target.target)}",
            f"    by: {_scalar(target.by)}",
        ]
    lines.append("priorities:" if plan.priorities else "priorities: []")
    for priority in plan.priorities:
        found = find_action(model, priority.action) if priority.action else None
        comment = f"  # {' '.join(found[1].title.split())}" if found else ""
        lines += [
            f"  - aspect: {_plain(priority.aspect)}  # {_aspect_name(model, priority.aspect)}",
            f"    action: {_plain(priority.action)}{comment}",
            f"    text: {_scalar(priority.text)}",
            f"    owner: {_scalar(priority.owner)}",
            f"    deadline: {_scalar(priority.deadline)}",
            f"    evaluation: {_scalar(priority.evaluation)}",
            f"    success: {_scalar(priority.success)}",
        ]
    return "\n".join(lines) + "\n"


def write_plan(path: Path, plan: Plan, model: Model) -> None:
    atomic_write_text(path, dump_plan(plan, model))


def _scalar(value: str | dt.date | None) -> str:
    """A YAML scalar: null, an ISO date, or a JSON string (which YAML reads as the same string)."""
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


_ID = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_-]+)*")
_YAML_WORDS = {"null", "true", "false", "yes", "no", "on", "off", "y", "n"}


def _plain(value: str | None) -> str:
    """An id as it is (easier to read and to type), quoted only where YAML would misread it."""
    if value is not None and _ID.fullmatch(value) and value not in _YAML_WORDS:
        return value
    return _scalar(value)


def _aspect_name(model: Model, aspect_id: str) -> str:
    return next((a.name for a in model.aspects if a.id == aspect_id), aspect_id)

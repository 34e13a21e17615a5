"""The Werkwijzer model: pydantic shapes of the YAML files in data/, loading, and the cross-checks.

Files in a model folder:
  aspects.yaml      version, title, layers, and the aspects (texts, references, discussion questions)
  phases.yaml       the answer scale, the mastery threshold and the three phases
  instruments.yaml  the instrument catalogue
  grid/<aspect>.yaml per layer and phase: the cell description, the quickscan items and the actions
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints, ValidationError

from werkwijzer.errors import ModelError
from werkwijzer.yamlio import YamlSyntaxError, format_path, line_of, load_yaml

PhaseId = Literal["begin", "tussen", "gevorderd"]
LayerId = Literal["bestuurder", "schoolleider", "leraar"]
Effort = Literal["klein", "middel", "groot"]
PHASE_IDS: tuple[PhaseId, ...] = get_args(PhaseId)
LAYER_IDS: tuple[LayerId, ...] = get_args(LayerId)
EFFORTS: tuple[Effort, ...] = get_args(Effort)

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shapes of the files -------------------------------------------------------------------------


class ScalePoint(Strict):
    value: int
    label: Text


class Scale(Strict):
    points: list[ScalePoint]
    unknown_label: Text

    def label(self, value: int | None) -> str:
        if value is None:
            return self.unknown_label
        return next(p.label for p in self.points if p.value == value)


class Phase(Strict):
    id: PhaseId
    name: Text
    description: Text


class PhasesFile(Strict):
    scale: Scale
    threshold: float = Field(default=0.75, gt=0, le=1)
    phases: list[Phase]


class Layer(Strict):
    id: LayerId
    name: Text
    description: Text


class AspectEntry(Strict):
    id: Id
    name: Text
    description: Text
    background: Text
    references: list[Text] = Field(min_length=1)
    discussion_questions: list[Text] = Field(min_length=1)
    grid: Text


class AspectsFile(Strict):
    version: Text
    title: Text
    layers: list[Layer]
    aspects: list[AspectEntry] = Field(min_length=1)


class Item(Strict):
    id: Id
    text: Text


class Action(Strict):
    id: Id
    title: Text
    description: Text
    effort: Effort
    instruments: list[Id] = Field(min_length=1)


class Cell(Strict):
    description: Text
    items: list[Item]
    actions: list[Action]


class GridFile(Strict):
    aspect: Id
    layers: dict[LayerId, dict[PhaseId, Cell]]


class Instrument(Strict):
    id: Id
    name: Text
    what: Text
    when: Text
    reference: Text | None = None


class InstrumentsFile(Strict):
    instruments: list[Instrument] = Field(min_length=1)


# --- the validated model -------------------------------------------------------------------------


class Aspect(Strict):
    id: Id
    name: str
    description: str
    background: str
    references: list[str]
    discussion_questions: list[str]
    cells: dict[LayerId, dict[PhaseId, Cell]]

    def cell(self, layer: LayerId, phase: PhaseId) -> Cell:
        return self.cells[layer][phase]


@dataclass(frozen=True)
class ItemPlace:
    """Where an item sits in the model."""

    aspect: Aspect
    layer: LayerId
    phase: PhaseId
    item: Item


class Model(Strict):
    version: str
    title: str
    scale: Scale
    threshold: float
    phases: list[Phase]
    layers: list[Layer]
    aspects: list[Aspect]
    instruments: list[Instrument]

    _instruments: dict[str, Instrument] = PrivateAttr(default_factory=dict)

    def model_post_init(self, context: Any, /) -> None:
        self._instruments = {i.id: i for i in self.instruments}

    # A cached property, not a private attribute: reading it is a plain attribute read, where
    # pydantic's private attributes take ~5 µs each, and checking a team's 1,000 answers files
    # looks up 36,000 places.
    @cached_property
    def _places(self) -> dict[str, ItemPlace]:
        return {
            item.id: ItemPlace(aspect, layer, phase, item)
            for aspect in self.aspects
            for layer, row in aspect.cells.items()
            for phase, cell in row.items()
            for item in cell.items
        }

    def place(self, item_id: str) -> ItemPlace | None:
        return self._places.get(item_id)

    def instrument(self, instrument_id: str) -> Instrument:
        return self._instruments[instrument_id]

    def aspect(self, aspect_id: str) -> Aspect:
        return next(a for a in self.aspects if a.id == aspect_id)

    def phase(self, phase_id: str) -> Phase:
        return next(p for p in self.phases if p.id == phase_id)

    def layer(self, layer_id: str) -> Layer:
        return next(layer for layer in self.layers if layer.id == layer_id)

    def items_for(self, layer: LayerId) -> list[ItemPlace]:
        """The statements a respondent of `layer` answers, in scan order (aspect, phase, item)."""
        return [
            ItemPlace(aspect, layer, phase.id, item)
            for aspect in self.aspects
            for phase in self.phases
            for item in aspect.cell(layer, phase.id).items
        ]

    def actions(self) -> Iterator[tuple[Aspect, LayerId, PhaseId, Action]]:
        for aspect in self.aspects:
            for layer in self.layers:
                for phase in self.phases:
                    for action in aspect.cell(layer.id, phase.id).actions:
                        yield aspect, layer.id, phase.id, action


# --- loading -------------------------------------------------------------------------------------

BUILTIN_LABEL = "ingebouwd model"


def builtin_model_dir() -> Path:
    """data/ inside an installed wheel, or at the repository root when running from a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    return packaged if packaged.is_dir() else here.parent / "data"


@dataclass
class _Source:
    """One YAML file of the model: its text, its parsed data, and how to name it to the user."""

    shown: str
    text: str
    data: Any

    def where(self, path: tuple[str | int, ...]) -> str:
        line = line_of(self.text, path)
        place = f", regel {line}" if line else ""
        inside = f" ({format_path(path)})" if path else ""
        return f"{self.shown}{place}{inside}"


class _Loader:
    def __init__(self, folder: Path | None) -> None:
        self.folder = folder or builtin_model_dir()
        self.label = str(folder) if folder else BUILTIN_LABEL
        self.problems: list[str] = []

    def read(self, relative: str) -> _Source | None:
        shown = f"{self.label}: {relative}"
        path = self.folder / relative
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self.problems.append(f"{shown}: bestand ontbreekt")
            return None
        except UnicodeDecodeError:
            self.problems.append(f"{shown}: geen UTF-8-tekst")
            return None
        except OSError as exc:
            self.problems.append(f"{shown}: kan niet gelezen worden ({exc.strerror})")
            return None
        try:
            data = load_yaml(text)
        except YamlSyntaxError as exc:
            line = f", regel {exc.line}" if exc.line else ""
            self.problems.append(f"{shown}{line}: geen geldige YAML ({exc.problem})")
            return None
        return _Source(shown, text, data)

    def parse(self, source: _Source | None, shape: type[Strict]) -> Any:
        if source is None:
            return None
        try:
            return shape.model_validate(source.data)
        except ValidationError as exc:
            self.problems.extend(_dutch_errors(exc, source))
            return None


def load_model(folder: Path | None = None) -> Model:
    """Load and cross-check a model folder (default: the built-in model). Raises ModelError."""
    loader = _Loader(folder)
    sources = {
        name: loader.read(name) for name in ("aspects.yaml", "phases.yaml", "instruments.yaml")
    }
    aspects_file: AspectsFile | None = loader.parse(sources["aspects.yaml"], AspectsFile)
    phases_file: PhasesFile | None = loader.parse(sources["phases.yaml"], PhasesFile)
    instruments_file: InstrumentsFile | None = loader.parse(
        sources["instruments.yaml"], InstrumentsFile
    )
    grids: list[tuple[AspectEntry, _Source, GridFile]] = []
    if aspects_file is not None:
        for entry in aspects_file.aspects:
            source = loader.read(entry.grid)
            grid: GridFile | None = loader.parse(source, GridFile)
            if source is not None and grid is not None:
                grids.append((entry, source, grid))
    if loader.problems or not (aspects_file and phases_file and instruments_file):
        raise ModelError(loader.problems)
    problems = _cross_check(sources, aspects_file, phases_file, instruments_file, grids)
    if problems:
        raise ModelError(problems)
    return Model(
        version=aspects_file.version,
        title=aspects_file.title,
        scale=phases_file.scale,
        threshold=phases_file.threshold,
        phases=phases_file.phases,
        layers=aspects_file.layers,
        aspects=[_aspect(entry, grid) for entry, _, grid in grids],
        instruments=instruments_file.instruments,
    )


def _aspect(entry: AspectEntry, grid: GridFile) -> Aspect:
    fields = entry.model_dump(exclude={"grid"})
    return Aspect(**fields, cells=grid.layers)


# --- cross-checks: what a single file's shape cannot tell ----------------------------------------


def _cross_check(
    sources: dict[str, _Source | None],
    aspects_file: AspectsFile,
    phases_file: PhasesFile,
    instruments_file: InstrumentsFile,
    grids: list[tuple[AspectEntry, _Source, GridFile]],
) -> list[str]:
    aspects_src = sources["aspects.yaml"]
    phases_src = sources["phases.yaml"]
    instruments_src = sources["instruments.yaml"]
    assert aspects_src and phases_src and instruments_src
    problems: list[str] = []

    values = [p.value for p in phases_file.scale.points]
    if values != [1, 2, 3, 4]:
        problems.append(
            f"{phases_src.where(('scale', 'points'))}: de schaal moet de waarden 1, 2, 3 en 4 "
            f"hebben, in die volgorde (nu: {values})"
        )
    phase_ids = tuple(p.id for p in phases_file.phases)
    if phase_ids != PHASE_IDS:
        problems.append(
            f"{phases_src.where(('phases',))}: de fasen moeten {', '.join(PHASE_IDS)} zijn, "
            f"in die volgorde (nu: {', '.join(phase_ids)})"
        )
    layer_ids = tuple(layer.id for layer in aspects_file.layers)
    if sorted(layer_ids) != sorted(LAYER_IDS):
        problems.append(
            f"{aspects_src.where(('layers',))}: de lagen moeten {', '.join(LAYER_IDS)} zijn, "
            f"elk één keer (nu: {', '.join(layer_ids)})"
        )

    problems += _duplicates(
        [(a.id, aspects_src, ("aspects", i, "id")) for i, a in enumerate(aspects_file.aspects)],
        "aspect",
    )
    problems += _duplicates(
        [
            (ins.id, instruments_src, ("instruments", i, "id"))
            for i, ins in enumerate(instruments_file.instruments)
        ],
        "instrument",
    )
    known_instruments = {ins.id for ins in instruments_file.instruments}
    item_ids: list[tuple[str, _Source, tuple[str | int, ...]]] = []
    action_ids: list[tuple[str, _Source, tuple[str | int, ...]]] = []
    for entry, source, grid in grids:
        if grid.aspect != entry.id:
            problems.append(
                f"{source.where(('aspect',))}: dit bestand hoort bij aspect '{grid.aspect}', "
                f"maar aspects.yaml noemt het voor '{entry.id}'"
            )
        for layer in LAYER_IDS:
            for phase in PHASE_IDS:
                cell = grid.layers.get(layer, {}).get(phase)
                where = ("layers", layer, phase)
                if cell is None:
                    problems.append(
                        f"{source.where(where[:2])}: de cel {layer} × {phase} ontbreekt"
                    )
                    continue
                if not cell.items:
                    problems.append(
                        f"{source.where(where)}: geen uitspraken voor {layer} in fase {phase}"
                    )
                for i, item in enumerate(cell.items):
                    item_ids.append((item.id, source, (*where, "items", i, "id")))
                for i, action in enumerate(cell.actions):
                    action_ids.append((action.id, source, (*where, "actions", i, "id")))
                    for j, used in enumerate(action.instruments):
                        if used not in known_instruments:
                            path = (*where, "actions", i, "instruments", j)
                            problems.append(
                                f"{source.where(path)}: instrument '{used}' staat niet in "
                                "instruments.yaml"
                            )
    problems += _duplicates(item_ids, "uitspraak")
    problems += _duplicates(action_ids, "actie")
    return problems


def _duplicates(ids: list[tuple[str, _Source, tuple[str | int, ...]]], kind: str) -> list[str]:
    # Places are looked up only for a duplicate: finding a line composes the YAML again, and doing
    # that for every id made loading the model take half a second.
    seen: dict[str, tuple[_Source, tuple[str | int, ...]]] = {}
    problems = []
    for id_, source, path in ids:
        if id_ in seen:
            first = seen[id_][0].where(seen[id_][1])
            problems.append(
                f"{source.where(path)}: dubbele id '{id_}' voor een {kind} (eerder: {first})"
            )
        else:
            seen[id_] = (source, path)
    return problems


# --- pydantic's errors in Dutch ------------------------------------------------------------------

_DUTCH = {
    "extra_forbidden": "onbekende sleutel",
    "missing": "verplichte sleutel ontbreekt",
    "string_type": "moet tekst zijn",
    "string_too_short": "mag niet leeg zijn",
    "string_pattern_mismatch": "ongeldige id: gebruik kleine letters, cijfers, '.', '_' en '-'",
    "list_type": "moet een lijst zijn",
    "too_short": "moet minstens één element hebben",
    "dict_type": "moet sleutels met waarden bevatten",
    "model_type": "moet sleutels met waarden bevatten",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than_equal": "mag niet groter zijn dan {le}",
}


def _dutch_errors(exc: ValidationError, source: _Source) -> list[str]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc and loc[-1] == "[key]":
            out.append(f"{source.where(loc[:-1])}: onbekende sleutel '{loc[-2]}'")
            continue
        kind = err["type"]
        ctx = err.get("ctx", {})
        if kind == "literal_error":
            expected = str(ctx.get("expected", "")).replace(" or ", " of ")
            text = f"'{err['input']}' kan niet; kies uit {expected}"
        elif kind in _DUTCH:
            text = _DUTCH[kind].format(**ctx)
        else:
            text = f"ongeldige waarde ({err['msg']})"
        out.append(f"{source.where(loc)}: {text}")
    return out

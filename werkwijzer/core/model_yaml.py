"""Reading a model folder: the shapes of its YAML files, pydantic's checks, and the cross-checks.

Only needed when a model is read from YAML (`werkwijzer validate`, or a model not in the cache):
the commands otherwise start from the cache and never import this module.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Strict: `threshold: true` or `threshold: '0.75'` is a mistake, not a number.
from pydantic import StrictFloat, StrictInt, StrictStr

from werkwijzer.core.errors import ModelError
from werkwijzer.core.limits import (
    MAX_MODEL_FILE_BYTES,
    MAX_MODEL_NODES,
    TooLarge,
    read_file_limited,
    size_text,
)
from werkwijzer.core.model import (
    ID_PATTERN,
    LAYER_IDS,
    PHASE_IDS,
    Aspect,
    Cell,
    Checked,
    InspectionFramework,
    InspectionStandard,
    Instrument,
    Layer,
    LayerId,
    Model,
    Phase,
    PhaseId,
    Scale,
    builtin_model_dir,
)
from werkwijzer.core.model_cache import file_hash
from werkwijzer.core.paths import os_reason
from werkwijzer.core.safe_text import printable, shown, text_problem
from werkwijzer.core.yamlio import YamlSyntaxError, format_path, line_of, load_yaml

if TYPE_CHECKING:
    from pydantic import ValidationError

BUILTIN_LABEL = "ingebouwd model"
# A standard's code as the Inspectie writes it: letters, then a number (SKA1, BKA3, OP2, VS1).
INSPECTION_CODE = re.compile(r"^[A-Z]{1,4}[0-9]{0,2}$")
INSPECTION_YEARS = range(2000, 2101)


def threshold_value(written: float | int | str) -> Fraction | None:
    """The threshold as an exact fraction: 0.75 -> 3/4, "2/3" -> 2/3; None when it is no number."""
    if isinstance(written, str):
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", written)
        if not match or int(match[2]) == 0 or len(written) > 20:
            return None
        return Fraction(int(match[1]), int(match[2]))
    return Fraction(written).limit_denominator(10_000)


MAX_MODEL_TEXT = 20_000  # characters in one text of a model (a background runs to ~1,500)


# --- shapes of the files -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class PhasesFile(Checked):
    scale: Scale
    phases: list[Phase]
    # A number (0.75) or a fraction written as text ("2/3"), which no decimal can state exactly.
    threshold: StrictFloat | StrictInt | StrictStr = "2/3"


@dataclass(frozen=True, kw_only=True)
class AspectEntry(Checked):
    id: str
    name: str
    description: str
    background: str
    references: list[str]
    discussion_questions: list[str]
    grid: str
    inspection_standards: list[InspectionStandard] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class FrameworkEntry(Checked):
    name: str
    # Strict: a year written as text ("2021") or as `true` is a mistake, not a number.
    year: StrictInt


@dataclass(frozen=True, kw_only=True)
class AspectsFile(Checked):
    version: str
    title: str
    layers: list[Layer]
    aspects: list[AspectEntry]
    inspection_framework: FrameworkEntry | None = None


@dataclass(frozen=True, kw_only=True)
class GridFile(Checked):
    aspect: str
    layers: dict[LayerId, dict[PhaseId, Cell]]


@dataclass(frozen=True, kw_only=True)
class InstrumentsFile(Checked):
    instruments: list[Instrument]


# --- copying -------------------------------------------------------------------------------------


def copy_model(dest: Path, source: Path | None = None) -> None:
    """Copy a model folder's YAML files (default: the built-in model) into a new folder `dest`."""
    import shutil

    from werkwijzer.core.errors import WerkwijzerError

    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise WerkwijzerError(
            f"{dest} bestaat al en is geen lege map; kies een nieuwe map voor de kopie."
        )
    origin = source or builtin_model_dir()
    read_model(source)  # copy only a model that is in order
    try:
        shutil.copytree(
            origin, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", ".*")
        )
    except OSError as exc:
        raise WerkwijzerError(f"De kopie in {dest} kon niet gemaakt worden ({exc}).") from None


# --- reading -------------------------------------------------------------------------------------


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
        self.label = printable(str(folder)) if folder else BUILTIN_LABEL
        self.problems: list[str] = []
        self.files: dict[str, str] = {}  # real path -> hash of every file read, for the cache

    def read(self, relative: str) -> _Source | None:
        shown = f"{self.label}: {printable(relative)}"
        path = self.folder / relative
        try:
            raw = read_file_limited(path, MAX_MODEL_FILE_BYTES)
            self.files[os.path.realpath(path)] = file_hash(raw)
            text = raw.decode("utf-8")
        except FileNotFoundError:
            self.problems.append(f"{shown}: bestand ontbreekt")
            return None
        except UnicodeDecodeError:
            self.problems.append(f"{shown}: geen UTF-8-tekst")
            return None
        except TooLarge as exc:
            self.problems.append(f"{shown}: groter dan {size_text(exc.limit)}")
            return None
        except OSError as exc:
            self.problems.append(f"{shown}: kan niet gelezen worden ({os_reason(exc)})")
            return None
        try:
            data = load_yaml(text, anchors=True, max_nodes=MAX_MODEL_NODES)
        except YamlSyntaxError as exc:
            line = f", regel {exc.line}" if exc.line else ""
            self.problems.append(f"{shown}{line}: geen geldige YAML ({exc.problem})")
            return None
        bad = _bad_text(data)
        if bad is not None:
            path_in_file, problem = bad
            source = _Source(shown, text, data)
            self.problems.append(f"{source.where(path_in_file)}: deze tekst {problem}")
            return None
        return _Source(shown, text, data)

    def parse(self, source: _Source | None, file_shape: type) -> Any:
        if source is None:
            return None
        from pydantic import TypeAdapter, ValidationError

        try:
            return TypeAdapter(file_shape).validate_python(source.data)
        except ValidationError as exc:
            self.problems.extend(_dutch_errors(exc, source))
            return None


def read_model(folder: Path | None = None) -> Model:
    """Read, check and cross-check the YAML of a model folder. Raises ModelError."""
    return read_model_files(folder)[0]


def read_model_files(folder: Path | None = None) -> tuple[Model, dict[str, str]]:
    """The model, and the files it was read from: real path -> hash of the bytes read."""
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
    return _model(aspects_file, phases_file, instruments_file, grids), loader.files


def _model(
    aspects_file: AspectsFile,
    phases_file: PhasesFile,
    instruments_file: InstrumentsFile,
    grids: list[tuple[AspectEntry, _Source, GridFile]],
) -> Model:
    return Model(
        version=aspects_file.version,
        title=aspects_file.title,
        scale=phases_file.scale,
        threshold=float(threshold_value(phases_file.threshold) or 0),
        phases=phases_file.phases,
        layers=aspects_file.layers,
        aspects=[_aspect(entry, grid) for entry, _, grid in grids],
        instruments=instruments_file.instruments,
        inspection_framework=_framework(aspects_file.inspection_framework),
    )


def _framework(entry: FrameworkEntry | None) -> InspectionFramework | None:
    return None if entry is None else InspectionFramework(name=entry.name, year=entry.year)


def _bad_text(data: Any) -> tuple[tuple[str | int, ...], str] | None:
    """The first text (value or key) in a file's data with a forbidden character or too long."""
    stack: list[tuple[Any, tuple[str | int, ...]]] = [(data, ())]
    seen: set[int] = set()  # an alias stands for a node already looked at
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            # Model texts may have line breaks (paragraphs); nothing else a terminal acts on.
            problem = text_problem(value.replace("\n", " "), MAX_MODEL_TEXT)
            if problem:
                return path, problem
        elif isinstance(value, (dict, list)) and id(value) not in seen:
            seen.add(id(value))
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, child in items:
                if isinstance(key, str) and (problem := text_problem(key, MAX_MODEL_TEXT)):
                    return path, problem
                stack.append((child, (*path, key if isinstance(key, (str, int)) else "?")))
    return None


def _aspect(entry: AspectEntry, grid: GridFile) -> Aspect:
    return Aspect(
        id=entry.id,
        name=entry.name,
        description=entry.description,
        background=entry.background,
        references=entry.references,
        discussion_questions=entry.discussion_questions,
        cells=grid.layers,
        inspection_standards=entry.inspection_standards,
    )


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
    if values != [1, 2, 3, 4] or not _whole_numbers(phases_src.data, ("scale", "points")):
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
    threshold = threshold_value(phases_file.threshold)
    if threshold is None or not 0 < threshold <= 1:
        problems.append(
            f"{phases_src.where(('threshold',))}: de drempel moet een getal of een breuk (zoals "
            f"2/3) zijn, groter dan 0 en hooguit 1 (nu: {str(phases_file.threshold)[:40]})"
        )
    layer_ids = tuple(layer.id for layer in aspects_file.layers)
    if sorted(layer_ids) != sorted(LAYER_IDS):
        problems.append(
            f"{aspects_src.where(('layers',))}: de lagen moeten {', '.join(LAYER_IDS)} zijn, "
            f"elk één keer (nu: {', '.join(layer_ids)})"
        )

    problems += _synonym_problems(aspects_src, aspects_file.layers)
    problems += _empty(aspects_src, ("aspects",), aspects_file.aspects)
    problems += _empty(instruments_src, ("instruments",), instruments_file.instruments)
    for i, entry in enumerate(aspects_file.aspects):
        problems += _empty(aspects_src, ("aspects", i, "references"), entry.references)
        problems += _empty(
            aspects_src, ("aspects", i, "discussion_questions"), entry.discussion_questions
        )
    problems += _id_problems(
        [(a.id, aspects_src, ("aspects", i, "id")) for i, a in enumerate(aspects_file.aspects)],
        "aspect",
    )
    problems += _inspection_problems(aspects_src, aspects_file)
    problems += _id_problems(
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
                f"{source.where(('aspect',))}: dit bestand hoort bij aspect {shown(grid.aspect)}, "
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
                    problems += _empty(
                        source, (*where, "actions", i, "instruments"), action.instruments
                    )
                    for j, used in enumerate(action.instruments):
                        if used not in known_instruments:
                            path = (*where, "actions", i, "instruments", j)
                            problems.append(
                                f"{source.where(path)}: instrument {shown(used)} staat niet in "
                                "instruments.yaml"
                            )
    problems += _id_problems(item_ids, "uitspraak")
    problems += _id_problems(action_ids, "actie")
    return problems


def _inspection_problems(source: _Source, aspects_file: AspectsFile) -> list[str]:
    """The Inspectie's frame: a plausible year, and per aspect well-formed codes, each named once.

    A code means one standard in the whole model, so it has the same name and level everywhere.
    """
    problems: list[str] = []
    framework = aspects_file.inspection_framework
    if framework is not None and framework.year not in INSPECTION_YEARS:
        problems.append(
            f"{source.where(('inspection_framework', 'year'))}: het jaar van het kader moet tussen "
            f"{INSPECTION_YEARS.start} en {INSPECTION_YEARS.stop - 1} liggen (nu: {framework.year})"
        )
    first: dict[str, tuple[InspectionStandard, str]] = {}
    for i, entry in enumerate(aspects_file.aspects):
        if entry.inspection_standards and framework is None:
            problems.append(
                f"{source.where(('aspects', i, 'inspection_standards'))}: dit aspect noemt "
                "standaarden van de inspectie, maar bovenaan aspects.yaml ontbreekt "
                "inspection_framework (naam en jaar van het onderzoekskader)"
            )
        seen: dict[str, int] = {}
        for j, standard in enumerate(entry.inspection_standards):
            # Places are looked up only for a problem: finding a line composes the YAML again.
            where = functools.partial(_standard_place, source, i, j)
            code = standard.code
            if not INSPECTION_CODE.match(code):
                problems.append(
                    f"{where()}: ongeldige code '{code}': schrijf de code zoals de inspectie, met "
                    "hoofdletters en een nummer (bijvoorbeeld SKA1)"
                )
            if code in seen:
                problems.append(
                    f"{where()}: de code '{code}' staat twee keer bij aspect '{entry.id}' "
                    f"(eerder: {_standard_place(source, i, seen[code])})"
                )
                continue
            seen[code] = j
            earlier, earlier_aspect = first.setdefault(code, (standard, entry.id))
            if (earlier.name, earlier.level) != (standard.name, standard.level):
                problems.append(
                    f"{where()}: de code '{code}' heet hier '{standard.name}' ({standard.level}), "
                    f"maar bij aspect '{earlier_aspect}' '{earlier.name}' ({earlier.level}); "
                    "één code is één standaard"
                )
    return problems


def _standard_place(source: _Source, aspect: int, standard: int) -> str:
    return source.where(("aspects", aspect, "inspection_standards", standard, "code"))


def _whole_numbers(data: Any, path: tuple[str, str]) -> bool:
    """The scale's values as written: whole numbers, not `true` or '3' that pydantic would take."""
    points = data[path[0]][path[1]]
    return all(type(point.get("value")) is int for point in points)


def _synonym_problems(source: _Source, layers: list[Layer]) -> list[str]:
    """A synonym must lead to one layer only: not another layer's id or name, nor used twice."""

    def norm(word: str) -> str:
        return " ".join(word.lower().replace("_", " ").replace("-", " ").split())

    taken = {norm(w): layer.id for layer in layers for w in (layer.id, layer.name)}
    problems = []
    for i, layer in enumerate(layers):
        for j, word in enumerate(layer.synonyms):
            where = source.where(("layers", i, "synonyms", j))
            owner = taken.get(norm(word))
            if owner is not None and owner != layer.id:
                problems.append(f"{where}: synoniem '{word}' hoort al bij de laag {owner}")
            elif owner == layer.id:
                problems.append(f"{where}: synoniem '{word}' is de id of naam van de laag zelf")
            taken[norm(word)] = layer.id
    return problems


def _empty(source: _Source, path: tuple[str | int, ...], values: list[Any]) -> list[str]:
    return [f"{source.where(path)}: moet minstens één element hebben"] if not values else []


def _id_problems(ids: list[tuple[str, _Source, tuple[str | int, ...]]], kind: str) -> list[str]:
    """Ids that break the pattern, then ids used twice (across all files)."""
    problems = [
        f"{source.where(path)}: ongeldige id {shown(id_)}: gebruik kleine letters, cijfers, '.', '_' "
        "en '-'"
        for id_, source, path in ids
        if not ID_PATTERN.match(id_)
    ]
    return problems + _duplicates(ids, kind)


def _duplicates(ids: list[tuple[str, _Source, tuple[str | int, ...]]], kind: str) -> list[str]:
    # Places are looked up only for a duplicate: finding a line composes the YAML again, and doing
    # that for every id made loading the model take half a second.
    seen: dict[str, tuple[_Source, tuple[str | int, ...]]] = {}
    problems = []
    for id_, source, path in ids:
        if id_ in seen:
            first = seen[id_][0].where(seen[id_][1])
            problems.append(
                f"{source.where(path)}: dubbele id {shown(id_)} voor een {kind} (eerder: {first})"
            )
        else:
            seen[id_] = (source, path)
    return problems


# --- pydantic's errors in Dutch ------------------------------------------------------------------

_DUTCH = {
    "extra_forbidden": "onbekende sleutel",
    "unexpected_keyword_argument": "onbekende sleutel",
    "missing": "verplichte sleutel ontbreekt",
    "missing_argument": "verplichte sleutel ontbreekt",
    "missing_keyword_only_argument": "verplichte sleutel ontbreekt",
    "dataclass_type": "moet sleutels met waarden bevatten",
    "dataclass_args_type": "moet sleutels met waarden bevatten",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet sleutels met waarden bevatten",
    "model_type": "moet sleutels met waarden bevatten",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "int_from_float": "moet een geheel getal zijn",
    "float_type": "moet een getal zijn",
    "float_parsing": "moet een getal zijn",
}


def _dutch_errors(exc: ValidationError, source: _Source) -> list[str]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc and loc[-1] == "[key]":
            out.append(f"{source.where(loc[:-1])}: onbekende sleutel {shown(loc[-2])}")
            continue
        kind = err["type"]
        ctx = err.get("ctx", {})
        if kind == "literal_error":
            expected = str(ctx.get("expected", "")).replace(" or ", " of ")
            text = f"{shown(err['input'])} kan niet; kies uit {expected}"
        elif kind in _DUTCH:
            text = _DUTCH[kind].format(**ctx)
        else:
            text = f"ongeldige waarde ({err['msg']})"
        out.append(f"{source.where(loc)}: {text}")
    return out

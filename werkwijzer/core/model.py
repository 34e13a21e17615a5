"""The Werkwijzer model as frozen dataclasses: the shapes of the YAML files in data/, and ids.

Files in a model folder:
  aspects.yaml      version, title, the Inspectie's framework, layers, and the aspects (texts,
                    references, discussion questions, the Inspectie's standards they support)
  phases.yaml       the answer scale, the mastery threshold and the three phases
  instruments.yaml  the instrument catalogue
  grid/<aspect>.yaml per layer and phase: the cell description, the quickscan items and the actions

The shapes are plain frozen dataclasses, so that reading a model costs no more than it must: every
command starts by loading one. pydantic checks them (through a TypeAdapter) only when a model is
read from YAML (model_yaml.py); a checked model is cached (model_load.py, model_cache.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, ClassVar, Literal, get_args

PhaseId = Literal["begin", "tussen", "gevorderd"]
LayerId = Literal["bestuurder", "schoolleider", "leraar"]
Effort = Literal["klein", "middel", "groot"]
# Whom an Inspectie standard is about: a school (SKA1, OP2, ...) or its board (BKA1, ...).
InspectionLevel = Literal["school", "bestuur"]
PHASE_IDS: tuple[PhaseId, ...] = get_args(PhaseId)
LAYER_IDS: tuple[LayerId, ...] = get_args(LayerId)
EFFORTS: tuple[Effort, ...] = get_args(Effort)
INSPECTION_LEVELS: tuple[InspectionLevel, ...] = get_args(InspectionLevel)

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class Checked:
    """Base of the shapes: how pydantic checks them when a model is read from YAML."""

    # No unknown keys; every text stripped and non-empty.
    __pydantic_config__: ClassVar[dict[str, Any]] = {
        "extra": "forbid",
        "str_strip_whitespace": True,
        "str_min_length": 1,
    }


# --- shapes of the files -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class ScalePoint(Checked):
    value: int
    label: str


@dataclass(frozen=True, kw_only=True)
class Scale(Checked):
    points: list[ScalePoint]
    unknown_label: str
    # Other ways people write 'weet ik niet' in a response sheet (case and spaces ignored).
    unknown_synonyms: list[str] = field(default_factory=list)

    def label(self, value: int | None) -> str:
        if value is None:
            return self.unknown_label
        return next(p.label for p in self.points if p.value == value)


@dataclass(frozen=True, kw_only=True)
class Phase(Checked):
    id: PhaseId
    name: str
    description: str
    short_name: str | None = None  # for narrow table headers: "Begin" for "Beginfase"

    @property
    def short(self) -> str:
        return self.short_name or self.name


@dataclass(frozen=True, kw_only=True)
class Layer(Checked):
    id: LayerId
    name: str
    description: str
    # Other words people use for this role (directeur, leerkracht); typed, they find the layer.
    synonyms: list[str] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class Item(Checked):
    id: str
    text: str


@dataclass(frozen=True, kw_only=True)
class Action(Checked):
    id: str
    title: str
    description: str
    effort: Effort
    instruments: list[str]


@dataclass(frozen=True, kw_only=True)
class Cell(Checked):
    description: str
    items: list[Item]
    actions: list[Action]


@dataclass(frozen=True, kw_only=True)
class Instrument(Checked):
    id: str
    name: str
    what: str
    when: str
    reference: str | None = None


@dataclass(frozen=True, kw_only=True)
class InspectionFramework(Checked):
    """The Inspectie's Onderzoekskader that the standards' codes and names come from."""

    name: str
    year: int


@dataclass(frozen=True, kw_only=True)
class InspectionStandard(Checked):
    """A standard of that kader which an aspect supports, e.g. SKA1 'Visie, ambities en doelen'."""

    code: str
    name: str
    level: InspectionLevel


# --- the validated model -------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Aspect(Checked):
    id: str
    name: str
    description: str
    background: str
    references: list[str]
    discussion_questions: list[str]
    cells: dict[LayerId, dict[PhaseId, Cell]]
    # A model without the Inspectie's frame (an older copy a coach adapted) names none.
    inspection_standards: list[InspectionStandard] = field(default_factory=list)

    def cell(self, layer: LayerId, phase: PhaseId) -> Cell:
        return self.cells[layer][phase]


@dataclass(frozen=True)
class ItemPlace:
    """Where an item sits in the model."""

    aspect: Aspect
    layer: LayerId
    phase: PhaseId
    item: Item


@dataclass(frozen=True, kw_only=True)
class Model(Checked):
    version: str
    title: str
    scale: Scale
    threshold: float
    phases: list[Phase]
    layers: list[Layer]
    aspects: list[Aspect]
    instruments: list[Instrument]
    inspection_framework: InspectionFramework | None = None

    # Look-ups, built on first use; checking a team's 1,000 answers files looks up 36,000 places.
    @cached_property
    def _places(self) -> dict[str, ItemPlace]:
        return {
            item.id: ItemPlace(aspect, layer, phase, item)
            for aspect in self.aspects
            for layer, row in aspect.cells.items()
            for phase, cell in row.items()
            for item in cell.items
        }

    @cached_property
    def _instruments(self) -> dict[str, Instrument]:
        return {i.id: i for i in self.instruments}

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


# --- where the built-in model lives ---------------------------------------------------------


def builtin_model_dir() -> Path:
    """data/ inside an installed wheel, or at the repository root when running from a checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data"
    return packaged if packaged.is_dir() else package.parent / "data"

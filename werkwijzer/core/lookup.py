"""Looking things up in the model: what a user typed, an aspect's cells, an instrument's uses.

Plain data for the renderers and the browse flow, and the plain dicts that the look-up commands
print with --json. Nothing here prints or prompts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, cast

from werkwijzer.core.model import (
    Action,
    Aspect,
    Cell,
    Instrument,
    Layer,
    LayerId,
    Model,
    Phase,
    PhaseId,
)
from werkwijzer.core.names import resolve_choice

Kind = Literal["aspect", "layer", "phase", "instrument"]
# How an error message names each kind of choice.
KIND_NAMES: dict[Kind, str] = {
    "aspect": "aspect",
    "layer": "laag",
    "phase": "fase",
    "instrument": "instrument",
}


def choices(model: Model, kind: Kind) -> list[tuple[str, str]]:
    """(id, name) pairs of one kind, in model order."""
    things: dict[Kind, Sequence[Aspect | Layer | Phase | Instrument]] = {
        "aspect": model.aspects,
        "layer": model.layers,
        "phase": model.phases,
        "instrument": model.instruments,
    }
    return [(thing.id, thing.name) for thing in things[kind]]


def resolve(model: Model, kind: Kind, typed: str) -> str:
    """An id, a Dutch name or an unambiguous prefix -> the id; else a WerkwijzerError."""
    synonyms = {word: x.id for x in model.layers for word in x.synonyms} if kind == "layer" else {}
    return resolve_choice(KIND_NAMES[kind], typed, choices(model, kind), synonyms)


def resolve_layer(model: Model, typed: str) -> LayerId:
    return cast(LayerId, resolve(model, "layer", typed))


def resolve_phase(model: Model, typed: str) -> PhaseId:
    return cast(PhaseId, resolve(model, "phase", typed))


def complete(model: Model, kind: Kind, typed: str) -> list[tuple[str, str]]:
    """(value, name) pairs for shell completion: the ids that start with `typed`, in any case.

    Typer passes on only values that start with what was typed, so the typed part keeps its case.
    """
    wanted = typed.lower()
    return [
        (typed + id_[len(typed) :], name)
        for id_, name in choices(model, kind)
        if id_.startswith(wanted)
    ]


# --- cells ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellView:
    """One cell with the layer and phase it belongs to."""

    layer: Layer
    phase: Phase
    cell: Cell


@dataclass(frozen=True)
class Selection:
    """The cells of one aspect that were asked for: one layer or all, one phase or all.

    `layer` and `phase` are set when they were fixed; the cells are in model order, layer first.
    """

    aspect: Aspect
    layer: Layer | None
    phase: Phase | None
    cells: list[CellView]


def select_cells(
    model: Model, aspect_id: str, layer_id: LayerId | None = None, phase_id: PhaseId | None = None
) -> Selection:
    aspect = model.aspect(aspect_id)
    cells = [
        CellView(layer, phase, aspect.cell(layer.id, phase.id))
        for layer in model.layers
        if layer_id in (None, layer.id)
        for phase in model.phases
        if phase_id in (None, phase.id)
    ]
    return Selection(
        aspect=aspect,
        layer=model.layer(layer_id) if layer_id else None,
        phase=model.phase(phase_id) if phase_id else None,
        cells=cells,
    )


def instruments_of(model: Model, actions: Iterable[Action]) -> list[Instrument]:
    """The instruments these actions use, each once, in order of first use."""
    ids = dict.fromkeys(i for action in actions for i in action.instruments)
    return [model.instrument(i) for i in ids]


def selection_actions(selection: Selection) -> list[Action]:
    return [action for view in selection.cells for action in view.cell.actions]


def neighbour_phase(model: Model, phase_id: PhaseId, step: Literal[-1, 1]) -> Phase | None:
    """The phase before (-1) or after (1) `phase_id`, or None at either end."""
    index = [p.id for p in model.phases].index(phase_id) + step
    return model.phases[index] if 0 <= index < len(model.phases) else None


# --- instruments ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionUse:
    """An action that uses an instrument, and the cell it sits in."""

    aspect: Aspect
    layer: Layer
    phase: Phase
    action: Action


def actions_using(model: Model, instrument_id: str) -> list[ActionUse]:
    return [
        ActionUse(aspect, model.layer(layer), model.phase(phase), action)
        for aspect, layer, phase, action in model.actions()
        if instrument_id in action.instruments
    ]


# --- what the look-up commands show ---------------------------------------------------------------


@dataclass(frozen=True)
class AspectsView:
    """The overview of the model: its aspects, layers and phases."""


@dataclass(frozen=True)
class AspectView:
    """One aspect with its information: background, references, discussion questions."""

    aspect: Aspect


@dataclass(frozen=True)
class InstrumentsView:
    """The instrument catalogue."""


@dataclass(frozen=True)
class InstrumentView:
    """One instrument and the actions that use it."""

    instrument: Instrument
    uses: list[ActionUse]


def instrument_view(model: Model, instrument_id: str) -> InstrumentView:
    return InstrumentView(model.instrument(instrument_id), actions_using(model, instrument_id))

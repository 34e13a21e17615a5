"""Looking things up in the model: what a user typed, an aspect's cells, an instrument's uses.

Plain data for the renderers and the browse flow, and the plain dicts that the look-up commands
print with --json. Nothing here prints or prompts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from werkwijzer.core.jsonable import to_jsonable
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
    return resolve_choice(KIND_NAMES[kind], typed, choices(model, kind))


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


# --- the --json shapes ---------------------------------------------------------------------------


def aspects_json(model: Model) -> dict[str, Any]:
    """The overview: the aspects with their short descriptions, and the layers and phases."""
    return {
        "model_version": model.version,
        "aspects": [to_jsonable(a, include={"id", "name", "description"}) for a in model.aspects],
        "layers": [to_jsonable(layer) for layer in model.layers],
        "phases": [to_jsonable(phase) for phase in model.phases],
    }


def aspect_json(model: Model, aspect_id: str) -> dict[str, Any]:
    """One aspect with its information: background, references, discussion questions."""
    return {
        "model_version": model.version,
        "aspect": to_jsonable(model.aspect(aspect_id), exclude={"cells"}),
    }


def selection_json(model: Model, selection: Selection) -> dict[str, Any]:
    return {
        "model_version": model.version,
        "aspect": _ref(selection.aspect),
        "cells": [
            {
                "layer": _ref(view.layer),
                "phase": _ref(view.phase),
                "description": view.cell.description,
                "actions": [_action_json(model, action) for action in view.cell.actions],
            }
            for view in selection.cells
        ],
    }


def instruments_json(model: Model) -> dict[str, Any]:
    return {
        "model_version": model.version,
        "instruments": [to_jsonable(i) for i in model.instruments],
    }


def instrument_json(model: Model, instrument_id: str) -> dict[str, Any]:
    return {
        "model_version": model.version,
        "instrument": to_jsonable(model.instrument(instrument_id)),
        "used_by": [
            {
                "aspect": _ref(use.aspect),
                "layer": _ref(use.layer),
                "phase": _ref(use.phase),
                "action": to_jsonable(use.action, exclude={"instruments"}),
            }
            for use in actions_using(model, instrument_id)
        ],
    }


def _ref(thing: Aspect | Layer | Phase) -> dict[str, str]:
    return {"id": thing.id, "name": thing.name}


def _action_json(model: Model, action: Action) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(action, exclude={"instruments"})
    data["instruments"] = [to_jsonable(model.instrument(i)) for i in action.instruments]
    return data

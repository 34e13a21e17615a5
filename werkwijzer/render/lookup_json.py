"""The --json shapes of the look-up commands: parts of the model, as scripts read them."""

from __future__ import annotations

from typing import Any

from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.lookup import (
    AspectsView,
    AspectView,
    InstrumentsView,
    InstrumentView,
    Selection,
)
from werkwijzer.core.model import Action, Aspect, Layer, Model, Phase
from werkwijzer.render.context import RenderContext

# --- ---------------------------------------------------------------------------


def aspects_json(_view: AspectsView, context: RenderContext) -> dict[str, Any]:
    model = context.model
    """The overview: the aspects with their short descriptions, and the layers and phases."""
    return {
        "model_version": model.version,
        "aspects": [to_jsonable(a, include={"id", "name", "description"}) for a in model.aspects],
        "layers": [to_jsonable(layer) for layer in model.layers],
        "phases": [to_jsonable(phase) for phase in model.phases],
    }


def aspect_json(view: AspectView, context: RenderContext) -> dict[str, Any]:
    model = context.model
    """One aspect with its information: background, references, discussion questions, and the
    Inspectie's standards it supports, with the kader they come from."""
    return {
        "model_version": model.version,
        "inspection_framework": to_jsonable(model.inspection_framework),
        "aspect": to_jsonable(view.aspect, exclude={"cells"}),
    }


def selection_json(selection: Selection, context: RenderContext) -> dict[str, Any]:
    model = context.model
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


def instruments_json(_view: InstrumentsView, context: RenderContext) -> dict[str, Any]:
    model = context.model
    return {
        "model_version": model.version,
        "instruments": [to_jsonable(i) for i in model.instruments],
    }


def instrument_json(view: InstrumentView, context: RenderContext) -> dict[str, Any]:
    model = context.model
    return {
        "model_version": model.version,
        "instrument": to_jsonable(view.instrument),
        "used_by": [
            {
                "aspect": _ref(use.aspect),
                "layer": _ref(use.layer),
                "phase": _ref(use.phase),
                "action": to_jsonable(use.action, exclude={"instruments"}),
            }
            for use in view.uses
        ],
    }


def _ref(thing: Aspect | Layer | Phase) -> dict[str, str]:
    return {"id": thing.id, "name": thing.name}


def _action_json(model: Model, action: Action) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(action, exclude={"instruments"})
    data["instruments"] = [to_jsonable(model.instrument(i)) for i in action.instruments]
    return data

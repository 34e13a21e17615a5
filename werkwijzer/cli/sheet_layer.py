"""The --layer option of the commands that read response spreadsheets (score, export, import)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from werkwijzer.core.model import LayerId, Model

SheetLayerOption = Annotated[
    str | None,
    typer.Option(
        "--layer",
        help="De laag van de rijen in een antwoordsheet (.xlsx, .csv) zonder kolom met de rol: "
        "bestuurder, schoolleider of leraar.",
        show_default=False,
    ),
]


def layer_id(model: Model, typed: str | None) -> LayerId | None:
    if typed is None:
        return None
    from werkwijzer.core.lookup import resolve

    found: LayerId = resolve(model, "layer", typed)  # type: ignore[assignment]
    return found

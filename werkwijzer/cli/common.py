"""Options and helpers shared by the commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from werkwijzer.core.model import Model

ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        envvar="WERKWIJZER_MODEL",
        help="Map met een eigen (aangepaste) kopie van het model. Standaard: het ingebouwde model.",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Geef het resultaat als JSON (hetzelfde als --format json).")
]
MarkdownOption = Annotated[
    bool,
    typer.Option(
        "--markdown",
        help="Geef het resultaat als markdown, om in een document te plakken (--format markdown).",
    ),
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="terminal, markdown, html, json, csv of xlsx (niet elk commando kent elk formaat). "
        "Standaard: volgens -o (.md, .html, .json, .csv, .xlsx), anders het scherm.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Schrijf naar dit bestand in plaats van naar het scherm.",
        show_default=False,
        dir_okay=False,
    ),
]


def load(model_dir: Path | None) -> Model:
    from werkwijzer.core.model_load import load_model

    return load_model(model_dir)


def about_line() -> str:
    from werkwijzer import __version__
    from werkwijzer.cli.output import ABOUT
    from werkwijzer.core.errors import WerkwijzerError

    try:
        model_version = load(None).version
    except WerkwijzerError:
        model_version = "onbekend"
    return f"werkwijzer {__version__} (model {model_version})\n{ABOUT}"

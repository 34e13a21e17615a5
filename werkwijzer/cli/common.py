"""Options and helpers shared by the commands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from rich.console import Console

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
JsonOption = Annotated[bool, typer.Option("--json", help="Geef het resultaat als JSON.")]


def load(model_dir: Path | None) -> Model:
    from werkwijzer.core.model import load_model

    return load_model(model_dir)


def print_json(data: Any) -> None:
    """One JSON document on stdout; in an output encoding other than UTF-8 every character that
    is not ASCII is written as an escape, so the document stays exact in any encoding."""
    from werkwijzer.core.safe_text import json_safe

    utf8 = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "") == "utf8"
    sys.stdout.write(json_safe(json.dumps(data, ensure_ascii=not utf8, indent=2)) + "\n")


def stdout_console() -> Console:
    """Rich console for data on stdout: colour only on a terminal, NO_COLOR honoured (by rich);
    texts shown as written, never read as markup, control characters stripped."""
    from werkwijzer.render.safe_console import SafeConsole

    return SafeConsole()


def stderr_console() -> Console:
    from werkwijzer.render.safe_console import SafeConsole

    return SafeConsole(stderr=True)


def about_line() -> str:
    from werkwijzer import __version__
    from werkwijzer.cli.output import ABOUT
    from werkwijzer.core.errors import WerkwijzerError

    try:
        model_version = load(None).version
    except WerkwijzerError:
        model_version = "onbekend"
    return f"werkwijzer {__version__} (model {model_version})\n{ABOUT}"

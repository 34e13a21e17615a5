"""validate, model and schema: the model and the document formats, for coaches and scripts."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from werkwijzer.cli.common import JsonOption, ModelOption, load, print_json, stdout_console


class SchemaName(str, Enum):
    answers = "answers"
    result = "result"
    team = "team"


def validate(model_dir: ModelOption = None) -> None:
    """Controleer het model (het ingebouwde, of een eigen kopie met --model)."""
    from werkwijzer.core.model_yaml import read_model

    model = read_model(model_dir)  # always the YAML itself, never the cache
    items = sum(len(model.items_for(layer.id)) for layer in model.layers)
    actions = sum(1 for _ in model.actions())
    typer.echo(
        f"Het model is in orde (versie {model.version}): {len(model.aspects)} aspecten, "
        f"{len(model.layers)} lagen, {len(model.phases)} fasen, {items} uitspraken, "
        f"{actions} acties, {len(model.instruments)} instrumenten."
    )


CopyOption = Annotated[
    Path | None,
    typer.Option(
        "--copy-to",
        help="Zet een kopie van het model (de YAML-bestanden) in deze nieuwe map, om aan te passen.",
        show_default=False,
    ),
]


def model(
    json: JsonOption = False, copy_to: CopyOption = None, model_dir: ModelOption = None
) -> None:
    """Toon het hele model; met --json als één JSON-document voor scripts.

    Met --copy-to MAP krijg je een kopie om zelf aan te passen; gebruik die daarna met --model MAP.
    """
    if copy_to is not None:
        from werkwijzer.cli.output import say
        from werkwijzer.core.model_yaml import copy_model

        copy_model(copy_to, model_dir)
        say(
            f"Het model staat nu in {copy_to}. Pas de YAML-bestanden aan, verhoog de version in "
            f"aspects.yaml, en controleer je versie met:\n  werkwijzer validate --model {copy_to}"
        )
        return
    loaded = load(model_dir)
    if json:
        from werkwijzer.core.jsonable import to_jsonable

        print_json(to_jsonable(loaded))
        return
    from werkwijzer.render.result_terminal import render_model_summary

    render_model_summary(stdout_console(), loaded)


def schema(
    name: Annotated[SchemaName, typer.Argument(help="answers, result of team.")],
) -> None:
    """Toon het JSON Schema van een antwoordbestand, een resultaat of een teamresultaat."""
    from werkwijzer.core.schemas import json_schema

    print_json(json_schema(name.value))


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(model)
    app.command()(schema)

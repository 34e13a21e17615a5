"""validate, model and schema: the model and the document formats, for coaches and scripts."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from werkwijzer.cli.common import JsonOption, ModelOption, OutputOption, load


class SchemaName(str, Enum):
    answers = "answers"
    result = "result"
    team = "team"
    compare = "compare"
    history = "history"
    trend = "trend"
    plan = "plan"


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
    json: JsonOption = False,
    output: OutputOption = None,
    copy_to: CopyOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Toon het hele model; met --json als één JSON-document voor scripts.

    Met --copy-to MAP krijg je een kopie om zelf aan te passen; gebruik die daarna met --model MAP.
    """
    if copy_to is not None:
        from werkwijzer.cli.output import say
        from werkwijzer.core.invocation import command
        from werkwijzer.core.model_yaml import copy_model

        copy_model(copy_to, model_dir)
        say(
            f"Het model staat nu in {copy_to}. Pas de YAML-bestanden aan, verhoog de version in "
            f"aspects.yaml, en controleer je versie met:\n  {command('validate', '--model', copy_to)}"
        )
        return
    from werkwijzer.cli.output import choose_format, emit
    from werkwijzer.render.context import RenderContext

    loaded = load(model_dir)
    chosen = choose_format(None, output, "terminal", json=json)
    emit(loaded, chosen, output, RenderContext(loaded))


def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(help="answers, result, team, compare, history, trend of plan."),
    ],
    output: OutputOption = None,
) -> None:
    """Toon het JSON Schema van een document: antwoorden, resultaat, team, vergelijking, scans,
    trend of plan."""
    import json

    from werkwijzer.cli.output import write_output
    from werkwijzer.core.schemas import json_schema

    text = json.dumps(json_schema(name.value), ensure_ascii=False, indent=2) + "\n"
    write_output(text.encode("utf-8"), output)


def register(app: typer.Typer) -> None:
    app.command()(validate)
    app.command()(model)
    app.command()(schema)

"""score: phase per aspect and start advice for one answers file."""

from __future__ import annotations

from typing import Annotated

import typer

from werkwijzer.cli.common import JsonOption, ModelOption, load, print_json, stdout_console
from werkwijzer.cli.sheet_layer import SheetLayerOption, layer_id

FileArgument = Annotated[
    str,
    typer.Argument(
        help="Antwoordbestand (YAML of JSON), of - voor standaardinvoer; of een antwoordsheet "
        "(.xlsx, .csv) met één ingevulde rij."
    ),
]


def score(
    file: FileArgument,
    json: JsonOption = False,
    layer: SheetLayerOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Bereken per aspect de fase en het startadvies uit één antwoordbestand."""
    from werkwijzer.cli.output import say
    from werkwijzer.core.answers import read_one
    from werkwijzer.core.scoring import score as compute

    model = load(model_dir)
    answers, notes = read_one(file, model, layer_id(model, layer))
    for note in notes:
        say(note)
    if answers.model_version and answers.model_version != model.version:
        say(
            f"Let op: dit bestand is ingevuld met model {answers.model_version}; "
            f"het wordt nu berekend met model {model.version}."
        )
    result = compute(model, answers)
    if json:
        from werkwijzer.core.jsonable import to_jsonable

        print_json(to_jsonable(result))
        return
    from werkwijzer.render.result_terminal import render_result

    render_result(stdout_console(), model, result, answers.notes)


def register(app: typer.Typer) -> None:
    app.command()(score)

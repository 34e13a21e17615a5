"""score: phase per aspect and start advice for one answers file."""

from __future__ import annotations

from typing import Annotated

import typer

from werkwijzer.cli.common import (
    FormatOption,
    JsonOption,
    MarkdownOption,
    ModelOption,
    OutputOption,
    load,
)
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
    format: FormatOption = None,
    output: OutputOption = None,
    json: JsonOption = False,
    markdown: MarkdownOption = False,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Laat per aspect zien hoe de fase tot stand komt: de score van elke fase tegen "
            "de drempel, en de uitspraken die je in je fase houden.",
        ),
    ] = False,
    layer: SheetLayerOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Bereken per aspect de fase en het startadvies uit één antwoordbestand."""
    from werkwijzer.cli.output import choose_format, emit, say
    from werkwijzer.core.answers import version_note
    from werkwijzer.core.result import Explained
    from werkwijzer.core.scoring import score as compute
    from werkwijzer.core.sources import read_one
    from werkwijzer.render.context import RenderContext

    chosen = choose_format(format, output, "terminal", json=json, markdown=markdown)
    model = load(model_dir)
    answers, notes = read_one(file, model, layer_id(model, layer))
    for note in [*notes, version_note(answers, model)]:
        if note:
            say(note)
    result = compute(model, answers)
    document = Explained(result, dict(answers.answers)) if explain else result
    emit(document, chosen, output, RenderContext(model, notes=answers.notes or {}))


def register(app: typer.Typer) -> None:
    app.command()(score)

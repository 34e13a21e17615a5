"""aspects, actions, instruments and browse: looking things up in the model, by command or menu."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import (
    FormatOption,
    JsonOption,
    MarkdownOption,
    ModelOption,
    OutputOption,
    load,
)
from werkwijzer.cli.output import choose_format, emit, stdout_console
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.render.context import RenderContext

if TYPE_CHECKING:
    from werkwijzer.core.lookup import Kind


def _completer(kind: Kind) -> Callable[[typer.Context, str], list[tuple[str, str]]]:
    """Shell completion from the model the command would read (--model or the built-in one)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from werkwijzer.core.lookup import complete as matches

        model_dir: Path | None = ctx.params.get("model_dir")
        try:
            return matches(load(model_dir), kind, incomplete)
        except WerkwijzerError:
            return []

    return complete


AspectOption = Annotated[
    str | None,
    typer.Option(
        "--aspect",
        "-a",
        help="Aspect: id, naam of begin daarvan (koers, data, lerende, leidinggeven).",
        autocompletion=_completer("aspect"),
        show_default=False,
    ),
]
LayerOption = Annotated[
    str | None,
    typer.Option(
        "--layer",
        "-l",
        help="Laag: bestuurder, schoolleider of leraar (of het begin daarvan).",
        autocompletion=_completer("layer"),
        show_default=False,
    ),
]
PhaseOption = Annotated[
    str | None,
    typer.Option(
        "--phase",
        "-p",
        help="Fase: begin, tussen of gevorderd (ook: beginfase, tussenfase, gevorderde fase).",
        autocompletion=_completer("phase"),
        show_default=False,
    ),
]
AspectArgument = Annotated[
    str | None,
    typer.Argument(
        help="Eén aspect (id, naam of begin daarvan): toont ook achtergrond, bronnen en vragen.",
        autocompletion=_completer("aspect"),
        show_default=False,
    ),
]
InstrumentArgument = Annotated[
    str | None,
    typer.Argument(
        help="Eén instrument (id, naam of begin daarvan): toont ook de acties die het gebruiken.",
        autocompletion=_completer("instrument"),
        show_default=False,
    ),
]


def aspects(
    aspect: AspectArgument = None,
    format: FormatOption = None,
    output: OutputOption = None,
    json: JsonOption = False,
    markdown: MarkdownOption = False,
    model_dir: ModelOption = None,
) -> None:
    """Toon de vier aspecten, de lagen en de fasen; of één aspect met achtergrond en bronnen."""
    from werkwijzer.core import lookup

    chosen = choose_format(format, output, "terminal", json=json, markdown=markdown)
    model = load(model_dir)
    view: lookup.AspectsView | lookup.AspectView = (
        lookup.AspectsView()
        if aspect is None
        else lookup.AspectView(model.aspect(lookup.resolve(model, "aspect", aspect)))
    )
    emit(view, chosen, output, RenderContext(model))


def actions(
    aspect: AspectOption = None,
    layer: LayerOption = None,
    phase: PhaseOption = None,
    format: FormatOption = None,
    output: OutputOption = None,
    json: JsonOption = False,
    markdown: MarkdownOption = False,
    model_dir: ModelOption = None,
) -> None:
    """Toon wat een fase inhoudt en welke acties en instrumenten erbij horen.

    Zonder --layer of --phase: alle lagen of fasen van het aspect, gegroepeerd.
    """
    from werkwijzer.core import lookup

    chosen = choose_format(format, output, "terminal", json=json, markdown=markdown)
    model = load(model_dir)
    selection = lookup.select_cells(
        model,
        lookup.resolve(model, "aspect", aspect or ""),
        lookup.resolve_layer(model, layer) if layer is not None else None,
        lookup.resolve_phase(model, phase) if phase is not None else None,
    )
    emit(selection, chosen, output, RenderContext(model))


def instruments(
    instrument: InstrumentArgument = None,
    format: FormatOption = None,
    output: OutputOption = None,
    json: JsonOption = False,
    markdown: MarkdownOption = False,
    model_dir: ModelOption = None,
) -> None:
    """Toon alle instrumenten; of één instrument met de acties die het gebruiken."""
    from werkwijzer.core import lookup

    chosen = choose_format(format, output, "terminal", json=json, markdown=markdown)
    model = load(model_dir)
    view: lookup.InstrumentsView | lookup.InstrumentView = (
        lookup.InstrumentsView()
        if instrument is None
        else lookup.instrument_view(model, lookup.resolve(model, "instrument", instrument))
    )
    emit(view, chosen, output, RenderContext(model))


def browse(
    aspect: AspectOption = None,
    layer: LayerOption = None,
    phase: PhaseOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Kijk rond in het model: kies een aspect, een laag en een fase, en lees wat je kunt doen.

    Met --aspect, --layer en --phase begin je op die plek. Stoppen kan altijd, ook met Ctrl-C.
    """
    from werkwijzer.core import lookup
    from werkwijzer.core.invocation import program
    from werkwijzer.interactive.terminal import require_terminal

    model = load(model_dir)
    start_aspect = lookup.resolve(model, "aspect", aspect) if aspect is not None else None
    start_layer = lookup.resolve_layer(model, layer) if layer is not None else None
    start_phase = lookup.resolve_phase(model, phase) if phase is not None else None
    require_terminal(
        "browse",
        f"Zoek het op met '{program()} aspects', '{program()} actions --aspect ...' en "
        f"'{program()} instruments' (alle drie ook met --json of --markdown).",
    )
    from werkwijzer.interactive.browse import Browser, Place

    Browser(model, stdout_console()).run(Place(start_aspect, start_layer, start_phase))


def register(app: typer.Typer) -> None:
    app.command()(aspects)
    app.command()(actions)
    app.command()(instruments)
    app.command()(browse)

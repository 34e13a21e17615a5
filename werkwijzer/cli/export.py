"""export: a report for the meeting, from one answers file (individual) or several (team)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import FormatOption, ModelOption, OutputOption, load
from werkwijzer.cli.sheet_layer import SheetLayerOption, layer_id

if TYPE_CHECKING:
    from werkwijzer.core.model import Model
    from werkwijzer.core.respondents import Report
    from werkwijzer.core.team import Respondent
    from werkwijzer.core.team_notes import TeamNotes

FilesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Antwoordbestanden (YAML of JSON), antwoordsheets (.xlsx, .csv: elke rij is een "
        "respondent), of mappen: dan telt elk van die bestanden in de map mee.",
        metavar="BESTAND...",
        show_default=False,
    ),
]
TitleOption = Annotated[
    str | None, typer.Option("--title", help="Titel boven het rapport.", show_default=False)
]
MinGroupOption = Annotated[
    int,
    typer.Option(
        "--min-group",
        min=1,
        help="Een laag met minder respondenten staat niet apart in een teamrapport (telt wel mee).",
    ),
]
AllowMixedOption = Annotated[
    bool,
    typer.Option(
        "--allow-mixed", help="Sta antwoorden van verschillende scholen of modelversies toe."
    ),
]
StrictPrivacyOption = Annotated[
    bool,
    typer.Option(
        "--strict-privacy",
        help="Verberg ook een laag waaruit je een kleine, verborgen laag kunt terugrekenen.",
    ),
]
NotesOption = Annotated[
    bool,
    typer.Option(
        "--notes",
        help="Zet in een teamrapport (markdown) ook de toelichtingen, letterlijk en zonder namen.",
    ),
]
ExcelOption = Annotated[
    bool,
    typer.Option(
        "--excel", help="CSV voor Excel met Nederlandse instellingen: ';', decimale komma, BOM."
    ),
]


def export(
    files: FilesArgument,
    format: FormatOption = None,
    output: OutputOption = None,
    title: TitleOption = None,
    min_group: MinGroupOption = 3,
    strict_privacy: StrictPrivacyOption = False,
    allow_mixed: AllowMixedOption = False,
    excel: ExcelOption = False,
    notes: NotesOption = False,
    layer: SheetLayerOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Maak een rapport voor het gesprek: van één antwoordbestand, of van een heel team.

    Eén bestand: een persoonlijk rapport. Meer bestanden of een map: een teamrapport zonder namen.
    """
    from werkwijzer.cli.output import choose_format, emit, say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.respondents import collect, report
    from werkwijzer.render.context import RenderContext

    if excel and format not in (None, "csv"):
        raise WerkwijzerError("--excel hoort bij --format csv.")
    chosen = choose_format("csv" if excel else format, output, "markdown")
    if notes and chosen != "markdown":
        raise WerkwijzerError("--notes hoort bij een rapport in markdown.")
    model = load(model_dir)
    sheet_layer = layer_id(model, layer)
    collected = collect(files, model, allow_mixed=allow_mixed, skip=output, layer=sheet_layer)
    for note in collected.notes:
        say(note)
    made = report(
        model,
        collected.respondents,
        min_group=min_group,
        protect_totals=strict_privacy,
        title=title,
    )
    context = RenderContext(
        model,
        title=title,
        source=made.source,
        excel=excel,
        respondents=made.rows,
        notes=made.notes,
        team_notes=_team_notes(model, collected.respondents, made) if notes else None,
    )
    emit(made.document, chosen, output, context)
    if output is not None:
        count = len(collected.respondents)
        what = "Rapport" if count == 1 else f"Teamrapport van {count} respondenten"
        say(f"{what} geschreven naar {output}.")


def _team_notes(model: Model, respondents: Sequence[Respondent], made: Report) -> TeamNotes | None:
    """The notes of the groups the team report shows, without names; None for one respondent."""
    from werkwijzer.core.team import TeamResult
    from werkwijzer.core.team_notes import team_notes

    if not isinstance(made.document, TeamResult):
        return None
    return team_notes(model, respondents, made.document.shown_layers())


def register(app: typer.Typer) -> None:
    app.command()(export)

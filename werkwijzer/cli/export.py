"""export: a report for the meeting, from one answers file (individual) or several (team)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from werkwijzer.cli.common import ModelOption, load
from werkwijzer.cli.sheet_layer import SheetLayerOption, layer_id

if TYPE_CHECKING:
    from werkwijzer.core.model import Model
    from werkwijzer.core.team import Respondent


class ExportFormat(str, Enum):
    markdown = "markdown"
    json = "json"
    csv = "csv"


SUFFIX_FORMATS = {".md": ExportFormat.markdown, ".markdown": ExportFormat.markdown}
SUFFIX_FORMATS |= {".json": ExportFormat.json, ".csv": ExportFormat.csv}

FilesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Antwoordbestanden (YAML of JSON), antwoordsheets (.xlsx, .csv: elke rij is een "
        "respondent), of mappen: dan telt elk van die bestanden in de map mee.",
        metavar="BESTAND...",
        show_default=False,
    ),
]
FormatOption = Annotated[
    ExportFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="markdown, json of csv. Standaard: volgens -o (.md, .json, .csv), anders markdown.",
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
    from werkwijzer.cli.output import say
    from werkwijzer.core.respondents import collect

    chosen = _choose_format(format, output, excel)
    if notes and chosen is not ExportFormat.markdown:
        from werkwijzer.core.errors import WerkwijzerError

        raise WerkwijzerError("--notes hoort bij een rapport in markdown.")
    model = load(model_dir)
    sheet_layer = layer_id(model, layer)
    collected = collect(files, model, allow_mixed=allow_mixed, skip=output, layer=sheet_layer)
    for note in collected.notes:
        say(note)
    respondents = collected.respondents
    if len(respondents) == 1:
        data = _individual(model, respondents[0], chosen, title, excel)
        what = "Rapport"
    else:
        data = _team(model, respondents, chosen, title, excel, min_group, strict_privacy, notes)
        what = f"Teamrapport van {len(respondents)} respondenten"
    _write(data, output)
    if output is not None:
        say(f"{what} geschreven naar {output}.")


def _choose_format(given: ExportFormat | None, output: Path | None, excel: bool) -> ExportFormat:
    from werkwijzer.core.errors import WerkwijzerError

    if excel and given not in (None, ExportFormat.csv):
        raise WerkwijzerError("--excel hoort bij --format csv.")
    if given is not None:
        return given
    if excel:
        return ExportFormat.csv
    suffix = output.suffix.lower() if output else ""
    return SUFFIX_FORMATS.get(suffix, ExportFormat.markdown)


def _individual(
    model: Model, respondent: Respondent, chosen: ExportFormat, title: str | None, excel: bool
) -> bytes:
    result = respondent.result
    if chosen is ExportFormat.json:
        from werkwijzer.core.jsonable import to_jsonable

        return _json(to_jsonable(result))
    if chosen is ExportFormat.csv:
        from werkwijzer.render.report_csv import individual_csv

        return individual_csv(result, excel=excel)
    from werkwijzer.core.answers import STDIN
    from werkwijzer.render.report_markdown import individual_markdown

    source = None if respondent.source == STDIN else Path(respondent.source).name
    return individual_markdown(
        model, result, source=source, title=title, notes=respondent.answers.notes
    ).encode("utf-8")


def _team(
    model: Model,
    respondents: Sequence[Respondent],
    chosen: ExportFormat,
    title: str | None,
    excel: bool,
    min_group: int,
    strict_privacy: bool,
    notes: bool = False,
) -> bytes:
    from werkwijzer.core.team import build_team, numbered_results

    team = build_team(
        model, respondents, min_group=min_group, protect_totals=strict_privacy, title=title
    )
    if chosen is ExportFormat.json:
        return _json(team.model_dump(mode="json"))
    if chosen is ExportFormat.csv:
        from werkwijzer.render.report_csv import team_csv

        return team_csv(numbered_results(respondents, team), excel=excel)
    from werkwijzer.render.report_markdown import team_markdown

    text = team_markdown(model, team)
    if notes:
        from werkwijzer.core.team_notes import team_notes
        from werkwijzer.render.notes_markdown import team_notes_markdown

        found = team_notes(model, respondents, team.shown_layers())
        text += "\n" + team_notes_markdown(model, found)
    return text.encode("utf-8")


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _write(data: bytes, output: Path | None) -> None:
    """To the file atomically (the old one stays whole if anything fails), or to stdout as UTF-8."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from werkwijzer.core.atomic import atomic_write_bytes
    from werkwijzer.core.errors import WerkwijzerError

    try:
        atomic_write_bytes(output, data)
    except OSError as exc:
        raise WerkwijzerError(
            f"{output}: kan niet geschreven worden ({exc.strerror or exc})."
        ) from None


def register(app: typer.Typer) -> None:
    app.command()(export)

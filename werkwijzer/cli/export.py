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
from werkwijzer.cli.text_options import free_text

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
        help="Antwoordbestanden (YAML of JSON), of mappen: dan telt elk .yaml-, .yml- en "
        ".json-bestand in de map mee.",
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
    str | None,
    typer.Option(
        "--title", help="Titel boven het rapport.", show_default=False, callback=free_text
    ),
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
    model_dir: ModelOption = None,
) -> None:
    """Maak een rapport voor het gesprek: van één antwoordbestand, of van een heel team.

    Eén bestand: een persoonlijk rapport. Meer bestanden of een map: een teamrapport zonder namen.
    """
    from werkwijzer.cli.output import say
    from werkwijzer.core.respondents import collect

    chosen = _choose_format(format, output, excel)
    model = load(model_dir)
    collected = collect(files, model, allow_mixed=allow_mixed, skip=output)
    for note in collected.notes:
        say(note)
    respondents = collected.respondents
    if len(respondents) == 1:
        data = _individual(model, respondents[0], chosen, title, excel)
        what = "Rapport"
    else:
        data = _team(model, respondents, chosen, title, excel, min_group, strict_privacy)
        what = f"Teamrapport van {len(respondents)} respondenten"
    _write(data, output)
    if output is not None:
        say(f"{what} geschreven naar {output}.")  # say() escapes what a name may hold


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
    from werkwijzer.core.safe_text import printable
    from werkwijzer.render.report_markdown import individual_markdown

    # The file's own name, any byte of it that is not UTF-8 shown as a replacement mark.
    source = None if respondent.source == STDIN else printable(Path(respondent.source).name)
    return individual_markdown(model, result, source=source, title=title).encode("utf-8")


def _team(
    model: Model,
    respondents: Sequence[Respondent],
    chosen: ExportFormat,
    title: str | None,
    excel: bool,
    min_group: int,
    strict_privacy: bool,
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

    return team_markdown(model, team).encode("utf-8")


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
        from werkwijzer.core.paths import os_reason

        raise WerkwijzerError(f"{output}: kan niet geschreven worden ({os_reason(exc)}).") from None


def register(app: typer.Typer) -> None:
    app.command()(export)

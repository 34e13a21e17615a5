"""export: a report for the meeting, from one answers file (individual) or several (team)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from werkwijzer.cli.common import FormatOption, ModelOption, OutputOption, load

FilesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Antwoordbestanden (YAML of JSON), of mappen: dan telt elk .yaml-, .yml- en "
        ".json-bestand in de map mee.",
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
        help="Geen cijfer in een teamrapport gaat over minder mensen dan dit (zie de README).",
    ),
]
ShowLeadershipOption = Annotated[
    bool,
    typer.Option(
        "--show-leadership",
        help="Toon bestuurder en schoolleiders samen als 'leiding', naast het team: hun eigen "
        "beoordeling. Alleen als de leiding dat goed vindt.",
    ),
]
FullOption = Annotated[
    bool,
    typer.Option("--full", help="Zet in de bijlage van een teamrapport alle acties."),
]
AllowMixedOption = Annotated[
    bool,
    typer.Option(
        "--allow-mixed", help="Sta antwoorden van verschillende scholen of modelversies toe."
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
    min_group: MinGroupOption = 5,  # core.team.DEFAULT_MIN_GROUP, not imported for a fast start
    show_leadership: ShowLeadershipOption = False,
    full: FullOption = False,
    allow_mixed: AllowMixedOption = False,
    excel: ExcelOption = False,
    model_dir: ModelOption = None,
) -> None:
    """Maak een rapport voor het gesprek: van één antwoordbestand, of van een heel team.

    Eén bestand: een persoonlijk rapport. Meer bestanden of een map: een teamrapport zonder namen.
    Zonder -o op een terminal: een HTML-bestand in de huidige map.
    """
    from werkwijzer.cli.output import choose_format, emit, say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.respondents import collect, report
    from werkwijzer.render.context import RenderContext

    if excel and format not in (None, "csv"):
        raise WerkwijzerError("--excel hoort bij --format csv.")
    chosen = choose_format("csv" if excel else format, output, "markdown")
    to_file = output is None and _file_for_terminal(format is None and not excel, chosen)
    if to_file:
        chosen = "html" if format is None else chosen
    model = load(model_dir)
    collected = collect(files, model, allow_mixed=allow_mixed, skip=output)
    for note in collected.notes:
        say(note)
    made = report(
        model,
        collected.respondents,
        min_group=min_group,
        show_leadership=show_leadership,
        title=title,
    )
    if to_file:
        output = _free_name(made.source, chosen)
    context = RenderContext(
        model, title=title, source=made.source, excel=excel, respondents=made.rows, full=full
    )
    emit(made.document, chosen, output, context)
    if output is not None:
        count = len(collected.respondents)
        what = "Rapport" if count == 1 else f"Teamrapport van {count} respondenten"
        where = f" (in {output.resolve().parent})" if to_file else ""
        hint = " Open het in je browser." if chosen == "html" else ""
        say(f"{what} geschreven naar {output}{where}.{hint}")


def _file_for_terminal(no_format: bool, chosen: str) -> bool:
    """On a terminal a report goes to a file: HTML unless asked otherwise; xlsx and HTML always.

    Piped, it goes to stdout as asked (markdown by default), for scripts.
    """
    import sys

    return sys.stdout.isatty() and (no_format or chosen in ("html", "xlsx"))


def _free_name(source: str | None, fmt: str) -> Path:
    """A new file in the current folder: never one that is already there (it may be last year's)."""
    stem = f"rapport-{Path(source).stem}" if source else "teamrapport"
    suffix = ".xlsx" if fmt == "xlsx" else ".html"
    candidate = Path(stem + suffix)
    n = 2
    while candidate.exists():
        candidate = Path(f"{stem}-{n}{suffix}")
        n += 1
    return candidate


def register(app: typer.Typer) -> None:
    app.command()(export)

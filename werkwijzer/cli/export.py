"""export: a report for the meeting, from one answers file (individual) or several (team)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import FormatOption, ModelOption, OutputOption, load
from werkwijzer.cli.sheet_layer import SheetLayerOption, layer_id
from werkwijzer.cli.store import DbOption
from werkwijzer.cli.text_options import free_text

if TYPE_CHECKING:
    from werkwijzer.core.model import Model
    from werkwijzer.core.respondents import Report
    from werkwijzer.core.team import Respondent, TeamResult
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
NotesOption = Annotated[
    bool,
    typer.Option(
        "--notes",
        help="Zet in een teamrapport (markdown) ook de toelichtingen, letterlijk en zonder namen.",
    ),
]
BoardOption = Annotated[
    bool,
    typer.Option(
        "--board",
        help="Een bestuursoverzicht: antwoorden van meer scholen van één bestuur, de scholen "
        "naast elkaar.",
    ),
]
PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Zet dit plan (werkwijzer-plan/1) in het teamrapport: als jaarplan, of als "
        "terugblik als het van een eerder schooljaar is. Standaard: de bewaarde plannen.",
        show_default=False,
        dir_okay=False,
    ),
]
NoPlanOption = Annotated[
    bool,
    typer.Option("--no-plan", help="Laat de bewaarde plannen weg uit het teamrapport."),
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
    board: BoardOption = False,
    plan: PlanOption = None,
    no_plan: NoPlanOption = False,
    excel: ExcelOption = False,
    notes: NotesOption = False,
    layer: SheetLayerOption = None,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Maak een rapport voor het gesprek: van één antwoordbestand, of van een heel team.

    Eén bestand: een persoonlijk rapport. Meer bestanden of een map: een teamrapport zonder namen.
    Zonder -o op een terminal: een HTML-bestand in de huidige map.
    """
    import dataclasses

    from werkwijzer.cli.output import choose_format, emit, say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.respondents import collect, report
    from werkwijzer.core.team import TeamResult
    from werkwijzer.render.context import RenderContext

    if excel and format not in (None, "csv"):
        raise WerkwijzerError("--excel hoort bij --format csv.")
    chosen = choose_format("csv" if excel else format, output, "markdown")
    if notes and chosen != "markdown":
        raise WerkwijzerError("--notes hoort bij een rapport in markdown.")
    if plan is not None and no_plan:
        raise WerkwijzerError("Kies --plan of --no-plan, niet allebei.")
    to_file = output is None and _file_for_terminal(format is None and not excel, chosen)
    if to_file:
        chosen = "html" if format is None else chosen
    model = load(model_dir)
    sheet_layer = layer_id(model, layer)
    collected = collect(
        files, model, allow_mixed=allow_mixed, board=board, skip=output, layer=sheet_layer
    )
    for note in collected.notes:
        say(note)
    made = report(
        model,
        collected.respondents,
        min_group=min_group,
        show_leadership=show_leadership,
        title=title,
    )
    if isinstance(made.document, TeamResult):
        if board and not made.document.schools_apart:
            say("Let op: alle antwoorden komen van één school; er staan geen scholen naast elkaar.")
        if not no_plan:
            made = dataclasses.replace(made, document=_with_plans(model, made.document, plan, db))
    elif plan is not None:
        raise WerkwijzerError(
            "--plan hoort bij een teamrapport, van twee of meer antwoordbestanden."
        )
    board_report = isinstance(made.document, TeamResult) and bool(made.document.schools_apart)
    if to_file:
        output = _free_name("bestuursoverzicht" if board_report else None, made.source, chosen)
    context = RenderContext(
        model,
        title=title,
        source=made.source,
        excel=excel,
        respondents=made.rows,
        full=full,
        notes=made.notes,
        team_notes=_team_notes(model, collected.respondents, made) if notes else None,
    )
    emit(made.document, chosen, output, context)
    if output is not None:
        count = len(collected.respondents)
        what = "Rapport" if count == 1 else f"Teamrapport van {count} respondenten"
        if board_report:
            what = f"Bestuursoverzicht van {count} respondenten"
        where = f" (in {output.resolve().parent})" if to_file else ""
        hint = " Open het in je browser." if chosen == "html" else ""
        say(f"{what} geschreven naar {output}{where}.{hint}")


def _with_plans(model: Model, team: TeamResult, plan: Path | None, db: Path | None) -> TeamResult:
    """The team report with the plan given, or else the plans kept for its school and year."""
    import datetime as dt

    from werkwijzer.cli.output import say
    from werkwijzer.core.plan import read_plan
    from werkwijzer.core.planning import report_plans, team_with_plans

    given = read_plan(plan, model) if plan is not None else None
    plans = report_plans(team, model, given, db)
    for note in plans.notes:
        say(note)
    return team_with_plans(team, model, plans, dt.date.today())


def _file_for_terminal(no_format: bool, chosen: str) -> bool:
    """On a terminal a report goes to a file: HTML unless asked otherwise; xlsx and HTML always.

    Piped, it goes to stdout as asked (markdown by default), for scripts.
    """
    import sys

    return sys.stdout.isatty() and (no_format or chosen in ("html", "xlsx"))


def _free_name(stem: str | None, source: str | None, fmt: str) -> Path:
    """A new file in the current folder: never one that is already there (it may be last year's)."""
    stem = stem or (f"rapport-{Path(source).stem}" if source else "teamrapport")
    suffix = ".xlsx" if fmt == "xlsx" else ".html"
    candidate = Path(stem + suffix)
    n = 2
    while candidate.exists():
        candidate = Path(f"{stem}-{n}{suffix}")
        n += 1
    return candidate


def _team_notes(model: Model, respondents: Sequence[Respondent], made: Report) -> TeamNotes | None:
    """The notes of the groups the team report shows, without names; None for one respondent."""
    from werkwijzer.core.team import TeamResult
    from werkwijzer.core.team_notes import team_notes

    if not isinstance(made.document, TeamResult):
        return None
    # Only groups big enough to show apart: a note may name its writer, so never the leadership
    # shown by agreement, and never a layer that counts only in the totals.
    shown = [layer for g in made.document.groups if not g.agreed for layer in g.layers]
    return team_notes(model, respondents, shown)


def register(app: typer.Typer) -> None:
    app.command()(export)

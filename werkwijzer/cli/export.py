"""export: a report for the meeting, from one answers file (individual) or several (team)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import FormatOption, ModelOption, OutputOption, load
from werkwijzer.cli.store import DbOption, PlanOption

if TYPE_CHECKING:
    from werkwijzer.core.model import Model
    from werkwijzer.core.team import TeamResult

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
BoardOption = Annotated[
    bool,
    typer.Option(
        "--board",
        help="Scholen van één bestuur: zet elke school naast de andere (een bestuursoverzicht).",
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
    board: BoardOption = False,
    plan: PlanOption = None,
    excel: ExcelOption = False,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Maak een rapport voor het gesprek: van één antwoordbestand, of van een heel team.

    Eén bestand: een persoonlijk rapport. Meer bestanden of een map: een teamrapport zonder namen.
    """
    from werkwijzer.cli.output import choose_format, emit, say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.respondents import collect, report
    from werkwijzer.core.team import TeamResult
    from werkwijzer.render.context import RenderContext

    if excel and format not in (None, "csv"):
        raise WerkwijzerError("--excel hoort bij --format csv.")
    chosen = choose_format("csv" if excel else format, output, "markdown")
    model = load(model_dir)
    collected = collect(files, model, allow_mixed=allow_mixed, allow_schools=board, skip=output)
    for note in collected.notes:
        say(note)
    made = report(
        model,
        collected.respondents,
        min_group=min_group,
        protect_totals=strict_privacy,
        title=title,
    )
    document = made.document
    if isinstance(document, TeamResult):
        document = _with_plans(document, model, plan, db)
    elif plan is not None:
        raise WerkwijzerError(
            "Een plan hoort bij een teamrapport: geef de antwoorden van het team."
        )
    context = RenderContext(
        model, title=title, source=made.source, excel=excel, respondents=made.rows
    )
    emit(document, chosen, output, context)
    if output is not None:
        count = len(collected.respondents)
        what = "Rapport" if count == 1 else f"Teamrapport van {count} respondenten"
        say(f"{what} geschreven naar {output}.")


def _with_plans(
    team: TeamResult, model: Model, plan_file: Path | None, db: Path | None
) -> TeamResult:
    """The team report with this school year's plan and a look back on last year's, if found."""
    import datetime as dt

    from werkwijzer.cli.output import say
    from werkwijzer.core.plan import read_plan
    from werkwijzer.core.planning import (
        Plans,
        given_plan,
        one_school_year,
        stored_plans,
        team_with_plans,
    )

    school = team.schools[0] if len(team.schools) == 1 else None
    year = one_school_year(team.first_date, team.last_date)
    plans = Plans()
    if plan_file is not None:
        plans = given_plan(read_plan(plan_file, model), school, year)
    elif school is not None and year is not None:
        plans = stored_plans(db, school, year, model)
    for note in plans.notes:
        say(note)
    return team_with_plans(team, model, plans, dt.date.today())


def register(app: typer.Typer) -> None:
    app.command()(export)

"""plan: targets and priorities for a school year. The questions live in werkwijzer.interactive.plan.

Where the team stands now (NU) comes from the answers files given (as in export), else from the
stored scans of the school in that school year. Every question is also an option; in a terminal,
`plan` asks what the options leave open, without one it asks nothing and writes what it was given.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import ModelOption, load
from werkwijzer.cli.output import stdout_console
from werkwijzer.cli.store import DbOption

if TYPE_CHECKING:
    from rich.console import Console

    from werkwijzer.core.model import Model
    from werkwijzer.core.plan import Plan
    from werkwijzer.core.plan_making import Standing


def plan(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Antwoordbestanden of mappen van het team: daaruit komt waar het team nu staat. "
            "Zonder: de bewaarde scans van de school in dat schooljaar.",
            metavar="[BESTAND]...",
            show_default=False,
        ),
    ] = None,
    school: Annotated[
        str | None, typer.Option("--school", help="De school.", show_default=False)
    ] = None,
    year: Annotated[
        str | None,
        typer.Option(
            "--year",
            help="Het schooljaar, zoals 2025/2026. Standaard: dat van de antwoorden.",
            show_default=False,
        ),
    ] = None,
    target: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            help="Een doel: ASPECT=FASE, eventueel @DATUM ('werken met data=tussen@2026-06-30'), "
            "of ASPECT=geen. Mag vaker.",
            show_default=False,
        ),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="Uiterlijke datum voor de doelen zonder eigen @DATUM.", show_default=False
        ),
    ] = None,
    priority: Annotated[
        list[str] | None,
        typer.Option(
            "--priority",
            help="Een prioriteit: een actie-id uit het model, of ASPECT=EIGEN TEKST. Hoogstens "
            "drie; ze vervangen de prioriteiten die er al waren.",
            show_default=False,
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option(
            "--owner", help="Eigenaar van de n-de prioriteit (rol of naam).", show_default=False
        ),
    ] = None,
    deadline: Annotated[
        list[str] | None,
        typer.Option("--deadline", help="Deadline van de n-de prioriteit.", show_default=False),
    ] = None,
    evaluation: Annotated[
        list[str] | None,
        typer.Option(
            "--evaluation", help="Evaluatiemoment van de n-de prioriteit.", show_default=False
        ),
    ] = None,
    success: Annotated[
        list[str] | None,
        typer.Option("--success", help="Wanneer de n-de prioriteit gelukt is.", show_default=False),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Bestand voor het plan. Standaard: een nieuw bestand in deze map, met school en schooljaar in de naam.",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            help="Ga verder met een plan (ook om het met opties bij te werken).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    no_questions: Annotated[
        bool, typer.Option("--no-questions", help="Vraag niets, ook niet in een terminal.")
    ] = False,
    no_store: Annotated[
        bool, typer.Option("--no-store", help="Bewaar het plan niet in de database.")
    ] = False,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Maak een plan: per aspect een doel (nu -> straks) en hoogstens drie prioriteiten."""
    import sys

    from werkwijzer.cli.output import say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.plan import read_plan, write_plan
    from werkwijzer.core.plan_making import PlanOptions, apply_options

    model = load(model_dir)
    if resume is not None and output is not None:
        raise WerkwijzerError(
            "--resume en --output gaan niet samen: verder gaan schrijft in het bestand zelf."
        )
    resumed = read_plan(resume, model) if resume is not None else None
    now = _standing(model, files) if files else None
    asking = not no_questions and sys.stdin.isatty() and sys.stdout.isatty()
    chosen_school, chosen_year = _school_and_year(resumed, now, school, year, asking=asking)
    if now is None and resumed is None:
        chosen_school, now = _stored_standing(model, db, chosen_school, chosen_year)
    start = _start(model, resumed, now, chosen_school, chosen_year)
    options = PlanOptions(
        targets=target or (),
        by=by,
        priorities=priority or (),
        owners=owner or (),
        deadlines=deadline or (),
        evaluations=evaluation or (),
        successes=success or (),
    )
    start = apply_options(model, start, options, start.now)
    path = resume or _path(output, start)
    if not start.now:
        say(
            "Let op: er zijn geen antwoorden van deze school in dit schooljaar gevonden, dus "
            "waar het team nu staat blijft open. Geef de antwoordbestanden mee, of lees ze in "
            "met werkwijzer import."
        )
    console = stdout_console()
    if asking:
        from werkwijzer.interactive.plan import run

        made = run(model, start, path, console=console)
    else:
        try:
            write_plan(path, start, model)
        except OSError as exc:
            raise WerkwijzerError(
                f"{path}: kan niet geschreven worden ({exc.strerror or exc})."
            ) from None
        made = start
    _finish(console, model, made, path, store=not no_store, db=db)


def _standing(model: Model, files: list[str]) -> Standing:
    """Where the team stands, from the answers files given (as export reads them)."""
    from werkwijzer.cli.output import say
    from werkwijzer.core.plan_making import standing_of
    from werkwijzer.core.respondents import collect

    collected = collect(files, model)
    for note in collected.notes:
        say(note)
    return standing_of(model, [r.result for r in collected.respondents])


def _stored_standing(
    model: Model, db: Path | None, school: str, year: str
) -> tuple[str, Standing | None]:
    """The school as the store knows it (a beginning of its name will do), and where its team
    stands in that school year. A school the store does not know keeps the name as typed."""
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.periods import school_year_period
    from werkwijzer.core.plan_making import standing_of
    from werkwijzer.core.sides import AmbiguousSchoolError, find_school
    from werkwijzer.core.store import Store, StoreMissingError

    period = school_year_period(year)
    try:
        with Store.open(db, create=False) as store:
            try:
                key = find_school(store, school)
            except AmbiguousSchoolError:
                raise
            except WerkwijzerError:
                return school, None  # a school without stored scans
            found = store.summaries(school=key, since=period.start, until=period.end)
            name = store.school_names().get(key, school)
    except StoreMissingError:
        return school, None
    return name, standing_of(model, list(found)) if found else None


def _school_and_year(
    resumed: Plan | None,
    now: Standing | None,
    school: str | None,
    year: str | None,
    *,
    asking: bool,
) -> tuple[str, str]:
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.periods import normal_school_year, school_year_of

    chosen_school = school or (resumed.school if resumed else None) or (now.school if now else None)
    chosen_year = normal_school_year(year) if year else None
    chosen_year = chosen_year or (resumed.school_year if resumed else None)
    chosen_year = chosen_year or (now.school_year if now else None)
    if chosen_school and chosen_year:
        return chosen_school, chosen_year
    if not asking:
        missing = "--school" if not chosen_school else "--year"
        raise WerkwijzerError(
            f"Voor welke school en welk schooljaar is het plan? Geef {missing} op (zonder "
            "terminal vraagt plan niets)."
        )
    from werkwijzer.interactive.plan import ask_school, ask_school_year

    try:
        chosen_school = chosen_school or ask_school()
        chosen_year = chosen_year or ask_school_year(school_year_of(dt.date.today()))
    except (KeyboardInterrupt, EOFError):
        from werkwijzer.core.errors import Interrupted

        raise Interrupted(
            "\nGestopt. Er was nog niets gekozen, dus er is niets opgeslagen."
        ) from None
    return chosen_school, chosen_year


def _start(
    model: Model, resumed: Plan | None, now: Standing | None, school: str, year: str
) -> Plan:
    """The plan to go on with: the resumed one (with a new NU if answers were given), or a new one."""
    import dataclasses

    from werkwijzer.core.plan import Plan

    if resumed is not None:
        if now is None:
            return dataclasses.replace(resumed, school=school, school_year=year)
        return dataclasses.replace(
            resumed, school=school, school_year=year, now=now.phases, respondents=now.respondents
        )
    return Plan(
        school=school,
        school_year=year,
        made=dt.date.today(),
        model_version=model.version,
        respondents=now.respondents if now else None,
        now=now.phases if now else {},
    )


def _path(output: Path | None, plan: Plan) -> Path:
    """--output, or a name from school and year; an existing file is never overwritten."""
    import re

    from werkwijzer.core.errors import WerkwijzerError

    if output is None:
        slug = re.sub(r"[^a-z0-9]+", "-", plan.school.lower()).strip("-") or "school"
        output = Path(f"werkwijzer-plan-{slug}-{plan.school_year.replace('/', '-')}.yaml")
    if output.exists():
        raise WerkwijzerError(
            f"{output} bestaat al. Verder gaan of bijwerken: werkwijzer plan --resume {output}; "
            "of kies met --output een andere naam."
        )
    return output


def _finish(
    console: Console, model: Model, plan: Plan, path: Path, *, store: bool, db: Path | None
) -> None:
    from werkwijzer.cli.output import say
    from werkwijzer.core.plan_review import jaarplan
    from werkwijzer.render.plan_terminal import print_jaarplan

    console.print()
    print_jaarplan(console, model, jaarplan(plan, model))
    say(f"Het plan staat in {path.absolute()}.")
    if store:
        from werkwijzer.core.planning import keep_plan
        from werkwijzer.core.store import StoreError

        try:
            new = keep_plan(db, plan, model)
        except StoreError as exc:
            say(f"Let op: het plan is niet in de database bewaard. {exc.message}")
            return
        what = "bewaard" if new else "bijgewerkt"
        say(
            f"Het plan is {what} in de database; het teamrapport (werkwijzer export) en "
            "werkwijzer compare laten het zien."
        )


def register(app: typer.Typer) -> None:
    app.command()(plan)

"""import, history, compare and forget: the local store of scans (werkwijzer.core.store) in the CLI.

Exit codes beyond the usual ones (0 done, 2 a problem with the input or the database):
3 from `import` when one or more files were skipped and the rest was stored. It differs from 2 so a
script can tell "some files need a look" apart from "the database could not be used at all".
"""

from __future__ import annotations

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
from werkwijzer.cli.sheet_layer import SheetLayerOption, layer_id
from werkwijzer.cli.text_options import free_text

if TYPE_CHECKING:
    from werkwijzer.core.compare import Comparison
    from werkwijzer.core.model import LayerId, Model

EXIT_SKIPPED = 3


def _db_path(typed: str) -> Path | None:
    """--db as typed; empty (`--db ""`) means the default, like leaving the option out."""
    return Path(typed) if typed.strip() else None


DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        envvar="WERKWIJZER_DB",
        parser=_db_path,
        metavar="BESTAND",
        help="Het databasebestand met bewaarde scans. Standaard: werkwijzer.db in je map voor "
        "programmagegevens.",
        show_default=False,
    ),
]
SchoolOption = Annotated[
    str | None,
    typer.Option(
        "--school",
        help="Alleen deze school: de naam, of een uniek begin ervan.",
        show_default=False,
        callback=free_text,
    ),
]
LayerOption = Annotated[
    str | None,
    typer.Option(
        "--layer", help="Alleen deze laag: bestuurder, schoolleider of leraar.", show_default=False
    ),
]
PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Het plan (werkwijzer-plan/1) om op terug te kijken. Standaard: het bewaarde plan "
        "van de school voor het schooljaar van toen.",
        show_default=False,
        dir_okay=False,
    ),
]
PERIODS_HELP = "2025-10-01, 2025-10, 2025, 2025/2026 (schooljaar) of 2025-09..2026-07"


# --- import --------------------------------------------------------------------------------------


def import_(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Antwoordbestanden (YAML of JSON), antwoordsheets (.xlsx, .csv) of mappen: van "
            "een map tellen de bestanden die er direct in staan. - leest standaardinvoer.",
            show_default=False,
        ),
    ],
    layer: SheetLayerOption = None,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Bewaar antwoordbestanden (ook van anderen) in de database, voor history en compare."""
    from werkwijzer.cli.output import say
    from werkwijzer.core.importing import ImportReport, import_files
    from werkwijzer.core.store import Store, StoreError

    model = load(model_dir)
    report = ImportReport()
    with Store.open(db) as store:
        try:
            for outcome in import_files(store, files, model, layer_id(model, layer)):
                report.outcomes.append(outcome)
                say(outcome.message())
        except StoreError:
            say(report.summary(store.path))
            raise
    note = report.model_note(model)
    if note:
        say(note)
    say(report.summary(store.path))
    if report.skipped:
        raise typer.Exit(EXIT_SKIPPED)


# --- history -------------------------------------------------------------------------------------


def history(
    school: SchoolOption = None,
    layer: LayerOption = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help=f"Alleen scans vanaf deze datum of periode: {PERIODS_HELP}."),
    ] = None,
    scans: Annotated[
        bool,
        typer.Option(
            "--scans",
            help="Toon de losse scans (nummer, datum, laag, fase per aspect), nieuwste eerst.",
        ),
    ] = False,
    min_group: Annotated[
        int,
        typer.Option(
            "--min-group",
            min=1,
            help="Een schooljaar met minder respondenten toont geen cijfers (niet bij --scans).",
        ),
    ] = 5,  # core.team.DEFAULT_MIN_GROUP: the same rule as the team report
    format: FormatOption = None,
    output: OutputOption = None,
    json: JsonOption = False,
    markdown: MarkdownOption = False,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Toon per school en schooljaar de fasen van het team; met --scans de losse scans."""
    from werkwijzer.cli.output import choose_format, emit, refuse_unless, say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.periods import parse_period
    from werkwijzer.core.sides import find_school
    from werkwijzer.core.store import Store, StoreMissingError, db_path
    from werkwijzer.render.context import RenderContext
    from werkwijzer.render.registry import FORMAT_NAMES, formats_of_kind

    chosen = choose_format(format, output, "terminal", json=json, markdown=markdown)
    # Refused before anything is read, also when no scan fits: the list of scans is no report.
    try:
        refuse_unless(formats_of_kind("History" if scans else "Trend"), chosen, output)
    except WerkwijzerError as exc:
        if scans and chosen in formats_of_kind("Trend"):
            raise WerkwijzerError(
                f"{exc.message} De trend (history zonder --scans) kan wel als "
                f"{FORMAT_NAMES[chosen]}."
            ) from None
        raise
    start = parse_period(since).start if since is not None else None
    model = load(model_dir)
    layer_id = _layer(model, layer) if layer is not None else None
    names: dict[str, str] = {}
    links: dict[int, list[str]] = {}
    key: str | None = None
    try:
        with Store.open(db, create=False) as store:
            key = find_school(store, school) if school is not None else None
            found = store.summaries(school=key, layer=layer_id, since=start)
            if not scans:
                names, links = store.school_names(), store.board_links()
            where = store.path
    except StoreMissingError as exc:
        found, where = [], db_path(db)
        if chosen != "json":
            say(exc.message)
    if not found and chosen != "json":
        if where.exists():
            say("Geen bewaarde scans gevonden die hierbij passen.")
        return
    if scans:
        from werkwijzer.core.history import history as build

        emit(build(found, where), chosen, output, RenderContext(model))
        return
    from werkwijzer.core.trend import trend

    document = trend(
        model,
        found,
        names=names,
        links=links,
        database=str(where),
        min_group=min_group,
        layer=layer_id,
        only=key,
    )
    emit(document, chosen, output, RenderContext(model))


# --- compare -------------------------------------------------------------------------------------


def compare(
    sides: Annotated[
        list[str] | None,
        typer.Argument(
            help="Twee kanten, eerst toen en dan nu. Elke kant is een scannummer uit history (3), "
            "meer nummers met komma's (3,4,5: het team), een antwoordbestand of een map.",
            show_default=False,
        ),
    ] = None,
    school: Annotated[
        str | None,
        typer.Option(
            "--school",
            help="Vergelijk deze school in twee periodes (met --from en --to): de naam, of een "
            "uniek begin ervan.",
            show_default=False,
            callback=free_text,
        ),
    ] = None,
    period_from: Annotated[
        str | None,
        typer.Option(
            "--from", help=f"Met --school: de periode van toen, {PERIODS_HELP}.", show_default=False
        ),
    ] = None,
    period_to: Annotated[
        str | None,
        typer.Option(
            "--to", help="Met --school: de periode van nu, net zo geschreven.", show_default=False
        ),
    ] = None,
    layer: LayerOption = None,
    plan: PlanOption = None,
    format: FormatOption = None,
    output: OutputOption = None,
    json: JsonOption = False,
    markdown: MarkdownOption = False,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Vergelijk twee scans, of twee groepen scans: per aspect de fase toen en nu, en wat er bewoog."""
    from werkwijzer.cli.output import choose_format, emit, say
    from werkwijzer.core.compare import compare as build
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.invocation import command
    from werkwijzer.core.sides import LazyStore, comparison_notes, side_of, sides_by_school
    from werkwijzer.render.context import RenderContext

    chosen = choose_format(format, output, "terminal", json=json, markdown=markdown)
    model = load(model_dir)
    layer_id = _layer(model, layer) if layer is not None else None
    notes: list[str] = []
    with LazyStore(db) as stores:
        if school is not None or period_from is not None or period_to is not None:
            (then, then_side), (now, now_side), notes = sides_by_school(
                stores, sides, school, period_from, period_to, layer_id
            )
        else:
            if not sides or len(sides) != 2:
                raise WerkwijzerError(
                    "Geef twee kanten om te vergelijken, eerst toen en dan nu (scannummers uit "
                    "history), of --school, --from en --to. Bijvoorbeeld:\n"
                    f"  {command('compare', '3', '9')}"
                )
            then, then_side = side_of("toen", sides[0], stores, model, layer_id)
            now, now_side = side_of("nu", sides[1], stores, model, layer_id)
    for note in [*notes, *comparison_notes(then, now)]:
        say(note)
    comparison = build(
        then,
        now,
        then_side,
        now_side,
        threshold=model.threshold,
        names={a.id: a.name for a in model.aspects},
    )
    comparison = _with_plan_review(comparison, model, plan, db)
    emit(comparison, chosen, output, RenderContext(model))


def _with_plan_review(
    comparison: Comparison, model: Model, plan_file: Path | None, db: Path | None
) -> Comparison:
    """The comparison with the plan made for the school year of 'then', if there is one."""
    import dataclasses
    import datetime as dt

    from werkwijzer.cli.output import say
    from werkwijzer.core.plan import Plan, read_plan
    from werkwijzer.core.plan_review import review
    from werkwijzer.core.planning import given_plan, one_school_year, stored_plans

    then, now = comparison.then, comparison.now
    schools = list(dict.fromkeys([*then.schools, *now.schools]))
    school = schools[0] if len(schools) == 1 else None
    year = one_school_year(then.first_date, then.last_date)
    if plan_file is not None:
        earlier: Plan | None = read_plan(plan_file, model)
        assert earlier is not None
        # Refuses another school's plan, or one made after 'now'.
        given_plan(earlier, school, one_school_year(now.first_date, now.last_date))
    elif school is not None and year is not None:
        found = stored_plans(db, school, year, model)
        for note in found.notes:
            say(note)
        earlier = found.current
    else:
        return comparison
    if earlier is None:
        return comparison
    reached = {a.id: a.now.phase if a.now else None for a in comparison.aspects}
    return dataclasses.replace(
        comparison, plan_review=review(earlier, model, reached, dt.date.today())
    )


# --- forget --------------------------------------------------------------------------------------


def forget(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Antwoordbestanden of mappen: de scans met precies die antwoorden verdwijnen "
            "(zoals import ze herkent), ook als er geen naam in staat.",
            metavar="[BESTAND]...",
            show_default=False,
        ),
    ] = None,
    ids: Annotated[
        list[int] | None,
        typer.Option(
            "--id", help="Het nummer van een scan (zie history); mag vaker.", show_default=False
        ),
    ] = None,
    respondent: Annotated[
        str | None,
        typer.Option(
            "--respondent",
            help="Alle scans van deze respondent (de naam zoals ingevuld).",
            show_default=False,
            callback=free_text,
        ),
    ] = None,
    school: Annotated[
        str | None,
        typer.Option(
            "--school",
            help="Alle scans van deze school (de volledige naam).",
            show_default=False,
            callback=free_text,
        ),
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Verwijder zonder te vragen.")] = False,
    db: DbOption = None,
    model_dir: ModelOption = None,
) -> None:
    """Verwijder scans voorgoed uit de database (recht op vergetelheid, AVG)."""
    from werkwijzer.cli.output import say
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.core.forgetting import erase, plan_forget, plan_forget_files
    from werkwijzer.core.store import Store, StoreMissingError

    if not files and not ids and respondent is None and school is None:
        raise WerkwijzerError(
            "Zeg wat er weg moet: een antwoordbestand, --id NUMMER, --respondent NAAM of "
            "--school NAAM."
        )
    if files and (ids or respondent is not None or school is not None):
        raise WerkwijzerError(
            "Geef óf antwoordbestanden óf --id, --respondent en --school, niet allebei: zo is "
            "altijd duidelijk wat er verdwijnt."
        )
    model = load(model_dir) if files else None
    try:
        with Store.open(db, create=False) as store:
            if files and model is not None:
                plan, matches = plan_forget_files(store, files, model)
                for match in matches:
                    if match.scan_id is None:
                        say(f"{match.name}: deze antwoorden staan niet in de database.")
            else:
                plan = plan_forget(store, ids or (), respondent, school)
            if plan.missing_ids:
                say(f"Scan {', '.join(map(str, plan.missing_ids))} staat niet in de database.")
            found = plan.found
            if not found and not plan.plan_years:
                say("Geen bewaarde scans gevonden die hierbij passen; er is niets verwijderd.")
                return
            if found:
                say(_count(len(found), "scan wordt", "scans worden") + " voorgoed verwijderd:")
            for scan in found:
                details = [scan.day.isoformat(), scan.school, scan.layer, scan.respondent]
                say(f"  scan {scan.id} · " + " · ".join(d for d in details if d))
            if plan.plan_years:
                plans = _count(len(plan.plan_years), "plan", "plannen")
                say(f"Ook {plans} van {school} voorgoed: {', '.join(plan.plan_years)}.")
            if not yes and not _confirmed():
                say("Niets verwijderd.")
                return
            erased = erase(store, plan)
            outcome = erased.outcome
    except StoreMissingError as exc:
        say(f"{exc.message} Er valt niets te vergeten.")
        return
    plans = (
        f" en {_count(outcome.plans_removed, 'plan', 'plannen')}" if outcome.plans_removed else ""
    )
    say(
        f"{_count(outcome.removed, 'scan', 'scans')}{plans} verwijderd uit {store.path}. De "
        "antwoordbestanden zelf staan nog waar ze stonden; verwijder die zelf als dat ook moet."
    )
    if not outcome.fully_cleaned:
        say(
            "Let op: een ander programma las tegelijk in de database. Tot dat programma de "
            f"database sluit, kunnen de verwijderde gegevens nog in het databasebestand "
            f"{store.path} zelf staan; bij het sluiten worden ze overschreven."
        )
    if erased.arrived_meanwhile:
        say(
            f"Intussen {_count(erased.arrived_meanwhile, 'is er een scan', 'zijn er scans')} "
            "bijgekomen die "
            "hierbij past; draai forget nog eens om ook die te verwijderen."
        )


def _confirmed() -> bool:
    from werkwijzer.interactive.terminal import confirm, require_terminal

    require_terminal("forget", "Voeg --yes toe om zonder vragen te verwijderen.")
    return confirm("Weet je het zeker?")


# --- shared --------------------------------------------------------------------------------------


def _layer(model: Model, typed: str) -> LayerId:
    from werkwijzer.core.lookup import resolve

    layer_id: LayerId = resolve(model, "layer", typed)  # type: ignore[assignment]
    return layer_id


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# The longer help texts: one line per paragraph, so the help wraps them to the terminal.
IMPORT_HELP = (
    "Bewaar antwoordbestanden (ook van anderen) in de database, voor history en compare.\n\n"
    "Dezelfde antwoorden worden één keer bewaard. Een bestand dat niet klopt, wordt met naam "
    "gemeld en overgeslagen; de rest wordt bewaard.\n\n"
    "Exitcode 0: alles bewaard (of al bewaard); 3: er is iets overgeslagen; 2: de database kon "
    "niet gebruikt worden."
)
COMPARE_HELP = (
    "Vergelijk twee scans, of twee groepen scans: per aspect de fase toen en nu, en wat er "
    "bewoog.\n\n"
    "Twee groepen: meer scannummers per kant (compare 3,4,5 9,10,11), twee mappen met "
    "antwoordbestanden, of een school in twee periodes (compare --school Regenboog --from "
    "2024/2025 --to 2025/2026). Een groep staat waar het teamrapport haar zet: op de mediaan van "
    "de fasen.\n\n"
    "Oordeel per aspect: vooruit of achteruit alleen als het verschil in de gemiddelde "
    "fasepositie groter is dan de ruismarge (wat toeval in de antwoorden kan geven, gezien de "
    "grootte en spreiding van de groepen); met minder dan 5 respondenten aan een kant geen "
    "oordeel. Bestaat er een plan voor het schooljaar van toen, dan staan de doelen ernaast."
)
FORGET_HELP = (
    "Verwijder scans voorgoed uit de database (recht op vergetelheid, AVG).\n\n"
    "Met antwoordbestanden (forget jan.yaml, of een map): de scans met precies die antwoorden, "
    "ook als er geen naam in staat.\n\n"
    "Samen genoemd moeten ze allemaal kloppen: --respondent Jan --school 'OBS De Regenboog' "
    "verwijdert alleen de scans van Jan bij die school. De antwoordbestanden zelf blijven staan."
)


def register(app: typer.Typer) -> None:
    app.command("import", help=IMPORT_HELP)(import_)
    app.command()(history)
    app.command(help=COMPARE_HELP)(compare)
    app.command(help=FORGET_HELP)(forget)

"""scan: the interactive quickscan. The flow itself lives in werkwijzer.interactive.scan."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import ModelOption, load
from werkwijzer.cli.output import stdout_console
from werkwijzer.cli.store import DbOption
from werkwijzer.cli.text_options import free_text

if TYPE_CHECKING:
    from werkwijzer.core.answers import Answers
    from werkwijzer.core.model import LayerId, Model
    from werkwijzer.core.result import Result
    from werkwijzer.interactive.scan import Resumed


LayerOption = Annotated[
    str | None,
    typer.Option(
        "--layer",
        help="Je rol: bestuurder, schoolleider of leraar. Zonder deze optie vraagt de scan ernaar.",
        show_default=False,
    ),
]
SchoolOption = Annotated[
    str | None,
    typer.Option(
        "--school",
        help="Naam van de school of het bestuur. Zonder deze optie vraagt de scan ernaar.",
        callback=free_text,
    ),
]
RespondentOption = Annotated[
    str | None,
    typer.Option(
        "--respondent",
        help="Je naam (of initialen), als je die wilt noteren.",
        callback=free_text,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        help="Bestand voor de antwoorden. Standaard: werkwijzer-<laag>-<datum>.yaml in deze map.",
        show_default=False,
    ),
]
ResumeOption = Annotated[
    Path | None,
    typer.Option(
        "--resume",
        help="Ga verder met een eerder begonnen antwoordbestand.",
        show_default=False,
    ),
]


def scan(
    layer: LayerOption = None,
    school: SchoolOption = None,
    respondent: RespondentOption = None,
    output: OutputOption = None,
    resume: ResumeOption = None,
    model_dir: ModelOption = None,
    no_store: Annotated[
        bool,
        typer.Option(
            "--no-store", help="Bewaar deze scan niet in de database van history en compare."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Vul de quickscan in: uitspraken beantwoorden en zien waar je staat en waar je begint."""
    from werkwijzer.core.invocation import program
    from werkwijzer.core.paths import real_path
    from werkwijzer.interactive.terminal import require_terminal

    real_path(".")  # the answers go into the current folder: stop now if it is gone
    model = load(model_dir)
    layer_id = _layer(model, layer) if layer is not None else None
    resumed = _resumed(model, resume, layer_id, output) if resume is not None else None
    require_terminal(
        "scan",
        "Heb je al een ingevuld antwoordbestand? Bereken de uitslag dan met: "
        f"{program()} score BESTAND",
    )

    from werkwijzer.interactive.scan import ScanPlan, run, show_result

    plan = ScanPlan(
        layer=layer_id, school=school, respondent=respondent, output=output, resumed=resumed
    )
    console = stdout_console()
    path, answers = run(model, plan, console=console)
    from werkwijzer.core.scoring import score

    result = score(model, answers)
    earlier = resumed.answers if resumed is not None else None
    stored = None if no_store else record_and_tell(path, answers, result, db=db, replaces=earlier)
    show_result(console, model, result, path, answers, stored)


def record_and_tell(
    path: Path,
    answers: Answers,
    result: Result,
    db: Path | None = None,
    replaces: Answers | None = None,
) -> str:
    """Record a finished scan in the local store (also a complete --resume file); a short note.

    `replaces`: the answers the file held before (--resume). When they were stored as a scan and
    have been changed since, that earlier version of the same scan is removed: history shows a
    scan once, as it is now. The answers file is already written and stays the source of truth: a
    store that fails is a warning, and the scan still ends as finished (exit 0).
    """
    import sqlite3

    from werkwijzer.cli.output import say
    from werkwijzer.core.importing import record_scan
    from werkwijzer.core.invocation import command
    from werkwijzer.core.store import StoreError

    try:
        outcome = record_scan(db, path, answers, result, replaces=replaces)
    except (StoreError, OSError, sqlite3.Error) as exc:
        reason = exc.message if isinstance(exc, StoreError) else str(exc)
        say(
            f"Let op: je antwoorden staan veilig in {path}, maar de scan kon niet bewaard worden "
            f"voor history en compare. {reason}\nAlsnog bewaren:\n  {command('import', path)}"
        )
        return "Let op: niet bewaard voor history en compare (zie de melding bovenaan)."
    if outcome.replaced is not None:
        return (
            f"Bewaard in je archief als scan {outcome.id}, in plaats van scan {outcome.replaced}."
        )
    if outcome.new:
        return f"Bewaard in je archief als scan {outcome.id}."
    return f"Deze antwoorden waren al bewaard als scan {outcome.id}."


def _layer(model: Model, typed: str) -> LayerId:
    from werkwijzer.core.lookup import resolve_layer

    return resolve_layer(model, typed)


def _resumed(model: Model, path: Path, layer: LayerId | None, output: Path | None) -> Resumed:
    from werkwijzer.core.answers import STDIN, read_answers
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.interactive.scan import Resumed

    if str(path) == STDIN:
        raise WerkwijzerError("--resume heeft een bestand nodig; daarin komen je antwoorden.")
    if output is not None:
        raise WerkwijzerError(
            "--resume en --output gaan niet samen: verder gaan schrijft in het bestand zelf."
        )
    answers = read_answers(path, model)
    if layer is not None and layer != answers.layer:
        raise WerkwijzerError(
            f"{path} is ingevuld als {model.layer(answers.layer).name.lower()}, niet als "
            f"{model.layer(layer).name.lower()}. "
            "Laat --layer weg om verder te gaan met dit bestand."
        )
    return Resumed(path=path, answers=answers)


def register(app: typer.Typer) -> None:
    app.command()(scan)

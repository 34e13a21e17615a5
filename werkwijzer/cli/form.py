"""form: the quickscan as one HTML file for the browser, or as text to paste into Forms."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from werkwijzer.cli.common import ModelOption, load

if TYPE_CHECKING:
    from werkwijzer.core.model import LayerId, Model

FORM_HELP = (
    "Maak de quickscan als één HTML-bestand, voor collega's zonder werkwijzer: openen in de browser "
    "(laptop, tablet of telefoon), invullen en de antwoorden als bestand bewaren.\n\n"
    "Het formulier werkt zonder internet en stuurt niets weg; de antwoorden blijven in de browser "
    "tot de invuller ze als bestand bewaart. Die bestanden leest werkwijzer export, score en import.\n\n"
    "Met --forms-text krijg je in plaats daarvan de uitspraken als tekst om in Microsoft Forms of "
    "Google Forms te plakken; de antwoordsheet daarvan leest werkwijzer ook."
)


def form(
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Het bestand. Standaard: werkwijzer-quickscan.html (met --forms-text: het scherm).",
            show_default=False,
            dir_okay=False,
        ),
    ] = None,
    layers: Annotated[
        list[str] | None,
        typer.Option(
            "--layer",
            help="De laag: bestuurder, schoolleider of leraar; mag vaker. Zonder deze optie kiest "
            "de invuller zelf uit alle lagen.",
            show_default=False,
        ),
    ] = None,
    school: Annotated[
        str | None,
        typer.Option(
            "--school",
            help="De school of het bestuur; zonder deze optie vraagt het formulier ernaar.",
        ),
    ] = None,
    send_to: Annotated[
        str | None,
        typer.Option(
            "--send-to",
            help="Waar collega's hun antwoordbestand laten, in een zin die past na 'zet het in', "
            'bijvoorbeeld "de map Quickscan in Teams".',
            show_default=False,
        ),
    ] = None,
    forms_text: Annotated[
        bool,
        typer.Option(
            "--forms-text",
            help="Schrijf de uitspraken, met id's en de antwoordschaal, als tekst voor Microsoft "
            "Forms of Google Forms.",
        ),
    ] = False,
    model_dir: ModelOption = None,
) -> None:
    from werkwijzer.cli.output import say
    from werkwijzer.core.invocation import command

    model = load(model_dir)
    chosen = _layers(model, layers or [])
    if forms_text:
        from werkwijzer.render.forms_text import forms_text as render_text

        text = render_text(model, chosen)
        if output is None:
            typer.echo(text, nl=False)
        else:
            _write(output, text)
            say(f"De vragen voor Forms staan in {output}.")
        return
    from werkwijzer.cli.output import ABOUT
    from werkwijzer.render.form_html import form_html

    html = form_html(model, chosen, school=_clean(school), send_to=_clean(send_to), about=ABOUT)
    path = output or _default_path(chosen)
    _write(path, html)
    say(
        f"Het formulier staat in {path.absolute()} ({len(html.encode('utf-8')) // 1000} kB). "
        "Stuur het naar je collega's (als bijlage, op een USB-stick of in een gedeelde map); ze "
        "openen het in hun browser en bewaren aan het eind hun antwoorden als bestand.\n"
        "Zet die bestanden samen in één map, bijvoorbeeld antwoorden, en maak er het "
        f"teamrapport van:\n  {command('export', 'antwoorden')}"
    )


def _layers(model: Model, typed: list[str]) -> list[LayerId]:
    from werkwijzer.core.lookup import resolve

    found = [resolve(model, "layer", t) for t in typed] or [layer.id for layer in model.layers]
    return [layer.id for layer in model.layers if layer.id in found]  # model order, no repeats


def _default_path(layers: list[LayerId]) -> Path:
    from werkwijzer.core.atomic import free_path

    suffix = f"-{layers[0]}" if len(layers) == 1 else ""
    return free_path(Path(f"werkwijzer-quickscan{suffix}.html"))


def _clean(text: str | None) -> str | None:
    return " ".join(text.split()) or None if text is not None else None


def _write(path: Path, text: str) -> None:
    from werkwijzer.core.atomic import atomic_write_text
    from werkwijzer.core.errors import WerkwijzerError

    try:
        atomic_write_text(path, text)
        # Not private like an answers file: colleagues open it from a shared folder too.
        umask = os.umask(0)
        os.umask(umask)
        path.chmod(0o666 & ~umask)
    except OSError as exc:
        raise WerkwijzerError(
            f"{path}: kan niet geschreven worden ({exc.strerror or exc})."
        ) from None


def register(app: typer.Typer) -> None:
    app.command(help=FORM_HELP)(form)

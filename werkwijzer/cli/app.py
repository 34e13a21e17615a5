"""The command-line interface: options in, core calls, a renderer out. Errors become exit codes here.

Exit codes: 0 ok; 1 an unexpected internal error; 2 bad input or usage; 130 stopped with Ctrl-C.
"""

from __future__ import annotations

import traceback
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from werkwijzer.cli import streams
from werkwijzer.cli.output import ABOUT, say
from werkwijzer.core.errors import Interrupted, WerkwijzerError

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class WerkwijzerGroup(TyperGroup):
    """Runs a command and maps what it raises to one exit code, for every command in one place."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Around everything, --help and usage errors too: the streams made safe (cli/streams.py),
        and what is still buffered for stdout delivered, its failure mapped like any other."""
        streams.prepare()
        code: Any = EXIT_OK
        try:
            try:
                return super().main(*args, **kwargs)
            finally:
                streams.finish()
        except SystemExit as exc:
            code = exc.code
        except streams.OutputGone:
            pass  # the reader went away (`| head -1`): what it wanted, it got
        except streams.OutputError as exc:
            say(exc.message)
            code = EXIT_INPUT
        raise SystemExit(code)

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except WerkwijzerError as exc:
            say(exc.message)
            ctx.exit(exc.exit_code)
        except Interrupted as exc:
            say(exc.message)
            ctx.exit(EXIT_INTERRUPTED)
        except (KeyboardInterrupt, typer.Abort):
            say("\nGestopt.")
            ctx.exit(EXIT_INTERRUPTED)
        except streams.OutputGone:
            ctx.exit(EXIT_OK)  # the reader went away (e.g. `| head`); nothing left to say
        except (typer.Exit, typer.TyperException):  # exits and usage errors: typer's own
            raise
        except Exception as exc:
            if ctx.params.get("debug"):
                traceback.print_exc()
            say(
                f"Er ging iets mis in werkwijzer zelf ({type(exc).__name__}: {exc}). "
                "Draai het commando opnieuw met --debug voor details."
            )
            ctx.exit(EXIT_INTERNAL)


app = typer.Typer(
    cls=WerkwijzerGroup,
    name="werkwijzer",
    help="Werkwijzer samen leren: de quickscan en het ontwikkelmodel voor scholen die samen leren.",
    epilog=ABOUT,
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        from werkwijzer.cli.common import about_line

        typer.echo(about_line())
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Toon versie en herkomst."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Toon bij een interne fout de volledige traceback.")
    ] = False,
) -> None:
    """Werkwijzer samen leren in de terminal."""


def _register() -> None:
    # Registration order is the order of `werkwijzer --help`: the main job first.
    from werkwijzer.cli import export, form, lookup, model, plan, scan, score, store

    for commands in (scan, score, export, form, plan, lookup, store, model):
        commands.register(app)


_register()


def main() -> None:
    streams.fill_closed_descriptors()
    app()

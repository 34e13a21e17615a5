"""The command-line interface: options in, core calls, a renderer out. Errors become exit codes here.

Exit codes: 0 ok; 1 an unexpected internal error; 2 bad input or usage; 130 stopped with Ctrl-C.
"""

from __future__ import annotations

import traceback
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer._click import core, exceptions
from typer.core import TyperGroup

from werkwijzer.cli import streams
from werkwijzer.cli.command_classes import DutchHelp, WerkwijzerTyper
from werkwijzer.cli.completion import InstallOption, ShowOption
from werkwijzer.cli.output import ABOUT, say
from werkwijzer.core.errors import Interrupted, WerkwijzerError

EXIT_OK, EXIT_INTERNAL, EXIT_INPUT, EXIT_INTERRUPTED = 0, 1, 2, 130


class WerkwijzerGroup(DutchHelp, TyperGroup):
    """Runs a command and maps what it raises to one exit code, for every command in one place.

    Usage errors (click's) are shown here too, in Dutch (cli/usage_errors.py), as is the help.
    """

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """Around everything, --help and usage errors too: the streams made safe
        (cli/streams.py), click's usage errors shown in Dutch, and what is still buffered for
        stdout delivered, its failure mapped like any other."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        streams.prepare()
        code: Any = EXIT_OK
        try:
            try:
                code = super().main(args, prog_name, complete_var, False, **extra)
                code = code if isinstance(code, int) else EXIT_OK
            except exceptions.ClickException as exc:
                from werkwijzer.cli.usage_errors import error_screen

                say(error_screen(exc))
                code = exc.exit_code
            except typer.Abort:
                say("\nGestopt.")
                code = EXIT_INTERRUPTED
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

    def resolve_command(
        self, ctx: core.Context, args: list[str]
    ) -> tuple[str | None, core.Command | None, list[str]]:
        name = args[0]
        known = self.get_command(ctx, name) is not None
        if not (known or ctx.resilient_parsing or name.startswith("-")):
            from difflib import get_close_matches

            from werkwijzer.cli.usage_errors import UnknownCommand

            raise UnknownCommand(name, get_close_matches(name, self.list_commands(ctx)), ctx)
        return super().resolve_command(ctx, args)

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        from werkwijzer.cli import completion

        if completion.asked(prog_name):
            completion.setup()
        super()._main_shell_completion(ctx_args, prog_name, complete_var)

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


app = WerkwijzerTyper(
    cls=WerkwijzerGroup,
    name="werkwijzer",
    help="Werkwijzer samen leren: de quickscan en het ontwikkelmodel voor scholen die samen leren.",
    epilog=ABOUT,
    invoke_without_command=True,
    add_completion=False,  # werkwijzer's own, Dutch completion options: cli/completion.py
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
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Toon versie en herkomst."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Toon bij een interne fout de volledige traceback.")
    ] = False,
    install_completion: InstallOption = False,
    show_completion: ShowOption = False,
) -> None:
    """Werkwijzer samen leren in de terminal."""
    if ctx.invoked_subcommand is None:
        from werkwijzer.cli.greeting import greet

        greet(ctx)


def _register() -> None:
    # Registration order is the order of `werkwijzer --help`: the main job first.
    from werkwijzer.cli import export, form, lookup, model, plan, scan, score, store

    for commands in (scan, score, export, form, plan, lookup, store, model):
        commands.register(app)


_register()


def main() -> None:
    streams.fill_closed_descriptors()
    app()

"""Completing commands and values with the Tab key: typer's machinery, werkwijzer's Dutch words.

typer's own --install-completion and --show-completion speak English, so werkwijzer offers the two
options itself and calls typer's installer and scripts. typer's completion classes are set up only
when a shell asks for completions or for a script: the rest of the time nothing here is imported.
"""

from __future__ import annotations

import os
from typing import Annotated

import typer

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")


def complete_var(prog_name: str) -> str:
    return "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())


def asked(prog_name: str) -> bool:
    """Is a shell asking for completions now (typer's environment variable is set)?"""
    return bool(os.environ.get(complete_var(prog_name)))


def setup() -> None:
    from typer._completion_classes import completion_init

    completion_init()


def _shell() -> str:
    from werkwijzer.core.errors import WerkwijzerError

    try:
        import shellingham

        name: str = shellingham.detect_shell()[0]
    except Exception:  # shellingham raises its own ShellDetectionFailure, or finds nothing
        name = ""
    if name not in SHELLS:
        raise WerkwijzerError(
            "Aanvullen met de Tab-toets werkt in bash, zsh, fish en PowerShell"
            + (f", niet in {name}." if name else "; welke shell dit is, is niet te zien.")
        )
    return name


def _install(ctx: typer.Context, _param: typer.CallbackParam, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from typer._completion_shared import install

    from werkwijzer.cli.output import say

    setup()
    prog = ctx.find_root().info_name or "werkwijzer"
    shell, path = install(shell=_shell(), prog_name=prog, complete_var=complete_var(prog))
    say(
        f"Aanvullen met de Tab-toets staat aan voor {shell} (in {path}). "
        "Het werkt in elke terminal die je vanaf nu opent."
    )
    raise typer.Exit()


def _show(ctx: typer.Context, _param: typer.CallbackParam, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    from typer._completion_shared import get_completion_script

    setup()
    prog = ctx.find_root().info_name or "werkwijzer"
    typer.echo(
        get_completion_script(prog_name=prog, complete_var=complete_var(prog), shell=_shell())
    )
    raise typer.Exit()


InstallOption = Annotated[
    bool,
    typer.Option("--install-completion", callback=_install, expose_value=False, is_eager=True),
]
ShowOption = Annotated[
    bool,
    typer.Option("--show-completion", callback=_show, expose_value=False, is_eager=True),
]

"""werkwijzer's typer classes: every command shows its help in Dutch (cli/help_dutch.py).

WerkwijzerTyper gives each command it registers the class DutchCommand, so a command added
anywhere gets the Dutch help without knowing about it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer
from typer._click import core
from typer._click.formatting import HelpFormatter
from typer.core import TyperCommand


class DutchHelp:
    """Help drawn by werkwijzer in Dutch instead of by typer's (English) rich renderer."""

    def format_help(self, ctx: core.Context, formatter: HelpFormatter) -> None:
        from werkwijzer.cli.help_dutch import render_help

        render_help(ctx)

    def get_help(self, ctx: core.Context) -> str:
        # click prints what this returns; the help is already on the screen.
        self.format_help(ctx, ctx.make_formatter())
        return ""


class DutchCommand(DutchHelp, TyperCommand):
    """A command with the Dutch help."""


class WerkwijzerTyper(typer.Typer):
    """A Typer whose commands are DutchCommands unless a command asks for its own class."""

    def command(  # type: ignore[override]
        self, name: str | None = None, *, cls: type[TyperCommand] | None = None, **kwargs: Any
    ) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
        return super().command(name, cls=cls or DutchCommand, **kwargs)

"""What `werkwijzer` without a command shows: what the tool is, how to begin, the commands."""

from __future__ import annotations

import typer

from werkwijzer.core.invocation import command

GREETING = (
    "Met werkwijzer zie je hoe ver jullie school of bestuur is met samen leren. Je vult een "
    "korte quickscan in en ziet dan per aspect in welke fase jullie zitten, waar je het best kunt "
    "beginnen en wat je kunt doen. Je antwoorden blijven op deze computer."
)


def greet(ctx: typer.Context) -> None:
    from rich.text import Text

    from werkwijzer.cli.help_dutch import command_rows, rows_table
    from werkwijzer.cli.output import ABOUT, stdout_console

    console = stdout_console()
    group = ctx.command
    assert isinstance(group, typer.core.TyperGroup)
    console.print(Text("Werkwijzer samen leren", style="bold cyan"))
    console.print()
    console.print(Text(GREETING))
    console.print()
    console.print(Text("Begin met de quickscan:", style="bold"))
    console.print(Text.assemble("  ", (command("scan"), "bold")))
    console.print()
    console.print(Text("Alle commando's", style="bold"))
    console.print(rows_table(command_rows(group, ctx), console.width))
    console.print()
    console.print(Text(f"Meer over een commando: {command('scan', '--help')}", style="dim"))
    console.print(Text(ABOUT, style="dim"))
    raise typer.Exit()

"""The help screens (`--help`, and the list of commands) in Dutch, drawn by werkwijzer itself.

typer's help renderer has English headings, type names (<str>, <int range> [x>=1]) and defaults
([default: 3]) built in, so werkwijzer draws its help from click's parameter objects instead:
usage, text, arguments, options and commands, with Dutch placeholders (BESTAND, GETAL, MAP). At
narrow widths the explanation goes under the option instead of beside it; nothing is cut.
"""

from __future__ import annotations

import inspect
from enum import Enum
from typing import TYPE_CHECKING

from typer._click import core, types
from typer.core import TyperArgument, TyperGroup, TyperOption

if TYPE_CHECKING:
    from rich.console import RenderableType

# Help of the options that click and werkwijzer's completion add themselves.
OWN_HELP = {
    "help": "Toon deze uitleg.",
    "install_completion": "Zet aanvullen met de Tab-toets aan voor deze shell.",
    "show_completion": "Toon het script voor aanvullen met de Tab-toets, om het zelf te plaatsen.",
}
# The placeholder for each parameter's value, by its name in the code; a parameter's own metavar wins,
# and one not listed gets a word for its type (TEKST, GETAL, BESTAND, MAP).
PLACEHOLDERS = {
    "aspect": "ASPECT",
    "copy_to": "MAP",
    "db": "BESTAND",
    "file": "BESTAND",
    "files": "BESTAND...",
    "format": "FORMAAT",
    "ids": "NR",
    "instrument": "INSTRUMENT",
    "layer": "LAAG",
    "layers": "LAAG",
    "model_dir": "MAP",
    "name": "NAAM",
    "output": "BESTAND",
    "period_from": "PERIODE",
    "period_to": "PERIODE",
    "phase": "FASE",
    "respondent": "NAAM",
    "resume": "BESTAND",
    "school": "NAAM",
    "sides": "KANT...",
    "since": "PERIODE",
    "title": "TITEL",
}
OPTIONS_WORD = "[OPTIES]"
SUBCOMMAND_WORDS = "COMMANDO [ARGUMENTEN]..."
MIN_HELP_WIDTH = 34  # narrower than this beside the option: the help goes under it


def render_help(ctx: core.Context) -> None:
    from werkwijzer.cli.output import stdout_console

    console = stdout_console()
    for part in help_parts(ctx, console.width):
        console.print(part)


def help_parts(ctx: core.Context, width: int) -> list[RenderableType]:
    from rich.text import Text

    cmd = ctx.command
    parts: list[RenderableType] = [Text.assemble(("Gebruik: ", "bold"), usage_line(ctx)), Text()]
    for paragraph in paragraphs(cmd.help or ""):
        parts += [Text(paragraph), Text()]
    params = [p for p in cmd.get_params(ctx) if not getattr(p, "hidden", False)]
    arguments = [(metavar(p), _param_help(p)) for p in params if isinstance(p, TyperArgument)]
    options = [(_option_words(p), _param_help(p)) for p in params if isinstance(p, TyperOption)]
    for title, rows in (("Argumenten", arguments), ("Opties", options)):
        if rows:
            parts += [Text(title, style="bold"), rows_table(rows, width), Text()]
    if isinstance(cmd, TyperGroup):
        parts += [Text("Commando's", style="bold"), rows_table(command_rows(cmd, ctx), width)]
        parts += [Text()]
    if cmd.epilog:
        parts += [Text(p, style="dim") for p in paragraphs(cmd.epilog)]
    while parts and isinstance(parts[-1], Text) and not parts[-1].plain:
        parts.pop()  # click adds the last empty line itself
    return parts


def command_rows(group: TyperGroup, ctx: core.Context) -> list[tuple[str, str]]:
    """(name, first paragraph of its help) of every visible command, in registration order."""
    rows = []
    for name in group.list_commands(ctx):
        cmd = group.get_command(ctx, name)
        if cmd is not None and not cmd.hidden:
            rows.append((name, cmd.short_help or next(iter(paragraphs(cmd.help or "")), "")))
    return rows


def rows_table(rows: list[tuple[str, str]], width: int) -> RenderableType:
    """Two columns; when the left one leaves too little room, each help goes under its name."""
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    left = max((len(name) for name, _ in rows), default=0)
    if 2 + left + 2 + MIN_HELP_WIDTH <= width:
        grid = Table.grid(padding=(0, 2), pad_edge=False)
        grid.add_column(no_wrap=True)
        grid.add_column()
        for name, text in rows:
            grid.add_row(Text(name, style="bold"), Text(text))
        return Padding(grid, (0, 0, 0, 2))
    stacked = Table.grid()
    stacked.add_column()
    for name, text in rows:
        stacked.add_row(Text(name, style="bold", overflow="fold"))
        stacked.add_row(Padding(Text(text), (0, 0, 0, 4)))
    return Padding(stacked, (0, 0, 0, 2))


def usage_line(ctx: core.Context) -> str:
    """'werkwijzer export [OPTIES] BESTAND...': how the command is written, in Dutch."""
    cmd = ctx.command
    params = cmd.get_params(ctx)
    words = [ctx.command_path]
    if any(isinstance(p, TyperOption) and not p.hidden for p in params):
        words.append(OPTIONS_WORD)
    for param in params:
        if isinstance(param, TyperArgument) and not getattr(param, "hidden", False):
            name = metavar(param)
            words.append(name if param.required else f"[{name}]")
    if isinstance(cmd, TyperGroup):
        words.append(SUBCOMMAND_WORDS)
    return " ".join(words)


def metavar(param: core.Parameter) -> str:
    """The placeholder for a value: the one the command gives, else one after its type."""
    if param.metavar:
        return param.metavar
    if param.name in PLACEHOLDERS:
        return PLACEHOLDERS[param.name]
    if isinstance(param, TyperArgument):
        name = (param.name or "waarde").upper()
        return f"{name}..." if param.nargs == -1 else name
    return _type_word(param.type)


def _type_word(param_type: types.ParamType) -> str:
    if hasattr(param_type, "choices"):
        return "|".join(str(getattr(c, "value", c)) for c in param_type.choices)
    if isinstance(param_type, (types.IntParamType, types.FloatParamType)):
        return "GETAL"
    file_okay = getattr(param_type, "file_okay", None)
    dir_okay = getattr(param_type, "dir_okay", None)
    if file_okay is not None:
        return "MAP" if not file_okay else "BESTAND" if not dir_okay else "PAD"
    return "TEKST"


def _option_words(param: TyperOption) -> str:
    names = sorted(param.opts, key=len) + list(param.secondary_opts)
    words = ", ".join(names)
    if param.is_flag or param.count:
        return words
    return f"{words} {metavar(param)}"


def _param_help(param: core.Parameter) -> str:
    text = OWN_HELP.get(param.name or "") or inspect.cleandoc(getattr(param, "help", "") or "")
    extra = []
    if isinstance(param.type, types._NumberRangeBase):
        extra.append(dutch_range(param.type))
    default = _default(param)
    if default is not None:
        extra.append(f"standaard: {default}")
    envvar = getattr(param, "envvar", None)
    if envvar and getattr(param, "show_envvar", False):
        extra.append(f"ook te zetten met de omgevingsvariabele {envvar}")
    if param.required:
        extra.append("verplicht")
    return " ".join([text, f"({'; '.join(extra)})"]) if extra else text


def _default(param: core.Parameter) -> str | None:
    if not isinstance(param, TyperOption) or param.show_default is False or param.is_flag:
        return None
    if isinstance(param.show_default, str):
        return param.show_default
    value = param.default
    if callable(value) or value in (None, "", (), []):
        return None
    return str(value.value if isinstance(value, Enum) else value)


def dutch_range(param_type: types.ParamType) -> str:
    """'minstens 1', 'hooguit 10', 'van 1 tot en met 10' (open ends: 'meer dan', 'minder dan')."""
    low, high = getattr(param_type, "min", None), getattr(param_type, "max", None)
    low_open = getattr(param_type, "min_open", False)
    high_open = getattr(param_type, "max_open", False)
    if low is not None and high is not None and not (low_open or high_open):
        return f"van {low} tot en met {high}"
    parts = []
    if low is not None:
        parts.append(f"meer dan {low}" if low_open else f"minstens {low}")
    if high is not None:
        parts.append(f"minder dan {high}" if high_open else f"hooguit {high}")
    return " en ".join(parts) or "een getal"


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a help text, each on one line (the terminal wraps them)."""
    cleaned = inspect.cleandoc(text).split("\f")[0]
    return [" ".join(p.split()) for p in cleaned.split("\n\n") if p.strip()]

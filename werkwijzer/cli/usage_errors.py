"""Usage errors (a wrong option, a missing file name ...) in Dutch, for every command.

typer carries its own copy of click, whose messages are English f-strings (no gettext), so they
cannot be translated at the source. werkwijzer shows every usage error itself (cli/app.py) and
builds the Dutch text here: from the exception's class and attributes where click keeps them
(unknown option, missing parameter, bad value and its parameter type), and for the messages that
are only text (extra arguments, an option without its value) from a table of click's templates.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from typer._click import core, exceptions, types
from typer.core import TyperArgument

from werkwijzer.core.invocation import command

# Message-only errors of click and typer, as regular expressions, with their Dutch text.
_TEMPLATES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"^Got unexpected extra argument\(s\) \((.*)\)$", re.S),
        lambda m: (
            f"Hier staat meer dan het commando verwacht: {m[1]}. Is het een naam met "
            'spaties? Zet hem dan tussen aanhalingstekens, bijvoorbeeld "Werken met data".'
        ),
    ),
    (
        re.compile(r"^Option '(.+)' requires an argument\.$"),
        lambda m: f"Na {m[1]} hoort een waarde; die ontbreekt.",
    ),
    (
        re.compile(r"^Option '(.+)' requires (\d+) arguments\.$"),
        lambda m: f"Na {m[1]} horen {m[2]} waarden.",
    ),
    (
        re.compile(r"^Option '(.+)' does not take a value\.$"),
        lambda m: f"{m[1]} is een schakelaar en krijgt geen waarde.",
    ),
    (re.compile(r"^Missing command\.$"), lambda m: "Geef een commando op."),
    (
        re.compile(r"^Argument '(.+)' takes (\d+) values\.$"),
        lambda m: f"{m[1].upper()} heeft {m[2]} waarden nodig.",
    ),
    (
        re.compile(r"^Takes (\d+) values but (\d+) given\.$"),
        lambda m: f"Hier horen {m[1]} waarden, en er zijn er {m[2]}.",
    ),
    (re.compile(r"^Value must be an iterable\.$"), lambda m: "Hier hoort een lijst waarden."),
]

# What click's parameter types say about a bad value.
_VALUE_TEMPLATES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"^(.*) is not a valid (integer|int|int range)\.$"),
        lambda m: f"{m[1]} is geen geheel getal.",
    ),
    (
        re.compile(r"^(.*) is not a valid (float|float range)\.$"),
        lambda m: f"{m[1]} is geen getal.",
    ),
    (
        re.compile(r"^(.*) is not a valid boolean\..*$", re.S),
        lambda m: f"{m[1]} is geen ja of nee.",
    ),
    (re.compile(r"^(.*) is not a valid UUID\.$"), lambda m: f"{m[1]} is geen UUID."),
    (
        re.compile(r"^(.*) is not one of (.*)\.$", re.S),
        lambda m: f"{m[1]} kan niet; kies uit {m[2]}.",
    ),
    (re.compile(r"^(\w+) (.*) does not exist\.$"), lambda m: f"{m[2]} bestaat niet."),
    (
        re.compile(r"^(\w+) (.*) is a file\.$"),
        lambda m: f"{m[2]} is een bestand; hier hoort een map.",
    ),
    (
        re.compile(r"^(\w+) (.*) is a directory\.$"),
        lambda m: f"{m[2]} is een map; hier hoort een bestand.",
    ),
    (re.compile(r"^(\w+) (.*) is not readable\.$"), lambda m: f"{m[2]} mag niet gelezen worden."),
    (
        re.compile(r"^(\w+) (.*) is not writable\.$"),
        lambda m: f"{m[2]} mag niet beschreven worden.",
    ),
    (re.compile(r"^(\w+) (.*) is not executable\.$"), lambda m: f"{m[2]} is geen programma."),
    (
        re.compile(r"^(.*) does not match the formats (.*)\.$"),
        lambda m: f"{m[1]} is geen datum ({m[2]}).",
    ),
]


class UnknownCommand(exceptions.UsageError):
    """A command name that does not exist, with the names that come close."""

    def __init__(self, name: str, close: Sequence[str], ctx: core.Context) -> None:
        super().__init__(f"Het commando '{name}' bestaat niet.", ctx)
        self.name = name
        self.close = list(close)


def dutch_message(exc: exceptions.ClickException) -> str:
    """The Dutch text for a usage error; the full screen is `error_screen`."""
    if isinstance(exc, UnknownCommand):
        return exc.message + (f" Bedoel je {_either(exc.close)}?" if exc.close else "")
    if isinstance(exc, exceptions.NoSuchOption):
        where = f" bij '{exc.ctx.command_path}'" if exc.ctx is not None else ""
        text = f"De optie {exc.option_name} bestaat niet{where}."
        return text + (
            f" Bedoel je {_either(sorted(exc.possibilities))}?" if exc.possibilities else ""
        )
    if isinstance(exc, exceptions.MissingParameter):
        return _missing(exc)
    if isinstance(exc, exceptions.BadParameter):
        return f"{_hint(exc)}: {_bad_value(exc)}"
    if isinstance(exc, exceptions.FileError):
        return f"{exc.ui_filename} kan niet geopend worden ({exc.message})."
    return _translate(exc.message, _TEMPLATES) or exc.message


def error_screen(exc: exceptions.ClickException) -> str:
    """The message, then how the command is used and where its help is."""
    from werkwijzer.cli.help_dutch import usage_line

    lines = [dutch_message(exc)]
    ctx = getattr(exc, "ctx", None)
    if isinstance(ctx, core.Context):
        lines.append(f"Gebruik: {usage_line(ctx)}")
        lines.append("Meer uitleg:")
        lines.append(f"  {command(*ctx.command_path.split()[1:], '--help')}")
    return "\n".join(lines)


def _missing(exc: exceptions.MissingParameter) -> str:
    param = exc.param
    if param is None:
        return "Er ontbreekt iets op de opdrachtregel."
    from werkwijzer.cli.help_dutch import metavar

    if isinstance(param, TyperArgument) or exc.param_type == "argument":
        # 'BESTAND...' (one or more) reads as 'BESTAND' in a sentence, without four dots.
        text = f"Hier ontbreekt nog {metavar(param).removesuffix('...')}."
    else:
        text = f"De optie {_hint(exc)} is verplicht."
    if isinstance(param.type, types.ParamType) and hasattr(param.type, "choices"):
        text += " Kies uit: " + ", ".join(str(c) for c in _choices(param.type)) + "."
    return text


def _bad_value(exc: exceptions.BadParameter) -> str:
    out_of_range = re.match(r"^(.*) is not in the range .*\.$", exc.message)
    if out_of_range and exc.param is not None:
        from werkwijzer.cli.help_dutch import dutch_range

        return f"{out_of_range[1]} kan niet; het moet {dutch_range(exc.param.type)} zijn."
    return _translate(exc.message, _VALUE_TEMPLATES) or exc.message


def _hint(exc: exceptions.BadParameter) -> str:
    """How the parameter is named: its longest option, or its name in capitals."""
    if exc.param_hint is not None:
        hints = [exc.param_hint] if isinstance(exc.param_hint, str) else list(exc.param_hint)
        return " / ".join(hints)
    param = exc.param
    if param is None:
        return "Deze waarde"
    if isinstance(param, TyperArgument):
        from werkwijzer.cli.help_dutch import metavar

        return metavar(param)
    return max(param.opts, key=len)


def _choices(param_type: types.ParamType) -> list[object]:
    return [getattr(c, "value", c) for c in getattr(param_type, "choices", ())]


def _translate(
    message: str, templates: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]
) -> str | None:
    for pattern, dutch in templates:
        match = pattern.match(message)
        if match:
            return dutch(match)
    return None


def _either(names: Sequence[str]) -> str:
    quoted = [f"'{n}'" if not n.startswith("-") else n for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " of " + quoted[-1]

"""The one output path of the CLI: messages on stderr, documents through emit() to stdout or -o."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from werkwijzer.render.context import RenderContext
    from werkwijzer.render.registry import Format

ABOUT = (
    "Eigen uitwerking, geïnspireerd op de Werkwijzer samen leren (Ontwikkelmodel 'Samen Leren "
    "Inhoud Geven'); niet de officiële quickscan."
)


def say(message: str) -> None:
    """A message for the user on stderr (never on stdout, which carries data).

    Any control character a message took over from a file or an option is written out (`\\x1b`),
    so a message cannot steer the terminal. On a terminal, prose wraps between words; indented
    lines (commands to paste) stay whole. A stderr that cannot be written is left alone: there is
    no one left to tell, and the exit code still says how the command ended.
    """
    from werkwijzer.core.safe_text import printable_lines

    text = printable_lines(message.rstrip("\n"))
    try:
        if sys.stderr.isatty():
            import shutil

            from werkwijzer.render.text import wrap_prose

            text = wrap_prose(text, shutil.get_terminal_size().columns)
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def stdout_console() -> Console:
    """Rich console for data on stdout: colour only on a terminal, NO_COLOR honoured (by rich);
    texts shown as written, never read as markup, control characters stripped."""
    from werkwijzer.render.safe_console import SafeConsole

    return SafeConsole()


def stderr_console() -> Console:
    from werkwijzer.render.safe_console import SafeConsole

    return SafeConsole(stderr=True)


def choose_format(
    given: str | None,
    output: Path | None,
    default: Format,
    *,
    json: bool = False,
    markdown: bool = False,
) -> Format:
    """--format, or its aliases --json and --markdown, else the suffix of -o, else `default`.

    The suffix of -o must be one werkwijzer writes, and must fit a format that was asked for: a
    file called rapport.xlsx that holds markdown helps nobody.
    """
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.render.registry import FORMATS

    asked = [f for f, on in (("json", json), ("markdown", markdown)) if on]
    if given is not None:
        asked.append(given)
    if len(set(asked)) > 1:
        raise WerkwijzerError(
            f"Kies één formaat (--format, --json of --markdown), niet "
            f"{' en '.join(dict.fromkeys(asked))} tegelijk."
        )
    by_suffix = suffix_format(output) if output is not None else None
    if asked:
        if asked[0] not in FORMATS:
            raise WerkwijzerError(f"Onbekend formaat '{asked[0]}'; kies uit {', '.join(FORMATS)}.")
        chosen: Format = asked[0]  # checked against FORMATS above
        if by_suffix is not None and by_suffix != chosen and chosen != "terminal":
            assert output is not None
            raise WerkwijzerError(
                f"{output.name} is een {by_suffix}-bestand, maar gevraagd is {chosen}; kies een "
                "bestandsnaam die bij het formaat past, of laat --format weg."
            )
        return chosen
    if by_suffix is not None:
        return by_suffix
    return default


def suffix_format(output: Path) -> Format:
    """The format a file name asks for; an unknown suffix is refused (exit 2)."""
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.render.registry import SUFFIX_FORMATS

    found = SUFFIX_FORMATS.get(output.suffix.lower())
    if found is None:
        known = ", ".join(dict.fromkeys(SUFFIX_FORMATS))
        raise WerkwijzerError(
            f"{output.name}: werkwijzer weet niet wat voor bestand dit moet worden; kies een "
            f"naam die eindigt op {known}."
        )
    return found


def emit(document: object, fmt: Format, output: Path | None, context: RenderContext) -> None:
    """Render `document` in `fmt` and write it to stdout, or atomically to `output`."""
    from werkwijzer.render.registry import formats_of, renderer

    refuse_unless(formats_of(document), fmt, output)
    render = renderer(document, fmt)
    if fmt == "terminal":
        render(stdout_console(), document, context)
        return
    data = render(document, context)
    if fmt == "json":
        data = json_text(data, to_stdout=output is None)
    write_output(data.encode("utf-8") if isinstance(data, str) else data, output)


def refuse_unless(possible: list[Format], fmt: Format, output: Path | None) -> None:
    """Exit 2 with the formats that can be made, unless `fmt` is one of `possible` (the screen
    only when there is no -o). A command that knows its document's kind checks before it reads."""
    from werkwijzer.core.errors import WerkwijzerError
    from werkwijzer.render.registry import FORMAT_NAMES

    if fmt not in possible or (fmt == "terminal" and output is not None):
        files = [FORMAT_NAMES[f] for f in possible if f != "terminal" or output is None]
        raise WerkwijzerError(
            f"Dit kan niet als {FORMAT_NAMES[fmt]}"
            + (" in een bestand" if output is not None and fmt == "terminal" else "")
            + f"; kies uit: {', '.join(files)}."
        )


def json_text(data: object, *, to_stdout: bool) -> str:
    """One JSON document. On a stdout in an encoding other than UTF-8 every character that is not
    ASCII is written as an escape, so the document stays exact in any encoding; control
    characters are always escaped."""
    from werkwijzer.core.safe_text import json_safe

    encoding = (getattr(sys.stdout, "encoding", None) or "") if to_stdout else "utf-8"
    utf8 = encoding.lower().replace("-", "") == "utf8"
    return json_safe(json.dumps(data, ensure_ascii=not utf8, indent=2)) + "\n"


def write_output(data: bytes, output: Path | None) -> None:
    """To the file atomically (the old one stays whole if anything fails), or to stdout."""
    if output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    from werkwijzer.core.atomic import atomic_write_bytes
    from werkwijzer.core.errors import WerkwijzerError

    try:
        atomic_write_bytes(output, data)
    except OSError as exc:
        from werkwijzer.core.paths import os_reason

        raise WerkwijzerError(f"{output}: kan niet geschreven worden ({os_reason(exc)}).") from None

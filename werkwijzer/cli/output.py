"""What the CLI says to the user (stderr) and the line about where the model comes from."""

from __future__ import annotations

import sys

ABOUT = (
    "Eigen uitwerking, geïnspireerd op de Werkwijzer samen leren (Ontwikkelmodel 'Samen Leren "
    "Inhoud Geven'); niet de officiële quickscan."
)


def say(message: str) -> None:
    """A message for the user on stderr (never on stdout, which carries data).

    Any control character a message took over from a file or an option is written out (`\\x1b`),
    so a message cannot steer the terminal. A stderr that cannot be written is left alone: there
    is no one left to tell, and the exit code still says how the command ended.
    """
    from werkwijzer.core.safe_text import printable_lines

    try:
        sys.stderr.write(printable_lines(message.rstrip("\n")) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass

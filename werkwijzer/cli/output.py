"""What the CLI says to the user (stderr) and the line about where the model comes from."""

from __future__ import annotations

import sys

ABOUT = (
    "Eigen uitwerking, geïnspireerd op de Werkwijzer samen leren (Ontwikkelmodel 'Samen Leren "
    "Inhoud Geven'); niet de officiële quickscan."
)


def say(message: str) -> None:
    """A message for the user on stderr (never on stdout, which carries data)."""
    sys.stderr.write(message.rstrip("\n") + "\n")

"""The rule for every interactive command: prompt only when a person sits at a terminal."""

from __future__ import annotations

import sys

from werkwijzer.core.errors import NotInteractiveError


def require_terminal(command: str, alternative: str) -> None:
    """Refuse (exit 2) instead of prompting or hanging when stdin or stdout is not a terminal."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return
    raise NotInteractiveError(
        f"'werkwijzer {command}' stelt vragen en heeft daarvoor een terminal nodig; "
        f"die is er nu niet (invoer of uitvoer is omgeleid). {alternative}"
    )

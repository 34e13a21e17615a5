"""The rule for every interactive command: prompt only when a person sits at a terminal."""

from __future__ import annotations

import sys

from werkwijzer.core.errors import NotInteractiveError


def fitting(question: str, *instructions: str) -> str:
    """The first instruction that fits on the question's line ('? question instruction') at the
    terminal's width, so the prompt never wraps inside a word; '' when none does."""
    import shutil

    width = shutil.get_terminal_size().columns
    return next((i for i in instructions if len(f"? {question} {i}") < width), "")


YES, NO = ("j", "ja", "y", "yes"), ("n", "nee", "no", "")


def confirm(question: str) -> bool:
    """Ask a yes/no question on stderr, in Dutch; Enter (or the input ending) means no."""
    while True:
        sys.stderr.write(f"{question} [j/N]: ")
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:  # the input ended: nothing was agreed to
            sys.stderr.write("\n")
            return False
        answer = line.strip().lower()
        if answer in YES or answer in NO:
            return answer in YES
        sys.stderr.write("Typ j (ja) of n (nee).\n")


def require_terminal(command: str, alternative: str) -> None:
    """Refuse (exit 2) instead of prompting or hanging when stdin or stdout is not a terminal."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return
    raise NotInteractiveError(
        f"'werkwijzer {command}' stelt vragen en heeft daarvoor een terminal nodig; "
        f"die is er nu niet (invoer of uitvoer is omgeleid). {alternative}"
    )

"""Free text typed as an option (--school, --respondent, --title): checked as it comes in.

The same rule as for a text in an answers file (core/safe_text.py): no control characters, no
bytes that are not UTF-8 (a shell passes those as lone surrogates), at most MAX_TEXT characters.
A text that breaks it is refused with exit 2 before anything is written, so `scan` never writes a
file that `score` then refuses.
"""

from __future__ import annotations

import typer

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.safe_text import text_problem


def free_text(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    """typer callback for an option holding free text."""
    if value is None:
        return None
    problem = text_problem(value)
    if problem:
        name = param.opts[0] if param.opts else param.name
        raise WerkwijzerError(f"{name} {problem}.")
    return value

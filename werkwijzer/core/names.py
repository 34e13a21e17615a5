"""Turning what a user types (an id, a Dutch name, a prefix) into a model id."""

from __future__ import annotations

from collections.abc import Sequence

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.safe_text import shown


def resolve_choice(kind: str, typed: str, choices: Sequence[tuple[str, str]]) -> str:
    """Match `typed` against (id, name) pairs: exact id or name first, then an unambiguous prefix.

    Case and the difference between space, '-' and '_' are ignored, so 'werken met data',
    'Werken_met_data' and 'werken' all find werken_met_data; 'tussenfase' finds tussen.
    """
    wanted = _norm(typed)
    if not wanted:
        raise WerkwijzerError(f"Geef een {kind} op. {_valid(choices)}")
    for id_, name in choices:
        if wanted in (_norm(id_), _norm(name)):
            return id_
    hits = [
        id_
        for id_, name in choices
        if _norm(id_).startswith(wanted)
        or _norm(name).startswith(wanted)
        or wanted.startswith(_norm(id_))
        or any(word.startswith(wanted) for word in _norm(name).split(" ")[1:])
    ]
    if len(set(hits)) == 1:
        return hits[0]
    if hits:
        names = ", ".join(dict.fromkeys(hits))
        raise WerkwijzerError(
            f"{shown(typed)} past bij meer dan één {kind}: {names}. {_valid(choices)}"
        )
    raise WerkwijzerError(f"Onbekende {kind} {shown(typed)}. {_valid(choices)}")


def _valid(choices: Sequence[tuple[str, str]]) -> str:
    return "Kies uit: " + ", ".join(f"{id_} ({name})" for id_, name in choices) + "."


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())

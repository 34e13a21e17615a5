"""Turning what a user types (an id, a Dutch name, a prefix) into a model id."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.safe_text import shown


def resolve_choice(
    kind: str,
    typed: str,
    choices: Sequence[tuple[str, str]],
    synonyms: Mapping[str, str] | None = None,
) -> str:
    """Match `typed` against (id, name) pairs and `synonyms` (word -> id): an exact id, name or
    synonym first, then an unambiguous prefix of one.

    Case and the difference between space, '-' and '_' are ignored, so 'werken met data',
    'Werken_met_data' and 'werken' all find werken_met_data; 'tussenfase' finds tussen; with the
    model's synonyms 'directeur' finds schoolleider.
    """
    wanted = _norm(typed)
    if not wanted:
        raise WerkwijzerError(f"Geef een {kind} op. {_valid(choices)}")
    words = [(id_, _norm(id_)) for id_, _ in choices] + [(id_, _norm(n)) for id_, n in choices]
    words += [(id_, _norm(word)) for word, id_ in (synonyms or {}).items()]
    for id_, word in words:
        if wanted == word:
            return id_
    hits = [
        id_
        for id_, word in words
        if word.startswith(wanted) or any(part.startswith(wanted) for part in word.split(" ")[1:])
    ]
    hits += [id_ for id_, name in choices if wanted.startswith(_norm(id_))]
    if len(set(hits)) == 1:
        return hits[0]
    if hits:
        named = dict(choices)
        names = ", ".join(named[h] for h in dict.fromkeys(hits))
        raise WerkwijzerError(
            f"{shown(typed)} past bij meer dan één {kind}: {names}. Typ meer van de naam."
        )
    raise WerkwijzerError(f"Onbekende {kind} {shown(typed)}. {_valid(choices)}")


def _valid(choices: Sequence[tuple[str, str]]) -> str:
    names = [name for _, name in choices]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " of " + names[-1]
    spaced = any(" " in name for name in names)
    how = (
        " (of het begin ervan; zet een naam met spaties tussen aanhalingstekens)" if spaced else ""
    )
    return f"Kies uit: {listed}{how}."


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").replace("-", " ").split())

"""Discussion questions for a team meeting: first those tied to what the team report found.

In this order: per split group, the two sides named with their numbers; per gap between two
groups, both views; the statement with the widest spread; the statement most people did not know.
Then the model's general questions, for the start aspect only. The texts are Dutch: they are read
aloud in the meeting, in every format the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from werkwijzer.core.documents import described
from werkwijzer.core.model import Model, PhaseId

if TYPE_CHECKING:
    from werkwijzer.core.team import (
        Differences,
        GroupId,
        Split,
        StatementCounts,
        TeamAspect,
        TeamStart,
    )

QuestionKind = Literal["split", "groups_differ", "spread", "unknown", "model"]


@dataclass(frozen=True, kw_only=True)
class Question:
    aspect: str
    kind: QuestionKind = described(
        "What the question comes from: a finding (split, groups_differ, spread, unknown) or the "
        "model's general questions for the start aspect (model)."
    )
    text: str


_WORDS = ("geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien")


def count_word(n: int) -> str:
    """Small numbers as words, as people say them: 'zes', 'twaalf' stays '12'."""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def colleagues(n: int) -> str:
    return f"{count_word(n)} " + ("collega" if n == 1 else "collega's")


def group_name(model: Model, group: GroupId | None) -> str:
    """How a sentence names a group: 'de leiding', 'de laag Leraar', 'het team'."""
    if group is None:
        return "het team"
    if group == "leiding":
        return "de leiding"
    return f"de laag {model.layer(group).name}"


def questions(
    model: Model,
    aspects: Sequence[TeamAspect],
    differences: Differences,
    start: TeamStart | None,
) -> list[Question]:
    found: list[Question] = []
    names = {a.id: a.name for a in model.aspects}
    for split in differences.splits:
        found.append(Question(aspect=split.aspect, kind="split", text=_split(model, split, names)))
    for gap in differences.group_gaps:
        high, low = group_name(model, gap.higher.group), group_name(model, gap.lower.group)
        found.append(
            Question(
                aspect=gap.aspect,
                kind="groups_differ",
                text=f"{names[gap.aspect]}: {high} ziet vooral de {_phase(model, gap.higher.phase)}"
                f", {low} de {_phase(model, gap.lower.phase)}. Wat ziet {high} dat {low} niet "
                "ziet, en andersom?",
            )
        )
    if differences.statements:
        widest = differences.statements[0]
        found.append(
            Question(
                aspect=widest.aspect,
                kind="spread",
                text=f"Over ‘{widest.text}’ lopen de antwoorden het verst uiteen "
                f"({_answers(model, widest)}). Wat verstaan jullie hieronder, en waar zien jullie "
                "het wel of niet gebeuren?",
            )
        )
    unknown = _most_unknown(aspects)
    if unknown is not None:
        found.append(
            Question(
                aspect=unknown.aspect,
                kind="unknown",
                text=f"Bij ‘{unknown.text}’ antwoordden {count_word(unknown.unknown)} mensen ‘weet "
                "ik niet’. Wie weet het wel, en hoe komt iedereen het te weten?",
            )
        )
    if start is not None:
        general = model.aspect(start.aspect)
        found += [
            Question(aspect=general.id, kind="model", text=text)
            for text in general.discussion_questions
        ]
    return found


def _split(model: Model, split: Split, names: dict[str, str]) -> str:
    counts = split.counts
    where = "" if split.group is None else f" ({group_name(model, split.group)})"
    middle = f", {count_word(counts.tussen)} de tussenfase" if counts.tussen else ""
    return (
        f"{names[split.aspect]}{where}: {colleagues(counts.begin)} "
        f"{'ziet' if counts.begin == 1 else 'zien'} de beginfase{middle}, "
        f"{count_word(counts.gevorderd)} de gevorderde fase. Wat ziet de ene groep dat de andere "
        "niet ziet?"
    )


def _phase(model: Model, phase: PhaseId) -> str:
    return model.phase(phase).name.lower()


def _answers(model: Model, statement: StatementCounts) -> str:
    parts = [
        f"{count_word(n)} keer ‘{point.label}’"
        for point, n in zip(model.scale.points, statement.counts, strict=True)
        if n
    ]
    return ", ".join(parts)


def _most_unknown(aspects: Sequence[TeamAspect]) -> StatementCounts | None:
    found: Sequence[StatementCounts] = [s for a in aspects for s in a.unknown_statements]
    return max(found, key=lambda s: s.unknown, default=None)

"""The result in short, for the last screen of a scan: phase per aspect, where to begin and why,
the statements that hold you in that phase, and the first steps.

The scan ends with the full result (as `werkwijzer score` shows it) and then this summary, so that
what a person sees when answering is done fits one screen: nothing essential has scrolled away.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from werkwijzer.core.answers import AnswerValue
from werkwijzer.core.model import Model
from werkwijzer.core.result import Result
from werkwijzer.render.explain_text import Holding, conclusion, holding
from werkwijzer.render.phase_table import PhaseTable
from werkwijzer.render.result_terminal import ACCENT, MUTED, effort_text, start_lead

MOST_STEPS = 3


def fitted(
    console: Console,
    model: Model,
    result: Result,
    answers: Mapping[str, AnswerValue],
    room: int,
) -> list[RenderableType]:
    """The fullest summary that fits in `room` lines; the shortest one when none does."""
    held = _holding(model, result, answers)
    parts: list[RenderableType] = []
    for steps, shown in _sizes(len(held)):
        parts = summary(model, result, answers, steps=steps, held=shown)
        if height(console, parts) <= room:
            break
    return parts


def _sizes(held: int) -> list[tuple[int, int]]:
    """(first steps, held-back statements) from most to least: a few of each before many of one."""
    sizes = [(s, h) for s in range(MOST_STEPS, -1, -1) for h in range(held, -1, -1)]
    return sorted(sizes, key=lambda size: (-min(size[0], 1) - min(size[1], 1), -sum(size)))


def summary(
    model: Model,
    result: Result,
    answers: Mapping[str, AnswerValue],
    *,
    steps: int = MOST_STEPS,
    held: int | None = None,
) -> list[RenderableType]:
    """The summary with at most `steps` first actions and `held` held-back statements (None: all)."""
    parts: list[RenderableType] = [
        Rule(Text("Je uitslag in het kort", style=ACCENT), align="left", characters="─"),
        PhaseTable(model, result, scores=False),
        Text(),
        start_lead(model, result),
    ]
    parts += _why(model, result, answers, held)
    actions = result.aspect(result.start.aspect).actions if result.start else []
    if actions and steps:
        parts.append(Text("Eerste stappen:", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for n, action in enumerate(actions[:steps], 1):
            grid.add_row(
                f" {n}.", Text.assemble(action.title, (f" ({effort_text(action)})", MUTED))
            )
        parts.append(grid)
    if actions:
        parts.append(
            Text(
                "Scroll omhoog voor wat elke stap inhoudt, en voor de andere aspecten.", style=MUTED
            )
        )
    return parts


def _why(
    model: Model, result: Result, answers: Mapping[str, AnswerValue], shown: int | None
) -> list[RenderableType]:
    """Why the start aspect is in its phase: the statements answered below 'grotendeels'."""
    if result.start is None:
        return []
    aspect = result.aspect(result.start.aspect)
    if aspect.mastered_all:
        return []
    held = _holding(model, result, answers)
    if not held:
        return [Text(conclusion(model, aspect))]
    phase = model.phase(result.start.phase).name.lower()
    if shown == 0:  # no room for a statement: where to read them
        return [
            Text(
                f"Wat je nog in de {phase} houdt ({_statements(len(held))}): zie de uitleg met "
                "--explain, hierboven.",
                style=MUTED,
            )
        ]
    grid = Table.grid(padding=(0, 1))  # a wrapped statement hangs under its text, not the dot
    grid.add_column(no_wrap=True)
    grid.add_column()
    for statement in held[:shown]:
        grid.add_row(
            "•", Text.assemble(statement.text, (f" (jouw antwoord: {statement.answer})", MUTED))
        )
    parts: list[RenderableType] = [Text(f"Hierdoor sta je nog in de {phase}:", style="bold"), grid]
    left = len(held) - grid.row_count
    if left:
        parts.append(
            Text(
                f"En nog {_statements(left)}: zie de uitleg met --explain, hierboven.", style=MUTED
            )
        )
    return parts


def _statements(n: int) -> str:
    return f"{n} uitspraak" if n == 1 else f"{n} uitspraken"


def _holding(model: Model, result: Result, answers: Mapping[str, AnswerValue]) -> list[Holding]:
    if result.start is None:
        return []
    return holding(model, result.aspect(result.start.aspect), answers)


def height(console: Console, parts: list[RenderableType]) -> int:
    """How many lines `parts` take on this console."""
    return sum(len(console.render_lines(part, pad=False)) for part in parts)

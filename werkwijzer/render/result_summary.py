"""The result in short, for the last screen of a scan: phase per aspect, where to begin, first steps.

The scan ends with the full result (as `werkwijzer score` shows it) and then this summary, so that
what a person sees when answering is done fits one screen: nothing essential has scrolled away.
"""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from werkwijzer.core.model import Model
from werkwijzer.core.result import Result
from werkwijzer.render.phase_table import PhaseTable
from werkwijzer.render.result_terminal import ACCENT, MUTED, effort_text, start_lead


def summary(model: Model, result: Result, steps: int) -> list[RenderableType]:
    """The summary with at most `steps` first actions (0: none listed)."""
    parts: list[RenderableType] = [
        Rule(Text("Je uitslag in het kort", style=ACCENT), align="left", characters="─"),
        PhaseTable(model, result, scores=False),
        Text(),
        start_lead(model, result),
    ]
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


def height(console: Console, parts: list[RenderableType]) -> int:
    """How many lines `parts` take on this console."""
    return sum(len(console.render_lines(part, pad=False)) for part in parts)

"""`score --explain` at a terminal: per aspect the walk through the phases and what holds you."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from werkwijzer.core.result import Explained
from werkwijzer.render.context import RenderContext
from werkwijzer.render.explain_text import conclusion, holding, later_warning, walk
from werkwijzer.render.result_terminal import ACCENT, MUTED, result_header
from werkwijzer.render.text import reached_rule


def render_explained(console: Console, explained: Explained, context: RenderContext) -> None:
    model, result = context.model, explained.result
    console.print(result_header(model, result))
    console.print(Text(reached_rule(model), style=MUTED))
    for aspect in result.aspects:
        console.print()
        console.print(Text(aspect.name, style=ACCENT))
        steps = Table.grid(padding=(0, 2))
        steps.add_column()
        steps.add_column(justify="right")
        steps.add_column()
        for step in walk(model, aspect):
            mark = "  ← hier sta je" if step.here else ""
            style = "bold" if step.here else ""
            steps.add_row(
                Text(step.phase, style=style), step.score, Text(step.verdict + mark, style=style)
            )
        console.print(Padding(steps, (0, 0, 0, 2)))
        console.print(Padding(Text(conclusion(model, aspect)), (0, 0, 0, 2)))
        held_list = Table.grid(padding=(0, 1))  # wrapped lines hang under the text, not the dot
        held_list.add_column()
        held_list.add_column()
        for held in holding(model, aspect, explained.answers):
            held_list.add_row(
                "•", Text.assemble(held.text, (f"  (jouw antwoord: {held.answer})", MUTED))
            )
        if held_list.row_count:
            console.print(Padding(held_list, (0, 0, 0, 4)))
        warning = later_warning(model, aspect)
        if warning:
            console.print(Padding(Text(warning, style="bold"), (0, 0, 0, 2)))

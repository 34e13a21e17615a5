"""Rich rendering for people at a terminal (80 columns, light or dark background, NO_COLOR)."""

from __future__ import annotations

from collections.abc import Mapping

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from werkwijzer.core.model import Model
from werkwijzer.core.result import ActionOut, AspectResult, Result
from werkwijzer.render.context import RenderContext
from werkwijzer.render.text import bar, dutch_date, percent, reached_rule

ACCENT = "bold cyan"
MUTED = "dim"


def render_result(console: Console, result: Result, context: RenderContext) -> None:
    """The result screen; the respondent's own notes (context.notes) are shown at the end."""
    model, notes = context.model, context.notes
    console.print(result_header(model, result))
    console.print(_phase_table(model, result))
    console.print(
        Text(
            reached_rule(model),
            style=MUTED,
        )
    )
    console.print()
    console.print(_start_panel(model, result))
    others = [a for a in result.aspects if a.phase and a.id != _start_id(result)]
    if others:
        console.print(Text("Acties voor de andere aspecten bekijk je zo:", style="bold"))
        for aspect in others:
            console.print(
                Text(
                    f"  werkwijzer actions -a {aspect.id} -l {result.layer} -p {aspect.phase}",
                    overflow="fold",
                )
            )
    if notes:
        _notes(console, model, result, notes)


def _notes(console: Console, model: Model, result: Result, notes: Mapping[str, str]) -> None:
    console.print()
    console.print(Text("Je toelichtingen", style="bold"))
    for place in model.items_for(result.layer):
        if place.item.id in notes:
            console.print(Text(f"  {place.aspect.name} · {place.item.text}", style=MUTED))
            console.print(Padding(Text(notes[place.item.id]), (0, 0, 0, 4)))


def _start_id(result: Result) -> str | None:
    return result.start.aspect if result.start else None


def result_header(model: Model, result: Result) -> Text:
    title = Text(f"Quickscan · {model.layer(result.layer).name}", style=ACCENT)
    details = [result.school, result.respondent, dutch_date(result.date)]
    line = " · ".join(d for d in details if d)
    text = Text.assemble(title, "\n")
    if line:
        text.append(line + "\n")
    text.append(f"Model {result.model_version}", style=MUTED)
    return text


def _phase_table(model: Model, result: Result) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False, header_style="bold")
    table.add_column("Aspect", min_width=14, max_width=24, overflow="fold")
    table.add_column("Fase", min_width=11, max_width=16, overflow="fold")
    for phase in model.phases:
        table.add_column(phase.name.replace(" fase", ""), no_wrap=True)
    for aspect in result.aspects:
        cells = [
            f"{bar(aspect.scores[p.id], 6)} {percent(aspect.scores[p.id]):>4}" for p in model.phases
        ]
        table.add_row(aspect.name, _phase_label(model, aspect), *cells)
    return table


def _phase_label(model: Model, aspect: AspectResult) -> Text:
    if aspect.phase is None:
        return Text("te weinig antwoorden", style="italic")
    label = Text(model.phase(aspect.phase).name, style="bold")
    if aspect.mastered_all:
        label.append(" (alles bereikt)", style=MUTED)
    return label


def _start_panel(model: Model, result: Result) -> Panel:
    if result.start is None:
        body: RenderableType = Text(
            "Er zijn te weinig antwoorden om een startpunt te kiezen. Beantwoord per fase minstens "
            "de helft van de uitspraken; 'weet ik niet' telt daarbij niet mee."
        )
        return Panel(body, title="Waar begin je?", title_align="left", box=box.ROUNDED)
    aspect = model.aspect(result.start.aspect)
    phase = model.phase(result.start.phase)
    cell = aspect.cell(result.layer, phase.id)
    lead = Text.assemble(
        ("Begin bij ", ""),
        (aspect.name, "bold"),
        (", in de ", ""),
        (phase.name.lower(), "bold"),
        ".\n",
    )
    lead.append(cell.description)
    actions = result.aspect(aspect.id).actions
    parts: list[RenderableType] = [lead, Text()]
    parts.append(Text("Wat kun je doen?", style="bold"))
    parts.extend(action_block(n, action) for n, action in enumerate(actions, 1))
    parts.append(
        Text(
            "Meer over een instrument: werkwijzer instruments <naam>", style=MUTED, overflow="fold"
        )
    )
    return Panel(Group(*parts), title="Waar begin je?", title_align="left", box=box.ROUNDED)


def action_block(number: int, action: ActionOut) -> RenderableType:
    head = Text.assemble(
        (f"{number}. ", "bold"), (action.title, "bold"), (f"  ({action.effort})", MUTED)
    )
    body = Text(action.description)
    tools = Text.assemble(
        ("Instrumenten: ", "italic"), ", ".join(i.name for i in action.instruments)
    )
    return Padding(Group(head, Padding(Group(body, tools), (0, 0, 0, 3))), (0, 0, 1, 0))


def render_model_summary(console: Console, model: Model, _context: RenderContext) -> None:
    console.print(Text(f"{model.title} (model {model.version})", style=ACCENT))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    table.add_column("Aspect")
    for layer in model.layers:
        table.add_column(layer.name, justify="right")
    for aspect in model.aspects:
        row = []
        for layer in model.layers:
            cells = [aspect.cell(layer.id, p.id) for p in model.phases]
            row.append(
                f"{sum(len(c.items) for c in cells)} uitspraken, "
                f"{sum(len(c.actions) for c in cells)} acties"
            )
        table.add_row(aspect.name, *row)
    console.print(table)
    console.print(
        Text(
            f"{len(model.instruments)} instrumenten. Alles als JSON: werkwijzer model --json",
            style=MUTED,
        )
    )

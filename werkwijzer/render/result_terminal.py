"""Rich rendering for people at a terminal (80 columns, light or dark background, NO_COLOR)."""

from __future__ import annotations

from collections.abc import Mapping

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from werkwijzer.core.invocation import command
from werkwijzer.core.model import Model
from werkwijzer.core.result import ActionOut, AspectResult, Result
from werkwijzer.render.context import RenderContext
from werkwijzer.render.phase_table import PhaseTable, legend
from werkwijzer.render.text import dutch_date, percent

ACCENT = "bold cyan"
MUTED = "dim"


READABLE_WIDTH = 100  # wider lines are tiring to read; the result stays within this


def render_result(console: Console, result: Result, context: RenderContext) -> None:
    """The result screen; the respondent's own notes (context.notes) are shown at the end."""
    model, notes = context.model, context.notes
    width = min(console.width, READABLE_WIDTH)
    console.print(result_header(model, result))
    console.print()
    console.print(PhaseTable(model, result), width=width)
    console.print(Text(legend(model, result, width), style=MUTED), width=width)
    console.print()
    console.print(_start_panel(model, result), width=width)
    instruments = [i for a in _start_actions(result) for i in a.instruments]
    if instruments:
        console.print(
            Text(f"Meer over een instrument, bijvoorbeeld {instruments[0].name}:", style=MUTED),
            width=width,
        )
        print_command(console, command("instruments", instruments[0].id))
    others = [a for a in result.aspects if a.id != _start_id(result)]
    if others:
        console.print()
        console.print(Text("De acties voor de andere aspecten:", style="bold"))
        for aspect in others:
            _other_aspect(console, model, result, aspect)
    if notes:
        _notes(console, model, result, notes, width)


def _notes(
    console: Console, model: Model, result: Result, notes: Mapping[str, str], width: int
) -> None:
    console.print()
    console.print(Text("Je toelichtingen", style="bold"))
    for place in model.items_for(result.layer):
        if place.item.id in notes:
            console.print(
                Text(f"  {place.aspect.name} · {place.item.text}", style=MUTED), width=width
            )
            console.print(Padding(Text(notes[place.item.id]), (0, 0, 0, 4)), width=width)


def print_command(console: Console, line: str, indent: int = 2) -> None:
    """A command on a line of its own, never broken by rich: the terminal wraps it if it must,
    so that copying it gives one line."""
    console.print(" " * indent + line, soft_wrap=True, highlight=False)


def _other_aspect(console: Console, model: Model, result: Result, aspect: AspectResult) -> None:
    """The aspect by name and its phase in words; the command to see its actions below it."""
    if aspect.phase is None:
        console.print(Text.assemble("  ", (aspect.name, "bold"), " (te weinig antwoorden):"))
        print_command(console, command("actions", "-a", aspect.id, "-l", result.layer), indent=4)
        return
    where = model.phase(aspect.phase).name.lower()
    console.print(Text.assemble("  ", (aspect.name, "bold"), f" ({where}):"))
    words = ("actions", "-a", aspect.id, "-l", result.layer, "-p", aspect.phase)
    print_command(console, command(*words), indent=4)


def _start_actions(result: Result) -> list[ActionOut]:
    return result.aspect(result.start.aspect).actions if result.start else []


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


def start_lead(model: Model, result: Result) -> Text:
    """'Begin bij Werken met data, in de beginfase.' and why that aspect; or why there is none."""
    if result.start is None:
        return Text(
            "Er zijn te weinig antwoorden om een startpunt te kiezen. Beantwoord per fase minstens "
            "de helft van de uitspraken; 'weet ik niet' telt daarbij niet mee."
        )
    aspect = model.aspect(result.start.aspect)
    phase = model.phase(result.start.phase)
    return Text.assemble(
        "Begin bij ",
        (aspect.name, "bold"),
        ", in de ",
        (phase.name.lower(), "bold"),
        ". ",
        start_reason(model, result),
    )


def start_reason(model: Model, result: Result) -> str:
    """Why the start advice names this aspect, after the rule in core/scoring.py."""
    assert result.start is not None
    start = result.start
    placed = [a for a in result.aspects if a.phase is not None]
    same = [a for a in placed if a.phase == start.phase]
    phase = model.phase(start.phase).name.lower()
    if len(placed) == 1:
        return "Alleen dit aspect heeft genoeg antwoorden voor een fase."
    if len(same) == 1:
        return "Bij dit aspect staat jullie school het minst ver."
    score = percent(result.aspect(start.aspect).scores[start.phase])
    return f"{len(same)} aspecten staan in de {phase}; hier is die fase het minst ver ({score})."


def _start_panel(model: Model, result: Result) -> Panel:
    lead = start_lead(model, result)
    if result.start is None:
        return Panel(lead, title="Waar begin je?", title_align="left", box=box.ROUNDED)
    aspect = model.aspect(result.start.aspect)
    lead.append("\n" + aspect.cell(result.layer, result.start.phase).description)
    actions = result.aspect(aspect.id).actions
    parts: list[RenderableType] = [lead, Text()]
    parts.append(Text("Wat kun je doen?", style="bold"))
    parts.extend(action_block(n, action) for n, action in enumerate(actions, 1))
    return Panel(Group(*parts), title="Waar begin je?", title_align="left", box=box.ROUNDED)


def effort_text(action: ActionOut) -> str:
    return f"inspanning: {action.effort}"


def action_block(number: int, action: ActionOut) -> RenderableType:
    """A numbered action: title and effort, what to do, the instruments; wrapped under the title."""
    head = Text.assemble((action.title, "bold"), (f" ({effort_text(action)})", MUTED))
    body = Text(action.description)
    tools = Text.assemble(
        ("Instrumenten: ", "italic"), ", ".join(i.name for i in action.instruments)
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column()
    grid.add_row(Text(f"{number}.", style="bold"), Group(head, body, tools))
    return Padding(grid, (0, 0, 1, 0))


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
            f"{len(model.instruments)} instrumenten. Alles als JSON: {command('model', '--json')}",
            style=MUTED,
        )
    )

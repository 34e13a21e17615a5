"""Rich rendering for the look-up commands and the browse screens (80 columns, NO_COLOR readable).

Every text wraps; nothing is cut off. Lists hang their wrapped lines under the text, not the marker.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from werkwijzer.core.invocation import command
from werkwijzer.core.lookup import (
    AspectsView,
    AspectView,
    CellView,
    InstrumentsView,
    InstrumentView,
    Selection,
    instruments_of,
    selection_actions,
)
from werkwijzer.core.model import Aspect, InspectionFramework, Instrument, Layer, Model, Phase
from werkwijzer.core.scoring import action_out
from werkwijzer.render import inspection_text
from werkwijzer.render.context import RenderContext
from werkwijzer.render.result_terminal import ACCENT, MUTED, action_block, print_command

INDENT = 3
MAX_NAME_WIDTH = 24  # longer names wrap between words; the text column keeps the most room
_Named = TypeVar("_Named", Aspect, Layer, Phase, Instrument)


def render_aspects(console: Console, _view: AspectsView, context: RenderContext) -> None:
    model = context.model
    console.print(Text(f"{model.title} (model {model.version})", style=ACCENT))
    console.print()
    console.print(aspects_table(model))
    console.print()
    console.print(_named_table("Lagen", "Wie is dat?", model.layers, lambda x: x.description))
    console.print()
    console.print(_named_table("Fasen", "Wat zie je?", model.phases, lambda x: x.description))
    console.print()
    first, layer, phase = model.aspects[0], model.layers[1], model.phases[0]
    render_hint(
        console,
        [
            (f"Achtergrond en bronnen bij {first.name}:", ("aspects", first.id)),
            (
                f"De acties bij {first.name}, bijvoorbeeld voor de {layer.name.lower()} in de "
                f"{phase.name.lower()}:",
                ("actions", "-a", first.id, "-l", layer.id, "-p", phase.id),
            ),
            ("Rondkijken met keuzemenu's:", ("browse",)),
        ],
    )


def render_aspect(console: Console, view: AspectView, context: RenderContext) -> None:
    console.print(aspect_info(view.aspect, context.model.inspection_framework))


def render_selection(console: Console, selection: Selection, context: RenderContext) -> None:
    console.print(selection_view(context.model, selection))
    used = instruments_of(context.model, selection_actions(selection))
    if used:
        render_hint(
            console,
            [(f"Waar {used[0].name} nog meer helpt:", ("instruments", used[0].id))],
        )


def aspects_table(model: Model) -> Table:
    return _named_table("Aspect", "Waar gaat het over?", model.aspects, lambda a: a.description)


def aspect_info(aspect: Aspect, framework: InspectionFramework | None) -> RenderableType:
    """An aspect with its information: description, background, the Inspectie's standards it
    supports, references and discussion questions."""
    return Group(
        Text(aspect.name, style=ACCENT),
        Text(aspect.description),
        Text(),
        Text("Achtergrond", style="bold"),
        Text(aspect.background),
        *_inspection(aspect, framework),
        Text(),
        Text("Bronnen", style="bold"),
        _list(aspect.references),
        Text(),
        Text("Vragen voor het gesprek", style="bold"),
        _list(aspect.discussion_questions, numbered=True),
    )


def _inspection(aspect: Aspect, framework: InspectionFramework | None) -> list[RenderableType]:
    """The standards per level, each level's list hanging under its name; nothing if none."""
    if not aspect.inspection_standards:
        return []
    parts: list[RenderableType] = [
        Text(),
        Text(inspection_text.HEADING, style="bold"),
        Text(inspection_text.intro(framework)),
    ]
    for level_name, standards in inspection_text.by_level(aspect):
        parts.append(Text(level_name, style="italic"))
        parts.append(_list(inspection_text.line(s) for s in standards))
    return parts


def selection_view(model: Model, selection: Selection) -> RenderableType:
    """The cells of an aspect, one panel each, then every instrument they use, once."""
    parts: list[RenderableType] = []
    single = len(selection.cells) == 1
    if not single:
        fixed = [x.name for x in (selection.layer, selection.phase) if x]
        parts.append(Text(" · ".join([selection.aspect.name, *fixed]), style=ACCENT))
    for view in selection.cells:
        names = [selection.aspect.name] if single else []
        parts.append(
            cell_panel(model, view, " · ".join([*names, view.layer.name, view.phase.name]))
        )
    parts.append(instruments_block(instruments_of(model, selection_actions(selection))))
    return Group(*parts)


def cell_panel(model: Model, view: CellView, title: str) -> Panel:
    parts: list[RenderableType] = [Text(view.cell.description), Text()]
    if view.cell.actions:
        parts.append(Text("Wat kun je doen?", style="bold"))
        actions = [action_out(model, a) for a in view.cell.actions]
        parts.extend(action_block(n, action) for n, action in enumerate(actions, 1))
    else:
        parts.append(Text("Voor deze fase staan nog geen acties in het model.", style="italic"))
    return Panel(Group(*parts), title=Text(title), title_align="left", box=box.ROUNDED)


def instruments_block(instruments: list[Instrument]) -> RenderableType:
    """Name, what and when of each instrument, as a glossary below the actions that name them."""
    if not instruments:
        return Text()
    parts: list[RenderableType] = [Text("Instrumenten bij deze acties", style=ACCENT)]
    for instrument in instruments:
        parts.append(Text(instrument.name, style="bold"))
        parts.append(Padding(_what_when(instrument), (0, 0, 1, INDENT), expand=False))
    return Group(*parts)


def render_instruments(console: Console, _view: InstrumentsView, context: RenderContext) -> None:
    model = context.model
    console.print(Text(f"Instrumenten (model {model.version})", style=ACCENT))
    console.print(_named_table("Instrument", "Wat is het?", model.instruments, lambda i: i.what))
    first = model.instruments[0]
    render_hint(
        console,
        [
            (
                f"Meer over één instrument, bijvoorbeeld {first.name} (de naam of het begin "
                "ervan mag ook):",
                ("instruments", first.id),
            )
        ],
    )


def render_instrument(console: Console, view: InstrumentView, _context: RenderContext) -> None:
    instrument, uses = view.instrument, view.uses
    console.print(Text(instrument.name, style=ACCENT))
    console.print()
    console.print(_what_when(instrument))
    if instrument.reference:
        console.print(Text.assemble(("Bron: ", "italic"), instrument.reference))
    console.print()
    if not uses:
        console.print(
            Text("Geen enkele actie in het model gebruikt dit instrument.", style="italic")
        )
        return
    label = "actie" if len(uses) == 1 else "acties"
    console.print(Text(f"Gebruikt in {len(uses)} {label}", style="bold"))
    shown = None
    for use in uses:
        if use.aspect != shown:
            console.print(Text(use.aspect.name, style="bold"))
            shown = use.aspect
        line = Text.assemble(
            (f"{use.layer.name} · {use.phase.name}", "italic"),
            ": ",
            use.action.title,
            (f" (inspanning: {use.action.effort})", MUTED),
        )
        console.print(Padding(line, (0, 0, 0, 2)))


def render_hint(console: Console, hints: Iterable[tuple[str, tuple[str, ...]]]) -> None:
    """Where to look next: a muted line in words, then the command on a line of its own."""
    for label, words in hints:
        console.print(Text(label, style=MUTED))
        print_command(console, command(*words))


def _what_when(instrument: Instrument) -> Text:
    return Text.assemble(
        ("Wat is het? ", "italic"),
        instrument.what,
        "\n",
        ("Wanneer helpt het? ", "italic"),
        instrument.when,
    )


def _named_table(
    first: str, second: str, things: Sequence[_Named], text: Callable[[_Named], str]
) -> Table:
    """Name and a text. The name column is as wide as the longest name up to a limit, and never
    narrower than its longest word: a name wraps between words, not inside one."""
    table = Table(
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", expand=True
    )
    names = [first, *(t.name for t in things)]
    longest_word = max(len(word) for name in names for word in name.split())
    table.add_column(
        first,
        min_width=longest_word,
        max_width=max(longest_word, min(MAX_NAME_WIDTH, max(map(len, names)))),
    )
    table.add_column(second, ratio=1)
    for thing in things:
        table.add_row(Text(thing.name, style="bold"), Text(text(thing)))
    return table


def _list(lines: Iterable[str], numbered: bool = False) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for n, line in enumerate(lines, 1):
        grid.add_row(f"{n}." if numbered else "•", Text(line))
    return Padding(grid, (0, 0, 0, 1))

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
from werkwijzer.render.result_terminal import ACCENT, MUTED, action_block

INDENT = 3
MAX_ID_WIDTH = 28  # wider ids fold; the text column keeps at least 50 of 80 columns
MAX_WHERE_WIDTH = 34  # "Schoolleider · Gevorderde fase" plus its indent
_Named = TypeVar("_Named", Aspect, Layer, Phase, Instrument)


def render_aspects(console: Console, _view: AspectsView, context: RenderContext) -> None:
    model = context.model
    console.print(Text(f"{model.title} (model {model.version})", style=ACCENT))
    console.print(aspects_table(model))
    console.print(_named_table("Lagen", "Wie is dat?", model.layers, lambda x: x.description))
    console.print(_named_table("Fasen", "Wat zie je?", model.phases, lambda x: x.description))
    first = model.aspects[0].id
    render_hint(
        console,
        [
            f"Achtergrond en bronnen: werkwijzer aspects {first}",
            f"Acties: werkwijzer actions -a {first} -l schoolleider -p begin",
            "Rondkijken met keuzemenu's: werkwijzer browse",
        ],
    )


def render_aspect(console: Console, view: AspectView, context: RenderContext) -> None:
    console.print(aspect_info(view.aspect, context.model.inspection_framework))


def render_selection(console: Console, selection: Selection, context: RenderContext) -> None:
    console.print(selection_view(context.model, selection))
    render_hint(console, ["Waar een instrument nog meer helpt: werkwijzer instruments <naam>"])


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
    render_hint(console, ["Meer over één instrument: werkwijzer instruments <naam>"])


def render_instrument(console: Console, view: InstrumentView, _context: RenderContext) -> None:
    instrument, uses = view.instrument, view.uses
    console.print(Text.assemble((instrument.name, ACCENT), (f"  ({instrument.id})", MUTED)))
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
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", expand=True)
    wheres = [f"{use.layer.name} · {use.phase.name}" for use in uses]
    table.add_column("Laag · fase", width=min(MAX_WHERE_WIDTH, 2 + max(map(len, wheres))))
    table.add_column("Actie", overflow="fold")
    shown = None
    for use, where in zip(uses, wheres, strict=True):
        if use.aspect != shown:
            table.add_row(Text(use.aspect.name, style="bold"), "")
            shown = use.aspect
        action = Text.assemble(use.action.title, (f" ({use.action.effort})", MUTED))
        table.add_row(Padding(Text(where, overflow="fold"), (0, 0, 0, 2)), action)
    console.print(table)


def render_hint(console: Console, lines: Iterable[str]) -> None:
    """Muted lines about where to look next; commands are folded, never cut."""
    for line in lines:
        console.print(Text(line, style=MUTED, overflow="fold"))


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
    """Name with its id below it, and a text; the first column is as wide as the longest id."""
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", expand=True)
    width = min(MAX_ID_WIDTH, max(len(first), *(len(t.id) for t in things)))
    table.add_column(first, width=width, overflow="fold")
    table.add_column(second, overflow="fold")
    for thing in things:
        table.add_row(
            Text.assemble((thing.name, "bold"), "\n", (thing.id, MUTED)), Text(text(thing))
        )
    return table


def _list(lines: Iterable[str], numbered: bool = False) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(overflow="fold")
    for n, line in enumerate(lines, 1):
        grid.add_row(f"{n}." if numbered else "•", Text(line))
    return Padding(grid, (0, 0, 0, 1))

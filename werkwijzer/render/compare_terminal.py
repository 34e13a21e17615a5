"""Rich rendering of history and compare: 80 columns; marks, not colour alone, carry the meaning."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from werkwijzer.core.compare import Comparison, Verdict
from werkwijzer.core.history import History
from werkwijzer.core.invocation import command
from werkwijzer.core.model import PHASE_IDS, Model
from werkwijzer.render.compare_text import (
    GROUP_NOTE,
    LEGEND,
    VERDICT_MARKS,
    phase_text,
    points,
    side_text,
)
from werkwijzer.render.context import RenderContext
from werkwijzer.render.result_terminal import ACCENT, MUTED

UNDATED = "* Het bestand had geen datum; dit is de dag waarop het is bewaard."
HISTORY_TABLE_WIDTH = 76  # narrower than this, the table would cut words: a block per scan
VERDICT_STYLES: dict[Verdict, str] = {
    "vooruit": "bold green",
    "gelijk": "",
    "achteruit": "bold red",
    "onbekend": MUTED,
}


def render_history(console: Console, history: History, context: RenderContext) -> None:
    """One scan per row: when and who in the first column (two lines), then a phase per aspect."""
    model = context.model
    scans = history.scans
    names = {a.id: a.name for a in model.aspects}
    aspects = [(a, names.get(a, a)) for a in dict.fromkeys(a for s in scans for a in s.phases)]
    if console.width < HISTORY_TABLE_WIDTH:  # no room for a column per aspect: a block per scan
        _history_blocks(console, model, history, aspects)
        return
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", collapse_padding=True)
    table.add_column("Nr", justify="right", no_wrap=True)
    table.add_column("Datum, laag\nSchool", min_width=16, max_width=25, overflow="fold")
    for _, name in aspects:
        # As wide as the longest word of the name, so headers wrap between words at 80 columns.
        narrowest = max(len(word) for phase in model.phases for word in phase.name.split())
        widest = max(narrowest, *(len(word) for word in name.split()))
        table.add_column(name, min_width=narrowest, max_width=widest, overflow="fold")
    undated = False
    for scan in scans:
        who = Text(scan.date.isoformat(), style="bold")
        if not scan.date_in_file:
            who.append("*", style=MUTED)
            undated = True
        who.append(f" {_layer_name(model, scan.layer)}")
        if scan.school:
            who.append(f"\n{scan.school}", style=MUTED)
        table.add_row(
            str(scan.id),
            who,
            *(phase_text(model, scan.phases.get(aspect_id)) for aspect_id, _ in aspects),
        )
    console.print(table)
    if undated:
        console.print(Text(UNDATED, style=MUTED))
    _compare_hint(console, history)


def _history_blocks(
    console: Console, model: Model, history: History, aspects: list[tuple[str, str]]
) -> None:
    """Each scan as a line of who and when, then its phase per aspect, one aspect a line."""
    for scan in history.scans:
        day = scan.date.isoformat() + ("" if scan.date_in_file else "*")
        who = [day, _layer_name(model, scan.layer), scan.school or ""]
        console.print(
            Text.assemble((f"Scan {scan.id}", "bold"), ": ", " · ".join(w for w in who if w))
        )
        for aspect_id, name in aspects:
            phase = phase_text(model, scan.phases.get(aspect_id))
            console.print(Padding(Text(f"{name}: {phase}"), (0, 0, 0, 2)))
    if not all(scan.date_in_file for scan in history.scans):
        console.print(Text(UNDATED, style=MUTED))
    _compare_hint(console, history)


def _compare_hint(console: Console, history: History) -> None:
    scans = history.scans
    if len(scans) >= 2:  # newest first: the two newest, then and now
        console.print(Text("De twee nieuwste scans vergelijken:", style=MUTED))
        line = "  " + command("compare", str(scans[1].id), str(scans[0].id))
        console.print(line, style=MUTED, soft_wrap=True, highlight=False)
    elif scans:
        console.print(Text("Na een volgende scan zie je met compare wat er bewoog.", style=MUTED))


def _layer_name(model: Model, layer: str) -> str:
    """The layer's name; a scan of an older model may hold a layer this model no longer has."""
    return next((x.name for x in model.layers if x.id == layer), layer)


def render_comparison(console: Console, comparison: Comparison, context: RenderContext) -> None:
    model = context.model
    console.print(Text("Vergelijking: toen en nu", style=ACCENT))
    for label, side in (("Toen", comparison.then), ("Nu", comparison.now)):
        console.print(Text.assemble((f"{label:<5}", "bold"), side_text(model, side)))
    console.print()
    # One aspect per paragraph rather than a wide table: phase names stay whole at 60 columns too.
    for aspect in comparison.aspects:
        console.print(
            Text.assemble(
                (aspect.name, "bold"),
                ": ",
                phase_text(model, aspect.then.phase if aspect.then else None),
                " → ",
                phase_text(model, aspect.now.phase if aspect.now else None),
                "  ",
                (VERDICT_MARKS[aspect.verdict], VERDICT_STYLES[aspect.verdict]),
            )
        )
        changes = " · ".join(
            f"{model.phase(p).name} {points(aspect.changes[p])}" for p in PHASE_IDS
        )
        console.print(Padding(Text(f"verschil per fase: {changes}", style=MUTED), (0, 0, 0, 2)))
    console.print()
    tally = comparison.tally()
    console.print(
        Text(" · ".join(f"{VERDICT_MARKS[v]}: {n}" for v, n in tally.items() if n), style="bold")
    )
    console.print(Text(LEGEND, style=MUTED))
    if comparison.group:
        console.print(Text(GROUP_NOTE, style=MUTED))

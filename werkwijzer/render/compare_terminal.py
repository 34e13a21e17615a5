"""Rich rendering of history and compare: 80 columns; marks, not colour alone, carry the meaning."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from werkwijzer.core.compare import Comparison, Verdict
from werkwijzer.core.model import PHASE_IDS
from werkwijzer.core.store import ScanRecord
from werkwijzer.render.compare_text import (
    GROUP_NOTE,
    LEGEND,
    VERDICT_MARKS,
    phase_text,
    points,
    side_text,
)
from werkwijzer.render.result_terminal import ACCENT, MUTED

VERDICT_STYLES: dict[Verdict, str] = {
    "vooruit": "bold green",
    "gelijk": "",
    "achteruit": "bold red",
    "onbekend": MUTED,
}


def render_history(console: Console, scans: Sequence[ScanRecord]) -> None:
    """One scan per row: when and who in the first column (two lines), then a phase per aspect."""
    aspects = list(dict.fromkeys((a.id, a.name) for s in scans for a in s.result.aspects))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", collapse_padding=True)
    table.add_column("Nr", justify="right", no_wrap=True)
    table.add_column("Datum, laag\nSchool", min_width=23, max_width=25, overflow="fold")
    for _, name in aspects:
        # As wide as the longest word of the name, so headers wrap between words at 80 columns.
        widest = max(len("gevorderd"), *(len(word) for word in name.split()))
        table.add_column(name, min_width=len("gevorderd"), max_width=widest, overflow="fold")
    undated = False
    for scan in scans:
        phases = {a.id: a.phase for a in scan.result.aspects}
        who = Text(scan.day.isoformat(), style="bold")
        if scan.date is None:
            who.append("*", style=MUTED)
            undated = True
        who.append(f" {scan.layer}")
        if scan.school:
            who.append(f"\n{scan.school}", style=MUTED)
        table.add_row(
            str(scan.id), who, *(phase_text(phases.get(aspect_id)) for aspect_id, _ in aspects)
        )
    console.print(table)
    if undated:
        console.print(
            Text("* Het bestand had geen datum; dit is de dag waarop het is bewaard.", style=MUTED)
        )
    console.print(
        Text("Vergelijk twee scans met: werkwijzer compare NR NR", style=MUTED, overflow="fold")
    )


def render_comparison(console: Console, comparison: Comparison) -> None:
    console.print(Text("Vergelijking: toen en nu", style=ACCENT))
    for label, side in (("Toen", comparison.then), ("Nu", comparison.now)):
        console.print(Text.assemble((f"{label:<5}", "bold"), side_text(side)))
    console.print()
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold", collapse_padding=True)
    widest = max((len(word) for a in comparison.aspects for word in a.name.split()), default=6)
    table.add_column("Aspect", min_width=min(widest, 16), max_width=22, overflow="fold")
    table.add_column("Toen", no_wrap=True)
    table.add_column("Nu", no_wrap=True)
    for phase in PHASE_IDS:
        table.add_column(phase.capitalize(), justify="right", no_wrap=True)
    table.add_column("Oordeel", no_wrap=True)
    for aspect in comparison.aspects:
        table.add_row(
            aspect.name,
            phase_text(aspect.then.phase if aspect.then else None),
            phase_text(aspect.now.phase if aspect.now else None),
            *(points(aspect.changes[p]) for p in PHASE_IDS),
            Text(VERDICT_MARKS[aspect.verdict], style=VERDICT_STYLES[aspect.verdict]),
        )
    console.print(table)
    tally = comparison.tally()
    console.print(
        Text(" · ".join(f"{VERDICT_MARKS[v]}: {n}" for v, n in tally.items() if n), style="bold")
    )
    console.print(Text(LEGEND, style=MUTED))
    if comparison.group:
        console.print(Text(GROUP_NOTE, style=MUTED))

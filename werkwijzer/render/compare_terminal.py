"""Rich rendering of history and compare: 80 columns; marks, not colour alone, carry the meaning."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from werkwijzer.core.change import Verdict
from werkwijzer.core.compare import Comparison
from werkwijzer.core.history import History
from werkwijzer.core.invocation import command
from werkwijzer.core.model import PHASE_IDS, Model
from werkwijzer.render.columns import GAP, Column, cell, print_table, word_width
from werkwijzer.render.compare_text import (
    GROUP_NOTE,
    LEGEND,
    TALLY_NAMES,
    VERDICT_MARKS,
    board_note,
    count_change,
    phase_text,
    scans_text,
    shift_text,
    side_text,
    title,
    when,
)
from werkwijzer.render.context import RenderContext
from werkwijzer.render.plan_terminal import print_review
from werkwijzer.render.result_terminal import ACCENT, MUTED

UNDATED = "* Het bestand had geen datum; dit is de dag waarop het is bewaard."
HISTORY_TABLE_WIDTH = 76  # narrower than this, the table would cut words: a block per scan
VERDICT_STYLES: dict[Verdict, str] = {
    "vooruit": "bold green",
    "gelijk": "",
    "achteruit": "bold red",
    "te_weinig": MUTED,
    "onbekend": MUTED,
}


def render_history(console: Console, history: History, context: RenderContext) -> None:
    """One scan per row: when and who in the first column (two lines), then a phase per aspect.

    A plain table of fixed widths (render.columns): ten thousand scans draw in a moment.
    """
    model = context.model
    scans = history.scans
    names = {a.id: a.name for a in model.aspects}
    aspects = [(a, names.get(a, a)) for a in dict.fromkeys(a for s in scans for a in s.phases)]
    if console.width < HISTORY_TABLE_WIDTH:  # no room for a column per aspect: a block per scan
        _history_blocks(console, model, history, aspects)
        return
    narrowest = word_width(*(phase.name for phase in model.phases))
    phase_columns = [Column(name, max(narrowest, word_width(name))) for _, name in aspects]
    number = Column("Nr", max(2, *(len(str(s.id)) for s in scans)), right=True)
    room = console.width - number.width - sum(c.width for c in phase_columns)
    room -= len(GAP) * (len(phase_columns) + 1)
    who = Column("Datum, laag School", min(25, max(16, room)))
    rows = []
    undated = False
    for scan in scans:
        first = scan.date.isoformat() + ("*" if not scan.date_in_file else "")
        undated = undated or not scan.date_in_file
        lines = [(f"{first} {_layer_name(model, scan.layer)}", "bold")]
        if scan.school:
            lines.append((scan.school, MUTED))
        rows.append(
            [
                cell(str(scan.id)),
                lines,
                *(cell(phase_text(model, scan.phases.get(a))) for a, _ in aspects),
            ]
        )
    print_table(console, [number, who, *phase_columns], rows)
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
    console.print(Text(title(comparison), style=ACCENT))
    for label, side in (("Toen", comparison.then), ("Nu", comparison.now)):
        stored = f" · {scans_text(side)}" if side.respondents > 1 and side.scans else ""
        console.print(
            Text.assemble((f"{label} ({when(side)}): ", "bold"), side_text(model, side) + stored)
        )
    note = board_note(comparison)
    if note:
        console.print(Text(note, style=MUTED))
    console.print()
    # One aspect per paragraph rather than a wide table: phase names stay whole at 60 columns too.
    for aspect in comparison.aspects:
        console.print(
            Text.assemble(
                (aspect.name, "bold"),
                ": ",
                (VERDICT_MARKS[aspect.verdict], VERDICT_STYLES[aspect.verdict]),
            )
        )
        counts = " · ".join(
            f"{phase_text(model, p) if p else 'geen fase'} {count_change(aspect.then, aspect.now, p)}"
            for p in (*PHASE_IDS, None)
        )
        then_phase = phase_text(model, aspect.then.phase if aspect.then else None)
        now_phase = phase_text(model, aspect.now.phase if aspect.now else None)
        details = [
            f"respondenten per fase, toen → nu: {counts}",
            f"middelste fase: {then_phase} → {now_phase}",
            f"verschil in fasen: {shift_text(aspect)}",
        ]
        for line in details:
            console.print(Padding(Text(line, style=MUTED), (0, 0, 0, 2)))
    console.print()
    tally = comparison.tally()
    console.print(
        Text(" · ".join(f"{TALLY_NAMES[v]}: {n}" for v, n in tally.items() if n), style="bold")
    )
    console.print(Text(LEGEND, style=MUTED))
    if comparison.group:
        console.print(Text(GROUP_NOTE, style=MUTED))
    if comparison.plan_review is not None:
        console.print()
        print_review(console, model, comparison.plan_review)

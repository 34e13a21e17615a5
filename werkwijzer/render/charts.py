"""Bar charts as plain geometry, for the SVG that templates/charts.html.j2 draws.

One kind of chart covers every picture in the reports: horizontal bars made of labelled segments,
in blocks under a heading (an aspect), with optional vertical marks (the line where a phase counts
as mastered). This module only computes where things go and what they say; the template draws,
escaping every text. Every segment carries its number, and fills that look alike in grey also
differ in pattern, so nothing is told by colour alone; `description` is the whole chart in words,
for screen readers and as the text alternative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

# Fills (CSS classes k-<kind> in report.css) that get a pattern on top, and dark ones (white text).
PATTERNS = {"begin": "hatch", "none": "cross", "a1": "hatch", "unknown": "cross", "g1": "hatch"}
DARK = frozenset({"a4", "g0"})
MIN_INSIDE = 22  # a narrower segment puts its number after the bar
CHAR_WIDTH = 7.6  # px, a generous mean for 13 px DejaVu Sans: a label cut to fit is never clipped


@dataclass(frozen=True)
class Layout:
    width: int = 760
    label_width: int = 200  # the bar labels on the left
    plot_width: int = 470
    bar_height: int = 22
    bar_gap: int = 6
    block_gap: int = 12
    heading_height: int = 24
    min_inside: float = MIN_INSIDE  # a narrower segment puts its number after the bar


WIDE = Layout()
HALF = Layout(width=380, label_width=122, plot_width=172, bar_height=18, bar_gap=4)
LINE = Layout(width=760, label_width=0, plot_width=700, bar_height=22, bar_gap=0, block_gap=0)


@dataclass(frozen=True)
class Part:
    """One value of a bar: `kind` names its fill, `label` its text on the bar, `spoken` its words
    in the text alternative ('2 in de beginfase')."""

    value: float
    kind: str
    label: str
    spoken: str


@dataclass(frozen=True)
class Row:
    label: str
    parts: Sequence[Part]
    after: str = ""  # text after the bar, e.g. '87%'


@dataclass(frozen=True)
class Block:
    heading: str
    rows: Sequence[Row]


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    kind: str
    label: str
    spoken: str
    inside: bool
    pattern: str | None
    dark: bool


@dataclass(frozen=True)
class Bar:
    y: float
    label: str  # cut to fit the label column; `full_label` is the whole text
    segments: list[Segment]
    after: str
    after_x: float
    full_label: str = ""


@dataclass(frozen=True)
class Heading:
    y: float
    text: str


@dataclass(frozen=True)
class Mark:
    x: float
    label: str


@dataclass(frozen=True)
class LegendItem:
    x: float
    kind: str
    label: str
    pattern: str | None


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: float
    plot_x: int
    plot_top: float
    plot_bottom: float
    bar_height: int
    headings: list[Heading]
    bars: list[Bar]
    marks: list[Mark] = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)


def bar_chart(
    chart_id: str,
    title: str,
    blocks: Sequence[Block],
    *,
    scale: float = 1.0,
    layout: Layout = WIDE,
    legend: Sequence[tuple[str, str]] = (),
    marks: Sequence[tuple[float, str]] = (),
) -> Chart:
    """Lay out `blocks` of bars; a bar as long as `scale` fills the plot. legend: (kind, label)."""
    y = (28.0 if legend else 0.0) + (18.0 if marks else 0.0)
    top = y
    headings, bars = [], []
    for block in blocks:
        if block.heading:
            headings.append(Heading(y + 16, block.heading))
            y += layout.heading_height
        for row in block.rows:
            bars.append(_bar(row, y, scale, layout))
            y += layout.bar_height + layout.bar_gap
        y += layout.block_gap
    return Chart(
        id=chart_id,
        title=title,
        description=describe(blocks) if blocks else title,
        width=layout.width,
        height=max(y, 28.0),
        plot_x=layout.label_width,
        plot_top=top - 4,
        plot_bottom=y - layout.block_gap,
        bar_height=layout.bar_height,
        headings=headings,
        bars=bars,
        marks=[Mark(_x(value, scale, layout), text) for value, text in marks],
        legend=_legend(legend, layout),
    )


def _x(value: float, scale: float, layout: Layout) -> float:
    return layout.label_width + (layout.plot_width * value / scale if scale else 0.0)


def _bar(row: Row, y: float, scale: float, layout: Layout) -> Bar:
    x = float(layout.label_width)
    segments = []
    for part in row.parts:
        width = layout.plot_width * part.value / scale if scale else 0.0
        if width > 0:
            segments.append(
                Segment(
                    x=x,
                    width=width,
                    kind=part.kind,
                    label=part.label,
                    spoken=part.spoken,
                    inside=width >= layout.min_inside,
                    pattern=PATTERNS.get(part.kind),
                    dark=part.kind in DARK,
                )
            )
        x += width
    # A number that does not fit inside its segment goes after the bar, so none is lost.
    outside = [s.label for s in segments if not s.inside and s.label]
    after = " · ".join([*outside, row.after] if row.after else outside)
    label = fit_label(row.label, layout.label_width - 10)
    return Bar(y, label, segments, after, x + 6, row.label)


def fit_label(text: str, width: float) -> str:
    """The label, cut with '…' to fit `width` px; a trailing count such as ' (9)' is kept."""
    room = int(width // CHAR_WIDTH)
    if not text or len(text) <= room:
        return text
    head, count = text, ""
    if text.endswith(")") and " (" in text:
        head, count = text[: text.rindex(" (")], text[text.rindex(" (") :]
    keep = max(1, room - len(count) - 1)
    return head[:keep].rstrip() + "…" + count


def _legend(items: Sequence[tuple[str, str]], layout: Layout) -> list[LegendItem]:
    found, x = [], float(layout.label_width)
    for kind, label in items:
        found.append(LegendItem(x, kind, label, PATTERNS.get(kind)))
        x += 26 + 7.2 * len(label)
    return found


def describe(blocks: Sequence[Block]) -> str:
    """The chart in words: every bar with all its numbers."""
    parts = []
    for block in blocks:
        rows = "; ".join(
            (f"{row.label}: " if row.label else "")
            + ", ".join(p.spoken for p in row.parts)
            + (f" ({row.after})" if row.after else "")
            for row in block.rows
        )
        parts.append(f"{block.heading}: {rows}" if block.heading else rows)
    return ". ".join(parts) + "."

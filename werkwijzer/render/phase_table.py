"""The result table (aspect, phase, a score per phase) that fits the width it is drawn in.

It chooses its shape when it is drawn, the widest that fits: full phase names over bars of six,
short names ('Begin', 'Tussen', 'Gevorderd'), bars of four, and at last percentages alone. Every
phase keeps its column at every width; names wrap between words, never inside one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text

from werkwijzer.core.model import Model
from werkwijzer.core.result import AspectResult, Result
from werkwijzer.render.text import bar, joined, percent, reached_rule

MASTERED_MARK = "✓"
UNKNOWN_BAR_CHAR = "·"
GAP = 2  # between two columns: the padding on the right and the (blank) column divider
TOO_FEW = "te weinig antwoorden"


@dataclass(frozen=True)
class Shape:
    bar_width: int  # 0: no bars, only the percentage
    short_headers: bool


# From wide to narrow; the first shape that fits the width is drawn.
SHAPES = (Shape(6, False), Shape(6, True), Shape(4, True), Shape(0, True))


@dataclass(frozen=True)
class PhaseTable:
    """Renderable: the phase per aspect and the score per phase, shaped at drawing time."""

    model: Model
    result: Result
    scores: bool = True  # False: aspect and phase only (the summary at the end of a scan)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        layout = self.layout(options.max_width)
        if layout is None:
            yield from self.lines()
        else:
            yield self.table(*layout)

    def table(self, shape: Shape, widths: list[int]) -> Table:
        table = Table(
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            padding=(0, 1, 0, 0),
            header_style="bold",
            show_header=self.scores,
        )
        table.add_column("Aspect", width=widths[0])
        table.add_column("Fase", width=widths[1])
        for phase, column in zip(self.model.phases, widths[2:], strict=False):
            header = phase.short if shape.short_headers else phase.name
            table.add_column(header, width=column, no_wrap=True)
        for aspect in self.result.aspects:
            cells = [_score_cell(aspect.scores[p.id], shape) for p in self.model.phases]
            table.add_row(
                aspect.name, phase_label(self.model, aspect), *(cells if self.scores else [])
            )
        return table

    def lines(self) -> list[Text]:
        """Too narrow for any table: per aspect its phase, and the scores on a line below it."""
        out = []
        for aspect in self.result.aspects:
            out.append(Text.assemble((aspect.name, "bold"), ": ", phase_label(self.model, aspect)))
            if self.scores:
                scores = [f"{p.short} {percent(aspect.scores[p.id])}" for p in self.model.phases]
                out.append(Text("  " + " · ".join(scores)))
        return out

    def layout(self, width: int) -> tuple[Shape, list[int]] | None:
        """The first shape whose columns fit whole; else the first that fits with the names
        wrapped between words; None when even that does not fit (then: lines, no table)."""
        names = [a.name for a in self.result.aspects]
        labels = [phase_label(self.model, a).plain for a in self.result.aspects]
        natural = [max(map(len, names)), max(map(len, labels))]
        least = [_longest_word(names), _longest_word(labels)]
        shapes = SHAPES if self.scores else SHAPES[:1]
        rooms = [(shape, self._score_widths(shape) if self.scores else []) for shape in shapes]
        for shape, fixed in rooms:
            if sum(natural) <= width - sum(fixed) - GAP * (len(fixed) + 1):
                return shape, [*natural, *fixed]
        for shape, fixed in rooms:
            room = width - sum(fixed) - GAP * (len(fixed) + 1)
            if sum(least) <= room:
                # The aspect keeps its whole name if it can; the phase column wraps first.
                aspect = max(least[0], min(natural[0], room - least[1]))
                return shape, [aspect, room - aspect, *fixed]
        return None

    def _score_widths(self, shape: Shape) -> list[int]:
        cell = shape.bar_width + 5 if shape.bar_width else 4
        headers = [p.short if shape.short_headers else p.name for p in self.model.phases]
        return [max(cell, len(h)) for h in headers]


def _score_cell(score: float | None, shape: Shape) -> str:
    if not shape.bar_width:
        return percent(score)
    return f"{bar(score, shape.bar_width)} {percent(score):>4}"


def phase_label(model: Model, aspect: AspectResult) -> Text:
    if aspect.phase is None:
        return Text(TOO_FEW, style="italic")
    label = Text(model.phase(aspect.phase).name, style="bold")
    if aspect.mastered_all:
        label.append(f" {MASTERED_MARK}")
    return label


def legend(model: Model, result: Result, width: int) -> str:
    """What the bars, the dots and the mark mean, and which answers did not count."""
    best = model.scale.points[-1].label
    parts = []
    layout = PhaseTable(model, result).layout(width)
    if layout is not None and layout[0].bar_width:
        parts.append(f"De balk en het percentage: hoe ver een fase is; 100% is overal '{best}'.")
    else:
        parts.append(f"Het percentage per fase: hoe ver die fase is; 100% is overal '{best}'.")
    parts.append(reached_rule(model))
    if any(s is None for a in result.aspects for s in a.scores.values()):
        parts.append(
            f"{UNKNOWN_BAR_CHAR * 3} –: te weinig antwoorden in die fase (minder dan de helft)."
        )
    if any(a.mastered_all for a in result.aspects):
        parts.append(f"{MASTERED_MARK}: alle fasen bereikt.")
    open_ = [f"{a.total - a.answered} bij {a.name}" for a in result.aspects if a.answered < a.total]
    if open_:
        unknown = model.scale.unknown_label
        parts.append(f"Niet meegeteld ('{unknown}' of open), in uitspraken: {joined(open_)}.")
    return " ".join(parts)


def _longest_word(texts: list[str]) -> int:
    return max(len(word) for text in texts for word in text.split())

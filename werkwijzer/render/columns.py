"""A plain table of fixed column widths, for long lists at a terminal (history).

rich's Table measures every cell of every row before it draws one, which takes seconds for ten
thousand scans. Here the widths are set up front: a cell is one or more lines of (text, style),
each cut at its column's width between words where it can, and a row is as tall as its tallest
cell. The result is one rich Text, so colour still appears only on a terminal and NO_COLOR holds.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

Line = tuple[str, str]  # text, style ("" for none)
Cell = Sequence[Line]
GAP = "  "


@dataclass(frozen=True)
class Column:
    header: str
    width: int
    right: bool = False


def cell(text: str, style: str = "") -> Cell:
    return [(text, style)]


def word_width(*texts: str) -> int:
    """The longest word in these texts: a column this wide breaks only between words."""
    return max((cell_len(word) for text in texts for word in text.split()), default=1)


def table(
    columns: Sequence[Column], rows: Iterable[Sequence[Cell]], chunk: int = 250
) -> Iterator[Text]:
    """The table in pieces of `chunk` rows, to print one after another: memory stays small."""
    out = Text()
    _row(out, columns, [cell(c.header, "bold") for c in columns], bottom=True)
    out.append(GAP.join("─" * c.width for c in columns) + "\n")
    for n, row in enumerate(rows, 1):
        _row(out, columns, row)
        if n % chunk == 0:
            yield out
            out = Text()
    yield out


def print_table(
    console: Console, columns: Sequence[Column], rows: Iterable[Sequence[Cell]]
) -> None:
    """Every line whole: a line wider than the terminal is left to the terminal to wrap."""
    for piece in table(columns, rows):
        console.print(piece, soft_wrap=True, end="")


def _row(out: Text, columns: Sequence[Column], cells: Sequence[Cell], bottom: bool = False) -> None:
    lines = [_wrapped(c, column.width) for c, column in zip(cells, columns, strict=False)]
    lines += [[] for _ in columns[len(lines) :]]
    height = max(len(cell_lines) for cell_lines in lines)
    if bottom:  # headers sit on the rule, as in rich's tables
        lines = [[("", "")] * (height - len(c)) + c for c in lines]
    for n in range(height):
        pieces: list[Line] = []
        for column, cell_lines in zip(columns, lines, strict=True):
            text, style = cell_lines[n] if n < len(cell_lines) else ("", "")
            pad = " " * max(0, column.width - cell_len(text))
            text = pad + text if column.right else text + pad
            if pieces:
                text = GAP + text
            if pieces and pieces[-1][1] == style:  # one append per run of one style: fast
                pieces[-1] = (pieces[-1][0] + text, style)
            else:
                pieces.append((text, style))
        while pieces and not pieces[-1][0].strip():
            pieces.pop()  # no trailing blanks
        if pieces:
            pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
        for text, style in pieces:
            out.append(text, style=style or None)
        out.append("\n")


def _wrapped(lines: Cell, width: int) -> list[Line]:
    out: list[Line] = []
    for text, style in lines:
        if cell_len(text) <= width:
            out.append((text, style))
            continue
        out += [(part, style) for part in textwrap.wrap(text, width, break_on_hyphens=False)]
    return out

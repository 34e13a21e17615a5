"""A plain table of fixed column widths, for long lists at a terminal (history).

rich's Table measures every cell of every row before it draws one, which takes seconds for ten
thousand scans. Here the widths are set up front: a cell is one or more lines of (text, style),
each cut at its column's width between words where it can, and a row is as tall as its tallest
cell. Styles are applied only where the console shows them (a terminal, no NO_COLOR); otherwise
the lines are written as they are, which is several times faster still.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rich.cells import cell_len as rich_cell_len
from rich.console import Console
from rich.text import Text

Line = tuple[str, str]  # text, style ("" for none)
Cell = Sequence[Line]
GAP = "  "
CHUNK = 250  # rows printed at a time: memory stays small however long the list


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


def print_table(
    console: Console, columns: Sequence[Column], rows: Iterable[Sequence[Cell]]
) -> None:
    """Every line whole: a line wider than the terminal is left to the terminal to wrap."""
    styled = console.color_system is not None
    for chunk in _chunks(_lines(columns, rows)):
        if styled:
            text = Text()
            for pieces in chunk:
                for piece, style in pieces:
                    text.append(piece, style=style or None)
                text.append("\n")
            console.print(text, soft_wrap=True, end="")
        else:
            console.file.write("".join("".join(p for p, _ in pieces) + "\n" for pieces in chunk))


def _chunks(lines: Iterator[list[Line]]) -> Iterator[list[list[Line]]]:
    chunk: list[list[Line]] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    yield chunk


def _lines(columns: Sequence[Column], rows: Iterable[Sequence[Cell]]) -> Iterator[list[Line]]:
    """The header (on the rule, as in rich's tables), the rule, then the rows: line by line."""
    yield from _row(columns, [cell(c.header, "bold") for c in columns], bottom=True)
    yield [(GAP.join("─" * c.width for c in columns), "")]
    for row in rows:
        yield from _row(columns, row)


def _row(
    columns: Sequence[Column], cells: Sequence[Cell], bottom: bool = False
) -> list[list[Line]]:
    lines = [_wrapped(c, column.width) for c, column in zip(cells, columns, strict=False)]
    lines += [[] for _ in columns[len(lines) :]]
    height = max(len(cell_lines) for cell_lines in lines)
    if bottom:
        lines = [[("", "")] * (height - len(c)) + c for c in lines]
    out = []
    for n in range(height):
        pieces: list[Line] = []
        for column, cell_lines in zip(columns, lines, strict=True):
            text, style = cell_lines[n] if n < len(cell_lines) else ("", "")
            pad = " " * max(0, column.width - cell_len(text))
            text = pad + text if column.right else text + pad
            if pieces:
                text = GAP + text
            if pieces and pieces[-1][1] == style:  # one piece per run of one style
                pieces[-1] = (pieces[-1][0] + text, style)
            else:
                pieces.append((text, style))
        while pieces and not pieces[-1][0].strip():
            pieces.pop()  # no trailing blanks
        if pieces:
            pieces[-1] = (pieces[-1][0].rstrip(), pieces[-1][1])
        out.append(pieces)
    return out


def _wrapped(lines: Cell, width: int) -> list[Line]:
    out: list[Line] = []
    for text, style in lines:
        out += [(part, style) for part in _wrap(text, width)]
    return out


@functools.lru_cache(maxsize=4096)
def _wrap(text: str, width: int) -> tuple[str, ...]:
    """A cell's text cut into lines; cached, as a long list repeats the same phase names."""
    if cell_len(text) <= width:
        return (text,)
    return tuple(textwrap.wrap(text, width, break_on_hyphens=False))


def cell_len(text: str) -> int:
    """Terminal columns of `text`: its length when plain ASCII, else as rich measures it."""
    return len(text) if text.isascii() else rich_cell_len(text)

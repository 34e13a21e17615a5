"""The plain fixed-width table of long lists (render/columns.py): the same lines with colour or
without, cells cut between words, nothing lost on a narrow terminal."""

from __future__ import annotations

import io
import re

from rich.console import Console

from werkwijzer.render.columns import Column, cell, print_table, word_width

ANSI = re.compile(r"\x1b\[[0-9;]*m")
COLUMNS = [Column("Nr", 3, right=True), Column("Naam en school", 12), Column("Fase", 10)]
ROWS = [
    [cell("7"), [("Jan", "bold"), ("OBS De Regenboog", "dim")], cell("Gevorderde fase")],
    [cell("12"), cell("Anouk"), cell("Beginfase")],
]


def printed(color: bool, width: int = 80) -> str:
    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None
    )
    print_table(console, COLUMNS, ROWS)
    return out.getvalue()


def test_with_and_without_colour_the_same_lines() -> None:
    plain, coloured = printed(False), printed(True)
    assert "\x1b[" in coloured and "\x1b[" not in plain
    assert ANSI.sub("", coloured) == plain
    assert plain.splitlines() == [
        "     Naam en",
        " Nr  school        Fase",
        "───  ────────────  ──────────",
        "  7  Jan           Gevorderde",
        "     OBS De        fase",
        "     Regenboog",
        " 12  Anouk         Beginfase",
    ]


def test_a_narrow_terminal_loses_nothing() -> None:
    assert printed(False, width=20) == printed(False, width=80)


def test_word_width() -> None:
    assert word_width("Lerende professionals", "Tussenfase") == len("professionals")

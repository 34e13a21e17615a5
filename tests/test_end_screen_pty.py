"""The last screen of a scan, read from a real pseudo-terminal of 80x24 and 60x24 (pexpect + pyte).

What a person sees when the last statement is answered must hold the essentials: the phase per
aspect, where to begin and why, the first steps and where the answers file is; with a line left
for the shell's prompt.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from werkwijzer.core.model import Model

pexpect = pytest.importorskip("pexpect")
pyte = pytest.importorskip("pyte")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

EXECUTABLE = str(Path(sys.executable).with_name("werkwijzer"))
HINT = "(pijltjes of cijfer, dan Enter)"


class Terminal:
    """A program in a pty of `columns` x `lines`, its output drawn on a pyte screen."""

    def __init__(self, args: list[str], cwd: Path, columns: int, lines: int) -> None:
        env = {
            **os.environ,
            "TERM": "xterm-256color",
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "HOME": str(cwd),
            "WERKWIJZER_DB": str(cwd / "werkwijzer.db"),
        }
        env.pop("COLUMNS", None)
        env.pop("LINES", None)
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            args[0],
            args[1:],
            cwd=str(cwd),
            env=env,
            encoding="utf-8",
            dimensions=(lines, columns),
            timeout=30,
        )

    def expect_exact(self, text: str) -> None:
        self.child.expect_exact(text)
        self.stream.feed(self.child.before + self.child.after)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> int:
        self.child.expect(pexpect.EOF)
        self.stream.feed(self.child.before)
        self.child.close()
        status: int = self.child.exitstatus
        return status

    def rows(self) -> list[str]:
        return [row.rstrip() for row in self.screen.display]


def scan_to_the_end(tmp_path: Path, model: Model, columns: int) -> Terminal:
    places = model.items_for("schoolleider")
    # Koers all 'volledig' (every phase reached), the others in the beginfase, Werken met data
    # lowest of them: the start advice has a reason to give, and statements that hold it there.
    answers = {0: "4", 1: "1", 2: "2", 3: "2"}
    terminal = Terminal(
        [EXECUTABLE, "scan", "--layer", "directeur", "--school", "CBS De Wegwijzer"],
        tmp_path,
        columns,
        24,
    )
    for i, place in enumerate(places):
        terminal.expect_exact(f"totaal {i + 1} van {len(places)}")
        terminal.expect_exact(HINT)
        aspect = [a.id for a in model.aspects].index(place.aspect.id)
        terminal.send(answers[aspect] + "\r")
    assert terminal.finish() == 0
    return terminal


@pytest.mark.parametrize("columns", [80, 60])
def test_the_last_screen_holds_the_essentials(tmp_path: Path, model: Model, columns: int) -> None:
    terminal = scan_to_the_end(tmp_path, model, columns)
    rows = terminal.rows()
    screen = "\n".join(rows)
    assert all(len(row) <= columns for row in rows)
    top = next((n for n, row in enumerate(rows) if row.startswith("Je uitslag in het kort")), None)
    assert top is not None, screen
    # The phase per aspect: each aspect's name and its phase on one row below that.
    phases = {a.id: "Beginfase" for a in model.aspects} | {"koers": "Gevorderde fase ✓"}
    for aspect in model.aspects:
        row = next(r for r in rows[top:] if r.startswith(aspect.name))
        assert row.endswith(phases[aspect.id]), screen
    joined = " ".join(screen.split())
    assert "Begin bij Werken met data, in de beginfase." in joined
    # Why: the start aspect's statements answered below 'grotendeels', with the answer given; on
    # a narrow screen (their lines wrap) at least where to read them.
    if columns >= 80:
        assert "Hierdoor sta je nog in de beginfase:" in joined
        assert "(jouw antwoord: nog niet)" in joined
    else:
        assert "nog in de beginfase" in joined and "--explain" in joined
    assert "Eerste stappen:" in joined and " 1. " in joined
    [path] = tmp_path.glob("werkwijzer-schoolleider-*.yaml")
    # Long lines are left to the terminal to wrap (one line when copied): read them unwrapped.
    assert str(path) in "".join(rows)
    assert "Een verslag in HTML, om te printen of te mailen:" in joined
    # A row is left for the shell's prompt: nothing above has to scroll away for it.
    assert terminal.screen.cursor.y <= len(rows) - 1
    assert rows[terminal.screen.cursor.y] == ""


def test_score_keeps_its_full_output(tmp_path: Path, model: Model) -> None:
    terminal = scan_to_the_end(tmp_path, model, 80)
    [path] = tmp_path.glob("werkwijzer-schoolleider-*.yaml")
    score = Terminal([EXECUTABLE, "score", str(path)], tmp_path, 80, 200)
    assert score.finish() == 0
    shown = "\n".join(score.rows())
    assert "Waar begin je?" in shown and "Wat kun je doen?" in shown
    assert "Je uitslag in het kort" not in shown
    assert "Je uitslag in het kort" in "\n".join(terminal.rows())

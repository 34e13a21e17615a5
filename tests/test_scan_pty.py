"""`werkwijzer scan` end to end in a real pseudo-terminal, typed as a user would (pexpect)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Protocol

import pytest

from werkwijzer.core.answers import AnswerValue, read_answers
from werkwijzer.core.model import ItemPlace, Model

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

EXECUTABLE = str(Path(sys.executable).with_name("werkwijzer"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\r")
HINT = "(pijltjes of cijfer, dan Enter)"


class Child(Protocol):
    """What these tests use of a pexpect.spawn in text mode (pexpect ships no type hints)."""

    before: str
    exitstatus: int | None

    def expect(self, pattern: object) -> int: ...
    def expect_exact(self, pattern: str) -> int: ...
    def send(self, s: str) -> int: ...
    def sendcontrol(self, char: str) -> int: ...
    def close(self) -> None: ...


def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # pexpect does not answer cursor-position requests
        "HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }


def spawn(tmp_path: Path, *args: str) -> Child:
    child: Child = pexpect.spawn(
        EXECUTABLE,
        ["scan", *args],
        cwd=str(tmp_path),
        env=env(tmp_path),
        encoding="utf-8",
        dimensions=(50, 80),
        timeout=30,
    )
    return child


def plain(text: str) -> str:
    return ANSI.sub("", text)


def answer(child: Child, places: list[ItemPlace], index: int, value: AnswerValue) -> None:
    """Wait until statement `index` is asked, then pick `value` with its number key and Enter."""
    child.expect_exact(f"totaal {index + 1} van {len(places)}")
    child.expect_exact(HINT)
    child.send(("5" if value is None else str(value)) + "\r")


def planned(place: ItemPlace, model: Model) -> AnswerValue:
    """Answers that give every aspect a different outcome, 'too few answers' included."""
    by_aspect: dict[str, dict[str, AnswerValue]] = {
        model.aspects[0].id: {"begin": 4, "tussen": 4, "gevorderd": 4},  # all mastered
        model.aspects[1].id: {"begin": 1, "tussen": 1, "gevorderd": 1},  # begin
        model.aspects[2].id: {"begin": 4, "tussen": 2, "gevorderd": 3},  # tussen
        model.aspects[3].id: {"begin": None, "tussen": None, "gevorderd": None},  # too few
    }
    return by_aspect[place.aspect.id][place.phase]


def phases_on_screen(screen: str, model: Model) -> dict[str, str | None]:
    """Per aspect, the phase the result table shows (None: 'te weinig antwoorden').

    At 80 columns the table wraps long aspect names, so a row is found by the name's first word.
    """
    names = {p.name: p.id for p in model.phases}
    alternatives = "|".join(map(re.escape, [*names, "te weinig"]))
    first_words = [a.name.split()[0] for a in model.aspects]
    assert len(set(first_words)) == len(first_words)
    found: dict[str, str | None] = {}
    for aspect, word in zip(model.aspects, first_words, strict=True):
        pattern = rf"^\s*{re.escape(word)}\b[^\n]*?\s{{2,}}({alternatives})"
        match = re.search(pattern, screen, re.MULTILINE)
        assert match, f"no row for {aspect.name} in:\n{screen}"
        found[aspect.id] = names.get(match.group(1))
    return found


def test_complete_scan_scores_to_what_the_screen_showed(tmp_path: Path, model: Model) -> None:
    places = model.items_for("leraar")
    child = spawn(tmp_path, "--layer", "leraar", "--school", "Test")
    child.expect_exact("36 uitspraken")
    for i, place in enumerate(places):
        answer(child, places, i, planned(place, model))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    screen = plain(child.before)
    assert "Waar begin je?" in screen

    [path] = tmp_path.glob("werkwijzer-leraar-*.yaml")
    assert f"werkwijzer score --json {path.name}" in screen
    saved = read_answers(path, model)
    assert saved.school == "Test"
    assert saved.answers == {p.item.id: planned(p, model) for p in places}
    scored = subprocess.run(
        [EXECUTABLE, "score", "--json", str(path)],
        capture_output=True,
        text=True,
        env=env(tmp_path),
        timeout=60,
    )
    assert scored.returncode == 0, scored.stderr
    from_file = {a["id"]: a["phase"] for a in json.loads(scored.stdout)["aspects"]}
    shown = phases_on_screen(screen, model)
    assert shown == from_file
    assert list(shown.values()) == ["gevorderd", "begin", "tussen", None]


def test_ctrl_c_keeps_the_answers_given_and_resume_finishes(tmp_path: Path, model: Model) -> None:
    places = model.items_for("leraar")
    child = spawn(tmp_path, "--layer", "leraar", "--school", "Test")
    given: list[AnswerValue] = [3, None, 1]
    for i, value in enumerate(given):
        answer(child, places, i, value)
    child.expect_exact("totaal 4 van 36")
    child.expect_exact(HINT)
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    stopped = plain(child.before)
    [path] = tmp_path.glob("werkwijzer-leraar-*.yaml")
    assert f"werkwijzer scan --resume {path.name}" in stopped
    first = {places[0].item.id: 3, places[1].item.id: None, places[2].item.id: 1}
    assert read_answers(path, model).answers == first

    child = spawn(tmp_path, "--resume", path.name)
    child.expect_exact("3 van de 36")
    for i in range(3, len(places)):
        answer(child, places, i, 2)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "totaal 3 van 36" not in plain(child.before)
    done = read_answers(path, model)
    assert done.answers == {**first, **{p.item.id: 2 for p in places[3:]}}
    assert done.school == "Test"


def test_without_a_terminal_it_refuses_instead_of_hanging(tmp_path: Path) -> None:
    refused = subprocess.run(
        [EXECUTABLE, "scan"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env(tmp_path),
        timeout=60,
    )
    assert refused.returncode == 2
    assert "werkwijzer score" in refused.stderr
    assert refused.stdout == ""
    assert list(tmp_path.glob("*.yaml")) == []

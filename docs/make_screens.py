"""Draw the screens in docs/handleiding.md from the program itself, or check that they still match.

Each screen in the guide sits between `<!-- scherm: NAME -->` and `<!-- /scherm -->`. Commands
that ask nothing run in-process (typer's CliRunner) at 80 columns; the scan runs in a real
pseudo-terminal of 80x24 whose output a terminal emulator (pyte) draws, so a screen shows what
a person sees. Two things are put in place afterwards so the guide does not change by itself
every day: the temporary folder becomes FOLDER and today's date becomes DAY.

Run:  .venv/bin/python docs/make_screens.py          writes the screens into the guide
      .venv/bin/python docs/make_screens.py --check  exits 1 when a screen has drifted
(pexpect and pyte come with the test extra: pip install -e '.[test]')
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import re
import secrets
import shlex
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "handleiding.md"
FOLDER = "/home/anna/werkwijzer"  # stands in for the folder the screens were made in
DAY = dt.date(2026, 12, 2)  # stands in for the day they were made
WIDTH, HEIGHT = 80, 24
WELCOME_HEIGHT = 30  # the welcome is taller than 24 rows; the guide shows all of it
MARKER = re.compile(r"(<!-- scherm: (?P<name>[\w-]+) -->\n)(?P<body>.*?)(<!-- /scherm -->)", re.S)
HINT = "(pijltjes of cijfer, dan Enter)"
TYPED = "> "  # before what the reader types, as the guide explains
LAST_CHOICE = "Toelichting schrijven bij deze uitspraak"  # the last line of the first menu

# The answers of the example scan, per aspect (model order) and phase: a school with a clear
# start (Werken met data) and one aspect far along.
PLAN = [
    {"begin": "4", "tussen": "3", "gevorderd": "2"},
    {"begin": "3", "tussen": "2", "gevorderd": "1"},
    {"begin": "4", "tussen": "4", "gevorderd": "2"},
    {"begin": "4", "tussen": "2", "gevorderd": "2"},
]


class Place:
    """The temporary folder the commands run in, and how to show it in the guide."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def clean(self, text: str) -> str:
        today = dt.date.today()
        text = text.replace(str(self.folder), FOLDER)
        text = text.replace(today.isoformat(), DAY.isoformat())
        from werkwijzer.render.text import dutch_date

        text = text.replace(dutch_date(today), dutch_date(DAY))
        lines = [line.rstrip() for line in text.splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines) + "\n"


# --- commands that ask nothing ---------------------------------------------------------------


def cli(place: Place, *args: str) -> str:
    """A command's stdout and stderr as a terminal of 80 columns shows them (no colour)."""
    from typer.testing import CliRunner

    from werkwijzer.cli.app import app

    env = {
        "COLUMNS": str(WIDTH),
        "NO_COLOR": "1",
        "WERKWIJZER_DB": str(place.folder / "werkwijzer.db"),
    }
    with _cwd(place.folder):
        result = CliRunner().invoke(app, list(args), env=env)
    typed = " ".join(["werkwijzer", *(shlex.quote(a) for a in args)])
    return place.clean(f"{TYPED}{typed}\n{result.stdout}{result.stderr}")


@contextlib.contextmanager
def _cwd(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def until(text: str, last: str) -> str:
    """The screen up to and with the line that holds `last` (a long output shown in part)."""
    lines = text.splitlines()
    end = next(i for i, line in enumerate(lines) if last in line)
    return "\n".join(lines[: end + 1]) + "\n"


# --- the scan in a terminal ------------------------------------------------------------------


class Terminal:
    """`werkwijzer ...` in a pty of 80x24, drawn by pyte; `werkwijzer` is on the PATH."""

    def __init__(self, place: Place, *args: str, height: int = HEIGHT) -> None:
        import pexpect
        import pyte

        program = Path(sys.executable).with_name("werkwijzer")
        env = {
            "PATH": f"{program.parent}{os.pathsep}/usr/bin{os.pathsep}/bin",
            "HOME": str(place.folder),
            "TERM": "xterm-256color",
            "NO_COLOR": "1",
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "LANG": "C.UTF-8",
            "WERKWIJZER_DB": str(place.folder / "werkwijzer.db"),
            "WERKWIJZER_CACHE": str(place.folder / "cache"),
        }
        self.screen = pyte.Screen(WIDTH, height)
        self.stream = pyte.Stream(self.screen)
        self.child = pexpect.spawn(
            str(program),
            list(args),
            cwd=str(place.folder),
            env=env,
            encoding="utf-8",
            dimensions=(height, WIDTH),
            timeout=60,
        )
        self.place = place

    def expect(self, text: str) -> None:
        self.child.expect_exact(text)
        self.stream.feed(self.child.before + self.child.after)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def finish(self) -> None:
        import pexpect

        self.child.expect(pexpect.EOF)
        self.stream.feed(self.child.before)
        self.child.close()

    def shown(self) -> str:
        return self.place.clean("\n".join(self.screen.display))


def scan_screens(place: Place) -> dict[str, str]:
    """The welcome, a statement, the stop message and the last screen of an example scan."""
    from werkwijzer.core.model_load import load_model

    model = load_model()
    places = model.items_for("schoolleider")
    aspects = [a.id for a in model.aspects]
    screens: dict[str, str] = {}

    welcome = Terminal(place, "scan", height=WELCOME_HEIGHT)
    welcome.expect("Jouw rol:")
    welcome.expect("Leraar")
    screens["welkom"] = welcome.shown()
    welcome.send("\x03")
    welcome.finish()

    first = Terminal(place, "scan")
    first.expect("Jouw rol:")
    first.expect("Leraar")
    first.send("2\r")
    first.expect("Naam van je school")
    first.send("CBS De Wegwijzer\r")
    first.expect("totaal 1 van")
    first.expect(LAST_CHOICE)
    screens["uitspraak"] = first.shown()
    for i, item in enumerate(places[:5]):
        if i:
            first.expect(f"totaal {i + 1} van")
            first.expect(HINT)
        first.send(PLAN[aspects.index(item.aspect.id)][item.phase] + "\r")
    first.expect("totaal 6 van")
    first.expect(HINT)
    first.send("\x03")
    first.finish()
    screens["gestopt"] = first.shown()

    [path] = place.folder.glob("werkwijzer-schoolleider-*.yaml")
    rest = Terminal(place, "scan", "--resume", path.name)
    for i, item in enumerate(places[5:], 5):
        rest.expect(f"totaal {i + 1} van")
        rest.expect(HINT)
        rest.send(PLAN[aspects.index(item.aspect.id)][item.phase] + "\r")
    rest.finish()
    screens["einde"] = rest.shown()
    return screens


def at_terminal(place: Place, *args: str) -> str:
    """A command that behaves as on a terminal (export writes an HTML file there), as typed."""
    terminal = Terminal(place, *args)
    terminal.finish()
    typed = " ".join(["werkwijzer", *(shlex.quote(a) for a in args)])
    return place.clean(f"{TYPED}{typed}\n{terminal.shown()}")


# Five teachers of the same school: each a step away from the school leader's answers, so the
# team report has something to talk about.
TEACHER_STEPS = [(0, -1, 0), (-1, 0, 1), (1, 0, -1), (0, 1, -1), (-1, -1, 0)]


def team_folder(place: Place, leader: Path) -> Path:
    """A folder `team` with the school leader's answers and those of five teachers."""
    from werkwijzer.core.answers import Answers, AnswerValue, write_answers
    from werkwijzer.core.model_load import load_model

    model = load_model()
    aspects = [a.id for a in model.aspects]
    team = place.folder / "team"
    team.mkdir()
    shutil.copy(leader, team / leader.name)
    for n, steps in enumerate(TEACHER_STEPS, 1):
        answers: dict[str, AnswerValue] = {}
        for i, item in enumerate(model.items_for("leraar")):
            planned = int(PLAN[aspects.index(item.aspect.id)][item.phase])
            answers[item.item.id] = min(4, max(1, planned + steps[i % 3]))  # type: ignore[assignment]
        teacher = Answers(
            layer="leraar",
            school="CBS De Wegwijzer",
            date=DAY,
            model_version=model.version,
            answers=answers,
        )
        write_answers(team / f"leraar-{n}.yaml", teacher, model)
    return team


# --- all screens -----------------------------------------------------------------------------


def screens(place: Place) -> dict[str, str]:
    """Every screen of the guide, by the name its marker gives."""
    shown = scan_screens(place)
    [path] = place.folder.glob("werkwijzer-schoolleider-*.yaml")
    team_folder(place, path)
    makers: dict[str, Callable[[], str]] = {
        "begroeting": lambda: cli(place),
        "uitslag": lambda: until(cli(place, "score", path.name), "Wat kun je doen?"),
        "verslag": lambda: at_terminal(place, "export", path.name),
        "teamverslag": lambda: at_terminal(place, "export", "team"),
        "formulier": lambda: at_terminal(place, "form", "--school", "CBS De Wegwijzer"),
        "geschiedenis": lambda: cli(place, "history", "--scans"),
        "laag-onbekend": lambda: cli(place, "actions", "-a", "koers", "-l", "conciërge"),
    }
    shown.update({name: make() for name, make in makers.items()})
    return shown


def fill(guide: str, made: dict[str, str]) -> str:
    """The guide with every marked screen replaced by the one just made."""

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in made:
            raise SystemExit(f"docs/handleiding.md: onbekend scherm '{name}'")
        return f"{match[1]}```text\n{made[name]}```\n{match[4]}"

    return MARKER.sub(replace, guide)


@contextlib.contextmanager
def stand_in_folder() -> Iterator[Path]:
    """A new temporary folder whose full path is as long as FOLDER: a long line then wraps on
    the screen where it would wrap in FOLDER, and putting FOLDER in its place changes nothing
    else."""
    base = Path(tempfile.gettempdir()).resolve()
    room = len(FOLDER) - len(str(base)) - 1
    if room < 8:
        raise SystemExit(f"{base}: de map voor tijdelijke bestanden heeft een te lange naam")
    for _ in range(100):
        folder = base / ("ww" + secrets.token_hex(room)[: room - 2])
        try:
            folder.mkdir()
        except FileExistsError:
            continue
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    raise SystemExit("geen vrije tijdelijke map gevonden")


def made_guide() -> tuple[str, str]:
    """(the guide as it is, the guide with freshly made screens)."""
    guide = GUIDE.read_text(encoding="utf-8")
    with stand_in_folder() as folder:
        made = screens(Place(folder))
    return guide, fill(guide, made)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on drift")
    args = parser.parse_args()
    guide, fresh = made_guide()
    if args.check:
        if guide != fresh:
            print("docs/handleiding.md: de schermen zijn verouderd; draai docs/make_screens.py")
            raise SystemExit(1)
        print("docs/handleiding.md: alle schermen kloppen")
        return
    GUIDE.write_text(fresh, encoding="utf-8")
    print(f"{GUIDE.relative_to(REPO)}: {len(MARKER.findall(fresh))} schermen geschreven")


if __name__ == "__main__":
    main()

"""Installed the README's way (a venv that is not activated), every command the tool prints works.

The README's install command is typed into bash in a real pseudo-terminal, in a copy of the
project. The scan is stopped and continued with the command as printed, finished, and then each
command on the last screens is pasted into the same shell, exactly as printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")

REPO = Path(__file__).resolve().parent.parent
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][A-Za-z0-9]|\x1b[=>]|\r")
PROMPT = "PROMPT> "
HINT = "(pijltjes of cijfer, dan Enter)"


def readme_install_command() -> str:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- install-command -->")[1].split("<!-- /install-command -->")[0]
    [line] = [x.strip() for x in block.splitlines() if x.strip()]
    return line


def project_copy(dest: Path) -> Path:
    """The project's own files (what a clone holds), without caches or a venv."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip("needs a git checkout to copy the project from")
    for name in listed.stdout.splitlines():
        source = REPO / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def plain(text: str) -> str:
    return ANSI.sub("", text)


class Shell:
    """bash in a pty: no profile, a PATH without werkwijzer, a prompt that is easy to find."""

    def __init__(self, cwd: Path, home: Path) -> None:
        path = os.pathsep.join(
            p
            for p in os.environ.get("PATH", "").split(os.pathsep)
            if p and not (Path(p) / "werkwijzer").exists()
        )
        env = {
            "PATH": path,
            "HOME": str(home),
            "TERM": "xterm-256color",
            "NO_COLOR": "1",
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "WERKWIJZER_DB": str(home / "werkwijzer.db"),
            "WERKWIJZER_CACHE": str(home / "cache"),
            "PS1": PROMPT,
            "LANG": "C.UTF-8",
        }
        for name in ("PIP_CONFIG_FILE", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS"):
            if name in os.environ:  # how this machine reaches its package index
                env[name] = os.environ[name]
        self.child = pexpect.spawn(
            "bash",
            ["--norc", "--noprofile"],
            cwd=str(cwd),
            env=env,
            encoding="utf-8",
            dimensions=(50, 200),
            timeout=60,
        )
        self.child.expect_exact(PROMPT)
        self.seen = ""

    def expect(self, text: str, timeout: int = 60) -> str:
        self.child.expect_exact(text, timeout=timeout)
        out = plain(self.child.before)
        self.seen += out + text
        return out

    def run(self, line: str, timeout: int = 60) -> tuple[int, str]:
        """Type `line` as pasted, then ask the shell for its exit code."""
        self.child.send(line + "\r")
        out = self.expect(PROMPT, timeout)
        self.child.send("echo rc=$?\r")
        code = self.expect(PROMPT)
        return int(re.findall(r"rc=(\d+)", code)[-1]), out

    def answer(self, total: int, first: int, last: int, value: str) -> None:
        for i in range(first, last):
            self.expect(f"totaal {i + 1} van {total}")
            self.expect(HINT)
            self.child.send(value + "\r")


def printed_commands(text: str, program: str) -> list[str]:
    """The lines that start with the program, as printed (indented, on a line of their own)."""
    return [m.group(1) for m in re.finditer(rf"^ +({re.escape(program)} .*?) *$", text, re.M)]


def test_every_printed_command_works_after_the_readme_install(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "werkwijzer")
    home = tmp_path / "home"
    home.mkdir()
    shell = Shell(project, home)
    total = 36

    # The README's command, typed as a newcomer does: install, then the scan starts.
    shell.child.send(readme_install_command() + "\r")
    shell.expect("Vanuit welke rol", timeout=600)
    shell.expect(HINT)
    shell.child.send("2\r")  # Schoolleider
    shell.expect("Naam van je school")
    shell.child.send("CBS De Proef\r")
    shell.answer(total, 0, 3, "3")
    shell.expect(f"totaal 4 van {total}")
    shell.expect(HINT)
    shell.child.sendcontrol("c")
    stopped = shell.expect(PROMPT)
    program = str((project / ".venv" / "bin" / "werkwijzer").resolve())
    [resume] = printed_commands(stopped, program)
    assert resume.startswith(f"{program} scan --resume ")

    # Go on with the command exactly as printed, in the same terminal.
    shell.child.send(resume + "\r")
    shell.expect("Welkom terug")
    shell.answer(total, 3, total, "2")
    shell.expect("Een verslag in HTML, om te printen of te mailen:")
    shell.expect(PROMPT)
    screens = shell.seen[shell.seen.rindex("Klaar: alle") :]
    commands = printed_commands(screens, program)
    assert "command not found" not in shell.seen
    words = {c.split()[1] for c in commands}
    assert {"score", "history", "export", "actions", "instruments"} <= words, commands
    assert "-o" not in next(c for c in commands if " export " in c).split()  # a terminal: HTML

    # Each command as printed; then the commands those print in turn (one level more).
    todo, done = list(commands), set()
    while todo:
        line = todo.pop(0)
        if line in done:
            continue
        done.add(line)
        print(line)  # shown with -s: which commands were pasted
        code, out = shell.run(line)
        assert code == 0, f"{line}\n{out}"
        assert "command not found" not in out and "niet gevonden" not in out, out
        if line in commands:
            todo += printed_commands(out, program)
    assert len(done) > len(commands)
    [report] = project.glob("rapport-werkwijzer-schoolleider-*.html")
    assert report.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    answers = report.name.removeprefix("rapport-").replace(".html", ".yaml")
    assert str(project / answers) in screens  # where the file is

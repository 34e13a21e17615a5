"""Broken environments: output encodings other than UTF-8, output that goes away, closed streams.

These run werkwijzer as a real process, because the streams are the process's own. The numbers
are the findings of issue 16.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, answers_for, write_answers_file

from werkwijzer.core.model import Model

EXAMPLE = REPO / "examples" / "leraar-obs-de-regenboog.yaml"


def werkwijzer(
    *args: str, env: dict[str, str] | None = None, shell_redirect: str = "", cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """The installed command as a shell runs it; `shell_redirect` is added to the command line."""
    command = " ".join([f"'{sys.executable}'", "-m", "werkwijzer", *(f"'{a}'" for a in args)])
    return subprocess.run(
        ["bash", "-c", f"{command} {shell_redirect}"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(REPO), **(env or {})},
        cwd=cwd,
        timeout=120,
        check=False,
    )


@pytest.fixture
def db(tmp_path: Path, model: Model) -> Path:
    """A database with two scans, for compare."""
    path = tmp_path / "s.db"
    files = []
    for n, value in enumerate((2, 4)):
        files.append(
            write_answers_file(
                tmp_path / f"r{n}.yaml",
                model,
                answers_for(model, "leraar", value, school="OBS Één"),
            )
        )
    done = werkwijzer("import", "--db", str(path), *map(str, files))
    assert done.returncode == 0, done.stderr
    return path


# --- 18: output encodings -----------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["cp1252", "ascii", "latin-1"])
def test_18_other_output_encodings(encoding: str, db: Path) -> None:
    env = {"PYTHONIOENCODING": encoding}
    for args in (
        ["score", str(EXAMPLE)],
        ["compare", "1", "2", "--db", str(db)],
        ["history", "--db", str(db)],
        ["aspects"],
        ["actions", "-a", "koers", "-l", "leraar", "-p", "begin"],
        ["--help"],
        ["score", "--help"],
    ):
        done = werkwijzer(*args, env=env)
        assert done.returncode == 0, (args, done.stderr.decode(encoding, "replace"))
        assert done.stdout.decode(encoding)  # what came out is text in that encoding
        assert b"Traceback" not in done.stderr
    # A document (markdown, CSV) is a file's content: UTF-8, whatever the terminal's encoding.
    done = werkwijzer("compare", "1", "2", "--db", str(db), "--markdown", env=env)
    assert done.returncode == 0 and "Vergelijking" in done.stdout.decode("utf-8")


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_18_json_stays_exact_in_any_encoding(encoding: str) -> None:
    plain = werkwijzer("score", "--json", str(EXAMPLE))
    other = werkwijzer("score", "--json", str(EXAMPLE), env={"PYTHONIOENCODING": encoding})
    assert other.returncode == 0, other.stderr
    assert json.loads(other.stdout.decode(encoding)) == json.loads(plain.stdout.decode("utf-8"))


def test_18_a_message_in_another_encoding(tmp_path: Path) -> None:
    bad = tmp_path / "één.yaml"
    bad.write_text("format: werkwijzer-answers/1\nlayer: geen\n", encoding="utf-8")
    done = werkwijzer("score", str(bad), env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 2
    assert b"laag 'geen' is onbekend" in done.stderr


# --- 25: output that goes away ------------------------------------------------------------------


def test_25_a_reader_that_stops_early_is_no_error(model: Model, tmp_path: Path) -> None:
    # Big enough to fill the pipe: the writer is still writing when `head` has gone.
    folder = tmp_path / "team"
    folder.mkdir()
    for n in range(40):
        write_answers_file(
            folder / f"r{n}.yaml",
            model,
            answers_for(model, "leraar", 1 + n % 4, respondent=f"R{n}"),
        )
    for args in (
        ["score", str(EXAMPLE)],
        ["score", "--json", str(EXAMPLE)],
        ["export", str(folder), "-f", "csv"],
        ["actions", "-a", "koers"],
        ["--help"],
    ):
        done = werkwijzer(*args, shell_redirect="| head -c 10; exit ${PIPESTATUS[0]}")
        assert done.returncode == 0, (args, done.stderr)
        assert done.stderr == b"", (args, done.stderr)


def test_25_a_full_disk_behind_stdout() -> None:
    for args in (
        ["score", str(EXAMPLE)],
        ["score", "--json", str(EXAMPLE)],
        ["export", str(EXAMPLE)],
    ):
        done = werkwijzer(*args, shell_redirect="> /dev/full")
        assert done.returncode == 2, (args, done.stderr)
        assert done.stderr == b"De uitvoer kon niet geschreven worden: de schijf is vol.\n"


def test_25_a_closed_stdout() -> None:
    done = werkwijzer("score", str(EXAMPLE), shell_redirect=">&-")
    assert done.returncode == 2, done.stderr
    assert b"de standaarduitvoer is gesloten" in done.stderr
    assert b"Traceback" not in done.stderr


def test_25_a_closed_stderr_does_not_hide_the_result(tmp_path: Path) -> None:
    done = werkwijzer("score", "--json", str(EXAMPLE), shell_redirect="2>&-")
    assert done.returncode == 0
    assert json.loads(done.stdout)["format"] == "werkwijzer-result/1"
    bad = tmp_path / "kapot.yaml"
    bad.write_text("geen: antwoorden\n")
    assert werkwijzer("score", str(bad), shell_redirect="2>&-").returncode == 2


def test_25_a_closed_stdin(tmp_path: Path) -> None:
    done = werkwijzer("score", "-", shell_redirect="<&-")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr


def test_25_a_closed_stdout_leaves_a_written_report_alone(tmp_path: Path) -> None:
    report = tmp_path / "rapport.md"
    done = werkwijzer("export", str(EXAMPLE), "-o", str(report), shell_redirect=">&-")
    assert done.returncode == 0, done.stderr
    assert report.read_text(encoding="utf-8").startswith("# ")

"""Commands to paste: the program as it can be started from here, file names as they can be typed."""

from __future__ import annotations

import os
import shlex
import stat
import sys
from pathlib import Path

import pytest

from werkwijzer.core import invocation

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX paths and quoting")


def script(folder: Path) -> Path:
    """A file called werkwijzer that could be run, as pip puts it in a venv's bin folder."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "werkwijzer"
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def program(argv0: str, path_env: str, executable: str = "/usr/bin/python3") -> str:
    invocation._program.cache_clear()
    return invocation._program(argv0, executable, path_env)


def test_a_venv_that_is_not_on_the_path_gives_the_full_path(tmp_path: Path) -> None:
    venv = script(tmp_path / "venv" / "bin")
    assert program(str(venv), "/usr/bin:/bin") == str(venv.resolve())


def test_a_relative_start_gives_the_full_path_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    venv = script(tmp_path / ".venv" / "bin")
    monkeypatch.chdir(tmp_path)
    assert program(".venv/bin/werkwijzer", "/usr/bin") == str(venv.resolve())


def test_the_same_program_on_the_path_is_just_its_name(tmp_path: Path) -> None:
    venv = script(tmp_path / "venv" / "bin")
    assert program(str(venv), f"/usr/bin:{venv.parent}") == "werkwijzer"


def test_another_werkwijzer_on_the_path_is_not_trusted(tmp_path: Path) -> None:
    venv = script(tmp_path / "venv" / "bin")
    other = script(tmp_path / "pipx" / "bin")
    assert program(str(venv), str(other.parent)) == str(venv.resolve())


def test_a_path_with_spaces_is_one_shell_word(tmp_path: Path) -> None:
    venv = script(tmp_path / "mijn map" / "bin")
    shown = program(str(venv), "/usr/bin")
    assert shlex.split(shown) == [str(venv.resolve())]


def test_python_dash_m_is_repeated_as_such() -> None:
    main = str(Path(invocation.__file__).parent.parent / "__main__.py")
    assert program(main, "/usr/bin", "/opt/py/bin/python3") == "/opt/py/bin/python3 -m werkwijzer"


def test_inside_another_program_it_is_the_plain_name() -> None:
    assert program("/usr/lib/python3/site-packages/pytest/__main__.py", "") == "werkwijzer"


def test_file_names_are_short_here_and_absolute_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert invocation.file_arg(Path("a.yaml")) == "a.yaml"
    assert invocation.file_arg(tmp_path / "a.yaml") == "a.yaml"
    (tmp_path / "sub").mkdir()
    assert invocation.file_arg(Path("sub/a.yaml")) == str(tmp_path / "sub" / "a.yaml")
    odd = tmp_path / "OBS 't Kompas" / "a.yaml"
    assert shlex.split(invocation.file_arg(odd)) == [str(odd)]


def test_command_joins_program_words_and_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "argv", [str(script(tmp_path / "v" / "bin"))])
    monkeypatch.setenv("PATH", "/usr/bin")
    invocation._program.cache_clear()
    line = invocation.command("scan", "--resume", Path("mijn antwoorden.yaml"))
    assert shlex.split(line) == [
        str((tmp_path / "v" / "bin" / "werkwijzer").resolve()),
        "scan",
        "--resume",
        "mijn antwoorden.yaml",
    ]
    invocation._program.cache_clear()
    assert os.environ["PATH"] == "/usr/bin"

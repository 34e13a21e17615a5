"""Writes respect what is there (finding 8 of issue 16): through a symlink to its target, with the
file's own permissions, never over a device, a folder or a pipe."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import answers_for, run, write_answers_file

from werkwijzer.core.atomic import NotRegularFile, atomic_write_bytes
from werkwijzer.core.model import Model


def test_08_a_symlinked_report_is_written_through_the_link(tmp_path: Path, model: Model) -> None:
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    shared = tmp_path / "gedeeld"
    shared.mkdir()
    target = shared / "rapport.md"
    target.write_text("oud\n")
    link = tmp_path / "rapport.md"
    link.symlink_to(target)
    result = run("export", str(file), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in shared.iterdir()) == ["rapport.md"]  # no temp file left


def test_08_a_symlinked_answers_file_stays_a_link(tmp_path: Path, model: Model) -> None:
    target = tmp_path / "echt.yaml"
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    from werkwijzer.core.answers import read_answers, write_answers

    answers = answers_for(model, "leraar", 2)
    write_answers(link, answers, model)
    assert link.is_symlink() and read_answers(target, model) == answers


def test_08_a_dangling_link_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "nieuw")
    atomic_write_bytes(link, b"x")
    assert link.is_symlink() and (tmp_path / "nieuw").read_bytes() == b"x"


def test_08_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "rapport.md"
    path.write_text("oud")
    path.chmod(0o640)
    atomic_write_bytes(path, b"nieuw")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_bytes() == b"nieuw"


def test_08_a_pipe_or_a_folder_is_never_replaced(tmp_path: Path, model: Model) -> None:
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    fifo = tmp_path / "pijp.md"
    os.mkfifo(fifo)
    result = run("export", str(file), "-o", str(fifo))
    assert result.exit_code == 2 and "geen gewoon bestand" in result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    with pytest.raises(NotRegularFile):
        atomic_write_bytes(tmp_path, b"x")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can make a device node")
def test_08_a_device_node_is_never_replaced(tmp_path: Path, model: Model) -> None:
    file = write_answers_file(tmp_path / "jan.yaml", model, answers_for(model, "leraar"))
    node = tmp_path / "apparaat.md"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    result = run("export", str(file), "-o", str(node))
    assert result.exit_code == 2 and "geen gewoon bestand" in result.stderr
    assert stat.S_ISCHR(node.lstat().st_mode)

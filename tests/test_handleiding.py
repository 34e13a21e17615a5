"""The Dutch user guide: its screens are the program's own, and it is found from the README."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO
from markdown_it import MarkdownIt

GUIDE = REPO / "docs" / "handleiding.md"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the scan screens need a pty")


def make_screens() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_screens", REPO / "docs" / "make_screens.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.pty  # the scan's screens are drawn in a real pseudo-terminal
def test_every_screen_in_the_guide_is_what_the_program_shows_now() -> None:
    pytest.importorskip("pexpect")
    pytest.importorskip("pyte")
    guide, fresh = make_screens().made_guide()
    if guide != fresh:
        import difflib

        diff = "".join(difflib.unified_diff(guide.splitlines(True), fresh.splitlines(True), n=1))
        pytest.fail(f"Draai docs/make_screens.py; deze schermen zijn veranderd:\n{diff[:4000]}")


def test_the_guide_has_every_screen_it_names() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    names = re.findall(r"<!-- scherm: ([\w-]+) -->", text)
    assert len(names) == len(set(names)) >= 10
    assert text.count("<!-- /scherm -->") == len(names)
    bodies = re.findall(r"<!-- scherm: [\w-]+ -->\n```text\n(.*?)```\n<!-- /scherm -->", text, re.S)
    assert len(bodies) == len(names) and all(body.strip() for body in bodies)
    assert all(len(line) <= 80 for body in bodies for line in body.splitlines())


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to '-'."""
    kept = re.sub(r"[^\w\- ]", "", heading.lower())
    return kept.replace(" ", "-")


def test_the_guide_links_to_its_own_sections() -> None:
    tokens = MarkdownIt().parse(GUIDE.read_text(encoding="utf-8"))
    headings = {
        _slug(tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"
    }
    anchors = set(re.findall(r"\]\(#([^)]+)\)", GUIDE.read_text(encoding="utf-8")))
    assert anchors and anchors <= headings, anchors - headings


def test_the_guide_names_only_commands_that_exist() -> None:
    from typer.main import get_command

    from werkwijzer.cli.app import app

    group = get_command(app)
    import typer

    known = set(group.list_commands(typer.Context(group)))  # type: ignore[attr-defined]
    named = set(re.findall(r"`werkwijzer ([a-z]+)", GUIDE.read_text(encoding="utf-8")))
    assert named and named <= known, named - known


def test_the_readme_points_to_the_guide_in_dutch_at_the_top() -> None:
    first = (REPO / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    top = " ".join(first)
    assert "(docs/handleiding.md)" in top and "handleiding" in top and "Nederlands" in top
    assert Path(REPO / "docs" / "handleiding.md").exists()

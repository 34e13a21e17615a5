"""werkwijzer as a library: every public name resolves, and the README's example runs."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from conftest import EXAMPLES, REPO

import werkwijzer


@pytest.mark.parametrize("name", werkwijzer.__all__)
def test_every_public_name_resolves(name: str) -> None:
    assert getattr(werkwijzer, name) is not None


def test_all_lists_exactly_the_exports() -> None:
    assert set(werkwijzer.__all__) == {"__version__", *werkwijzer._EXPORTS}


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError):
        werkwijzer.no_such_thing  # noqa: B018


def test_the_readme_example_runs(tmp_path: pytest.TempPathFactory) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Using werkwijzer from Python")
    [code] = re.findall(r"```python\n(.*?)```", readme[start:], flags=re.S)[:1]
    example = EXAMPLES / "schoolleider-obs-de-regenboog.yaml"
    code = code.replace('"antwoorden.yaml"', repr(str(example)))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "start" in done.stdout.lower() or "Start" in done.stdout


def test_importing_the_package_imports_no_core_module() -> None:
    code = "import sys, werkwijzer; print(sorted(m for m in sys.modules if m.startswith('werkwijzer.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

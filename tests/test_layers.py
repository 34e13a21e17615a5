"""The house: four wings that import only downward, and no import cycles anywhere.

    cli -> interactive -> render -> core

Checked statically over the source (every import, also those inside functions), so a lazy import
cannot hide an arrow that points the wrong way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = REPO / "werkwijzer"
WINGS = ("core", "render", "interactive", "cli")  # lowest first
UI_LIBRARIES = ("typer", "rich", "questionary", "prompt_toolkit", "click")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def type_checking_nodes(tree: ast.AST) -> set[ast.AST]:
    """The nodes under `if TYPE_CHECKING:`, which never run."""
    return {
        inner
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name)
        if node.test.id == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }


def imports_of(path: Path, *, runtime_only: bool = False) -> set[str]:
    """The modules `path` imports; `runtime_only` leaves out imports for type checkers."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = type_checking_nodes(tree) if runtime_only else set()
    found: set[str] = set()
    for node in ast.walk(tree):
        if node in skipped:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from werkwijzer.core import lookup` imports the module werkwijzer.core.lookup.
            found |= {
                f"{node.module}.{a.name}"
                for a in node.names
                if f"{node.module}.{a.name}" in MODULES
            }
    return found


def wing(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "werkwijzer" and parts[1] in WINGS else None


@pytest.mark.parametrize("module", sorted(m for m in MODULES if wing(m)))
def test_a_wing_imports_only_its_own_and_lower_wings(module: str) -> None:
    own = wing(module)
    assert own is not None
    mine = WINGS.index(own)
    upward = [
        imported
        for imported in imports_of(MODULES[module])
        if (other := wing(imported)) is not None and WINGS.index(other) > mine
    ]
    assert not upward, f"{module} imports upward: {upward}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if wing(m) == "core"))
def test_the_core_imports_no_user_interface_library(module: str) -> None:
    ui = [i for i in imports_of(MODULES[module]) if i.split(".")[0] in UI_LIBRARIES]
    assert not ui, f"{module} imports {ui}"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if wing(m) == "render"))
def test_renderers_prompt_no_one(module: str) -> None:
    prompts = [
        i
        for i in imports_of(MODULES[module])
        if i.split(".")[0] in ("questionary", "prompt_toolkit", "typer")
    ]
    assert not prompts, f"{module} imports {prompts}"


def test_there_is_no_import_cycle() -> None:
    graph = {
        m: {i for i in imports_of(p, runtime_only=True) if i in MODULES and i != m}
        for m, p in MODULES.items()
    }
    # A package's __init__ is imported with its modules; it must not import them back.
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                raise AssertionError(f"import cycle: {' -> '.join(cycle)}")
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_every_module_says_what_it_holds() -> None:
    silent = [m for m, p in MODULES.items() if ast.get_docstring(ast.parse(p.read_text())) is None]
    assert not silent, f"modules without a docstring: {silent}"

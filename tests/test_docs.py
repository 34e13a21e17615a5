"""The README against the program: every command in its table, every option it names exists.

As sqlite-utils does: the reference is checked against the app itself, so the two cannot drift.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from conftest import REPO

from werkwijzer.cli.app import app

README = (REPO / "README.md").read_text(encoding="utf-8")
# typer 0.28 carries its own copy of click, so the commands are read by their attributes.
COMMANDS: dict[str, Any] = dict(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def options_of(command: Any) -> set[str]:
    return {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}


def commands_table() -> str:
    start = README.index("## Commands")
    return README[start : README.index("\n## ", start + 1)]


def test_every_command_is_in_the_readme_table() -> None:
    table = commands_table()
    missing = [name for name in COMMANDS if not re.search(rf"`(werkwijzer )?{name}\b", table)]
    assert not missing, f"not in the README's command table: {missing}"


def test_every_command_in_the_readme_table_exists() -> None:
    named = set(re.findall(r"`werkwijzer ([a-z]+)", commands_table()))
    named |= set(re.findall(r"/ `([a-z]+)`", commands_table()))
    assert named - set(COMMANDS) == set()


def test_every_command_has_dutch_help() -> None:
    for name, command in COMMANDS.items():
        assert command.help and command.help.strip(), name
        for param in command.params:
            if param.param_type_name == "option" and param.name != "help":
                assert param.help, f"{name} {param.opts}: no help text"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_of_a_command_is_in_the_readme(name: str) -> None:
    # The completion options are typer's own and documented by it.
    options = options_of(COMMANDS[name]) - {"--help", "-h"}
    undocumented = sorted(o for o in options if o.startswith("--") and f"`{o}" not in README)
    undocumented = [o for o in undocumented if not re.search(rf"[\s\[(`]{re.escape(o)}\b", README)]
    assert not undocumented, f"werkwijzer {name}: options not in the README: {undocumented}"


def usage_lines() -> list[tuple[str, str]]:
    """(command, line) for each usage line in the README: `werkwijzer CMD [--opt ...] ...`."""
    found = []
    for block in re.findall(r"```\n(werkwijzer .*?)```", README, flags=re.S):
        command = block.split()[1]
        found += [(command, line) for line in block.splitlines()]
    found += [
        (m[0], m[1]) for m in re.findall(r"^#+ `werkwijzer ([a-z]+)([^`]*)`", README, flags=re.M)
    ]
    return found


def test_the_readme_names_no_option_a_command_lacks() -> None:
    wrong = []
    for command, line in usage_lines():
        if command not in COMMANDS:
            continue
        known = options_of(COMMANDS[command])
        wrong += [
            (command, o) for o in re.findall(r"(?<![\w-])--[a-z][a-z-]*", line) if o not in known
        ]
    assert not wrong, f"the README shows options these commands do not have: {wrong}"

"""No English text of typer or click reaches a user: every --help, every kind of usage error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import command_names, run

# Phrases of typer's and click's own texts (help, usage errors, completion), as whole words.
ENGLISH = [
    r"Usage",
    r"Options",
    r"Commands",
    r"Arguments",
    r"Show this message",
    r"and exit",
    r"No such (option|command)",
    r"Did you mean",
    r"Possible options",
    r"Missing (argument|option|parameter|command)",
    r"Got unexpected",
    r"extra argument",
    r"Invalid value",
    r"is not in the range",
    r"is not a valid",
    r"is not one of",
    r"requires an argument",
    r"does not take a value",
    r"does not exist",
    r"is a directory",
    r"required",
    r"default",
    r"env var",
    r"(Install|Show) completion",
    r"for the current shell",
    r"Try '",
    r"for help",
    r"Error",
    r"Aborted",
    r"OPTIONS",
    r"COMMAND",
    r"ARGS",
    r"FILES?",
    r"NAME",
    r"TEXT",
    r"INTEGER",
    r"PATH",
    r"<(str|path|file|int|int range|directory|choice)>",
    r"x>=",
]
ENGLISH_RE = re.compile("|".join(rf"(?<![\w-])(?:{p})(?![\w-])" for p in ENGLISH))


def english_in(text: str) -> list[str]:
    return [m.group(0) for m in ENGLISH_RE.finditer(text)]


def test_the_phrase_list_catches_what_typer_would_say() -> None:
    # The same help and error through typer's own renderer are caught: the list is not empty talk.
    assert english_in("Usage: werkwijzer scan [OPTIONS]") == ["Usage", "OPTIONS"]
    assert english_in("No such option: --lag. Did you mean --layer?")
    assert english_in("[default: 3]  [required]") == ["default", "required"]
    assert english_in("Gebruik: werkwijzer scan [OPTIES] COMMANDO --default-x") == []


@pytest.mark.parametrize("name", [None, *command_names()])
def test_help_of_every_command_is_dutch(name: str | None) -> None:
    args = ["--help"] if name is None else [name, "--help"]
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Gebruik: werkwijzer")
    assert "Opties" in result.stdout
    assert english_in(result.stdout + result.stderr) == []


def test_root_help_lists_every_command_and_the_completion_options_in_dutch() -> None:
    shown = run("--help").stdout
    assert all(re.search(rf"^\s+{name}\s", shown, re.MULTILINE) for name in command_names())
    assert "--install-completion" in shown and "Tab-toets" in shown
    assert "Toon deze uitleg." in shown


USAGE_ERRORS: list[tuple[list[str], str]] = [
    (
        ["scan", "--lag", "schoolleider"],
        "De optie --lag bestaat niet bij 'werkwijzer scan'. Bedoel je --layer?",
    ),
    (["scna"], "Het commando 'scna' bestaat niet. Bedoel je 'scan' of 'schema'?"),
    (["score"], "Hier ontbreekt nog BESTAND."),
    (["instruments", "Trendanalyse", "leerlingvolgsysteem"], "tussen aanhalingstekens"),
    (["export", "x.yaml", "--min-group", "drie"], "--min-group: 'drie' is geen geheel getal."),
    (
        ["export", "x.yaml", "--min-group", "0"],
        "--min-group: 0 kan niet; het moet minstens 1 zijn.",
    ),
    (["schema", "bla"], "NAAM: 'bla' kan niet; kies uit"),
    (["scan", "--resume"], "Na --resume hoort een waarde; die ontbreekt."),
    (["score", "--json=ja", "x.yaml"], "--json is een schakelaar en krijgt geen waarde."),
    (["--lag"], "De optie --lag bestaat niet bij 'werkwijzer'."),
    (["form", "--schol", "X"], "De optie --schol bestaat niet bij 'werkwijzer form'."),
    (["form", "extra"], "Hier staat meer dan het commando verwacht: extra."),
    (["form", "--output"], "Na --output hoort een waarde; die ontbreekt."),
    (["export"], "Hier ontbreekt nog BESTAND."),
    (["export", "x.yaml", "--show-leadership=ja"], "--show-leadership is een schakelaar"),
]


@pytest.mark.parametrize(("args", "dutch"), USAGE_ERRORS)
def test_usage_errors_are_dutch(args: list[str], dutch: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert dutch in result.stderr
    assert english_in(result.stderr) == []
    assert "Traceback" not in result.stderr


def test_a_missing_argument_of_several_files_is_named_plainly() -> None:
    first = run("export").stderr.splitlines()[0]
    assert first == "Hier ontbreekt nog BESTAND."


def test_a_usage_error_says_how_to_get_help(tmp_path: Path) -> None:
    lines = run("export", "x.yaml", "--min-group", "0").stderr.splitlines()
    assert lines[1] == "Gebruik: werkwijzer export [OPTIES] BESTAND..."
    assert lines[2:] == ["Meer uitleg:", "  werkwijzer export --help"]


def test_an_output_that_is_a_folder_is_refused_in_dutch(tmp_path: Path) -> None:
    result = run("export", "x.yaml", "-o", str(tmp_path))
    assert result.exit_code == 2
    assert "is een map; hier hoort een bestand." in result.stderr
    assert english_in(result.stderr) == []


def test_werkwijzer_alone_greets_and_lists_the_commands() -> None:
    result = run()
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "quickscan" in " ".join(lines[:5])
    assert "  werkwijzer scan" in lines
    assert all(re.search(rf"^\s+{name}\s", result.stdout, re.MULTILINE) for name in command_names())
    assert english_in(result.stdout) == []

"""Screens at 80 and 60 columns: nothing wider than the terminal, no word cut, no column dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import EXAMPLES, command_names, command_of, run, screen_words, shows_in_order

from werkwijzer.core.answers import read_answers
from werkwijzer.core.model import Model
from werkwijzer.core.scoring import score
from werkwijzer.render.text import reached_rule

WIDTHS = [80, 60]
SCHOOLLEIDER = EXAMPLES / "schoolleider-obs-de-regenboog.yaml"


def shown(width: int, *args: str) -> str:
    result = run(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.stderr
    # A command is left whole for the terminal to wrap (so that it copies as one line).
    lines = [x for x in result.stdout.splitlines() if not x.lstrip().startswith("werkwijzer ")]
    too_wide = [line for line in lines if len(line) > width]
    assert not too_wide, too_wide
    return result.stdout


@pytest.mark.parametrize("width", WIDTHS)
def test_score_shows_every_phase_and_whole_words(model: Model, width: int) -> None:
    screen = shown(width, "score", str(SCHOOLLEIDER))
    header = next(line for line in screen.splitlines() if line.startswith("Aspect"))
    assert all(p.short in header or p.name in header for p in model.phases), header
    result = score(model, read_answers(SCHOOLLEIDER, model))
    for aspect in result.aspects:
        assert shows_in_order(screen, aspect.name)
        assert all(f"{round(s * 100)}%" in screen for s in aspect.scores.values() if s is not None)
    start = result.aspect(result.start.aspect if result.start else "")
    for action in start.actions:
        assert shows_in_order(screen, action.title, f"(inspanning: {action.effort})")
    assert reached_rule(model) in " ".join(screen.split())
    assert "lerende_professionals" not in " ".join(
        line for line in screen.splitlines() if not line.startswith("    werkwijzer")
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_legend_explains_the_dots_when_a_phase_has_too_few_answers(
    model: Model, width: int, tmp_path: Path
) -> None:
    from conftest import answers_for, write_answers_file

    answers = answers_for(model, "leraar", lambda a, _p, _i: None if a == "koers" else 3)
    path = write_answers_file(tmp_path / "a.yaml", model, answers)
    screen = " ".join(shown(width, "score", str(path)).split())
    assert "te weinig antwoorden" in screen
    assert "–: te weinig antwoorden in die fase" in screen
    koers = len([p for p in model.items_for("leraar") if p.aspect.id == "koers"])
    unknown = model.scale.unknown_label
    assert f"Niet meegeteld ('{unknown}' of open), in uitspraken: {koers} bij Koers." in screen


@pytest.mark.parametrize("width", WIDTHS)
def test_aspects_lists_names_without_ids_and_whole_words(model: Model, width: int) -> None:
    screen = shown(width, "aspects")
    named = [(x.name, x.description) for x in model.aspects]
    named += [(x.name, x.description) for x in model.layers]
    named += [(x.name, x.description) for x in model.phases]
    for name, description in named:
        assert shows_in_order(screen, name, description)
    ids = {a.id for a in model.aspects if "_" in a.id}
    prose = [w for line in screen.splitlines() if "werkwijzer " not in line for w in line.split()]
    assert not ids & set(prose)


@pytest.mark.parametrize("width", WIDTHS)
def test_actions_and_an_instrument_keep_their_words(model: Model, width: int) -> None:
    screen = shown(width, "actions", "-a", "data", "-l", "directeur", "-p", "begin")
    cell = model.aspect("werken_met_data").cell("schoolleider", "begin")
    for action in cell.actions:
        assert shows_in_order(screen, action.title, action.description)
    instrument = shown(width, "instruments", "trendanalyse")
    assert "Professionalisering" in screen_words(instrument)  # a long word, whole
    assert "(inspanning:" in instrument


@pytest.mark.parametrize("width", WIDTHS)
def test_history_and_compare_fit(model: Model, width: int, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    run(
        "import", "--db", str(db), str(SCHOOLLEIDER), str(EXAMPLES / "leraar-obs-de-regenboog.yaml")
    )
    trend = shown(width, "history", "--db", str(db))  # the school over the years, words whole
    assert all(shows_in_order(trend, a.name) for a in model.aspects)
    history = shown(width, "history", "--scans", "--db", str(db))  # the single scans
    flat = " ".join(history.split())
    if width < 76:  # a block per scan: every aspect with its phase, words whole
        assert all(f"{a.name}: " in flat for a in model.aspects)
    else:
        assert all(shows_in_order(history, a.name) for a in model.aspects)
    assert "compare 1 2" in history or "compare 2 1" in history
    compared = " ".join(shown(width, "compare", "1", "2", "--db", str(db)).split())
    assert all(f"{a.name}: " in compared for a in model.aspects)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", command_names())
def test_every_help_fits_and_keeps_its_words(name: str, width: int) -> None:
    """Every command's help (also form, export) at 80 and 60 columns: nothing wider, words whole."""
    import typer

    screen = shown(width, name, "--help")
    command = command_of(name)
    for param in command.params:
        if isinstance(param, typer.core.TyperOption) and param.help:
            assert shows_in_order(screen, param.help), (name, param.opts)
            assert all(opt in screen for opt in param.opts), (name, param.opts)

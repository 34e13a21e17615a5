"""The result in short at the end of a scan: why the start aspect holds you, and what fits."""

from __future__ import annotations

from conftest import answers_for
from rich.console import Console, RenderableType

from werkwijzer.core.answers import AnswerValue
from werkwijzer.core.model import Model
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import score
from werkwijzer.render.result_summary import fitted, height, summary


def drawn(console: Console, parts: list[RenderableType]) -> str:
    with console.capture() as captured:
        for part in parts:
            console.print(part)
    return " ".join(captured.get().split())


def held_in_data(model: Model) -> tuple[Result, dict[str, AnswerValue]]:
    # Werken met data all 'enigszins' (held back in the beginfase), the rest all 'volledig'.
    answers = answers_for(model, "leraar", lambda a, _p, _i: 2 if a == "werken_met_data" else 4)
    return score(model, answers), answers.answers


def test_the_summary_names_every_statement_that_holds_the_start_aspect(model: Model) -> None:
    result, answers = held_in_data(model)
    assert result.start is not None
    start = result.aspect(result.start.aspect)
    shown = drawn(Console(width=80, no_color=True), summary(model, result, answers))
    assert start.held_back_by
    assert "Hierdoor sta je nog in de beginfase:" in shown
    for item_id in start.held_back_by:
        place = model.place(item_id)
        assert place is not None and " ".join(place.item.text.split()) in shown
    assert shown.count("(jouw antwoord: enigszins)") == len(start.held_back_by)
    assert "En nog" not in shown


def test_a_short_terminal_keeps_a_step_and_a_reason_and_counts_the_rest(model: Model) -> None:
    result, answers = held_in_data(model)
    console = Console(width=80, no_color=True)
    room = height(console, summary(model, result, answers)) - 4
    parts = fitted(console, model, result, answers, room)
    assert height(console, parts) <= room
    shown = drawn(console, parts)
    assert "Eerste stappen:" in shown and " 1. " in shown
    assert "(jouw antwoord: enigszins)" in shown
    assert "En nog" in shown or " 3. " not in shown  # something gave way, and says so


def test_a_roomy_terminal_shows_it_all(model: Model) -> None:
    result, answers = held_in_data(model)
    console = Console(width=80, no_color=True)
    parts = fitted(console, model, result, answers, 200)
    assert drawn(console, parts) == drawn(console, summary(model, result, answers))

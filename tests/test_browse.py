"""`werkwijzer browse`: the menu flow driven with prompt_toolkit pipe input, and in a real terminal."""

from __future__ import annotations

import io
import re

import pexpect
import pytest
from conftest import run, shows_in_order, spawn_cli
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from werkwijzer.core.errors import Interrupted
from werkwijzer.core.model import LayerId, Model, PhaseId
from werkwijzer.interactive.browse import Browser, Place
from werkwijzer.render import inspection_text

CTRL_C = "\x03"
DOWN = "\x1b[B"


def keys_for(model: Model, start: Place, picks: list[str]) -> str:
    """The keys that pick these menu entries (by the start of their titles), screen after screen.

    The number key of an entry, then Enter. The entries come from the screens themselves; whether
    the flow really went where they lead is what the tests check on the printed screens.
    """
    browser = Browser(model, Console(file=io.StringIO()))
    keys = []
    place: Place | None = start
    for pick in picks:
        assert place is not None, f"the flow has stopped before '{pick}'"
        options = browser.screen(place).options
        index = next(n for n, o in enumerate(options) if o.title.startswith(pick))
        keys.append(f"{index + 1}\r")
        place = options[index].place
    return "".join(keys)


def drive(model: Model, start: Place, keys: str) -> str:
    """Run the flow on these keys; the input then ends, so a flow that wants more cannot hang."""
    screen = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        console = Console(file=screen, width=80, color_system=None)
        Browser(model, console, input=pipe, output=DummyOutput()).run(start)
    return screen.getvalue()


def browse(model: Model, start: Place, *picks: str) -> str:
    return drive(model, start, keys_for(model, start, list(picks)))


def screens(screen: str) -> list[str]:
    """Where each screen was: the text of the rule that opens it."""
    return [m.group(1) for m in re.finditer(r"^(\S.*?) ─{3,}$", screen, flags=re.MULTILINE)]


def description(model: Model, aspect: str, layer: LayerId, phase: PhaseId) -> str:
    return model.aspect(aspect).cells[layer][phase].description


def test_navigate_switch_phase_and_layer_read_background_and_stop(model: Model) -> None:
    screen = browse(
        model,
        Place(),
        "Koers",
        "Schoolleider",
        "Tussenfase",
        "Latere fase",
        "Andere laag: Leraar",
        "Terug",
        "Beginfase",
        "Achtergrond",
        "Terug naar",
        "Stoppen",
    )
    assert screens(screen) == [
        "Aspecten",
        "Koers",
        "Koers › Schoolleider",
        "Koers › Schoolleider › Tussenfase",
        "Koers › Schoolleider › Gevorderde fase",
        "Koers › Leraar › Gevorderde fase",
        "Koers › Leraar",
        "Koers › Leraar › Beginfase",
        "Koers › Leraar › Beginfase › Achtergrond",
        "Koers › Leraar › Beginfase",
    ]
    koers = model.aspect("koers")
    assert shows_in_order(
        screen,
        "Aspecten",
        koers.description,
        "Koers › Schoolleider",
        "Koers › Schoolleider › Tussenfase",
        description(model, "koers", "schoolleider", "tussen"),
        "Koers › Schoolleider › Gevorderde fase",
        description(model, "koers", "schoolleider", "gevorderd"),
        "Koers › Leraar › Gevorderde fase",
        description(model, "koers", "leraar", "gevorderd"),
        "Koers › Leraar",
        *(description(model, "koers", "leraar", p.id) for p in model.phases),
        "Koers › Leraar › Beginfase",
        description(model, "koers", "leraar", "begin"),
        "Koers › Leraar › Beginfase › Achtergrond",
        koers.background,
        *koers.references,
        "Koers › Leraar › Beginfase",
        description(model, "koers", "leraar", "begin"),
    )
    assert max(len(line) for line in screen.splitlines()) <= 80


def test_cell_screen_shows_actions_and_their_instruments(model: Model) -> None:
    screen = browse(model, Place("werken_met_data", "leraar", "tussen"), "Stoppen")
    cell = model.aspect("werken_met_data").cells["leraar"]["tussen"]
    texts = [cell.description]
    for action in cell.actions:
        texts += [action.title, f"(inspanning: {action.effort})", action.description]
    assert shows_in_order(screen, *texts)
    used = dict.fromkeys(i for a in cell.actions for i in a.instruments)
    for instrument_id in used:
        instrument = model.instrument(instrument_id)
        assert shows_in_order(screen, "Instrumenten bij deze acties", instrument.name)
        assert shows_in_order(screen, instrument.name, instrument.what, instrument.when)


def test_background_screen_shows_the_inspection_standards(model: Model) -> None:
    aspect = model.aspect("werken_met_data")
    screen = browse(model, Place(aspect.id), "Achtergrond", "Stoppen")
    assert shows_in_order(
        screen,
        "Werken met data › Achtergrond",
        aspect.background,
        "Standaarden van de inspectie",
        inspection_text.intro(model.inspection_framework),
        *(f"{s.code} {s.name}" for s in aspect.inspection_standards),
        "Bronnen",
    )


def test_back_goes_up_one_level_at_a_time(model: Model) -> None:
    screen = browse(
        model,
        Place("lerende_professionals", "bestuurder", "begin"),
        "Terug",
        "Terug",
        "Terug",
        "Stoppen",
    )
    assert screens(screen) == [
        "Lerende professionals › Bestuurder › Beginfase",
        "Lerende professionals › Bestuurder",
        "Lerende professionals",
        "Aspecten",
    ]


def test_other_aspect_keeps_layer_and_phase(model: Model) -> None:
    screen = browse(
        model,
        Place("koers", "bestuurder", "gevorderd"),
        "Ander aspect",
        "Werken met data",
        "Stoppen",
    )
    assert screens(screen) == [
        "Koers › Bestuurder › Gevorderde fase",
        "Aspecten",
        "Werken met data › Bestuurder › Gevorderde fase",
    ]
    assert shows_in_order(
        screen,
        "Daarna zie je: Bestuurder · Gevorderde fase.",
        description(model, "werken_met_data", "bestuurder", "gevorderd"),
    )


def test_neighbouring_phases_stop_at_the_ends(model: Model) -> None:
    browser = Browser(model, Console(file=io.StringIO()))
    first, last = model.phases[0], model.phases[-1]
    titles = [o.title for o in browser.screen(Place("koers", "leraar", first.id)).options]
    assert not any(t.startswith("Eerdere fase") for t in titles)
    assert f"Latere fase: {model.phases[1].name}" in titles
    titles = [o.title for o in browser.screen(Place("koers", "leraar", last.id)).options]
    assert not any(t.startswith("Latere fase") for t in titles)
    assert "Andere laag: Leraar" not in titles
    assert {"Andere laag: Bestuurder", "Andere laag: Schoolleider", "Stoppen"} <= set(titles)


def test_every_screen_offers_stop_and_all_but_the_first_offer_back(model: Model) -> None:
    browser = Browser(model, Console(file=io.StringIO()))
    places = [
        Place(),
        Place("koers"),
        Place("koers", "leraar"),
        Place("koers", "leraar", "tussen"),
        Place("koers", "leraar", "tussen", background=True),
    ]
    for place in places:
        titles = [o.title for o in browser.screen(place).options]
        assert titles[-1] == "Stoppen"
        assert place == Place() or any(t.startswith("Terug") for t in titles), place


def test_arrow_keys_work_too(model: Model) -> None:
    # down twice and Enter: the third aspect; then 'Stoppen' is the last entry of the layer menu
    layers = Place(model.aspects[2].id)
    stop = len(Browser(model, Console(file=io.StringIO())).screen(layers).options)
    screen = drive(model, Place(), DOWN + DOWN + "\r" + DOWN * (stop - 1) + "\r")
    third = model.aspects[2]
    assert screens(screen) == ["Aspecten", third.name]
    assert shows_in_order(screen, third.name, third.description)


@pytest.mark.parametrize("keys", [CTRL_C, "1\r" + CTRL_C, ""], ids=["ctrl-c", "later", "no-input"])
def test_ctrl_c_or_the_end_of_input_stops_with_interrupted(model: Model, keys: str) -> None:
    with pytest.raises(Interrupted) as stopped:
        drive(model, Place(), keys)
    assert stopped.value.exit_code == 130
    assert "Gestopt" in stopped.value.message


def test_without_a_terminal_browse_refuses_and_points_to_the_lookups() -> None:
    result = run("browse", "--aspect", "koers")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "terminal" in result.stderr
    for command in ("werkwijzer aspects", "werkwijzer actions", "werkwijzer instruments"):
        assert command in result.stderr


# --- in a real terminal --------------------------------------------------------------------------


def test_in_a_terminal_opens_at_the_cell_and_stops_with_exit_0(model: Model) -> None:
    child = spawn_cli("browse", "-a", "data", "-l", "leraar", "-p", "tussenfase")
    child.expect("Werken met data › Leraar › Tussenfase")
    child.expect("Wat wil je nu doen")
    options = (
        Browser(model, Console(file=io.StringIO()))
        .screen(Place("werken_met_data", "leraar", "tussen"))
        .options
    )
    child.send(f"{len(options)}\r")  # the last entry: Stoppen
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_in_a_terminal_ctrl_c_exits_130() -> None:
    child = spawn_cli("browse")
    child.expect("Welk aspect wil je bekijken")
    child.sendcontrol("c")
    child.expect("Gestopt met rondkijken")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

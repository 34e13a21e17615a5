"""The browse flow: aspect -> layer -> phase -> the cell, and the aspect's background on request.

Every screen is printed with rich and ends in one questionary menu. Each menu entry names the Place
it leads to, so going back, to a neighbouring phase or to another layer is just another Place; the
flow is a loop over places. 'Stoppen' ends it normally (exit 0); Ctrl-C, or input that ends, raises
Interrupted (exit 130), as in every interactive command. Nothing is written, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import questionary
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.text import Text

from werkwijzer.core.errors import Interrupted
from werkwijzer.core.lookup import neighbour_phase, select_cells
from werkwijzer.core.model import Aspect, LayerId, Model, PhaseId
from werkwijzer.interactive.terminal import fitting
from werkwijzer.render.lookup_terminal import aspect_info, aspects_table, selection_view
from werkwijzer.render.result_terminal import MUTED

if TYPE_CHECKING:
    from prompt_toolkit.input import Input
    from prompt_toolkit.output import Output

INSTRUCTION = "(pijltjes of cijfer, dan Enter)"
STOPPED = "Gestopt met rondkijken."


@dataclass(frozen=True)
class Place:
    """Where the user is: what is chosen so far; `background` is the aspect's background text."""

    aspect: str | None = None
    layer: LayerId | None = None
    phase: PhaseId | None = None
    background: bool = False


@dataclass(frozen=True)
class Option:
    """A menu entry and the place it leads to (None: stop)."""

    title: str
    place: Place | None


@dataclass(frozen=True)
class Screen:
    """What one place shows: the path to it, the renderables, and the menu below them."""

    crumbs: list[str]
    body: list[RenderableType]
    question: str
    options: list[Option]
    recap: bool = False


class Browser:
    """Runs the flow on a console; `input`/`output` go to prompt_toolkit (tests pass a pipe)."""

    def __init__(
        self,
        model: Model,
        console: Console,
        *,
        input: Input | None = None,
        output: Output | None = None,
    ) -> None:
        self.model = model
        self.console = console
        self.input = input
        self.output = output

    def run(self, start: Place) -> None:
        place: Place | None = start
        while place is not None:
            screen = self.screen(place)
            self._show(screen)
            place = self._ask(screen)

    def screen(self, place: Place) -> Screen:
        """What `place` shows and offers; the first thing not chosen yet decides the screen."""
        if place.aspect is None:
            return self._aspects(place)
        aspect = self.model.aspect(place.aspect)
        if place.background:
            return self._background(place, aspect)
        if place.layer is None:
            return self._layers(place, aspect)
        if place.phase is None:
            return self._phases(place, aspect, place.layer)
        return self._cell(place, aspect, place.layer, place.phase)

    def crumbs(self, place: Place) -> list[str]:
        """The names of what is chosen, for the line above a screen and the 'Terug' entries."""
        if place.aspect is None:
            return ["Aspecten"]
        names = [self.model.aspect(place.aspect).name]
        if place.layer:
            names.append(self.model.layer(place.layer).name)
            if place.phase:
                names.append(self.model.phase(place.phase).name)
        return [*names, "Achtergrond"] if place.background else names

    # --- the screens -----------------------------------------------------------------------------

    def _aspects(self, place: Place) -> Screen:
        body: list[RenderableType] = [
            Text(
                "Kies een aspect, dan een laag en een fase. Je leest wat die fase inhoudt, welke "
                "acties passen en welke instrumenten daarbij helpen."
            ),
            aspects_table(self.model),
        ]
        then = [self.model.layer(place.layer).name] if place.layer else []
        then += [self.model.phase(place.phase).name] if place.phase else []
        if then:
            body.append(Text(f"Daarna zie je: {' · '.join(then)}.", style=MUTED))
        return Screen(
            crumbs=self.crumbs(place),
            body=body,
            question="Welk aspect wil je bekijken?",
            options=[Option(a.name, replace(place, aspect=a.id)) for a in self.model.aspects]
            + [_stop()],
        )

    def _background(self, place: Place, aspect: Aspect) -> Screen:
        back = replace(place, background=False)
        return Screen(
            crumbs=self.crumbs(place),
            body=[aspect_info(aspect, self.model.inspection_framework)],
            question="Wat wil je nu doen?",
            options=[Option(f"Terug naar {' › '.join(self.crumbs(back))}", back), _stop()],
            recap=True,
        )

    def _layers(self, place: Place, aspect: Aspect) -> Screen:
        return Screen(
            crumbs=self.crumbs(place),
            body=[Text(aspect.description)],
            question="Voor welke laag wil je het bekijken?",
            options=[
                Option(layer.name, replace(place, layer=layer.id)) for layer in self.model.layers
            ]
            + [
                _background(place, aspect),
                Option("Terug: ander aspect kiezen", replace(place, aspect=None)),
                _stop(),
            ],
        )

    def _phases(self, place: Place, aspect: Aspect, layer: LayerId) -> Screen:
        body: list[RenderableType] = [
            Text("In welke beschrijving herken je je organisatie het best?", style="bold")
        ]
        for phase in self.model.phases:
            body.append(Text.assemble("\n", (phase.name, "bold")))
            body.append(Padding(Text(aspect.cell(layer, phase.id).description), (0, 0, 0, 3)))
        return Screen(
            crumbs=self.crumbs(place),
            body=body,
            question="Welke fase wil je bekijken?",
            options=[Option(p.name, replace(place, phase=p.id)) for p in self.model.phases]
            + self._other_layers(place, layer)
            + [
                _background(place, aspect),
                Option("Terug: andere laag kiezen", replace(place, layer=None)),
                _stop(),
            ],
        )

    def _cell(self, place: Place, aspect: Aspect, layer: LayerId, phase: PhaseId) -> Screen:
        options = []
        earlier = neighbour_phase(self.model, phase, -1)
        if earlier:
            options.append(
                Option(f"Eerdere fase: {earlier.name}", replace(place, phase=earlier.id))
            )
        later = neighbour_phase(self.model, phase, 1)
        if later:
            options.append(Option(f"Latere fase: {later.name}", replace(place, phase=later.id)))
        options += self._other_layers(place, layer)
        options += [
            _background(place, aspect),
            Option("Ander aspect, zelfde laag en fase", replace(place, aspect=None)),
            Option("Terug: andere fase kiezen", replace(place, phase=None)),
            _stop(),
        ]
        return Screen(
            crumbs=self.crumbs(place),
            body=[selection_view(self.model, select_cells(self.model, aspect.id, layer, phase))],
            question="Wat wil je nu doen?",
            options=options,
            recap=True,
        )

    def _other_layers(self, place: Place, current: LayerId) -> list[Option]:
        return [
            Option(f"Andere laag: {layer.name}", replace(place, layer=layer.id))
            for layer in self.model.layers
            if layer.id != current
        ]

    # --- showing and asking ----------------------------------------------------------------------

    def _show(self, screen: Screen) -> None:
        where = " › ".join(screen.crumbs)
        self.console.print()
        self.console.rule(Text(where), align="left", style=MUTED)
        for part in screen.body:
            self.console.print(part)
        if screen.recap:  # the screen is taller than a terminal: say again where this is
            self.console.print(Text(f"Je bent hier: {where}", style=MUTED))
        self.console.print()

    def _ask(self, screen: Screen) -> Place | None:
        choices = [questionary.Choice(o.title, value=n) for n, o in enumerate(screen.options)]
        question = questionary.select(
            screen.question,
            choices=choices,
            instruction=fitting(screen.question, INSTRUCTION, "(pijltjes of cijfer)"),
            use_shortcuts=True,
            input=self.input,
            output=self.output,
        )
        try:
            index: int = question.unsafe_ask()
        except (KeyboardInterrupt, EOFError):
            raise Interrupted(STOPPED) from None
        return screen.options[index].place


def _background(place: Place, aspect: Aspect) -> Option:
    return Option(f"Achtergrond bij {aspect.name} lezen", replace(place, background=True))


def _stop() -> Option:
    return Option("Stoppen", None)

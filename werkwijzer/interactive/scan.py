"""The quickscan at a terminal: welcome, layer and school, then the statements one at a time.

Nothing typed is lost: the answers file is written (atomically) after every answer, and Ctrl-C or
Ctrl-D at any prompt ends the scan with a message that names the file and the command to go on.
Only interactive commands import this module: questionary and prompt_toolkit are slow to import.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import questionary
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent, merge_key_bindings
from prompt_toolkit.output import Output
from rich.console import Console
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from werkwijzer.core.answers import NOTE_MAX, Answers, AnswerValue, clean_note, write_answers
from werkwijzer.core.atomic import free_path
from werkwijzer.core.errors import Interrupted, WerkwijzerError
from werkwijzer.core.invocation import command, file_arg
from werkwijzer.core.model import Aspect, ItemPlace, LayerId, Model
from werkwijzer.core.safe_text import text_problem
from werkwijzer.interactive.terminal import fitting
from werkwijzer.render.text import joined, minutes_for, number_word

if TYPE_CHECKING:
    from werkwijzer.core.result import Result

# The result screen (rich tables and panels, werkwijzer.render.result_terminal) is imported only when the
# scan is done: the first prompt must appear fast. These match render.terminal's styles.
ACCENT = "bold cyan"
MUTED = "dim"

UNKNOWN = "?"  # choice value for 'weet ik niet': questionary turns a None value into the title
BACK = "terug"
BACK_KEY = "t"
NOTE = "toelichting"
NOTE_KEY = "n"
CHOOSE_HINT = "(pijltjes of cijfer, dan Enter)"
SHORT_HINT = "(pijltjes of cijfer)"

# Named ANSI colours and bold only: they follow the terminal's own palette, so they read on a light
# and a dark background; under NO_COLOR prompt_toolkit drops the colour and the pointer remains.
STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansicyan bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "bold"),
        ("selected", "bold"),
        ("instruction", ""),
        ("separator", ""),
    ]
)


@dataclass(frozen=True)
class Resumed:
    """An answers file given to --resume, already read and checked against the model."""

    path: Path
    answers: Answers


@dataclass(frozen=True)
class ScanPlan:
    """What the command line settled before the first question. None: ask (layer, school)."""

    layer: LayerId | None = None
    school: str | None = None
    respondent: str | None = None
    output: Path | None = None
    resumed: Resumed | None = None
    today: dt.date = field(default_factory=dt.date.today)


# --- the whole scan ------------------------------------------------------------------------------


def run(
    model: Model,
    plan: ScanPlan,
    *,
    console: Console,
    input: Input | None = None,
    output: Output | None = None,
) -> tuple[Path, Answers]:
    """Welcome; settle layer, school and file; ask each open statement. Returns file, answers."""
    with create_app_session(input=input, output=output):
        if plan.resumed is not None:
            path, answers = plan.resumed.path, _resumed_answers(model, plan)
            if first_open(model, answers) is None:
                return path, _review(console, model, path, answers)
            _welcome_back(console, model, path, answers)
        else:
            _welcome(console, model, plan.layer)
            path, answers = _start(console, model, plan)
        return path, run_scan(model, answers, path, console=console)


def _start(console: Console, model: Model, plan: ScanPlan) -> tuple[Path, Answers]:
    """Layer, school and file name; the file is written once, empty, so a bad folder shows now."""
    with _stopped(None, 0):
        layer = plan.layer or ask_layer(console, model)
        school = plan.school if plan.school is not None else ask_school()
        path = _output_path(console, plan, layer)
    answers = Answers(
        layer=layer,
        school=school or None,
        respondent=plan.respondent or None,
        date=plan.today,
        model_version=model.version,
    )
    save(path, answers, model)
    console.print()
    console.print(
        Text.assemble(
            "Je antwoorden worden na elke uitspraak bewaard in ", (shown_path(path), "bold"), "."
        )
    )
    return path, answers


def _resumed_answers(model: Model, plan: ScanPlan) -> Answers:
    assert plan.resumed is not None
    answers = plan.resumed.answers
    update: dict[str, Any] = {}
    if plan.school is not None:
        update["school"] = plan.school or None
    if plan.respondent is not None:
        update["respondent"] = plan.respondent or None
    if answers.date is None:
        update["date"] = plan.today
    if answers.model_version is None:
        update["model_version"] = model.version
    return dataclasses.replace(answers, **update)


# --- the statements ------------------------------------------------------------------------------


def run_scan(
    model: Model,
    answers: Answers,
    path: Path,
    *,
    console: Console,
    input: Input | None = None,
    output: Output | None = None,
) -> Answers:
    """Ask the open statements from the first unanswered one on, saving `path` after every answer.

    'Terug' steps back one statement (its earlier answer pre-selected); after the last statement
    any statement still open (a hand-edited file can have gaps) is asked before the scan ends.
    'Toelichting' asks for a note on the statement, saves it, and asks the statement again.
    """
    places = model.items_for(answers.layer)
    given: dict[str, AnswerValue] = dict(answers.answers)
    notes: dict[str, str] = dict(answers.notes)
    index = first_open(model, answers)
    header_for: str | None = None
    with create_app_session(input=input, output=output), _stopped(path, len(places)) as saved:
        saved.count = _answered(places, given)
        while index is not None:
            place = places[index]
            if place.aspect.id != header_for:
                _aspect_header(console, place.aspect)
                header_for = place.aspect.id
            _show_statement(console, places, index, notes.get(place.item.id))
            answered = place.item.id in given
            choice = ask_answer(
                model, given.get(place.item.id), answered=answered, can_go_back=index > 0
            )
            if choice == BACK:
                index -= 1
                continue
            if choice == NOTE:
                _set_note(notes, place.item.id, ask_note(notes.get(place.item.id)))
                answers = dataclasses.replace(answers, notes=dict(notes))
                save(path, answers, model)
                continue
            given[place.item.id] = _answer_value(choice)
            answers = dataclasses.replace(answers, answers=dict(given))
            save(path, answers, model)
            saved.count = _answered(places, given)
            index = _next_open(places, given, index)
    console.print()
    console.print(Text(f"Klaar: alle {len(places)} uitspraken zijn beantwoord.", style="bold"))
    console.print()
    return answers


# --- going over a finished scan again ------------------------------------------------------------


def _review(console: Console, model: Model, path: Path, answers: Answers) -> Answers:
    """A complete file: show the result, or go over all, one aspect's or the unknown answers."""
    console.print(Text(model.title, style=ACCENT))
    console.print()
    console.print(
        Text.assemble(
            "Alle uitspraken in ",
            (shown_path(path), "bold"),
            " zijn al beantwoord. Je kunt de uitslag bekijken, of antwoorden nalopen en "
            "aanpassen: je eerdere antwoord staat dan steeds klaar, en elke wijziging wordt "
            "meteen bewaard.",
        )
    )
    places = model.items_for(answers.layer)
    choices = [questionary.Choice("De uitslag bekijken", value="")]
    choices.append(questionary.Choice("Alle antwoorden nalopen", value="*"))
    unknown = [i for i, p in enumerate(places) if answers.answers.get(p.item.id) is None]
    if unknown:
        label = f"Alleen de uitspraken met '{model.scale.unknown_label}' ({len(unknown)})"
        choices.append(questionary.Choice(label, value="?"))
    for aspect in model.aspects:
        choices.append(questionary.Choice(f"Eén aspect nalopen: {aspect.name}", value=aspect.id))
    with _stopped(path, len(places)) as saved:
        saved.count = len(places)
        with create_app_session():
            wanted: str = _ask(
                questionary.select(
                    "Wat wil je doen?",
                    choices=choices,
                    use_shortcuts=True,
                    instruction=fitting("Wat wil je doen?", CHOOSE_HINT, SHORT_HINT),
                    style=STYLE,
                )
            )
    if not wanted:
        return answers
    indices = {
        "*": list(range(len(places))),
        "?": unknown,
    }.get(wanted) or [i for i, p in enumerate(places) if p.aspect.id == wanted]
    return review_scan(model, answers, path, indices, console=console)


def review_scan(
    model: Model,
    answers: Answers,
    path: Path,
    indices: list[int],
    *,
    console: Console,
    input: Input | None = None,
    output: Output | None = None,
) -> Answers:
    """Ask the statements at `indices` again, each with its earlier answer pre-selected.

    'Terug' steps back within them; 'Toelichting' writes a note, as in the scan. The file is
    saved after every answer or note that changes.
    """
    places = model.items_for(answers.layer)
    given: dict[str, AnswerValue] = dict(answers.answers)
    notes: dict[str, str] = dict(answers.notes)
    position, changed, header_for = 0, 0, None
    with create_app_session(input=input, output=output), _stopped(path, len(places)) as saved:
        saved.count = _answered(places, given)
        while position < len(indices):
            index = indices[position]
            place = places[index]
            if place.aspect.id != header_for:
                _aspect_header(console, place.aspect)
                header_for = place.aspect.id
            _show_statement(console, places, index, notes.get(place.item.id))
            choice = ask_answer(
                model, given.get(place.item.id), answered=True, can_go_back=position > 0
            )
            if choice == BACK:
                position -= 1
                continue
            if choice == NOTE:
                _set_note(notes, place.item.id, ask_note(notes.get(place.item.id)))
                answers = dataclasses.replace(answers, notes=dict(notes))
                save(path, answers, model)
                continue
            value = _answer_value(choice)
            if value != given.get(place.item.id):
                given[place.item.id] = value
                answers = dataclasses.replace(answers, answers=dict(given))
                save(path, answers, model)
                changed += 1
            position += 1
    console.print()
    altered = "geen enkel antwoord" if not changed else f"{changed} {_answers_word(changed)}"
    console.print(
        Text(
            f"Klaar met nalopen: {len(indices)} uitspraken bekeken, {altered} aangepast.",
            style="bold",
        )
    )
    console.print()
    return answers


def _answers_word(n: int) -> str:
    return "antwoord" if n == 1 else "antwoorden"


def first_open(model: Model, answers: Answers) -> int | None:
    """Scan-order index of the first statement without an answer; None when all are answered."""
    places = model.items_for(answers.layer)
    return next((i for i, p in enumerate(places) if p.item.id not in answers.answers), None)


def _next_open(places: list[ItemPlace], given: dict[str, AnswerValue], index: int) -> int | None:
    if index + 1 < len(places):
        return index + 1
    return next((i for i, p in enumerate(places) if p.item.id not in given), None)


def _answered(places: list[ItemPlace], given: dict[str, AnswerValue]) -> int:
    return sum(1 for p in places if p.item.id in given)


def _set_note(notes: dict[str, str], item_id: str, typed: str) -> None:
    text = clean_note(typed)[:NOTE_MAX]
    if text:
        notes[item_id] = text
    else:
        notes.pop(item_id, None)


def _answer_value(choice: str) -> AnswerValue:
    if choice == UNKNOWN:
        return None
    value: AnswerValue = int(choice)  # type: ignore[assignment]
    return value


def progress(places: list[ItemPlace], index: int) -> str:
    """'Koers · 3 van 9 · totaal 12 van 36'."""
    aspect = places[index].aspect
    in_aspect = [i for i, p in enumerate(places) if p.aspect.id == aspect.id]
    position = in_aspect.index(index) + 1
    return f"{aspect.name} · {position} van {len(in_aspect)} · totaal {index + 1} van {len(places)}"


def _aspect_header(console: Console, aspect: Aspect) -> None:
    console.print()
    console.print(Rule(Text(aspect.name, style=ACCENT), align="left", characters="─"))
    console.print(Text(aspect.description, style=MUTED))


def _show_statement(
    console: Console, places: list[ItemPlace], index: int, note: str | None = None
) -> None:
    console.print()
    console.print(Text(progress(places, index), style="cyan"))
    console.print(Text(places[index].item.text, style="bold"))
    if note:
        console.print(Text(f"Je toelichting: {note}", style=MUTED))


# --- prompts -------------------------------------------------------------------------------------


def ask_answer(model: Model, previous: AnswerValue, *, answered: bool, can_go_back: bool) -> str:
    """One statement's select prompt; returns a scale value as text, UNKNOWN or BACK.

    When the statement was `answered` before, `previous` is pre-selected and named.
    """
    choices: list[questionary.Choice] = [
        questionary.Choice(p.label, value=str(p.value), shortcut_key=str(p.value))
        for p in model.scale.points
    ]
    choices.append(
        questionary.Choice(
            model.scale.unknown_label,
            value=UNKNOWN,
            shortcut_key=str(len(model.scale.points) + 1),
        )
    )
    choices.append(questionary.Separator(" "))
    choices.append(
        questionary.Choice(
            "Toelichting schrijven bij deze uitspraak", value=NOTE, shortcut_key=NOTE_KEY
        )
    )
    if can_go_back:
        choices.append(
            questionary.Choice("Terug naar de vorige uitspraak", value=BACK, shortcut_key=BACK_KEY)
        )
    default: str | None = None
    instruction = fitting("Jouw antwoord:", CHOOSE_HINT, SHORT_HINT)
    if answered:
        default = UNKNOWN if previous is None else str(previous)
        earlier = model.scale.label(previous)
        instruction = fitting(
            "Jouw antwoord:",
            f"(eerder: {earlier}; Enter houdt dat antwoord)",
            f"(eerder: {earlier})",
        )
    question = questionary.select(
        "Jouw antwoord:",
        choices=choices,
        default=default,
        use_shortcuts=True,
        instruction=instruction,
        style=STYLE,
    )
    result: str = _ask(question)
    return result


def ask_note(previous: str | None) -> str:
    """A one-line note; Enter keeps it, an emptied line removes it."""
    question = questionary.text(
        "Je toelichting (leeg laten wist hem):",
        default=previous or "",
        style=STYLE,
    )
    typed: str = _ask(question)
    return typed


def ask_layer(console: Console, model: Model) -> LayerId:
    console.print()
    console.print(Text("Vanuit welke rol vul je de quickscan in?", style="bold"))
    console.print(
        _hanging(
            *(
                (Text(f"  {layer.name}", style="bold"), Text(layer.description, style=MUTED))
                for layer in model.layers
            )
        )
    )
    question = questionary.select(
        "Jouw rol:",
        choices=[questionary.Choice(layer.name, value=layer.id) for layer in model.layers],
        use_shortcuts=True,
        instruction=fitting("Jouw rol:", CHOOSE_HINT, SHORT_HINT),
        style=STYLE,
    )
    chosen: LayerId = _ask(question)
    return chosen


def ask_school() -> str | None:
    question = questionary.text(
        "Naam van je school of bestuur (mag leeg blijven):", style=STYLE, validate=_school_ok
    )
    typed: str = _ask(question)
    return typed.strip() or None


def _school_ok(typed: str) -> bool | str:
    """The answers file's rule for free text, so the file written reads back (safe_text.py)."""
    problem = text_problem(typed.strip())
    return f"De naam {problem}." if problem else True


def ask_overwrite(console: Console, path: Path, alternative: Path) -> bool:
    console.print()
    console.print(
        Text(
            f"Het bestand {shown_path(path)} bestaat al. Is dat een eerder begonnen scan? Stop "
            f"dan met Ctrl-C en ga verder met:\n  {resume_command(path)}"
        )
    )
    question = questionary.select(
        "Wat wil je doen?",
        choices=[
            questionary.Choice(f"Opslaan onder een nieuwe naam: {alternative.name}", value="new"),
            questionary.Choice(f"{path.name} overschrijven", value="overwrite"),
        ],
        use_shortcuts=True,
        instruction=fitting("Wat wil je doen?", CHOOSE_HINT, SHORT_HINT),
        style=STYLE,
    )
    choice: str = _ask(question)
    return choice == "overwrite"


def _ask(question: questionary.Question) -> Any:
    """Run a prompt; Ctrl-C raises KeyboardInterrupt and Ctrl-D EOFError (select has no Ctrl-D)."""
    app = question.application
    quit_keys = KeyBindings()

    @quit_keys.add("c-d", eager=True)
    def _quit(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    if app.key_bindings is not None:
        app.key_bindings = merge_key_bindings([app.key_bindings, quit_keys])
    return question.unsafe_ask()


# --- files ---------------------------------------------------------------------------------------


def save(path: Path, answers: Answers, model: Model) -> None:
    """Write the answers file atomically; a failure stops the scan with what to do about it."""
    existed = path.exists()
    try:
        write_answers(path, answers, model)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        if not existed:
            raise WerkwijzerError(
                f"De antwoorden kunnen niet worden opgeslagen in {shown_path(path)} ({reason}). "
                "Kies met --output een bestand in een map waar je mag schrijven."
            ) from None
        # The atomic write left the file as it was: every earlier answer is still in it.
        raise WerkwijzerError(
            f"Je laatste antwoord kon niet worden opgeslagen in {shown_path(path)} ({reason}); "
            "de antwoorden daarvoor staan er nog in. Is het bestand open in een ander programma? "
            f"Sluit het en ga verder met: {resume_command(path)}"
        ) from None


def default_path(layer: LayerId, today: dt.date, folder: Path = Path()) -> Path:
    """werkwijzer-<layer>-<date>.yaml in `folder`, or the first free -2, -3 ... variant."""
    return free_path(folder / f"werkwijzer-{layer}-{today.isoformat()}.yaml")


def _output_path(console: Console, plan: ScanPlan, layer: LayerId) -> Path:
    if plan.output is None:
        return default_path(layer, plan.today)
    if plan.output.is_dir():
        raise WerkwijzerError(
            f"{plan.output} is een map; geef met --output een bestandsnaam, "
            f"bijvoorbeeld {plan.output / f'werkwijzer-{layer}.yaml'}"
        )
    if not plan.output.exists():
        return plan.output
    alternative = free_path(plan.output)
    return plan.output if ask_overwrite(console, plan.output, alternative) else alternative


def shown_path(path: Path) -> str:
    """The full path, so the user can find the file again from anywhere."""
    return str(path.absolute())


def command_path(path: Path) -> str:
    """The path to type in a command: short in the current folder, quoted when it needs that."""
    return file_arg(path)


def resume_command(path: Path) -> str:
    return command("scan", "--resume", path)


# --- stopping ------------------------------------------------------------------------------------


@dataclass
class _Saved:
    count: int = 0


@contextlib.contextmanager
def _stopped(path: Path | None, total: int) -> Iterator[_Saved]:
    """Ctrl-C (KeyboardInterrupt) or Ctrl-D (EOFError) inside: say where the answers are."""
    saved = _Saved()
    try:
        yield saved
    except (KeyboardInterrupt, EOFError):
        raise Interrupted(_stop_message(path, saved.count, total)) from None


def _stop_message(path: Path | None, count: int, total: int) -> str:
    if path is None or not path.exists():
        return "\nGestopt. Er was nog niets beantwoord, dus er is niets opgeslagen."
    done = (
        "Er is nog geen uitspraak beantwoord; het bestand staat klaar in:"
        if count == 0
        else f"{count} van de {total} uitspraken zijn beantwoord en bewaard in:"
    )
    return (
        f"\nGestopt. {done}\n"
        f"  {shown_path(path)}\n"
        "Verder gaan waar je gebleven was:\n"
        f"  {resume_command(path)}"
    )


# --- screens -------------------------------------------------------------------------------------


def _welcome(console: Console, model: Model, layer: LayerId | None) -> None:
    counts = sorted({len(model.items_for(layer_.id)) for layer_ in model.layers})
    if layer is not None:
        counts = [len(model.items_for(layer))]
    statements = str(counts[0]) if len(counts) == 1 else f"{counts[0]} tot {counts[-1]}"
    names = [a.name for a in model.aspects]
    aspects = joined(names)
    console.print(Text(model.title, style=ACCENT))
    console.print(
        Text(
            f"Deze quickscan laat zien hoe ver jullie zijn met samen leren, op "
            f"{number_word(len(names))} aspecten: {aspects}. Je krijgt {statements} uitspraken; kies "
            "bij elke uitspraak wat het best past bij hoe het nu gaat. Er is geen goed of fout. "
            f"Reken op ongeveer {minutes_for(counts[-1])} minuten.\n"
            "Aan het eind zie je per aspect in welke fase je zit, waar je het best kunt beginnen "
            "en wat je kunt doen."
        )
    )
    console.print()
    console.print(
        _hanging(
            (
                "•",
                Text("Je antwoorden blijven op deze computer en worden na elke uitspraak bewaard."),
            ),
            (
                "•",
                Text("Bij elke uitspraak kun je met n een toelichting schrijven; het hoeft niet."),
            ),
            (
                "•",
                Text(
                    "Stoppen kan altijd met Ctrl-C. Je ziet dan met welk commando je later "
                    "verder gaat waar je was."
                ),
            ),
        )
    )
    if layer is not None:
        console.print()
        console.print(
            Text.assemble(
                "Je vult de quickscan in als ", (model.layer(layer).name.lower(), "bold"), "."
            )
        )


def _hanging(*rows: tuple[str | Text, Text]) -> Table:
    """Rows of a marker and a text that wraps under itself, not under the marker."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for marker, text in rows:
        grid.add_row(marker, text)
    return grid


def _welcome_back(console: Console, model: Model, path: Path, answers: Answers) -> None:
    places = model.items_for(answers.layer)
    done = sum(1 for p in places if p.item.id in answers.answers)
    console.print(Text(model.title, style=ACCENT))
    console.print()
    console.print(
        Text.assemble(
            "Welkom terug. Je gaat verder in ",
            (shown_path(path), "bold"),
            f" ({model.layer(answers.layer).name.lower()}): {done} van de {len(places)} "
            "uitspraken zijn al beantwoord. Stoppen kan weer met Ctrl-C; alles blijft bewaard.",
        )
    )
    if answers.model_version and answers.model_version != model.version:
        console.print(
            Text(
                f"Let op: dit bestand is begonnen met model {answers.model_version}; je gaat "
                f"verder met model {model.version}.",
                style="bold",
            )
        )


def show_result(
    console: Console,
    model: Model,
    result: Result,
    path: Path,
    answers: Answers,
    stored: str | None = None,
) -> None:
    """The full result (as `werkwijzer score` shows it, with the respondent's notes) and the
    commands to go on with it, then, as the last screen, the result in short and where the file
    is (`stored`: a note on the store).
    """
    from werkwijzer.render.context import RenderContext
    from werkwijzer.render.result_terminal import print_command, render_result

    render_result(console, result, RenderContext(model, notes=answers.notes))
    console.print()
    console.print(Text("Verder met de uitslag:", style="bold"))
    for words, what in (
        (("score", path), "deze uitslag later nog eens bekijken"),
        (("score", "--explain", path), "per aspect waarom je in die fase staat"),
        (("history",), "al je bewaarde scans, ook die van eerdere jaren"),
        (("score", "--json", path), "de uitslag als JSON, voor een script"),
    ):
        print_command(console, command(*words), indent=2)
        console.print(Text(f"      {what}", style=MUTED))
    console.print()
    _last_screen(console, model, result, path, answers, stored)


def _last_screen(
    console: Console,
    model: Model,
    result: Result,
    path: Path,
    answers: Answers,
    stored: str | None,
) -> None:
    """As much of the summary as fits the terminal's height, with the file and the report below."""
    from werkwijzer.render.result_summary import fitted

    tail: list[tuple[str, str]] = [
        ("Je antwoorden staan in:", shown_path(path)),
        # On a terminal export writes an HTML file in the current folder, never over another.
        ("Een verslag in HTML, om te printen of te mailen:", command("export", path)),
    ]
    tail_height = sum(1 + _wrapped(console, f"  {line}") for _, line in tail) + bool(stored)
    # One row stays free for the shell's prompt after the scan.
    for part in fitted(console, model, result, answers.answers, console.height - tail_height - 1):
        console.print(part)
    if stored:
        console.print(Text(stored, style=MUTED))
    for label, line in tail:
        console.print(Text(label, style="bold"))
        console.print(f"  {line}", soft_wrap=True, highlight=False)


def _wrapped(console: Console, line: str) -> int:
    """The lines a soft-wrapped line takes on the terminal."""
    return max(1, -(-len(line) // max(1, console.width)))

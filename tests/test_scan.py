"""`werkwijzer scan`, driven in-process: prompt_toolkit pipe input, a dummy output, a rich console.

Keys as a terminal sends them: a digit moves to that answer, Enter confirms, 't' is 'Terug',
Ctrl-C is \\x03 and Ctrl-D \\x04. The pipe is closed after the keys, so a test that sends too few
keys ends in EOFError (-> Interrupted) instead of hanging.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import TODAY, answers_for, run, write_answers_file
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import Input, create_pipe_input
from prompt_toolkit.output import DummyOutput, Output
from rich.console import Console

from werkwijzer.core.answers import Answers, AnswerValue, read_answers
from werkwijzer.core.atomic import free_path
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.errors import Interrupted, WerkwijzerError
from werkwijzer.core.model import LAYER_IDS, ItemPlace, LayerId, Model
from werkwijzer.core.result import Result
from werkwijzer.interactive import scan as flow
from werkwijzer.interactive.scan import Resumed, ScanPlan

ENTER, DOWN, CTRL_C, CTRL_D = "\r", "\x1b[B", "\x03", "\x04"
BACK = "t" + ENTER


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Default answers files land in the current folder: make that a fresh one."""
    monkeypatch.chdir(tmp_path)


def key(value: AnswerValue, model: Model) -> str:
    """The keys that answer one statement with `value` (None: weet ik niet)."""
    number = len(model.scale.points) + 1 if value is None else value
    return f"{number}{ENTER}"


def pattern(i: int) -> AnswerValue:
    """A spread of answers over the statements, 'weet ik niet' included."""
    values: list[AnswerValue] = [4, 3, None, 2, 4, 1, 3, 4]
    return values[i % len(values)]


@contextlib.contextmanager
def keyboard(keys: str) -> Iterator[tuple[Input, Output]]:
    """Pipe input holding `keys` (then closed), and a dummy output."""
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        yield pipe, DummyOutput()


def scan(
    model: Model, plan: ScanPlan, keys: str, screen: io.StringIO | None = None
) -> tuple[Path, Answers, str]:
    """run() with `keys` typed; returns the file, the answers and the screen (the rich part)."""
    screen = screen or io.StringIO()
    with keyboard(keys) as (pipe, output):
        path, answers = flow.run(
            model, plan, console=Console(file=screen, width=80), input=pipe, output=output
        )
    return path, answers, screen.getvalue()


def stopped_scan(model: Model, plan: ScanPlan, keys: str) -> tuple[str, str]:
    """run() with `keys` that end in a stop; returns the stop message and the screen."""
    screen = io.StringIO()
    with pytest.raises(Interrupted) as stopped:
        scan(model, plan, keys, screen)
    return stopped.value.message, screen.getvalue()


def places(model: Model, layer: LayerId) -> list[ItemPlace]:
    return model.items_for(layer)


def flat(screen: str) -> str:
    """Screen text with its line wrapping undone, to find a sentence in it."""
    return " ".join(screen.split())


# --- complete scans ------------------------------------------------------------------------------


@pytest.mark.parametrize("layer", LAYER_IDS)
def test_full_scan_for_each_layer(model: Model, layer: LayerId) -> None:
    layer_key = f"{[lay.id for lay in model.layers].index(layer) + 1}{ENTER}"
    items = places(model, layer)
    answers_keys = "".join(key(pattern(i), model) for i in range(len(items)))
    keys = layer_key + "De Linde" + ENTER + answers_keys

    path, answers, screen = scan(model, ScanPlan(today=TODAY), keys)

    assert path == Path(f"werkwijzer-{layer}-2026-11-23.yaml")
    saved = read_answers(path, model)
    assert saved == answers
    assert saved.layer == layer
    assert saved.school == "De Linde"
    assert saved.date == TODAY
    assert saved.model_version == model.version
    assert saved.answers == {p.item.id: pattern(i) for i, p in enumerate(items)}
    # Every statement shown once, in model order, with where you are.
    lines = [flow.progress(items, i) for i in range(len(items))]
    assert all(screen.count(line) == 1 for line in lines)
    assert [screen.index(line) for line in lines] == sorted(screen.index(line) for line in lines)
    headers = [screen.index(f"{a.name} ─") for a in model.aspects]
    assert headers == sorted(headers)
    assert f"alle {len(items)} uitspraken zijn beantwoord" in screen


def test_progress_line_names_aspect_position_and_total(model: Model) -> None:
    items = places(model, "leraar")
    second_aspect = model.aspects[1].name
    assert flow.progress(items, 0) == f"{model.aspects[0].name} · 1 van 9 · totaal 1 van 36"
    assert flow.progress(items, 11) == f"{second_aspect} · 3 van 9 · totaal 12 van 36"
    assert flow.progress(items, 35).endswith("· 9 van 9 · totaal 36 van 36")


def test_welcome_tells_what_how_long_and_how_to_stop(model: Model) -> None:
    _, screen = stopped_scan(model, ScanPlan(today=TODAY), CTRL_C)
    text = flat(screen)
    assert "36 uitspraken" in text
    assert "ongeveer 10 minuten" in text
    assert "op deze computer" in text
    assert "Ctrl-C" in text and "met welk commando je later verder gaat" in text
    assert all(a.name in text for a in model.aspects)
    assert "Vanuit welke rol" in text and all(lay.description in text for lay in model.layers)


def test_arrow_keys_and_enter_choose_too(model: Model) -> None:
    # Down twice from 'nog niet' is 'grotendeels'; down four times is 'weet ik niet'.
    keys = DOWN * 2 + ENTER + DOWN * 4 + ENTER + CTRL_C
    with pytest.raises(Interrupted):
        scan(model, ScanPlan(layer="leraar", school="", today=TODAY), keys)
    saved = read_answers(Path("werkwijzer-leraar-2026-11-23.yaml"), model)
    first, second = (p.item.id for p in places(model, "leraar")[:2])
    assert saved.answers == {first: 3, second: None}
    assert saved.school is None


def test_weet_ik_niet_is_saved_as_null(model: Model) -> None:
    items = places(model, "schoolleider")
    keys = "".join(key(None, model) for _ in items)
    path, answers, _ = scan(model, ScanPlan(layer="schoolleider", school="", today=TODAY), keys)
    assert set(answers.answers.values()) == {None}
    assert len(answers.answers) == len(items)
    assert f"{items[0].item.id}: null" in path.read_text(encoding="utf-8")


# --- going back ----------------------------------------------------------------------------------


def test_back_keeps_earlier_answer_preselected_and_can_change_it(model: Model) -> None:
    items = places(model, "bestuurder")
    keys = (
        key(1, model)
        + key(2, model)
        + BACK  # at statement 3: back to 2, where 'enigszins' is pre-selected
        + ENTER  # keep it
        + BACK  # at statement 3 again: back to 2
        + BACK  # back to 1
        + key(4, model)  # change 1 from 'nog niet' to 'volledig'
        + ENTER  # statement 2: keep 'enigszins'
        + key(3, model)  # statement 3
        + CTRL_C
    )
    with pytest.raises(Interrupted):
        scan(model, ScanPlan(layer="bestuurder", school="X", today=TODAY), keys)
    saved = read_answers(Path("werkwijzer-bestuurder-2026-11-23.yaml"), model)
    assert saved.answers == {items[0].item.id: 4, items[1].item.id: 2, items[2].item.id: 3}


def test_no_back_on_the_first_statement(model: Model) -> None:
    # 't' means nothing on the first statement; Enter then picks the first answer.
    keys = BACK + CTRL_C
    with pytest.raises(Interrupted):
        scan(model, ScanPlan(layer="leraar", school="", today=TODAY), keys)
    saved = read_answers(Path("werkwijzer-leraar-2026-11-23.yaml"), model)
    assert saved.answers == {places(model, "leraar")[0].item.id: 1}


def test_back_across_an_aspect_shows_that_aspect_again(model: Model) -> None:
    items = places(model, "leraar")
    first_of_second = next(i for i, p in enumerate(items) if p.aspect.id == model.aspects[1].id)
    keys = key(4, model) * first_of_second + BACK + key(1, model) + CTRL_C
    _, screen = stopped_scan(model, ScanPlan(layer="leraar", school="", today=TODAY), keys)
    assert screen.count(f"{model.aspects[0].name} ─") == 2
    assert screen.count(f"{model.aspects[1].name} ─") == 2
    saved = read_answers(Path("werkwijzer-leraar-2026-11-23.yaml"), model)
    assert saved.answers[items[first_of_second - 1].item.id] == 1
    assert len(saved.answers) == first_of_second


# --- stopping and resuming -----------------------------------------------------------------------


@pytest.mark.parametrize("stop", [CTRL_C, CTRL_D], ids=["ctrl-c", "ctrl-d"])
def test_stop_keeps_every_answer_and_says_how_to_go_on(model: Model, stop: str) -> None:
    items = places(model, "leraar")
    keys = key(3, model) + key(None, model) + key(2, model) + stop
    message, _ = stopped_scan(model, ScanPlan(layer="leraar", school="Test", today=TODAY), keys)
    path = Path("werkwijzer-leraar-2026-11-23.yaml")
    saved = read_answers(path, model)
    assert saved.answers == {items[0].item.id: 3, items[1].item.id: None, items[2].item.id: 2}
    assert str(path.absolute()) in message
    assert "werkwijzer scan --resume werkwijzer-leraar-2026-11-23.yaml" in message
    assert "3 van de 36" in message


def test_stop_before_anything_is_asked_leaves_no_file(model: Model, tmp_path: Path) -> None:
    message, _ = stopped_scan(model, ScanPlan(today=TODAY), CTRL_C)
    assert "niets opgeslagen" in message
    assert list(tmp_path.glob("*.yaml")) == []


def test_resume_continues_at_first_open_statement(model: Model, tmp_path: Path) -> None:
    items = places(model, "schoolleider")
    earlier = {p.item.id: pattern(i) for i, p in enumerate(items[:10])}
    path = write_answers_file(
        tmp_path / "begonnen.yaml",
        model,
        Answers(layer="schoolleider", school="OBS De Regenboog", answers=earlier),
    )
    resumed = Resumed(path, read_answers(path, model))
    # Back once into the earlier session (its answer pre-selected, kept), then the rest.
    keys = BACK + ENTER + "".join(key(1, model) for _ in items[10:])

    _, answers, screen = scan(model, ScanPlan(resumed=resumed, today=TODAY), keys)

    saved = read_answers(path, model)
    assert saved == answers
    assert saved.answers == {**earlier, **{p.item.id: 1 for p in items[10:]}}
    assert saved.school == "OBS De Regenboog"
    assert saved.date == TODAY and saved.model_version == model.version
    assert "10 van de 36 uitspraken zijn al beantwoord" in flat(screen)
    assert flow.progress(items, 9) in screen  # the step back
    assert flow.progress(items, 8) not in screen  # nothing before it was asked again
    assert screen.index(flow.progress(items, 10)) < screen.index(flow.progress(items, 9))


def test_resume_fills_a_gap_left_in_a_hand_edited_file(model: Model, tmp_path: Path) -> None:
    items = places(model, "leraar")
    answers = answers_for(model, "leraar", 2)
    del answers.answers[items[5].item.id]
    path = write_answers_file(tmp_path / "gat.yaml", model, answers)
    keys = "".join(key(4, model) for _ in items[5:])  # 6..36 asked in order, 7..36 pre-selected 2
    _, done, _ = scan(model, ScanPlan(resumed=Resumed(path, read_answers(path, model))), keys)
    assert done.answers[items[5].item.id] == 4
    assert all(v == 4 for v in list(done.answers.values())[5:])


def test_resume_of_a_complete_file_offers_the_result_first(model: Model, tmp_path: Path) -> None:
    path = write_answers_file(
        tmp_path / "klaar.yaml", model, answers_for(model, "leraar", 3, school="X")
    )
    before = path.read_bytes()
    plan = ScanPlan(resumed=Resumed(path, read_answers(path, model)))
    _, answers, screen = scan(model, plan, ENTER)  # the first choice: the result
    assert "zijn al beantwoord" in flat(screen)
    assert flow.progress(places(model, "leraar"), 0) not in screen
    assert path.read_bytes() == before
    assert len(answers.answers) == 36


def complete_file(model: Model, tmp_path: Path, value: int | None = 3) -> Path:
    return write_answers_file(
        tmp_path / "klaar.yaml", model, answers_for(model, "leraar", value, school="X")
    )


def test_review_all_shows_each_earlier_answer_and_saves_every_change(
    model: Model, tmp_path: Path
) -> None:
    path = complete_file(model, tmp_path)
    items = places(model, "leraar")
    # 'Alle antwoorden nalopen' is the second choice; keep the first (Enter), change the second.
    keys = DOWN + ENTER + ENTER + key(1, model) + ENTER * (len(items) - 2)
    plan = ScanPlan(resumed=Resumed(path, read_answers(path, model)))
    _, answers, screen = scan(model, plan, keys)
    assert flow.progress(items, 0) in screen and flow.progress(items, len(items) - 1) in screen
    assert answers.answers[items[1].item.id] == 1
    assert all(answers.answers[p.item.id] == 3 for p in items if p is not items[1])
    assert read_answers(path, model).answers == answers.answers
    assert "36 uitspraken bekeken, 1 antwoord aangepast" in flat(screen)


def test_review_one_aspect_asks_only_its_statements(model: Model, tmp_path: Path) -> None:
    path = complete_file(model, tmp_path)
    items = places(model, "leraar")
    second = model.aspects[1]
    own = [i for i, p in enumerate(items) if p.aspect.id == second.id]
    # Choices: result, all, then one per aspect; the second aspect is four down.
    keys = DOWN * 3 + ENTER + "".join(key(4, model) for _ in own)
    plan = ScanPlan(resumed=Resumed(path, read_answers(path, model)))
    _, answers, screen = scan(model, plan, keys)
    assert flow.progress(items, own[0]) in screen
    assert flow.progress(items, 0) not in screen
    assert {i for i, p in enumerate(items) if answers.answers[p.item.id] == 4} == set(own)


def test_review_offers_the_unknown_answers_when_there_are_some(
    model: Model, tmp_path: Path
) -> None:
    items = places(model, "leraar")
    unknown = {items[4].item.id, items[20].item.id}
    answers = answers_for(model, "leraar", lambda _a, _p, i: None if i in unknown else 2)
    path = write_answers_file(tmp_path / "half.yaml", model, answers)
    # The third choice, after the result and 'all', is 'only the unknown answers'.
    keys = DOWN * 2 + ENTER + key(3, model) + key(4, model)
    plan = ScanPlan(resumed=Resumed(path, read_answers(path, model)))
    _, done, screen = scan(model, plan, keys)
    assert "2 uitspraken bekeken, 2 antwoorden aangepast" in flat(screen)
    assert done.answers[items[4].item.id] == 3 and done.answers[items[20].item.id] == 4
    assert read_answers(path, model).answers == done.answers


def test_a_review_takes_a_note_too(model: Model, tmp_path: Path) -> None:
    path = complete_file(model, tmp_path)
    items = places(model, "leraar")
    first = model.aspects[0]
    own = [p for p in items if p.aspect.id == first.id]
    # One aspect; at its first statement a note (n), then the statement again: Enter keeps 3.
    keys = DOWN * 2 + ENTER + "n" + ENTER + "Nagevraagd bij de IB'er." + ENTER + ENTER * len(own)
    plan = ScanPlan(resumed=Resumed(path, read_answers(path, model)))
    _, answers, screen = scan(model, plan, keys)
    assert answers.notes == {own[0].item.id: "Nagevraagd bij de IB'er."}
    assert read_answers(path, model).notes == answers.notes
    assert all(v == 3 for v in answers.answers.values())
    assert "Je toelichting: Nagevraagd bij de IB'er." in screen
    assert f"{len(own)} uitspraken bekeken, geen enkel antwoord aangepast" in flat(screen)


def test_stopping_a_review_keeps_what_was_changed(model: Model, tmp_path: Path) -> None:
    path = complete_file(model, tmp_path)
    items = places(model, "leraar")
    keys = DOWN + ENTER + key(1, model) + CTRL_C
    plan = ScanPlan(resumed=Resumed(path, read_answers(path, model)))
    with pytest.raises(Interrupted) as stopped:
        scan(model, plan, keys)
    assert "werkwijzer scan --resume klaar.yaml" in stopped.value.message
    assert read_answers(path, model).answers[items[0].item.id] == 1


# --- files ---------------------------------------------------------------------------------------


def test_default_name_never_overwrites_an_existing_file(model: Model, tmp_path: Path) -> None:
    taken = tmp_path / "werkwijzer-leraar-2026-11-23.yaml"
    taken.write_text("iets van iemand anders\n", encoding="utf-8")
    (tmp_path / "werkwijzer-leraar-2026-11-23-2.yaml").write_text("ook\n", encoding="utf-8")
    plan = ScanPlan(layer="leraar", school="", today=TODAY)
    message, _ = stopped_scan(model, plan, key(4, model) + CTRL_C)
    assert taken.read_text(encoding="utf-8") == "iets van iemand anders\n"
    new = tmp_path / "werkwijzer-leraar-2026-11-23-3.yaml"
    assert len(read_answers(new, model).answers) == 1
    assert "--resume werkwijzer-leraar-2026-11-23-3.yaml" in message


@pytest.mark.parametrize(
    ("choice", "overwrite"), [(ENTER, False), ("2" + ENTER, True)], ids=["new-name", "overwrite"]
)
def test_output_that_exists_is_only_overwritten_when_asked(
    model: Model, tmp_path: Path, choice: str, overwrite: bool
) -> None:
    target = tmp_path / "mijn-scan.yaml"
    target.write_text("oud\n", encoding="utf-8")
    plan = ScanPlan(layer="leraar", school="", output=target, today=TODAY)
    with pytest.raises(Interrupted):
        scan(model, plan, choice + key(2, model) + CTRL_C)
    written = target if overwrite else tmp_path / "mijn-scan-2.yaml"
    assert len(read_answers(written, model).answers) == 1
    if not overwrite:
        assert target.read_text(encoding="utf-8") == "oud\n"


def test_a_folder_that_cannot_be_written_is_reported_before_the_first_statement(
    model: Model, tmp_path: Path
) -> None:
    plan = ScanPlan(layer="leraar", school="", output=tmp_path / "bestaat-niet" / "a.yaml")
    with pytest.raises(WerkwijzerError, match="kunnen niet worden opgeslagen"):
        scan(model, plan, "")


def crash_on_replace(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    """os.replace (the rename of the atomic write) fails: the crash between write and rename."""

    def replace(src: object, dst: object) -> None:
        raise error

    monkeypatch.setattr(os, "replace", replace)


@pytest.mark.parametrize(
    "error",
    [OSError(28, "No space left on device"), KeyboardInterrupt()],
    ids=["disk-error", "ctrl-c-during-write"],
)
def test_a_crash_between_write_and_rename_leaves_the_previous_file(
    model: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    items = places(model, "leraar")
    path = write_answers_file(
        tmp_path / "scan.yaml", model, Answers(layer="leraar", answers={items[0].item.id: 2})
    )
    before = path.read_bytes()
    crash_on_replace(monkeypatch, error)
    with pytest.raises((WerkwijzerError, Interrupted)) as failed:
        scan(model, ScanPlan(resumed=Resumed(path, read_answers(path, model))), key(4, model))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name != "werkwijzer.db"] == ["scan.yaml"]
    if isinstance(error, KeyboardInterrupt):
        assert isinstance(failed.value, Interrupted)
        assert "werkwijzer scan --resume" in failed.value.message
    else:
        assert isinstance(failed.value, WerkwijzerError)
        assert "laatste antwoord kon niet worden opgeslagen" in failed.value.message
        assert "werkwijzer scan --resume" in failed.value.message


def test_free_path_counts_up(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    assert free_path(first) == first
    first.touch()
    assert free_path(first) == tmp_path / "a-2.yaml"
    (tmp_path / "a-2.yaml").touch()
    assert free_path(first) == tmp_path / "a-3.yaml"


def test_command_path_is_short_here_and_quoted_with_spaces(tmp_path: Path) -> None:
    assert flow.command_path(Path("werkwijzer-leraar-2026-11-23.yaml")) == (
        "werkwijzer-leraar-2026-11-23.yaml"
    )
    spaced = tmp_path / "map met spaties" / "a.yaml"
    assert flow.command_path(spaced) == f"'{spaced}'"  # one word for a POSIX shell


# --- the command ---------------------------------------------------------------------------------


@contextlib.contextmanager
def at_terminal(keys: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The whole command in-process: a terminal is assumed, prompts read `keys`."""
    import werkwijzer.interactive.terminal as terminal

    monkeypatch.setattr(terminal, "require_terminal", lambda command, alternative: None)
    with keyboard(keys) as (pipe, output), create_app_session(input=pipe, output=output):
        yield


def recorded_finishes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, Answers, Result]]:
    from werkwijzer.cli import scan as command

    calls: list[tuple[Path, Answers, Result]] = []

    def record(path: Path, answers: Answers, result: Result, **_: object) -> str:
        calls.append((path, answers, result))
        return "Bewaard (in de test)."

    monkeypatch.setattr(command, "record_and_tell", record)
    return calls


def test_command_runs_a_whole_scan_and_shows_the_result(
    model: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finishes = recorded_finishes(monkeypatch)
    items = places(model, "schoolleider")
    keys = "".join(key(pattern(i), model) for i in range(len(items)))
    before = dt.date.today()
    with at_terminal(keys, monkeypatch):
        result = run("scan", "--layer", "School", "--school", "De Linde", "--respondent", "J.")
    after = dt.date.today()
    assert result.exit_code == 0, result.stderr
    [path] = tmp_path.glob("werkwijzer-schoolleider-*.yaml")
    saved = read_answers(path, model)
    assert saved.respondent == "J." and saved.school == "De Linde"
    assert saved.date in (before, after)  # the scan may run across midnight
    screen = result.stdout
    assert "Waar begin je?" in screen
    assert f"werkwijzer export {path.name}" in screen
    assert f"werkwijzer score --json {path.name}" in screen
    scored = json.loads(run("score", "--json", str(path)).stdout)
    [(finished_path, finished_answers, finished_result)] = finishes
    assert Path(finished_path).absolute() == path and finished_answers == saved
    assert to_jsonable(finished_result) == scored


def test_command_resume_of_complete_file_shows_result(
    model: Model, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    finishes = recorded_finishes(monkeypatch)
    path = write_answers_file(tmp_path / "klaar.yaml", model, answers_for(model, "leraar", 1))
    with at_terminal(ENTER, monkeypatch):
        result = run("scan", "--resume", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Waar begin je?" in result.stdout
    assert len(finishes) == 1


def test_command_without_a_terminal_refuses_and_points_to_score(tmp_path: Path) -> None:
    result = run("scan", "--layer", "leraar")
    assert result.exit_code == 2
    assert "werkwijzer score" in result.stderr
    assert "terminal" in result.stderr
    assert list(tmp_path.glob("*.yaml")) == []


def test_command_unknown_layer_lists_the_valid_ones(model: Model) -> None:
    result = run("scan", "--layer", "conciërge")
    assert result.exit_code == 2
    for layer in model.layers:
        assert layer.name in result.stderr


@pytest.mark.parametrize("word", ["directeur", "Locatieleider", "teamleider", "leerkracht"])
def test_command_layer_takes_the_words_people_use(word: str) -> None:
    # The layer is accepted: the scan gets as far as asking for a terminal.
    result = run("scan", "--layer", word)
    assert result.exit_code == 2
    assert "terminal nodig" in result.stderr


@pytest.mark.parametrize(
    ("extra", "complaint"),
    [(["--layer", "bestuurder"], "ingevuld als leraar"), (["--output", "b.yaml"], "--output")],
    ids=["other-layer", "with-output"],
)
def test_command_resume_refuses_conflicting_options(
    model: Model, tmp_path: Path, extra: list[str], complaint: str
) -> None:
    path = write_answers_file(tmp_path / "a.yaml", model, Answers(layer="leraar"))
    result = run("scan", "--resume", str(path), *extra)
    assert result.exit_code == 2
    assert complaint in result.stderr


def test_command_resume_of_a_missing_file() -> None:
    result = run("scan", "--resume", "weg.yaml")
    assert result.exit_code == 2
    assert "weg.yaml" in result.stderr


def test_scan_registers_and_documents_its_options() -> None:
    result = run("scan", "--help")
    assert result.exit_code == 0
    for option in ("--layer", "--school", "--respondent", "--output", "--resume", "--model"):
        assert option in result.stdout


def test_only_running_scan_imports_questionary() -> None:
    """Every command module is imported at start; the prompt libraries must not come with them."""
    code = (
        "import sys, werkwijzer.cli, werkwijzer.cli.scan\n"
        "print([m for m in ('questionary', 'prompt_toolkit') if m in sys.modules])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"

"""`werkwijzer plan` at a terminal: the questions, saving after every answer, stopping and going on.

Driven in-process with prompt_toolkit pipe input (as test_scan.py does), and once end to end in a
real pseudo-terminal (pexpect). Keys: a digit picks a choice, Enter confirms, Ctrl-U clears a
pre-filled answer, Ctrl-C stops.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from questionary.prompts.common import InquirerControl
from rich.console import Console

from werkwijzer.core.errors import Interrupted
from werkwijzer.core.model import Model, PhaseId
from werkwijzer.core.plan import Plan, Priority, Target, read_plan
from werkwijzer.core.plan_making import action_choices
from werkwijzer.interactive import plan as flow

ENTER, CLEAR, CTRL_C = "\r", "\x15", "\x03"
SCHOOL = "OBS De Regenboog"


def start(model: Model) -> Plan:
    now: dict[str, PhaseId | None] = {a.id: "tussen" for a in model.aspects}
    return Plan(school=SCHOOL, school_year="2025/2026", made=dt.date(2025, 11, 20), now=now)


def typed(model: Model, plan: Plan, path: Path, keys: str) -> tuple[Plan, str]:
    screen = io.StringIO()
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        pipe.close()
        made = flow.run(
            model,
            plan,
            path,
            console=Console(file=screen, width=80),
            input=pipe,
            output=DummyOutput(),
        )
    return made, screen.getvalue()


def shortcut(number: int) -> str:
    """The key questionary gives the n-th choice (1, 2, ..., 9, 0, a, b, ...)."""
    return InquirerControl.SHORTCUT_KEYS[number - 1]


def stop_key(model: Model) -> str:
    """The key of 'no (more) priorities': after one choice per aspect."""
    return shortcut(len(model.aspects) + 1)


def targets_keys() -> str:
    """Koers: Gevorderde fase by the default date; data: no target; LP: hold, by a typed date;
    LaL: no target. Now is tussen everywhere: 1 holds, 2 is gevorderd, 3 is no target."""
    return (
        "2" + ENTER + ENTER + "3" + ENTER + "1" + ENTER + CLEAR + "30-6-2026" + ENTER + "3" + ENTER
    )


def test_a_whole_plan(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    keys = targets_keys()
    keys += "1" + ENTER + "1" + ENTER  # priority 1: the first aspect offered (koers), first action
    keys += "IB'er" + ENTER + "2026-03-01" + ENTER + ENTER + "Iedereen doet mee" + ENTER
    last_action = shortcut(len(action_choices(model, "werken_met_data", "tussen")) + 1)
    keys += "3" + ENTER + last_action + ENTER + "Een datateam" + ENTER  # priority 2: own text
    keys += (
        "Directeur"
        + ENTER
        + "1-4-2026"
        + ENTER
        + CLEAR
        + "2026-05-01"
        + ENTER
        + "Elke maand"
        + ENTER
    )
    keys += stop_key(model) + ENTER
    made, screen = typed(model, start(model), path, keys)
    assert read_plan(path, model) == made
    assert made.targets == [
        Target(aspect="koers", target="gevorderd", by=dt.date(2026, 7, 31)),
        Target(aspect="werken_met_data", target=None),
        Target(aspect="lerende_professionals", target="tussen", by=dt.date(2026, 6, 30)),
        Target(aspect="leidinggeven_aan_leren", target=None),
    ]
    first, second = made.priorities
    # the school's own layers come before the board's
    assert first == Priority(
        aspect="koers",
        action=action_choices(model, "koers", "tussen")[0].id,
        owner="IB'er",
        deadline=dt.date(2026, 3, 1),
        evaluation=dt.date(2026, 3, 1),  # the deadline was offered, and taken
        success="Iedereen doet mee",
    )
    assert action_choices(model, "koers", "tussen")[0].layer != "bestuurder"
    # with koers and lerende professionals as targets, they are offered first: 3 is data
    assert (second.aspect, second.action, second.text) == ("werken_met_data", None, "Een datateam")
    assert second.evaluation == dt.date(2026, 5, 1)
    assert "Koers · nu: tussenfase" in screen and "Prioriteit 2 van hoogstens 3" in screen


def test_stopping_keeps_every_answer(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    keys = "2" + ENTER + ENTER + "3" + ENTER + CTRL_C  # two aspects answered, then Ctrl-C
    with pytest.raises(Interrupted) as stopped:
        typed(model, start(model), path, keys)
    assert str(path.absolute()) in stopped.value.message
    assert f"werkwijzer plan --resume {path}" in stopped.value.message
    kept = read_plan(path, model)
    assert [t.aspect for t in kept.targets] == ["koers", "werken_met_data"]
    # going on asks only what is still open: the other two aspects, then the priorities
    rest = "1" + ENTER + ENTER + "3" + ENTER + stop_key(model) + ENTER
    made, screen = typed(model, kept, path, rest)
    assert [t.target for t in made.targets] == ["gevorderd", None, "tussen", None]
    assert "Koers · nu" not in screen and "Lerende professionals · nu" in screen


def test_stopping_halfway_a_priority(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    keys = targets_keys() + "1" + ENTER + "1" + ENTER + "IB'er" + ENTER + CTRL_C
    with pytest.raises(Interrupted):
        typed(model, start(model), path, keys)
    kept = read_plan(path, model)
    assert kept.priorities[0].owner == "IB'er" and kept.priorities[0].deadline is None
    rest = "2026-03-01" + ENTER + ENTER + "Gelukt" + ENTER + stop_key(model) + ENTER
    made, _ = typed(model, kept, path, rest)
    assert made.priorities[0].complete() and len(made.priorities) == 1


def test_a_bad_date_is_asked_again(model: Model, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    keys = "2" + ENTER + CLEAR + "volgend jaar" + ENTER + CLEAR + "2026-06-01" + ENTER
    keys += "3" + ENTER + "3" + ENTER + "3" + ENTER + stop_key(model) + ENTER
    made, _ = typed(model, start(model), path, keys)
    assert made.targets[0].by == dt.date(2026, 6, 1)


# --- end to end, in a real terminal --------------------------------------------------------------

pexpect = pytest.importorskip("pexpect")


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty")
def test_plan_in_a_terminal(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "WERKWIJZER_DB": str(tmp_path / "s.db"),
    }
    child = pexpect.spawn(
        str(Path(sys.executable).with_name("werkwijzer")),
        ["plan", "--year", "2025/2026"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        dimensions=(50, 80),
        timeout=30,
    )
    child.expect_exact("Voor welke school is het plan?")
    child.send("De Linde" + ENTER)
    child.expect_exact("Koers · nu: nog onbekend")
    child.expect_exact("Waar wil het team straks staan?")
    child.send("2" + ENTER)
    child.expect_exact("Uiterlijk wanneer")
    child.send(ENTER)
    child.expect_exact("Werken met data · nu")
    child.expect_exact("Waar wil het team straks staan?")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert "werkwijzer plan --resume werkwijzer-plan-de-linde-2025-2026.yaml" in child.before
    saved = (tmp_path / "werkwijzer-plan-de-linde-2025-2026.yaml").read_text()
    assert "target: tussen" in saved and 'school: "De Linde"' in saved

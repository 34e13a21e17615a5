"""Shared test helpers: the built-in model, answers files, a small model to break, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, cast

import pytest
import yaml
from typer.testing import CliRunner, Result

from werkwijzer.cli.app import app
from werkwijzer.core.answers import Answers, AnswerValue, dump_answers
from werkwijzer.core.model import (
    PHASE_IDS,
    LayerId,
    Model,
    PhaseId,
    builtin_model_dir,
)
from werkwijzer.core.model_load import load_model

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def model() -> Model:
    return load_model()


@pytest.fixture(autouse=True, scope="session")
def _own_model_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tests (and the commands they start) cache models in a folder of their own."""
    folder = tmp_path_factory.mktemp("model-cache")
    before = os.environ.get("WERKWIJZER_CACHE")
    os.environ["WERKWIJZER_CACHE"] = str(folder)
    yield folder
    if before is None:
        del os.environ["WERKWIJZER_CACHE"]
    else:
        os.environ["WERKWIJZER_CACHE"] = before


@pytest.fixture(autouse=True)
def _own_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test records into its own database, never into the user's real one."""
    db = tmp_path / "werkwijzer.db"
    monkeypatch.setenv("WERKWIJZER_DB", str(db))
    return db


def run(*args: str, input: str | None = None, env: Mapping[str, str] | None = None) -> Result:
    """Invoke the CLI in-process; the result has .exit_code, .stdout and .stderr apart."""
    return CliRunner().invoke(app, list(args), input=input, env=dict(env or {}))


def answer_value(value: int | None) -> AnswerValue:
    """`value` typed as an answer (1-4, or None for 'weet ik niet').

    For numbers a test computes or loops over, which mypy sees as plain int, not as the Literal.
    """
    if value not in (None, 1, 2, 3, 4):
        raise ValueError(f"not an answer: {value!r}")
    return cast(AnswerValue, value)


def answers_for(
    model: Model,
    layer: LayerId,
    value: Callable[[str, PhaseId, str], int | None] | int | None = 4,
    **meta: Any,
) -> Answers:
    """Answers for every item of `layer`; `value` is a constant or f(aspect, phase, item_id).

    The values must be answers (1-4 or None); `answer_value` checks each one.
    """
    pick = value if callable(value) else (lambda _a, _p, _i: value)
    return Answers(
        layer=layer,
        answers={
            p.item.id: answer_value(pick(p.aspect.id, p.phase, p.item.id))
            for p in model.items_for(layer)
        },
        **meta,
    )


def write_answers_file(path: Path, model: Model, answers: Answers) -> Path:
    path.write_text(dump_answers(answers, model), encoding="utf-8")
    return path


# --- a small model folder, for tests that break one rule at a time -------------------------------


def copy_model(dest: Path) -> Path:
    """A writable copy of the built-in model in `dest`."""
    shutil.copytree(builtin_model_dir(), dest)
    return dest


def mini_model(dest: Path, items_per_phase: int = 2) -> Path:
    """A two-aspect model with `items_per_phase` items per cell, one action and one instrument."""
    grid_dir = dest / "grid"
    grid_dir.mkdir(parents=True)
    shutil.copy(builtin_model_dir() / "phases.yaml", dest / "phases.yaml")
    layers = [
        {"id": layer, "name": layer.capitalize(), "description": f"De laag {layer}."}
        for layer in ("bestuurder", "schoolleider", "leraar")
    ]
    aspects = []
    for aspect in ("alfa", "beta"):
        aspects.append(
            {
                "id": aspect,
                "name": aspect.capitalize(),
                "description": f"Over {aspect}.",
                "background": f"Achtergrond bij {aspect}.",
                "references": ["Iemand (2020). Een boek."],
                "discussion_questions": [f"Wat betekent {aspect} voor ons?"],
                "grid": f"grid/{aspect}.yaml",
            }
        )
        grid: dict[str, Any] = {"aspect": aspect, "layers": {}}
        for layer in ("bestuurder", "schoolleider", "leraar"):
            grid["layers"][layer] = {
                phase: {
                    "description": f"{aspect} {layer} {phase}.",
                    "items": [
                        {"id": f"{aspect}.{layer}.{phase}.{n}", "text": f"Uitspraak {n}."}
                        for n in range(1, items_per_phase + 1)
                    ],
                    "actions": [
                        {
                            "id": f"{aspect}.{layer}.{phase}.doen",
                            "title": "Iets doen",
                            "description": "Doe iets.",
                            "effort": "klein",
                            "instruments": ["pdca"],
                        }
                    ],
                }
                for phase in PHASE_IDS
            }
        (grid_dir / f"{aspect}.yaml").write_text(yaml.safe_dump(grid, allow_unicode=True))
    (dest / "aspects.yaml").write_text(
        yaml.safe_dump(
            {"version": "test-1", "title": "Testmodel", "layers": layers, "aspects": aspects},
            allow_unicode=True,
        )
    )
    (dest / "instruments.yaml").write_text(
        yaml.safe_dump(
            {
                "instruments": [
                    {"id": "pdca", "name": "PDCA", "what": "Een cyclus.", "when": "Altijd."}
                ]
            }
        )
    )
    return dest


TODAY = dt.date(2026, 11, 23)


# --- reading a rich screen -----------------------------------------------------------------------


def screen_words(text: str) -> list[str]:
    """The words on a rich screen, without panel borders, rules and bullets."""
    return re.sub(r"[│╭╮╰╯─•]", " ", text).split()


def shows_in_order(screen: str, *texts: str) -> bool:
    """Every word of every text is on the screen, in this order; wrapping and other table columns
    in between do not matter, a word cut off or missing does."""
    shown = iter(screen_words(screen))
    return all(any(word == seen for seen in shown) for text in texts for word in text.split())

"""Shared test helpers: the built-in model, answers files, a small model to break, and a CLI runner."""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import re
import shutil
import sys
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, cast

import pexpect
import pytest
import yaml
from markdown_it import MarkdownIt
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


def varied_answers(
    model: Model, layer: LayerId, seed: int, *, unknown: float = 0.0, **meta: Any
) -> Answers:
    """A made-up respondent of `layer`: a level drawn from `seed`, lower answers in later phases,
    a little noise, and with `unknown` that share of 'weet ik niet'."""
    rng = random.Random(seed)
    level = rng.choice([0.2, 0.5, 0.8, 1.0])

    def pick(_a: str, phase: PhaseId, _i: str) -> int | None:
        if unknown and rng.random() < unknown:
            return None
        value = level - 0.35 * PHASE_IDS.index(phase) + rng.uniform(-0.2, 0.2)
        return 1 + round(3 * max(0.0, min(1.0, value)))

    return answers_for(model, layer, pick, **meta)


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


def command_names() -> list[str]:
    """Every command of the app, in the order of `werkwijzer --help`."""
    import typer
    from typer.main import get_command

    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return group.list_commands(typer.Context(group))


def command_of(name: str) -> Any:
    """The click command behind `werkwijzer NAME`."""
    import typer
    from typer.main import get_command

    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    command = group.get_command(typer.Context(group), name)
    assert command is not None, name
    return command


def screen_words(text: str) -> list[str]:
    """The words on a rich screen, without panel borders, rules and bullets."""
    return re.sub(r"[│╭╮╰╯─•]", " ", text).split()


def shows_in_order(screen: str, *texts: str) -> bool:
    """Every word of every text is on the screen, in this order; wrapping and other table columns
    in between do not matter, a word cut off or missing does."""
    shown = iter(screen_words(screen))
    return all(any(word == seen for seen in shown) for text in texts for word in text.split())


# --- shared helpers for markdown, terminals and hostile text --------------------------------------

# Free text that would be markup in markdown or HTML, and a table separator.
HOSTILE = "<script>x</script> | a"


def md_table(markdown: str) -> list[list[str]]:
    """The rows of the first table (header first), each a list of cell texts; no raw HTML."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    assert not [t for t in tokens if t.type.startswith("html")]
    rows: list[list[str]] = []
    for before, token in itertools.pairwise(tokens):
        if token.type == "tr_open":
            rows.append([])
        elif token.type == "inline" and before.type in ("th_open", "td_open"):
            rows[-1].append(token.content)
    return rows


def raw_table_widths(markdown: str) -> list[int]:
    """Cells per table line as written, before a parser pads or cuts rows to the header's width.

    A table line starts with '|'; its cells are the unescaped '|' separators minus one.
    """
    return [
        len(re.findall(r"(?<!\\)\|", line)) - 1
        for line in markdown.splitlines()
        if line.startswith("|")
    ]


def spawn_cli(*args: str, timeout: int = 30) -> pexpect.spawn:
    """The installed werkwijzer in a real pseudo-terminal of 80 x 40, without colour."""
    exe = shutil.which("werkwijzer", path=str(Path(sys.executable).parent))
    assert exe, "the werkwijzer script is installed next to the interpreter"
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "80", "LINES": "40", "TERM": "xterm"}
    return pexpect.spawn(
        exe, list(args), env=env, encoding="utf-8", dimensions=(40, 80), timeout=timeout
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives a real pseudo-terminal as `pty`, so the inner loop can skip
    them (`pytest -m "not pty"`); CI runs them all."""
    for item in items:
        function = getattr(item, "function", None)
        names = set(function.__code__.co_names) if function is not None else set()
        if names & {"spawn_cli", "pexpect", "spawn"} or item.module.__name__.endswith("_pty"):  # type: ignore[attr-defined]
            item.add_marker(pytest.mark.pty)


# --- a real browser: Debian's chromium, driven by Playwright (its own download is unreachable) ----

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")  # per module: a session-wide Playwright breaks asyncio.run later
def browser() -> Iterator[Any]:
    """The system chromium; skipped without it, failed when WERKWIJZER_REQUIRE_BROWSER=1 (CI)."""
    required = os.environ.get("WERKWIJZER_REQUIRE_BROWSER") == "1"
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("Playwright is niet geïnstalleerd (pip install playwright)")
        pytest.skip("Playwright is niet geïnstalleerd")
    if not CHROMIUM.exists():
        if required:
            pytest.fail(f"{CHROMIUM} ontbreekt (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} ontbreekt")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


Figure = tuple[frozenset[Any], Sequence[int]]  # whom it covers; [respondents, begin, ..., none]


def try_every_sum(
    found: Sequence[Figure], size: Mapping[Any, int], min_group: int, agreed: Collection[Any]
) -> int:
    """Combine the figures of a report with signs -1, 0, +1, as a reader could; return how many
    combinations describe a set of people. Each such set (every unit counted once or not at all;
    otherwise it is no group of people) must get its real numbers, and have no 1 to min_group - 1
    people unless it is one of `agreed` (the leadership that agreed to be shown)."""
    tried = 0
    for signs in itertools.product((-1, 0, 1), repeat=len(found)):
        cover: Counter[Any] = Counter()
        for sign, (units, _numbers) in zip(signs, found, strict=True):
            for unit in units:
                cover[unit] += sign
        if any(c not in (0, 1) for c in cover.values()):
            continue
        who = frozenset(unit for unit, c in cover.items() if c == 1)
        derived = [
            sum(s * numbers[k] for s, (_u, numbers) in zip(signs, found, strict=True))
            for k in range(5)
        ]
        tried += 1
        assert derived[0] == sum(size[unit] for unit in who), (signs, derived)
        assert all(c >= 0 for c in derived[1:]) and sum(derived[1:]) == derived[0]
        if 0 < derived[0] < min_group:
            assert who in agreed, (signs, sorted(who, key=str), derived)
    return tried


def offline_page(browser: Any, viewport: Mapping[str, int]) -> Any:
    """A page in a context of its own that records every request (`page.requests`), console
    message and dialog, and aborts any request that would leave the file system. The caller
    closes `page.context`."""
    context = browser.new_context(viewport=dict(viewport))
    page = context.new_page()
    page.requests, page.console, page.dialogs = [], [], []

    def route(handle: Any) -> None:
        page.requests.append(handle.request.url)
        if handle.request.url.startswith("file://"):
            handle.continue_()
        else:
            handle.abort()

    page.route("**/*", route)
    page.on("console", lambda message: page.console.append(message.text))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return page

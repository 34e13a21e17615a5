"""Fuzzing answers documents through the command line, in-process.

Random documents as bytes, YAML and JSON (random keys, types, nesting, anchors and aliases, text
encodings, control characters, mutated example files) go through `score -`, `score FILE` and
`export FILE -o REPORT`. Every run must end in exit 0, or in exit 2 with one line on stderr that
names the input, within the hypothesis deadline; memory must stay bounded over the whole run;
and nothing that existed may change (the input, and the report when the export is refused).

The normal suite runs the "ci" profile (a few thousand cases). A longer run for developers:

    WERKWIJZER_FUZZ=long .venv/bin/python -m pytest tests/test_fuzz.py -s

`-s` also prints the figures: cases run and exit codes seen, per command.
"""

from __future__ import annotations

import collections
import datetime as dt
import json
import os
import resource
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
import typer.testing
import yaml
from conftest import EXAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkwijzer.core.safe_text import forbidden

settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)
settings.register_profile(
    "long",
    max_examples=20_000,
    deadline=dt.timedelta(seconds=10),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("WERKWIJZER_FUZZ", "ci")

SEEN: dict[str, collections.Counter[int]] = collections.defaultdict(collections.Counter)
MAX_GROWTH_KB = 512 * 1024  # peak memory may grow by at most this much over the whole run

# --- documents -----------------------------------------------------------------------------------

KEYS = ["format", "layer", "school", "respondent", "date", "model_version", "answers"]
ITEMS = [
    "koers.leraar.begin.1",
    "koers.leraar.tussen.2",
    "werken_met_data.leraar.gevorderd.3",
    "koers.schoolleider.begin.1",
    "onbekend.leraar.begin.1",
]
SPECIAL = [
    "werkwijzer-answers/1",
    "leraar",
    "schoolleider",
    "2026-11-23",
    "2026-02-30",
    "20261123",
    "\x1b]0;titel\x07",
    "\x9b2J",
    "O\u0092Brien",
    "\u0085",
    "\ud800",
    "\ufeff",
    "\u202e",
    "[bold]x[/bold]",
    "=1+1",
    "x" * 300,
]

texts = st.text(st.characters(exclude_categories=()), max_size=20) | st.sampled_from(SPECIAL)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.floats()
    | texts
)
keys = st.sampled_from(KEYS + ITEMS) | texts
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=12,
)
answers = st.dictionaries(
    st.sampled_from(ITEMS) | texts,
    st.sampled_from([1, 2, 3, 4, None]) | scalars,
    max_size=6,
)
plausible = st.fixed_dictionaries(
    {
        "format": st.sampled_from(["werkwijzer-answers/1"]) | scalars,
        "layer": st.sampled_from(["leraar"]) | scalars,
    },
    optional={
        "school": texts | scalars,
        "respondent": texts,
        "date": st.sampled_from(["2026-11-23", "2026-02-30", "2026-W47-1"]) | scalars,
        "model_version": texts | scalars,
        "answers": answers | values,
        "extra": values,
    },
)
EXAMPLE_DATA = [
    yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(EXAMPLES.glob("*.yaml"))
]


@st.composite
def nearly_valid(draw: st.DrawFn) -> Any:
    """An example file's data with a few keys changed, added or removed (often still valid)."""
    doc = json.loads(json.dumps(draw(st.sampled_from(EXAMPLE_DATA)), default=str))
    for _ in range(draw(st.integers(0, 3))):
        target = (
            doc["answers"] if draw(st.booleans()) and isinstance(doc.get("answers"), dict) else doc
        )
        if not isinstance(target, dict):
            break
        key = draw(st.sampled_from(sorted(target) or ["x"]) | keys)
        if draw(st.booleans()):
            target.pop(key, None)
        else:
            target[key] = draw(st.sampled_from([1, 2, 3, 4, None]) | values)
    return doc


documents = nearly_valid() | plausible | values


def _as_json(doc: Any, ascii_only: bool) -> str:
    return json.dumps(doc, ensure_ascii=ascii_only)


def _as_yaml(doc: Any) -> str:
    try:
        return yaml.safe_dump(doc, allow_unicode=True)
    except (yaml.YAMLError, UnicodeError):
        return _as_json(doc, True)


@st.composite
def texts_of_documents(draw: st.DrawFn) -> str:
    doc = draw(documents)
    how = draw(st.sampled_from(["json", "json-ascii", "yaml", "aliases", "deep"]))
    if how == "json":
        return _as_json(doc, False)
    if how == "json-ascii":
        return _as_json(doc, True)
    if how == "yaml":
        return _as_yaml(doc)
    if how == "aliases":
        anchored = draw(st.sampled_from(["layer", "school", "answers", "date", "format"]))
        return (
            "format: werkwijzer-answers/1\nlayer: leraar\n"
            f"x: &a {json.dumps(draw(scalars))}\n{anchored}: *a\n"
            + "b: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"
            * draw(st.integers(0, 1))
        )
    depth = draw(st.integers(1, 3000))
    opening, closing = draw(st.sampled_from([("[", "]"), ('{"a":', "}"), ("- ", "")]))
    return opening * depth + "1" + closing * depth


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"]


@st.composite
def raw_documents(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["text", "text", "text", "bytes", "mutated"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "mutated":
        example = draw(st.sampled_from(sorted(EXAMPLES.glob("*.yaml"))))
        data = bytearray(example.read_bytes())
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            edit = draw(st.sampled_from(["flip", "insert", "delete"]))
            if edit == "flip":
                data[at] = draw(st.integers(0, 255))
            elif edit == "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=8))
            else:
                del data[at : at + draw(st.integers(1, 40))]
        return bytes(data)
    text = draw(texts_of_documents())
    encoding = draw(st.sampled_from(ENCODINGS))
    return text.encode(
        encoding, errors="surrogatepass" if encoding.startswith("utf") else "replace"
    )


# --- running -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("fuzz")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield folder
    growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert growth < MAX_GROWTH_KB, f"peak memory grew by {growth} kB"
    if PROFILE != "ci" or os.environ.get("WERKWIJZER_FUZZ_REPORT"):
        for command, counts in sorted(SEEN.items()):
            print(f"fuzz {command}: {sum(counts.values())} cases, exit codes {dict(counts)}")


@pytest.fixture(scope="module", autouse=True)
def _one_command() -> Iterator[None]:
    """typer builds the click command of the app anew on every CliRunner.invoke, which costs
    more than the run itself; the fuzzer builds it once, as the `werkwijzer` script does."""
    from werkwijzer.cli.app import app

    command = typer.main.get_command(app)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(typer.testing, "_get_command", lambda _app: command)
        yield


def run(*args: str, data: bytes | None = None) -> Any:
    from werkwijzer.cli.app import app

    return typer.testing.CliRunner().invoke(app, list(args), input=data)


def check(command: str, result: Any, name: str) -> None:
    SEEN[command][result.exit_code] += 1
    assert result.exit_code in (0, 2), (result.exit_code, result.stderr, result.exception)
    if result.exit_code == 2:
        message = result.stderr
        assert message.endswith("\n") and message.count("\n") == 1, message
        assert message.startswith(name), message  # the message names the input
        assert forbidden(message[:-1]) is None, repr(message)  # nothing steers a terminal
        assert "Traceback" not in message
        assert result.stdout == ""
    else:
        assert result.stdout


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


@settings(settings.get_profile(PROFILE))
@given(raw_documents())
def test_score_stdin(raw: bytes) -> None:
    result = run("score", "--json", "-", data=raw)
    check("score -", result, "standaardinvoer")
    if result.exit_code == 0:
        assert json.loads(result.stdout)["format"] == "werkwijzer-result/1"


@settings(settings.get_profile(PROFILE))
@given(raw_documents())
def test_score_file(place: Path, raw: bytes) -> None:
    path = place / "antwoorden.yaml"
    path.write_bytes(raw)
    result = run("score", str(path))
    check("score FILE", result, str(path))
    assert path.read_bytes() == raw


@settings(settings.get_profile(PROFILE))
@given(raw_documents())
def test_export_file(place: Path, raw: bytes) -> None:
    folder = place / "export"
    folder.mkdir(exist_ok=True)
    path = folder / "antwoorden.json"
    path.write_bytes(raw)
    report = folder / "rapport.md"
    report.write_bytes(b"het vorige rapport\n")
    before = files_of(folder)
    result = run("export", str(path), "-o", str(report))
    SEEN["export FILE"][result.exit_code] += 1
    assert result.exit_code in (0, 2), (result.exit_code, result.stderr, result.exception)
    after = files_of(folder)
    assert after.keys() == before.keys()  # no temporary file left behind
    assert after[path.name] == raw
    if result.exit_code == 2:
        assert result.stderr.startswith(str(path)) and result.stderr.count("\n") == 1
        assert after[report.name] == before[report.name]
    else:
        assert after[report.name].startswith(b"# ")


def test_the_fuzzer_reaches_both_outcomes(place: Path) -> None:
    """Runs after the fuzz tests above (file order): a fuzzer that only ever sees exit 2 would
    test the refusals alone."""
    if not SEEN:
        pytest.skip("run together with the fuzz tests")
    for command in ("score -", "score FILE", "export FILE"):
        assert SEEN[command][0] > 0 and SEEN[command][2] > 0, (command, dict(SEEN[command]))

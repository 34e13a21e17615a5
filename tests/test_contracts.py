"""The document contracts: the committed schemas in schemas/ are what the code writes and reads.

Every document werkwijzer writes requires all its keys and allows no other, so a key that is
renamed, dropped or added fails here until the schema is regenerated on purpose:

    werkwijzer schema NAME -o schemas/werkwijzer-NAME-N.schema.json
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, REPO, answers_for, run, write_answers_file
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.schemas import DOCUMENTS

SCHEMAS = REPO / "schemas"


def committed(name: str) -> dict[str, Any]:
    """The committed schema of a document: one file, named for its current format version."""
    [path] = SCHEMAS.glob(f"werkwijzer-{name}-*.schema.json")
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    assert loaded["$id"] == path.name
    return loaded


def run_json(*args: str) -> Any:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_committed_schema_is_what_the_code_generates(name: str) -> None:
    assert run_json("schema", name) == committed(name), (
        f"The {name} contract changed. If that is meant, regenerate schemas/ and say so in the "
        "README's format notes; a breaking change needs a new format version."
    )


def test_every_document_has_one_committed_schema() -> None:
    names = sorted(p.name.rsplit("-", 1)[0] for p in SCHEMAS.glob("*.schema.json"))
    assert names == sorted(f"werkwijzer-{name}" for name in DOCUMENTS)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, model: Model) -> dict[str, Any]:
    """One live output of every document, made by the commands themselves."""
    tmp = tmp_path_factory.mktemp("live")
    team = tmp / "team"
    team.mkdir()
    layers: tuple[LayerId, ...] = ("schoolleider", "leraar", "leraar", "leraar")
    for n, layer in enumerate(layers):
        answers = answers_for(model, layer, 2 + n % 3, school="OBS De Linde")
        write_answers_file(team / f"{n}.yaml", model, answers)
    db = tmp / "s.db"
    example = EXAMPLES / "schoolleider-obs-de-regenboog.yaml"
    assert run("import", "--db", str(db), str(example), str(team)).exit_code == 0
    return {
        "result": run_json("score", "--json", str(example)),
        "team": run_json("export", str(team), "--format", "json", "--min-group", "1"),
        "compare": run_json("compare", "--json", str(team / "0.yaml"), str(team / "1.yaml")),
        "history": run_json("history", "--scans", "--json", "--db", str(db)),
    }


@pytest.mark.parametrize("name", ["result", "team", "compare", "history"])
def test_live_output_holds_to_the_committed_contract(live: dict[str, Any], name: str) -> None:
    jsonschema.validate(live[name], committed(name))


def renamed_deep_key(document: dict[str, Any]) -> dict[str, Any]:
    """The document with a key of its first listed object renamed, as a careless refactor would.

    Every document lists objects (aspects, scans): their keys are fixed by the contract, unlike
    the keys of a mapping such as `phases`, which are aspect ids.
    """
    changed = copy.deepcopy(document)
    listed = next(
        v for v in changed.values() if isinstance(v, list) and v and isinstance(v[0], dict)
    )
    node = listed[0]
    key = next(iter(node))
    node[f"{key}_renamed"] = node.pop(key)
    return changed


@pytest.mark.parametrize("name", ["result", "team", "compare", "history"])
def test_a_changed_key_breaks_the_contract(live: dict[str, Any], name: str) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(renamed_deep_key(live[name]), committed(name))
    extra = copy.deepcopy(live[name])
    extra["unexpected"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(extra, committed(name))


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.name)
def test_the_examples_hold_to_the_answers_contract(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if data.get("date") is not None:
        data["date"] = data["date"].isoformat()  # YAML has dates; the JSON Schema has strings
    jsonschema.validate(data, committed("answers"))


# A value for one top-level field of an answers document: the usual suspects of hand-written YAML.
field_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    # Text within the limits of *Bad input and limits* (no control characters): the schema
    # describes a document's shape; the limits on what a text may hold are checked on top.
    st.text(
        st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")), max_size=8
    ),
    st.sampled_from(["leraar", "werkwijzer-answers/1", "2026-11-23", "2026.12"]),
    st.lists(st.integers(1, 4), max_size=2),
    st.dictionaries(st.sampled_from(["x", "koers.leraar.begin.1"]), st.integers(0, 5), max_size=2),
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    key=st.sampled_from(
        ["format", "layer", "school", "respondent", "date", "model_version", "answers", "extra"]
    ),
    value=field_values,
)
def test_score_accepts_exactly_what_the_answers_schema_accepts(
    model: Model, tmp_path: Path, key: str, value: Any
) -> None:
    """One field of a good file replaced: `score` and the schema agree on whether it is valid.

    (Texts with control characters or over 200 characters are refused by the limits on top of
    the schema; they have tests of their own in test_hostile_input.py.)"""
    document: dict[str, Any] = {
        "format": "werkwijzer-answers/1",
        "layer": "leraar",
        "school": "OBS De Linde",
        "date": "2026-11-23",
        "answers": {"koers.leraar.begin.1": 3},
    }
    document[key] = value
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    valid_by_schema = jsonschema.Draft202012Validator(
        committed("answers"), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).is_valid(document)
    # The schema cannot know the model's statements: only answers to known ones are in play.
    known = not isinstance(document.get("answers"), dict) or all(
        model.place(item) is not None and item.startswith("koers.leraar")
        for item in document["answers"]
    )
    result = run("score", "--json", str(path))
    assert result.exit_code in (0, 2), result.stderr
    if known:
        assert (result.exit_code == 0) == valid_by_schema, (document, result.stderr)

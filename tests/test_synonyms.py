"""Layer synonyms: the words people use for a role find its layer, and the model keeps them apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_model, run

from werkwijzer.core.errors import ModelError, WerkwijzerError
from werkwijzer.core.lookup import resolve_layer
from werkwijzer.core.model import Model
from werkwijzer.core.model_load import load_model


@pytest.mark.parametrize(
    ("typed", "layer"),
    [
        ("directeur", "schoolleider"),
        ("Locatieleider", "schoolleider"),
        ("teamleider", "schoolleider"),
        ("leerkracht", "leraar"),
        ("docent", "leraar"),
        ("bestuur", "bestuurder"),
        ("College van Bestuur", "bestuurder"),
        ("college-van-bestuur", "bestuurder"),
        ("leerk", "leraar"),  # the start of a synonym, as for names
    ],
)
def test_synonyms_find_their_layer(model: Model, typed: str, layer: str) -> None:
    assert resolve_layer(model, typed) == layer


def test_every_synonym_in_the_model_finds_its_own_layer(model: Model) -> None:
    words = [(word, layer.id) for layer in model.layers for word in layer.synonyms]
    assert len(words) >= 9
    assert all(resolve_layer(model, word) == layer for word, layer in words)


def test_a_prefix_shared_by_two_layers_is_refused(model: Model) -> None:
    with pytest.raises(WerkwijzerError, match="meer dan één laag"):
        resolve_layer(model, "direct")  # directeur and directeur-bestuurder


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["actions", "-a", "koers", "-l", "directeur", "-p", "begin", "--json"], "schoolleider"),
        (["actions", "-a", "koers", "-l", "leerkracht", "-p", "begin", "--json"], "leraar"),
    ],
)
def test_commands_take_synonyms_for_a_layer(args: list[str], expected: str) -> None:
    import json

    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["cells"][0]["layer"]["id"] == expected


def test_history_takes_a_synonym(tmp_path: Path) -> None:
    result = run("history", "--layer", "leerkracht", "--db", str(tmp_path / "leeg.db"))
    assert result.exit_code == 0, result.stderr


def _set_synonyms(folder: Path, synonyms: dict[str, list[str]]) -> None:
    path = folder / "aspects.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for layer in data["layers"]:
        layer["synonyms"] = synonyms.get(layer["id"], [])
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("synonyms", "complaint"),
    [
        ({"leraar": ["directeur"], "schoolleider": ["directeur"]}, "hoort al bij de laag"),
        ({"leraar": ["Schoolleider"]}, "hoort al bij de laag schoolleider"),
        ({"leraar": ["leraar"]}, "de id of naam van de laag zelf"),
        ({"leraar": [""]}, "synonyms"),
    ],
)
def test_the_model_refuses_synonyms_that_lead_to_two_places(
    tmp_path: Path, synonyms: dict[str, list[str]], complaint: str
) -> None:
    folder = copy_model(tmp_path / "model")
    _set_synonyms(folder, synonyms)
    with pytest.raises(ModelError) as caught:
        load_model(folder)
    assert complaint in "\n".join(caught.value.problems)


def test_a_model_without_synonyms_is_fine(tmp_path: Path) -> None:
    folder = copy_model(tmp_path / "model")
    _set_synonyms(folder, {})
    assert all(layer.synonyms == [] for layer in load_model(folder).layers)

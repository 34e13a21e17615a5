"""The model: the built-in one validates; each broken rule is refused with file, place and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_model, mini_model, run

from werkwijzer.core.errors import ModelError
from werkwijzer.core.model_load import load_model


def test_builtin_model_validates() -> None:
    result = run("validate")
    assert result.exit_code == 0, result.stderr
    assert "108 uitspraken" in result.stdout
    assert result.stderr == ""


def test_mini_model_validates(tmp_path: Path) -> None:
    model = load_model(mini_model(tmp_path / "m"))
    assert [a.id for a in model.aspects] == ["alfa", "beta"]
    assert len(model.items_for("leraar")) == 2 * 3 * 2


def _edit(path: Path, change: Callable[[dict[str, Any]], object]) -> None:
    data = yaml.safe_load(path.read_text())
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def _problems(folder: Path) -> str:
    with pytest.raises(ModelError) as caught:
        load_model(folder)
    return caught.value.message


def test_unknown_key_names_file_path_and_line(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    _edit(folder / "grid/alfa.yaml", lambda d: d["layers"]["leraar"]["tussen"].update(colour=1))
    message = _problems(folder)
    assert "grid/alfa.yaml" in message
    assert "layers.leraar.tussen.colour" in message
    assert "onbekende sleutel" in message
    assert ", regel " in message


def test_missing_cell(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    _edit(folder / "grid/beta.yaml", lambda d: d["layers"]["schoolleider"].pop("gevorderd"))
    assert "de cel schoolleider × gevorderd ontbreekt" in _problems(folder)


def test_duplicate_item_id_across_files(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")

    def clash(d: dict[str, Any]) -> None:
        d["layers"]["leraar"]["begin"]["items"][0]["id"] = "alfa.leraar.begin.1"

    _edit(folder / "grid/beta.yaml", clash)
    message = _problems(folder)
    assert "dubbele id 'alfa.leraar.begin.1'" in message
    assert "grid/alfa.yaml" in message  # where the first one stands


def test_action_with_unknown_instrument(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")

    def unknown(d: dict[str, Any]) -> None:
        d["layers"]["bestuurder"]["begin"]["actions"][0]["instruments"] = ["toverstaf"]

    _edit(folder / "grid/alfa.yaml", unknown)
    message = _problems(folder)
    assert "instrument 'toverstaf' staat niet in instruments.yaml" in message
    assert "layers.bestuurder.begin.actions[0].instruments[0]" in message


def test_cell_without_items(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    _edit(folder / "grid/alfa.yaml", lambda d: d["layers"]["leraar"]["tussen"].update(items=[]))
    assert "geen uitspraken voor leraar in fase tussen" in _problems(folder)


def test_bad_effort_is_explained_in_dutch(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")

    def effort(d: dict[str, Any]) -> None:
        d["layers"]["leraar"]["begin"]["actions"][0]["effort"] = "reuze"

    _edit(folder / "grid/alfa.yaml", effort)
    assert "'reuze' kan niet; kies uit 'klein', 'middel' of 'groot'" in _problems(folder)


def test_invalid_yaml_gives_the_line(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    (folder / "instruments.yaml").write_text("instruments:\n  - id: pdca\n   name: [kapot\n")
    message = _problems(folder)
    assert "instruments.yaml, regel 3" in message
    assert "geen geldige YAML" in message


def test_missing_grid_file(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    (folder / "grid/beta.yaml").unlink()
    assert "grid/beta.yaml: bestand ontbreekt" in _problems(folder)


def test_phase_order_is_fixed(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    _edit(folder / "phases.yaml", lambda d: d["phases"].reverse())
    assert "de fasen moeten begin, tussen, gevorderd zijn" in _problems(folder)


def test_validate_command_reports_problems_without_traceback(tmp_path: Path) -> None:
    folder = copy_model(tmp_path / "model")
    _edit(folder / "aspects.yaml", lambda d: d.update(kleur="blauw"))
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    assert "aspects.yaml, regel" in result.stderr
    assert "kleur" in result.stderr
    assert result.stdout == ""


def test_model_folder_from_environment(tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    result = run("validate", env={"WERKWIJZER_MODEL": str(folder)})
    assert result.exit_code == 0, result.stderr
    assert "versie test-1" in result.stdout


def test_model_json_has_every_cell_filled() -> None:
    import json

    result = run("model", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data["aspects"]) == 4
    for aspect in data["aspects"]:
        for layer in ("bestuurder", "schoolleider", "leraar"):
            for phase in ("begin", "tussen", "gevorderd"):
                cell = aspect["cells"][layer][phase]
                assert cell["description"] and cell["items"] and cell["actions"]

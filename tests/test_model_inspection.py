"""The Inspectie's frame in the model: its checks, and how `werkwijzer aspects` shows it."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import mini_model, run, shows_in_order

from werkwijzer.core.errors import ModelError
from werkwijzer.core.model import INSPECTION_LEVELS, InspectionFramework, Model
from werkwijzer.core.model_load import load_model

FRAMEWORK = {"name": "Onderzoekskader 2021 (bijstelling 2024)", "year": 2021}
SKA1 = {"code": "SKA1", "name": "Visie, ambities en doelen", "level": "school"}
BKA1 = {"code": "BKA1", "name": "Visie, ambities en doelen", "level": "bestuur"}


def framed_model(folder: Path, change: Callable[[dict[str, Any]], object] = lambda _: None) -> Path:
    """A mini model whose first aspect names SKA1 and BKA1, after `change` edits aspects.yaml."""
    mini_model(folder)
    path = folder / "aspects.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["inspection_framework"] = dict(FRAMEWORK)
    data["aspects"][0]["inspection_standards"] = [dict(SKA1), dict(BKA1)]
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def problems(folder: Path) -> str:
    with pytest.raises(ModelError) as caught:
        load_model(folder, use_cache=False)
    return caught.value.message


# --- the model ------------------------------------------------------------------------------------


def test_the_frame_is_read_into_the_model(tmp_path: Path) -> None:
    model = load_model(framed_model(tmp_path / "m"), use_cache=False)
    assert model.inspection_framework == InspectionFramework(
        name="Onderzoekskader 2021 (bijstelling 2024)", year=2021
    )
    first, second = model.aspects
    assert [(s.code, s.name, s.level) for s in first.inspection_standards] == [
        ("SKA1", "Visie, ambities en doelen", "school"),
        ("BKA1", "Visie, ambities en doelen", "bestuur"),
    ]
    assert second.inspection_standards == []


def test_a_model_without_the_frame_still_validates(tmp_path: Path) -> None:
    model = load_model(mini_model(tmp_path / "m"), use_cache=False)
    assert model.inspection_framework is None
    assert all(a.inspection_standards == [] for a in model.aspects)


def test_builtin_aspects_name_school_and_board_standards(model: Model) -> None:
    assert model.inspection_framework is not None
    assert model.inspection_framework.year == 2021
    for aspect in model.aspects:
        levels = {s.level for s in aspect.inspection_standards}
        assert levels == set(INSPECTION_LEVELS), aspect.id
    # The kader's quality-assurance standards, school and board, are each supported somewhere.
    codes = {s.code for a in model.aspects for s in a.inspection_standards}
    assert codes >= {"SKA1", "SKA2", "SKA3", "BKA1", "BKA2", "BKA3"}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d.pop("inspection_framework"),
            ["aspects[0].inspection_standards", "inspection_framework (naam en jaar"],
        ),
        (
            lambda d: d["aspects"][0]["inspection_standards"][1].update(level="provincie"),
            ["aspects[0].inspection_standards[1].level", "'provincie' kan niet", "'bestuur'"],
        ),
        (
            lambda d: d["aspects"][0]["inspection_standards"].append(dict(SKA1)),
            ["inspection_standards[2].code", "'SKA1' staat twee keer", "regel"],
        ),
        (
            lambda d: d["aspects"][1].update(
                inspection_standards=[{**SKA1, "name": "Visie en missie"}]
            ),
            ["aspects[1].inspection_standards[0].code", "'Visie en missie'", "één code"],
        ),
        (
            lambda d: d["aspects"][0]["inspection_standards"][0].update(code="ska-1"),
            ["inspection_standards[0].code", "ongeldige code 'ska-1'"],
        ),
        (
            lambda d: d["inspection_framework"].update(year="2021"),
            ["inspection_framework.year", "moet een geheel getal zijn"],
        ),
        (
            lambda d: d["inspection_framework"].update(year=1921),
            ["inspection_framework.year", "tussen 2000 en 2100", "1921"],
        ),
        (
            lambda d: d["inspection_framework"].pop("name"),
            ["inspection_framework.name", "verplichte sleutel ontbreekt"],
        ),
    ],
    ids=[
        "no-framework",
        "level",
        "twice",
        "two-names",
        "code",
        "year-as-text",
        "year-range",
        "no-name",
    ],
)
def test_a_broken_frame_is_refused_in_dutch_with_its_place(
    tmp_path: Path, change: Callable[[dict[str, Any]], object], expected: list[str]
) -> None:
    message = problems(framed_model(tmp_path / "m", change))
    assert "aspects.yaml" in message
    for part in expected:
        assert part in message


def test_validate_refuses_a_broken_frame_with_exit_2(tmp_path: Path) -> None:
    folder = framed_model(
        tmp_path / "m",
        lambda d: d["aspects"][0]["inspection_standards"][0].update(level="gemeente"),
    )
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 2
    assert "'gemeente' kan niet" in result.stderr
    assert "Traceback" not in result.stderr


# --- werkwijzer aspects ASPECT --------------------------------------------------------------------


def test_terminal_shows_the_standards_between_background_and_references(model: Model) -> None:
    aspect = model.aspect("lerende_professionals")
    result = run("aspects", aspect.id)
    assert result.exit_code == 0
    school = [s for s in aspect.inspection_standards if s.level == "school"]
    board = [s for s in aspect.inspection_standards if s.level == "bestuur"]
    assert shows_in_order(
        result.stdout,
        "Achtergrond",
        "Standaarden van de inspectie",
        "Onderzoekskader 2021",
        "Voor de school",
        *(f"{s.code} {s.name}" for s in school),
        "Voor het bestuur",
        *(f"{s.code} {s.name}" for s in board),
        "Bronnen",
    )
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_without_the_frame_nothing_is_shown(tmp_path: Path) -> None:
    folder = str(mini_model(tmp_path / "m"))
    assert "Standaarden van de inspectie" not in run("aspects", "alfa", "--model", folder).stdout
    assert "inspectie" not in run("aspects", "alfa", "--markdown", "--model", folder).stdout
    data = json.loads(run("aspects", "alfa", "--json", "--model", folder).stdout)
    assert data["inspection_framework"] is None
    assert data["aspect"]["inspection_standards"] == []


def test_a_framework_name_without_its_year_gets_the_year(tmp_path: Path) -> None:
    folder = framed_model(
        tmp_path / "m", lambda d: d["inspection_framework"].update(name="Onderzoekskader po")
    )
    out = run("aspects", "alfa", "--markdown", "--model", str(folder)).stdout
    assert "uit het Onderzoekskader po (kader van 2021)." in out

"""A coach copies the built-in model, edits the copy and uses it."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import EXAMPLES, run


def test_copy_edit_and_use_the_copy(tmp_path: Path) -> None:
    copy = tmp_path / "mijn-model"
    result = run("model", "--copy-to", str(copy))
    assert result.exit_code == 0, result.stderr
    assert f"werkwijzer validate --model {copy}" in result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in (copy / "grid").iterdir()) == [
        "koers.yaml",
        "leidinggeven_aan_leren.yaml",
        "lerende_professionals.yaml",
        "werken_met_data.yaml",
    ]
    aspects = copy / "aspects.yaml"
    aspects.write_text(
        aspects.read_text(encoding="utf-8")
        .replace('version: "2026.12"', 'version: "2026.12-de-vlinder"')
        .replace("name: Koers", "name: Onze koers"),
        encoding="utf-8",
    )
    assert run("validate", "--model", str(copy)).exit_code == 0
    scored = run(
        "score", "--json", "--model", str(copy), str(EXAMPLES / "leraar-obs-de-regenboog.yaml")
    )
    data = json.loads(scored.stdout)
    assert data["model_version"] == "2026.12-de-vlinder"
    assert data["aspects"][0]["name"] == "Onze koers"


def test_copy_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "bestaand").mkdir()
    (tmp_path / "bestaand" / "notities.txt").write_text("van mij")
    result = run("model", "--copy-to", str(tmp_path / "bestaand"))
    assert result.exit_code == 2
    assert "geen lege map" in result.stderr
    assert (tmp_path / "bestaand" / "notities.txt").read_text() == "van mij"
    assert not (tmp_path / "bestaand" / "aspects.yaml").exists()


def test_copy_of_a_broken_model_is_refused(tmp_path: Path) -> None:
    first = tmp_path / "eerste"
    assert run("model", "--copy-to", str(first)).exit_code == 0
    (first / "phases.yaml").write_text("threshold: [kapot\n")
    result = run("model", "--model", str(first), "--copy-to", str(tmp_path / "tweede"))
    assert result.exit_code == 2
    assert "phases.yaml" in result.stderr
    assert not (tmp_path / "tweede").exists()

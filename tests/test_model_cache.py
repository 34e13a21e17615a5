"""The cache of checked models: same model as from YAML, never stale, never in the way."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import mini_model, run

from werkwijzer.core import model_cache
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model_load import load_model
from werkwijzer.core.model_yaml import read_model


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("model-*.pickle"))


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("WERKWIJZER_CACHE", str(folder))
    return folder


def test_cached_model_is_the_model_read_from_yaml(cache: Path) -> None:
    first = load_model()
    assert len(entries(cache)) == 1
    again = load_model()
    assert again is not first  # it came from the cache, not from memory
    assert to_jsonable(again) == to_jsonable(read_model())
    assert again.place("koers.leraar.begin.1") is not None


def test_an_edited_model_gets_a_new_entry(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    assert load_model(folder).aspect("alfa").name == "Alfa"
    grid = folder / "aspects.yaml"
    grid.write_text(grid.read_text().replace("name: Alfa", "name: Anders"))
    assert load_model(folder).aspect("alfa").name == "Anders"
    assert len(entries(cache)) == 2


def test_a_broken_entry_is_ignored(cache: Path) -> None:
    load_model()
    (entry,) = entries(cache)
    entry.write_bytes(b"geen pickle")
    assert load_model().version == read_model().version


def test_a_broken_model_is_never_cached(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    (folder / "phases.yaml").write_text("scale: [kapot\n")
    assert run("score", "--model", str(folder), "x.yaml").exit_code == 2
    assert entries(cache) == []


def test_off_switches_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WERKWIJZER_CACHE", "off")
    assert model_cache.key(tmp_path) is None
    load_model()
    assert not any(tmp_path.iterdir())


def test_an_unwritable_cache_folder_is_no_problem(cache: Path) -> None:
    cache.write_text("een bestand, geen map")
    assert load_model().version
    assert cache.read_text() == "een bestand, geen map"


def test_validate_reads_the_yaml_not_the_cache(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    # Another model under this folder's key: only a command that trusts the cache would see it.
    cache_key = model_cache.key(folder)
    assert cache_key is not None
    model_cache.write(cache_key, read_model())
    assert load_model(folder).version == "2026.12"  # the other commands do trust the cache
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 0
    assert "versie test-1" in result.stdout


def test_an_entry_for_another_key_is_not_used(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    cache_key = model_cache.key(folder)
    assert cache_key is not None
    model_cache.write(cache_key + "x", read_model())
    assert model_cache.read(cache_key) is None

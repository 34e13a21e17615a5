"""The cache of checked models: same model as from YAML, never stale, never code, never in the way."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from pathlib import Path

import pytest
from conftest import mini_model, run

from werkwijzer.core import model_cache
from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.errors import ModelError
from werkwijzer.core.model_load import load_model
from werkwijzer.core.model_yaml import read_model, read_model_files


def entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("model-*") if not p.name.endswith(".tmp"))


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


def test_an_entry_is_plain_json_of_the_files_read(cache: Path) -> None:
    load_model()
    (entry,) = entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    _, files = read_model_files()
    assert data["files"] == files and len(files) == 7  # 3 model files and 4 grids
    assert data["model"] == to_jsonable(read_model())


def test_an_edited_model_is_read_again(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    assert load_model(folder).aspect("alfa").name == "Alfa"
    aspects = folder / "aspects.yaml"
    aspects.write_text(aspects.read_text().replace("name: Alfa", "name: Anders"))
    assert load_model(folder).aspect("alfa").name == "Anders"


def test_an_edit_that_keeps_size_and_time_is_seen(cache: Path, tmp_path: Path) -> None:
    """As `touch -r`, `cp -p`, `rsync -t` and `tar x` leave a file (finding 24)."""
    folder = mini_model(tmp_path / "m")
    assert load_model(folder).aspect("alfa").name == "Alfa"
    aspects = folder / "aspects.yaml"
    before = aspects.stat()
    text = aspects.read_text()
    assert "name: Alfa" in text
    aspects.write_text(text.replace("name: Alfa", "name: Alef"))  # as many bytes
    os.utime(aspects, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert aspects.stat().st_size == before.st_size
    assert aspects.stat().st_mtime_ns == before.st_mtime_ns
    assert load_model(folder).aspect("alfa").name == "Alef"


def test_a_grid_file_named_yml_or_outside_the_folder_counts(cache: Path, tmp_path: Path) -> None:
    """The cache follows the files the loader read, not a pattern of names (finding 21)."""
    folder = mini_model(tmp_path / "m")
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    shutil.move(folder / "grid" / "alfa.yaml", elsewhere / "alfa.yml")
    shutil.move(folder / "grid" / "beta.yaml", folder / "grid" / "beta.yml")
    aspects = folder / "aspects.yaml"
    aspects.write_text(
        aspects.read_text()
        .replace("grid: grid/alfa.yaml", "grid: ../elders/alfa.yml")
        .replace("grid: grid/beta.yaml", "grid: grid/beta.yml")
    )
    assert load_model(folder).aspect("alfa").cell("leraar", "begin").description.startswith("alfa")
    for grid, word in ((elsewhere / "alfa.yml", "alfa"), (folder / "grid" / "beta.yml", "beta")):
        grid.write_text(
            grid.read_text().replace(f"description: {word} leraar begin.", "description: Nieuw.")
        )
        assert load_model(folder).aspect(word).cell("leraar", "begin").description == "Nieuw."
    (elsewhere / "alfa.yml").write_text("aspect: alfa\nlayers: kapot\n")
    with pytest.raises(ModelError):
        load_model(folder)


def test_a_pickle_in_the_cache_is_never_run(cache: Path, tmp_path: Path) -> None:
    """Whoever can write into the cache folder must not be able to run code (finding 4)."""
    marker = tmp_path / "uitgevoerd"
    load_model()
    payload = pickle.dumps(_Boom(str(marker)))
    for entry in entries(cache):
        entry.write_bytes(payload)
    (cache / "model-00000000.pickle").write_bytes(payload)
    assert load_model().version == read_model().version
    assert not marker.exists()


class _Boom:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (shutil.copyfile, (__file__, self.path))


def _tampered_entry(cache: Path) -> None:
    """A well-formed entry for the built-in model, but with a title that is not the model's."""
    load_model()
    (entry,) = entries(cache)
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["model"]["title"] = "Vals"
    entry.write_text(json.dumps(data), encoding="utf-8")


def test_a_well_formed_entry_is_used(cache: Path) -> None:
    """The other tests' baseline: the tampered entry of _tampered_entry is read in a safe folder."""
    _tampered_entry(cache)
    assert load_model().title == "Vals"


def test_a_folder_others_may_write_to_is_not_trusted(cache: Path) -> None:
    _tampered_entry(cache)
    cache.chmod(0o777)
    assert load_model().title != "Vals"
    cache.chmod(0o700)
    (entry,) = entries(cache)
    entry.chmod(0o666)
    assert load_model().title != "Vals"


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a folder to another user")
def test_a_folder_of_another_user_is_not_trusted(cache: Path) -> None:
    _tampered_entry(cache)
    os.chown(cache, 65534, 65534)
    assert load_model().title != "Vals"


def test_a_broken_entry_is_ignored(cache: Path) -> None:
    load_model()
    (entry,) = entries(cache)
    entry.write_bytes(b"geen json")
    assert load_model().version == read_model().version
    entry.write_text('{"format": "werkwijzer-model-cache/1", "model": [1, 2]}')
    assert load_model().version == read_model().version


def test_a_broken_model_is_never_cached(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    (folder / "phases.yaml").write_text("scale: [kapot\n")
    assert run("score", "--model", str(folder), "x.yaml").exit_code == 2
    assert entries(cache) == []


def test_off_switches_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WERKWIJZER_CACHE", "off")
    assert model_cache.folder() is None
    load_model()
    assert not any(tmp_path.iterdir())


def test_an_unwritable_cache_folder_is_no_problem(cache: Path) -> None:
    cache.write_text("een bestand, geen map")
    assert load_model().version
    assert cache.read_text() == "een bestand, geen map"


def test_validate_reads_the_yaml_not_the_cache(cache: Path, tmp_path: Path) -> None:
    folder = mini_model(tmp_path / "m")
    # Another model stored for this folder's files: only a command that trusts the cache sees it.
    _, files = read_model_files(folder)
    model_cache.write(folder, files, read_model())
    assert load_model(folder).version == "2026.12"  # the other commands do trust the cache
    result = run("validate", "--model", str(folder))
    assert result.exit_code == 0
    assert "versie test-1" in result.stdout

"""A cache of checked models, so that a command starts without parsing and checking YAML again.

An entry is data, never code: a JSON document of plain values (texts, numbers, lists), from which
the model's dataclasses are built again. It records a hash (BLAKE2b) of every file the model loader
read (the grid files named in aspects.yaml too, whatever their name or folder) and of model.py
(the shape of the cached classes), and is used only when all of them still have that content: an
edit is seen even when it keeps a file's size and modification time.

The cache lives in the user's own cache folder (platformdirs) or in WERKWIJZER_CACHE, and is used
only when that folder and the entry belong to the user and nobody else may write to them (on
systems with file owners). WERKWIJZER_CACHE=off switches it off. The cache is an optimisation:
any failure to read, check or write it is ignored and the model is read from YAML.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import json
import os
import stat
import types
import typing
from pathlib import Path
from typing import Any

from werkwijzer import __version__
from werkwijzer.core.model import Model

CACHE_ENV = "WERKWIJZER_CACHE"
FORMAT = "werkwijzer-model-cache/1"
MAX_ENTRY_BYTES = 16 * 1024 * 1024


def folder() -> Path | None:
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("werkwijzer", appauthor=False))


try:  # CPython's own BLAKE2, which hashlib.blake2b is: importing hashlib itself loads OpenSSL,
    # and that alone costs every command ~4 ms of its start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - another Python
    from hashlib import blake2b


def file_hash(data: bytes) -> str:
    """A cryptographic hash of a file's content (BLAKE2b, 128 bits)."""
    return blake2b(data, digest_size=16).hexdigest()


def read(model_folder: Path) -> Model | None:
    """The cached model of `model_folder`, or None when there is none that is current and safe."""
    try:
        path = _entry(model_folder)
        if path is None or not _safe_folder(path.parent):
            return None
        entry = json.loads(_read_own_file(path))
        if not _current(entry, model_folder):
            return None
        return _model(entry["model"])
    except Exception:  # a missing, partial, foreign or stale entry: read the YAML instead
        return None


def write(model_folder: Path, files: dict[str, str], model: Model) -> None:
    """Store `model`, read from `files` (real path -> hash of the bytes the loader read)."""
    from werkwijzer.core.documents import to_jsonable

    with contextlib.suppress(Exception):
        path = _entry(model_folder)
        if path is None:
            return
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _safe_folder(path.parent):
            return
        entry = {
            "format": FORMAT,
            "werkwijzer": __version__,
            "code": _code_hash(),
            "folder": str(_real(model_folder)),
            "files": files,
            "model": to_jsonable(model),
        }
        _write_own_file(path, json.dumps(entry, ensure_ascii=False).encode("utf-8"))


# --- where, and whether to trust it --------------------------------------------------------------


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _entry(model_folder: Path) -> Path | None:
    place = folder()
    if place is None:
        return None
    # The name only spreads entries over models; the content hashes inside decide whether it is used.
    name = file_hash(f"{__version__}\n{_real(model_folder)}".encode())[:16]
    return place / f"model-{name}.json"


def _safe_folder(place: Path) -> bool:
    """A folder of the user's own that no one else may write to (always true without owners)."""
    info = os.stat(place)
    return stat.S_ISDIR(info.st_mode) and _owned_and_private(info)


def _owned_and_private(info: os.stat_result) -> bool:
    if not hasattr(os, "geteuid"):
        return True  # Windows: the user's own profile folder; no owner bits to check
    return info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_own_file(path: Path) -> bytes:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode) or not _owned_and_private(info):
            raise PermissionError(path)
        data = stream.read(MAX_ENTRY_BYTES + 1)
    if len(data) > MAX_ENTRY_BYTES:
        raise ValueError("cache entry too large")
    return data


def _write_own_file(path: Path, data: bytes) -> None:
    import tempfile

    fd, tmp_name = tempfile.mkstemp(prefix=".model-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise


def _code_hash() -> str:
    return file_hash(Path(__file__).with_name("model.py").read_bytes())


def _current(entry: Any, model_folder: Path) -> bool:
    """The entry is of this werkwijzer and model.py, and every file it was read from is unchanged."""
    if not isinstance(entry, dict) or entry.get("format") != FORMAT:
        return False
    if entry.get("werkwijzer") != __version__ or entry.get("code") != _code_hash():
        return False
    if entry.get("folder") != str(_real(model_folder)):
        return False
    files = entry.get("files")
    if not isinstance(files, dict) or not files:
        return False
    return all(file_hash(Path(name).read_bytes()) == digest for name, digest in files.items())


# --- the model again, from plain values ----------------------------------------------------------


def _model(data: dict[str, Any]) -> Model:
    built: Model = _from_plain(Model, data)
    return built


def _from_plain(hint: Any, value: Any) -> Any:
    """`value` (JSON data) as the type `hint`: dataclasses by their fields, lists, dicts, unions.

    Generic, so a field added to the model needs no change here; the entry was written by
    to_jsonable from the same classes (model.py's hash is in the key), so its shape fits them.
    """
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{f.name: _from_plain(hints[f.name], value[f.name]) for f in _fields(hint)})
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is list:
        return [_from_plain(args[0], v) for v in value]
    if origin is dict:
        return {k: _from_plain(args[1], v) for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        chosen = next(a for a in args if a is not type(None))
        return _from_plain(chosen, value)
    if hint is float:
        return float(value)
    return value  # str, int, bool, Literal


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@functools.cache
def _fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)

"""A cache of checked models, so that a command starts without parsing and checking YAML again.

The key describes every YAML file of the model folder by path, size and modification time (as
Python does for its .pyc files), plus werkwijzer's version and model.py's own size and time (the
cached objects are its classes). An entry holds its full key and is used only when that key
matches, so a changed model is never served from the cache. The cache is an optimisation: any
failure to read or write it is ignored and the model is read from YAML.

Entries are pickles, written and read by werkwijzer only, in the user's own cache folder
(platformdirs) or in WERKWIJZER_CACHE; WERKWIJZER_CACHE=off switches the cache off.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import zlib
from pathlib import Path

from werkwijzer import __version__

CACHE_ENV = "WERKWIJZER_CACHE"


def folder() -> Path | None:
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("werkwijzer", appauthor=False))


def key(model_folder: Path) -> str | None:
    """The cache key of the model in `model_folder`, or None when the cache is off or it fails."""
    if os.environ.get(CACHE_ENV) == "off":
        return None
    try:
        code = Path(__file__).with_name("model.py")
        parts = [f"werkwijzer {__version__}", str(model_folder.resolve()), _stamp(code, code.name)]
        parts += [_stamp(p, p.relative_to(model_folder).as_posix()) for p in _yaml(model_folder)]
    except OSError:
        return None  # an unreadable model: reading it from YAML gives the proper message
    return "\n".join(parts)


def read(cache_key: str) -> object | None:
    path = _entry(cache_key)
    if path is None:
        return None
    try:
        stored_key, model = pickle.loads(path.read_bytes())
    except Exception:  # a missing, partial or foreign entry: read the YAML instead
        return None
    found: object = model
    return found if stored_key == cache_key else None


def write(cache_key: str, model: object) -> None:
    path = _entry(cache_key)
    if path is None:
        return
    from werkwijzer.core.atomic import atomic_write_bytes

    with contextlib.suppress(OSError, pickle.PickleError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, pickle.dumps((cache_key, model), protocol=4))


def _entry(cache_key: str) -> Path | None:
    place = folder()
    # The name only spreads entries; the key inside the entry decides whether it is used.
    return None if place is None else place / f"model-{zlib.crc32(cache_key.encode()):08x}.pickle"


def _yaml(model_folder: Path) -> list[Path]:
    return sorted(model_folder.rglob("*.yaml"))


def _stamp(path: Path, name: str) -> str:
    stat = path.stat()
    return f"{name} {stat.st_size} {stat.st_mtime_ns}"

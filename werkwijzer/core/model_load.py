"""load_model: a checked model from the cache when its files are unchanged, else from the YAML."""

from __future__ import annotations

from pathlib import Path

from werkwijzer.core import model_cache
from werkwijzer.core.model import Model, builtin_model_dir


def load_model(folder: Path | None = None, *, use_cache: bool = True) -> Model:
    """Load a model folder (default: the built-in model). Raises ModelError.

    A model that was checked before, with files of exactly the same content, comes from the cache;
    `use_cache=False` reads and checks the YAML whatever the cache holds.
    """
    chosen = folder or builtin_model_dir()
    if use_cache:
        cached = model_cache.read(chosen)
        if cached is not None:
            return cached
    # Reading YAML pulls in pydantic; the cached path never pays for it.
    from werkwijzer.core.model_yaml import read_model_files

    model, files = read_model_files(folder)
    if use_cache:
        model_cache.write(chosen, files, model)
    return model

"""The one convention for every document werkwijzer writes: frozen dataclasses, one serialiser.

Each document (werkwijzer-result/1, -team/3, -compare/2, -history/1, ...) is a tree of frozen
dataclasses with a `format` field. `to_jsonable` turns any of them into JSON-ready data, and
`werkwijzer.core.schemas` derives their JSON Schemas, with the field descriptions given here
through `described`. No pydantic at run time: only the schema command pays for it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection
from typing import Any

DESCRIPTION = "description"


def described(text: str, **kwargs: Any) -> Any:
    """A dataclass field with a description for its JSON Schema (`field` arguments pass through)."""
    return dataclasses.field(metadata={DESCRIPTION: text}, **kwargs)


def to_jsonable(
    value: Any, *, include: Collection[str] | None = None, exclude: Collection[str] = ()
) -> Any:
    """Recursively: a dataclass becomes a dict of its fields (in order), a date an ISO string.

    `include` and `exclude` choose the fields of the outermost dataclass only.
    """
    if value is None or isinstance(value, (str, int, float)):
        return value  # most values are these: answered before the costlier checks
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: to_jsonable(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if (include is None or f.name in include) and f.name not in exclude
        }
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value

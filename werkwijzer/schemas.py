"""JSON Schemas of the documents werkwijzer reads and writes, generated from the pydantic models."""

from __future__ import annotations

from typing import Any


def json_schema(name: str) -> dict[str, Any]:
    if name == "answers":
        from werkwijzer.answers import Answers

        return _with_id(Answers.model_json_schema(), name)
    if name == "result":
        from werkwijzer.result import Result

        return _with_id(Result.model_json_schema(mode="serialization"), name)
    if name == "team":
        from werkwijzer.team import TeamResult

        return _with_id(TeamResult.model_json_schema(mode="serialization"), name)
    raise ValueError(name)


def _with_id(schema: dict[str, Any], name: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"werkwijzer-{name}-1.schema.json",
        **schema,
    }

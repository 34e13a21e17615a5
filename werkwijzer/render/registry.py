"""Which function renders which document in which format: one table, each renderer imported lazily.

A document is any object the core builds (a Result, a TeamResult, a Comparison, a History, a
model look-up); it is looked up by its class name. JSON needs no entry: every document that is a
dataclass serialises through `to_jsonable`, and look-ups name their own JSON shape here.
File renderers are `f(document, context) -> str | bytes`; terminal renderers are
`f(console, document, context) -> None`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, Final, Literal

Format = Literal["terminal", "markdown", "json", "csv", "html", "xlsx"]
FORMATS: Final[tuple[Format, ...]] = ("terminal", "markdown", "json", "csv", "html", "xlsx")
# What -o FILE means when no --format is given.
SUFFIX_FORMATS: Final[dict[str, Format]] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".xlsx": "xlsx",
}
FORMAT_NAMES: Final[dict[Format, str]] = {
    "terminal": "scherm",
    "markdown": "markdown",
    "json": "JSON",
    "csv": "CSV",
    "html": "HTML",
    "xlsx": "Excel (xlsx)",
}

_R = "werkwijzer.render."
RENDERERS: Final[dict[tuple[str, Format], str]] = {
    ("Result", "terminal"): _R + "result_terminal:render_result",
    ("Result", "markdown"): _R + "report_markdown:individual_markdown",
    ("Result", "csv"): _R + "report_csv:individual_csv",
    ("Explained", "terminal"): _R + "explain_terminal:render_explained",
    ("Explained", "markdown"): _R + "explain_markdown:explained_markdown",
    ("Explained", "json"): _R + "explain_markdown:explained_json",
    ("TeamResult", "markdown"): _R + "team_markdown:team_markdown",
    ("TeamResult", "csv"): _R + "report_csv:team_csv",
    ("Result", "html"): _R + "report_html:individual_html",
    ("TeamResult", "html"): _R + "report_html:team_html",
    ("Result", "xlsx"): _R + "report_xlsx:individual_xlsx",
    ("TeamResult", "xlsx"): _R + "report_xlsx:team_xlsx",
    ("Comparison", "terminal"): _R + "compare_terminal:render_comparison",
    ("Comparison", "markdown"): _R + "compare_markdown:comparison_markdown",
    ("History", "terminal"): _R + "compare_terminal:render_history",
    ("Trend", "terminal"): _R + "trend_terminal:render_trend",
    ("Trend", "markdown"): _R + "trend_markdown:trend_markdown",
    ("Trend", "html"): _R + "trend_html:trend_html",
    ("Model", "terminal"): _R + "result_terminal:render_model_summary",
    ("AspectsView", "terminal"): _R + "lookup_terminal:render_aspects",
    ("AspectsView", "markdown"): _R + "lookup_markdown:aspects_markdown",
    ("AspectsView", "json"): _R + "lookup_json:aspects_json",
    ("AspectView", "terminal"): _R + "lookup_terminal:render_aspect",
    ("AspectView", "markdown"): _R + "lookup_markdown:aspect_markdown",
    ("AspectView", "json"): _R + "lookup_json:aspect_json",
    ("Selection", "terminal"): _R + "lookup_terminal:render_selection",
    ("Selection", "markdown"): _R + "lookup_markdown:selection_markdown",
    ("Selection", "json"): _R + "lookup_json:selection_json",
    ("InstrumentsView", "terminal"): _R + "lookup_terminal:render_instruments",
    ("InstrumentsView", "markdown"): _R + "lookup_markdown:instruments_markdown",
    ("InstrumentsView", "json"): _R + "lookup_json:instruments_json",
    ("InstrumentView", "terminal"): _R + "lookup_terminal:render_instrument",
    ("InstrumentView", "markdown"): _R + "lookup_markdown:instrument_markdown",
    ("InstrumentView", "json"): _R + "lookup_json:instrument_json",
}


def kind(document: object) -> str:
    return type(document).__name__


def formats_of(document: object) -> list[Format]:
    """The formats this document can be written in, in the order of FORMATS."""
    return formats_of_kind(kind(document), json=_dataclass(document))


def formats_of_kind(name: str, *, json: bool = True) -> list[Format]:
    """The formats of a kind of document (its class name), before one is built; `json`: it is a
    dataclass, which always serialises."""
    return [f for f in FORMATS if (name, f) in RENDERERS or (f == "json" and json)]


def renderer(document: object, fmt: Format) -> Callable[..., Any]:
    """The function for this document and format; KeyError when there is none."""
    target = RENDERERS.get((kind(document), fmt))
    if target is None:
        if fmt == "json" and _dataclass(document):
            return _json_document
        raise KeyError((kind(document), fmt))
    module, function = target.split(":")
    found: Callable[..., Any] = getattr(importlib.import_module(module), function)
    return found


def _dataclass(document: object) -> bool:
    import dataclasses

    return dataclasses.is_dataclass(document) and not isinstance(document, type)


def _json_document(document: object, _context: object) -> Any:
    from werkwijzer.core.documents import to_jsonable

    return to_jsonable(document)

"""The quickscan as one self-contained HTML file: `werkwijzer form`.

The page holds everything it needs: the statements and the scoring data of the chosen layers as
JSON, one inline script and one inline style sheet, whose sha256 hashes the Content-Security-Policy
names; the policy allows nothing else (no request of any kind, no other script or style). Every text
from the model or the coach goes through jinja2's autoescape, and into the JSON block through
`tojson`, which escapes <, > and & so that no text can end the block. The paper questionnaire is
static HTML, shown only when printing.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.scoring import threshold_fraction
from werkwijzer.render.text import joined, minutes_for, number_word, reached_rule

TEMPLATES = "templates"


def form_html(
    model: Model,
    layers: Sequence[LayerId],
    *,
    school: str | None = None,
    send_to: str | None = None,
    about: str = "",
) -> str:
    """The form for `layers` (one: fixed; more: the respondent chooses), school fixed or asked.

    `about` is the line on where the model comes from, shown at the foot of the page."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("werkwijzer.render", TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    script = _asset("form.js")
    style = _asset("form.css")
    data = form_data(model, layers, school=school, send_to=send_to)
    return env.get_template("form.html.j2").render(
        csp=content_security_policy(script, style),
        script=Markup(script),
        style=Markup(style),
        data=data,
        about=about,
        school=school,
        send_to=send_to,
        layers=[model.layer(layer) for layer in layers],
        welcome=welcome_text(model, layers),
        minutes=minutes_for(max(len(model.items_for(layer)) for layer in layers)),
        paper=_paper(model, layers),
        scale=model.scale,
    )


def _asset(name: str) -> str:
    text = (resources.files("werkwijzer.render") / TEMPLATES / name).read_text(encoding="utf-8")
    # The browser hashes the text as parsed: an HTML parser turns CRLF into LF. Hash that text.
    return text.replace("\r\n", "\n")


def content_security_policy(script: str, style: str) -> str:
    return (
        "default-src 'none'; "
        f"script-src '{_sha256(script)}'; "
        f"style-src '{_sha256(style)}'; "
        "form-action 'none'; base-uri 'none'"
    )


def _sha256(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def welcome_text(model: Model, layers: Sequence[LayerId]) -> str:
    """The first paragraph of `werkwijzer scan`'s welcome, for these layers."""
    counts = sorted({len(model.items_for(layer)) for layer in layers})
    statements = str(counts[0]) if len(counts) == 1 else f"{counts[0]} tot {counts[-1]}"
    names = [a.name for a in model.aspects]
    return (
        f"Deze quickscan laat zien hoe ver jullie zijn met samen leren, op "
        f"{number_word(len(names))} aspecten: {joined(names)}. Je krijgt {statements} uitspraken; "
        "kies bij elke uitspraak wat het best past bij hoe het nu gaat. Er is geen goed of fout. "
        f"Reken op ongeveer {minutes_for(counts[-1])} minuten."
    )


def form_data(
    model: Model,
    layers: Sequence[LayerId],
    *,
    school: str | None = None,
    send_to: str | None = None,
) -> dict[str, Any]:
    """What the script needs: the statements in scan order, the scale, and the scoring data."""
    threshold = threshold_fraction(model)
    data: dict[str, Any] = {
        "model_version": model.version,
        "school": school,
        "send_to": send_to,
        "layers": [
            {"id": layer.id, "name": layer.name, "description": layer.description}
            for layer in model.layers
            if layer.id in layers
        ],
        "scale": {
            "points": [{"value": p.value, "label": p.label} for p in model.scale.points],
            "unknown_label": model.scale.unknown_label,
        },
        "threshold": [threshold.numerator, threshold.denominator],
        "threshold_percent": round(model.threshold * 100),
        "reached_rule": reached_rule(model),
        "phases": [{"id": p.id, "name": p.name} for p in model.phases],
        "aspects": [
            {"id": a.id, "name": a.name, "description": a.description} for a in model.aspects
        ],
        "items": {
            layer: [
                {"id": p.item.id, "aspect": p.aspect.id, "phase": p.phase, "text": p.item.text}
                for p in model.items_for(layer)
            ]
            for layer in layers
        },
        "cells": {layer: _cells(model, layer) for layer in layers},
    }
    # One key per form: the same file opened again resumes; another form starts afresh.
    identity = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
    data["storage_key"] = "werkwijzer-form:" + hashlib.sha256(identity).hexdigest()[:16]
    return data


def _cells(model: Model, layer: LayerId) -> dict[str, dict[str, Any]]:
    """Per aspect and phase: the description and actions the result shows for the start."""
    return {
        aspect.id: {
            phase.id: {
                "description": aspect.cell(layer, phase.id).description,
                "actions": [
                    {"title": a.title, "description": a.description, "effort": a.effort}
                    for a in aspect.cell(layer, phase.id).actions
                ],
            }
            for phase in model.phases
        }
        for aspect in model.aspects
    }


def _paper(model: Model, layers: Sequence[LayerId]) -> list[dict[str, Any]]:
    """Per layer the aspects with their numbered statements, in scan order, for the print-out."""
    pages = []
    for layer in layers:
        aspects: list[dict[str, Any]] = []
        for number, place in enumerate(model.items_for(layer), 1):
            if not aspects or aspects[-1]["name"] != place.aspect.name:
                aspects.append({"name": place.aspect.name, "statements": []})
            aspects[-1]["statements"].append({"number": number, "text": place.item.text})
        pages.append({"layer": model.layer(layer), "aspects": aspects})
    return pages

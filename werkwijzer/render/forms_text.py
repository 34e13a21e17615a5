"""The quickscan as text to paste into Microsoft Forms or Google Forms: `werkwijzer form --forms-text`.

Per layer and aspect one grid question (Likert in Microsoft Forms, Meerkeuzeraster in Google
Forms) with the scale as its options and the statements as its rows, each ending in its id between
brackets: the id is what lets werkwijzer find the column back in the response sheet
(werkwijzer/core/sheets.py), even when the text was edited.
"""

from __future__ import annotations

from collections.abc import Sequence

from werkwijzer.core.model import LayerId, Model


def forms_text(model: Model, layers: Sequence[LayerId]) -> str:
    options = [p.label for p in model.scale.points] + [model.scale.unknown_label]
    lines = [
        "Quickscan samen leren: de vragen om in Microsoft Forms of Google Forms te plakken",
        f"Model {model.version} · {', '.join(model.layer(layer).name for layer in layers)}",
        "",
        "Maak per aspect één vraag van het type Likert (Microsoft Forms) of Meerkeuzeraster",
        "(Google Forms). Geef die vraag de naam van het aspect, en deze opties (kolommen), in deze",
        "volgorde:",
        *(f"    {option}" for option in options),
        "Zet de uitspraken eronder als stellingen (Microsoft Forms) of rijen (Google Forms), in",
        "deze volgorde. Laat het id tussen haken aan het eind staan: daaraan herkent werkwijzer",
        "elke kolom van de antwoorden, ook als je de tekst nog aanpast. Maak elke uitspraak",
        "verplicht; wie het niet weet, kiest de laatste optie.",
        "Vraag niet naar namen of e-mailadressen (zie de README: Forms zonder namen).",
    ]
    if len(layers) > 1:
        lines += [
            "",
            "Begin met een keuzevraag 'Wat is je rol?' met deze opties:",
            *(f"    {model.layer(layer).name}" for layer in layers),
            "en laat elke rol met vertakking (Microsoft Forms) of secties (Google Forms) alleen",
            "naar de vragen van die rol gaan.",
        ]
    for layer in layers:
        lines += [
            "",
            f"=== {model.layer(layer).name} ({len(model.items_for(layer))} uitspraken) ===",
        ]
        aspect = None
        for place in model.items_for(layer):
            if place.aspect.id != aspect:
                aspect = place.aspect.id
                lines += ["", f"Vraag: {place.aspect.name}", ""]
            lines.append(f"{' '.join(place.item.text.split())} [{place.item.id}]")
    return "\n".join(lines) + "\n"

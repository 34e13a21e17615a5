"""Plain text for history and compare, shared by the terminal and markdown renderers."""

from __future__ import annotations

import datetime as dt

from werkwijzer.core.change import MIN_RESPONDENTS, Verdict
from werkwijzer.core.compare import AspectChange, Comparison, Side, Standing
from werkwijzer.core.model import LAYER_IDS, Model, PhaseId
from werkwijzer.render.text import dutch_date

VERDICT_MARKS: dict[Verdict, str] = {
    "vooruit": "▲ vooruit",
    "gelijk": "= gelijk",
    "achteruit": "▼ achteruit",
    "te_weinig": "· te weinig respondenten om een verschil te duiden",
    "onbekend": "? onbekend",
}
# The tally under the table: short, since the marks above say it in full.
TALLY_NAMES: dict[Verdict, str] = {
    "vooruit": "▲ vooruit",
    "gelijk": "= gelijk",
    "achteruit": "▼ achteruit",
    "te_weinig": "· te weinig respondenten",
    "onbekend": "? onbekend",
}
NO_PHASE = "–"
LEGEND = (
    "Oordeel: vooruit of achteruit alleen als het verschil groter is dan wat toeval in de "
    "antwoorden kan geven. Mensen vullen dezelfde uitspraken niet elke keer precies hetzelfde in; "
    "hoe kleiner de groep en hoe verder de antwoorden uiteenlopen, hoe groter het verschil moet "
    "zijn. Het verschil is dat in de gemiddelde fasepositie: per persoon telt elke fase mee voor "
    "het deel van de drempel dat gehaald is (hoogstens 1), opgeteld van 0 tot 3; één fase hoger is "
    "ongeveer 1. De ruismarge is de 95%-band van Welch rond dat verschil. Gelijk: het verschil "
    "valt binnen de ruismarge. Met minder dan "
    f"{MIN_RESPONDENTS} respondenten aan een kant: te weinig respondenten om een verschil te "
    "duiden. Onbekend: te weinig antwoorden om een fase te bepalen."
)
GROUP_NOTE = (
    "De middelste fase is de mediaan van de respondenten, zoals in het teamrapport. Ze staat "
    "erbij, maar beslist niet: één persoon kan haar over een grens duwen."
)


def number(value: float, places: int = 2, *, sign: bool = False) -> str:
    """A Dutch decimal number: 0,35; with `sign` +0,82 or -0,10."""
    if round(value, places) == 0:
        value = 0.0  # never '-0,00'
    text = f"{value:+.{places}f}" if sign else f"{value:.{places}f}"
    return text.replace(".", ",")


def shift_text(aspect: AspectChange) -> str:
    """'+0,82 (marge ±0,35)', or the difference alone when no margin could be set."""
    if aspect.difference is None:
        return NO_PHASE
    text = number(aspect.difference, sign=True)
    if aspect.margin is not None:
        text += f" (marge ±{number(aspect.margin)})"
    return text


def points(before: float | None, after: float | None) -> str:
    """The change in percentage points between two scores as they are shown (rounded first), so
    that '56% → 52%' always comes with -4, never with a -5 from unrounded scores."""
    if before is None or after is None:
        return NO_PHASE
    change = round(after * 100) - round(before * 100)
    return f"{change:+d}" if change else "0"


def phase_text(model: Model, phase: str | None) -> str:
    """The phase's name from the model ("Tussenfase"), or a dash when there is none."""
    return model.phase(phase).name if phase else NO_PHASE


def count_change(then: Standing | None, now: Standing | None, phase: PhaseId | None) -> str:
    """'6 → 0': how many respondents stood in a phase then and now."""
    before = then.counts.of(phase) if then else NO_PHASE
    after = now.counts.of(phase) if now else NO_PHASE
    return f"{before} → {after}"


def period_text(first: dt.date | None, last: dt.date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return dutch_date(first)
    return f"{dutch_date(first)} – {dutch_date(last)}"


def when(side: Side) -> str:
    """The side's period as asked, else its school years, else its dates."""
    if side.period:
        return side.period
    if side.school_years:
        return " en ".join(side.school_years)
    return period_text(side.first_date, side.last_date)


def title(comparison: Comparison) -> str:
    """'Vergelijking OBS De Regenboog: 2025/2026 → 2026/2027'."""
    schools = list(dict.fromkeys([*comparison.then.schools, *comparison.now.schools]))
    then, now = when(comparison.then), when(comparison.now)
    moments = f"{then} → {now}" if then and now else "toen en nu"
    school = f" {schools[0]}" if len(schools) == 1 else ""
    return f"Vergelijking{school}: {moments}"


def layer_counts(model: Model, side: Side) -> str:
    """'1 bestuurder, 2 schoolleiders, 14 leraren'."""
    plural = {"bestuurder": "bestuurders", "schoolleider": "schoolleiders", "leraar": "leraren"}
    parts = []
    for layer in LAYER_IDS:
        n = side.per_layer.get(layer, 0)
        if n:
            name = model.layer(layer).name.lower()
            parts.append(f"{n} {name if n == 1 else plural.get(layer, name)}")
    return ", ".join(parts)


def side_text(model: Model, side: Side) -> str:
    """One line describing a side: who, which school, when. A group names no one."""
    if side.respondents > 1:
        parts = [f"{side.respondents} respondenten ({layer_counts(model, side)})"]
    else:
        parts = [
            f"scan {side.scans[0]}" if side.scans else ", ".join(side.files),
            side.respondent or "",
            layer_counts(model, side),
        ]
    parts += [", ".join(side.schools)]
    if side.boards:
        parts.append(f"bestuur: {', '.join(side.boards)}")
    parts.append(period_text(side.first_date, side.last_date))
    return " · ".join(p for p in parts if p)


def scans_text(side: Side) -> str:
    """'scan 1–17, 20': the stored scans of a side, in ranges."""
    ids = sorted(side.scans)
    runs: list[str] = []
    start = previous = ids[0] if ids else 0
    for scan_id in [*ids[1:], None]:
        if scan_id is not None and scan_id == previous + 1:
            previous = scan_id
            continue
        runs.append(str(start) if start == previous else f"{start}–{previous}")
        if scan_id is not None:
            start = previous = scan_id
    return f"scan {', '.join(runs)}" if ids else ""


def board_note(comparison: Comparison) -> str:
    """How board members' scans counted: the same way in every form of compare, said so here."""
    sides = (comparison.then, comparison.now)
    boards = [s.per_layer.get("bestuurder", 0) for s in sides]
    how = {
        "files": "het bestuurdersbestand stond tussen de antwoordbestanden",
        "school": "de bewaarde scans van bestuurders die samen met antwoorden van deze school "
        "zijn ingelezen (werkwijzer import van de map), of die de school zelf noemen",
        "scans": "de scannummers die je opgaf",
    }
    found = "; ".join(dict.fromkeys(how[s.chosen_by] for s in sides))
    if not any(boards):
        if comparison.then.chosen_by == "school":
            return (
                "Er telt geen bestuurder mee. Een bestuurder telt mee als zijn scan samen met "
                "antwoorden van deze school is ingelezen (werkwijzer import van de map)."
            )
        return ""
    return (
        f"De bestuurder telt mee als respondent, net als in het teamrapport (toen {boards[0]}, "
        f"nu {boards[1]}): {found}."
    )

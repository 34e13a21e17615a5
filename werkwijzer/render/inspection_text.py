"""The Dutch words for the Inspectie's standards an aspect supports, shared by every renderer."""

from __future__ import annotations

from collections.abc import Iterator

from werkwijzer.core.model import (
    INSPECTION_LEVELS,
    Aspect,
    InspectionFramework,
    InspectionLevel,
    InspectionStandard,
)

HEADING = "Standaarden van de inspectie"
LEVEL_NAMES: dict[InspectionLevel, str] = {
    "school": "Voor de school",
    "bestuur": "Voor het bestuur",
}


def intro(framework: InspectionFramework | None) -> str:
    """The sentence above the standards: which kader, of which year."""
    if framework is None:
        return "Dit aspect sluit aan bij deze standaarden van het onderzoekskader van de inspectie."
    # The year is said once: a name such as 'Onderzoekskader 2021' already carries it.
    year = "" if str(framework.year) in framework.name else f" (kader van {framework.year})"
    return (
        "Dit aspect sluit aan bij deze standaarden van de Inspectie van het Onderwijs, uit het "
        f"{framework.name}{year}."
    )


def by_level(aspect: Aspect) -> Iterator[tuple[str, list[InspectionStandard]]]:
    """(Dutch level name, standards) for each level that has standards, school before bestuur."""
    for level in INSPECTION_LEVELS:
        standards = [s for s in aspect.inspection_standards if s.level == level]
        if standards:
            yield LEVEL_NAMES[level], standards


def line(standard: InspectionStandard) -> str:
    return f"{standard.code} {standard.name}"

"""What every renderer gets besides its document: the model for names, and the report options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from werkwijzer.core.model import Model
    from werkwijzer.core.team import NumberedResult
    from werkwijzer.core.team_notes import TeamNotes


@dataclass(frozen=True)
class RenderContext:
    """The model (renderers show names from it, never raw ids) and the options of one output."""

    model: Model
    title: str | None = None
    # The answers file of an individual report, by its base name only (paths can name people).
    source: str | None = None
    # CSV for Excel with Dutch settings: ';', a decimal comma, a BOM.
    excel: bool = False
    # Team CSV: the anonymous per-respondent results of the groups the team document shows.
    respondents: Sequence[NumberedResult] = ()
    # An individual report: the respondent's own notes per statement id (never in a team report).
    notes: Mapping[str, str] = field(default_factory=dict)
    # A team report with `export --notes`: the notes of the groups shown, without names.
    team_notes: TeamNotes | None = None
    # Team report: every action in the appendix (--full), not only those of the start.
    full: bool = False

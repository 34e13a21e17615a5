"""Gathering the answers files for a report: folders opened, files read and scored, mixes refused.

- A folder stands for the answers files directly inside it (*.yaml, *.yml, *.json; not in
  subfolders, not hidden files), sorted by name, and for the response spreadsheets (*.xlsx, *.csv)
  beside them: every row of a sheet is one respondent (see sheets.py). A CSV report that
  `werkwijzer export` wrote there, and Excel's lock files (~$name.xlsx), are passed over.
- The same file named twice (also: named and inside a named folder) counts once; so do two files
  with the same content (the same answers, as `import` matches them: the content hash), such as
  the board member's file copied into the folder of every school. A note says so.
- Two files with the same respondent name in the same layer are refused: someone would count twice.
- Files of different model versions, or of different schools, are refused unless `allow_mixed`;
  with `board` (a board overview) several schools are welcome, one board and one version still.
  A file without a model version counts as made with the current model; a file without a school
  fits with any school, because the school is optional when filling in the scan.
- A board member (layer bestuurder) answers for the board and all its schools, so a bestuurder
  file usually names the board ('Stichting De Linde'), not the school: bestuurder files are
  compared with each other only (one board), and fit with the school of the other files.
Any file that fails stops the whole collection, so a report never silently leaves someone out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from werkwijzer.core.answers import SHEET_SUFFIXES, STDIN, Answers, is_sheet, read_answers
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import LayerId, Model
from werkwijzer.core.paths import os_reason, real_path
from werkwijzer.core.result import Result
from werkwijzer.core.safe_text import printable
from werkwijzer.core.scoring import Scorer
from werkwijzer.core.team import (
    BOARD_LAYER,
    DEFAULT_MIN_GROUP,
    NumberedResult,
    Respondent,
    TeamResult,
    build_team,
    numbered_results,
    school_key,
)

ANSWER_SUFFIXES = (".yaml", ".yml", ".json")
READ_SUFFIXES = ANSWER_SUFFIXES + SHEET_SUFFIXES
_LISTED = 3  # files named in a message before "en N andere"


@dataclass
class Collected:
    respondents: list[Respondent]
    notes: list[str] = field(default_factory=list)  # for the user on stderr; never in a report


def answer_files(sources: Sequence[str], skip: Path | None = None) -> tuple[list[str], list[str]]:
    """The files to read (folders opened, repeats dropped) and notes about what was dropped.

    `skip` is the file a report goes to: left out when found in a folder, refused when named.
    """
    files: list[str] = []
    seen: dict[Path | str, str] = {}
    notes: list[str] = []
    skipped = real_path(skip) if skip else None
    for source in sources:
        for name in _expand(source, notes):
            key: Path | str = name if name == STDIN else real_path(name)
            if key == skipped:
                if name == source:
                    raise WerkwijzerError(
                        f"{name} is een antwoordbestand én het bestand om naar te schrijven; "
                        "kies met -o een ander bestand."
                    )
                continue  # the report itself, written into the folder of answers last time
            if key in seen:
                notes.append(
                    f"{name} is twee keer opgegeven (ook als {seen[key]}); telt één keer mee."
                )
                continue
            seen[key] = name
            files.append(name)
    if not files:
        raise WerkwijzerError("Geen antwoordbestanden gevonden. Geef bestanden of een map op.")
    return files, notes


def _expand(source: str, notes: list[str]) -> list[str]:
    path = Path(source)
    if source == STDIN or not path.is_dir():
        return [source]
    try:
        found = sorted(
            p
            for p in path.iterdir()
            if p.suffix.lower() in READ_SUFFIXES
            and not p.name.startswith((".", "~$"))
            and p.is_file()
        )
    except OSError as exc:
        raise WerkwijzerError(
            f"{printable(source)}: deze map kan niet gelezen worden ({os_reason(exc)})."
        ) from None
    reports = [p for p in found if p.suffix.lower() == ".csv" and _is_report(p)]
    notes += [
        f"{printable(str(p))} is een rapport van werkwijzer export, geen antwoorden; overgeslagen."
        for p in reports
    ]
    found = [p for p in found if p not in reports]
    if not found:
        raise WerkwijzerError(
            f"{printable(source)}: in deze map staan geen antwoordbestanden (.yaml, .yml of .json) "
            "of antwoordsheets (.xlsx of .csv)."
        )
    return [str(p) for p in found]


def read_documents(
    name: str, model: Model, layer: LayerId | None = None
) -> tuple[list[tuple[str, Answers]], list[str]]:
    """The answers in one file, each with where it came from: one for an answers file, one per
    row for a response sheet (`layer` for a sheet without a role column); and notes for stderr."""
    if is_sheet(name):
        from werkwijzer.core.sheets import read_sheet

        sheet = read_sheet(name, model, layer)
        return [(row.source, row.answers) for row in sheet.rows], sheet.notes
    return [(name, read_answers(name, model))], []


def _is_report(path: Path) -> bool:
    from werkwijzer.core.sheets import is_report_csv

    return is_report_csv(path)


def collect(
    sources: Sequence[str],
    model: Model,
    *,
    allow_mixed: bool = False,
    board: bool | None = None,
    skip: Path | None = None,
    layer: LayerId | None = None,
) -> Collected:
    """Read, check and score every answers file and sheet; raise WerkwijzerError on the first
    problem. `layer` is the layer of sheets without a role column. `board`: True welcomes several
    schools (export --board); False refuses them and points to --board; None (a command without
    that option) refuses them."""
    from werkwijzer.core.store import content_hash

    files, notes = answer_files(sources, skip)
    respondents = []
    scorer = Scorer(model)
    seen: dict[str, str] = {}
    copies: list[tuple[str, str]] = []  # (the copy, the file it copies)
    for name in files:
        documents, sheet_notes = read_documents(name, model, layer)
        notes += sheet_notes
        for source, answers in documents:
            # Whole files only: two rows of a sheet with the same answers are two people.
            digest = content_hash(answers) if source == name else None
            if digest is not None and digest in seen:
                copies.append((source, seen[digest]))
                continue
            if digest is not None:
                seen[digest] = source
            respondents.append(Respondent(source, answers, scorer.score(answers)))
    notes += _copies_note(copies)
    _refuse_twice_named(respondents)
    notes += check_mix(respondents, model, allow_mixed=allow_mixed, board=board)
    return Collected(respondents, notes)


def _copies_note(copies: Sequence[tuple[str, str]]) -> list[str]:
    """One line per copied file; for many (a board member's file in every school's folder) one."""
    if len(copies) <= _LISTED:
        return [
            f"{printable(copy)} heeft precies dezelfde inhoud als {printable(original)} "
            "(hetzelfde bestand, ook hier neergezet?); het telt één keer mee."
            for copy, original in copies
        ]
    first, original = copies[0]
    return [
        f"{len(copies)} bestanden hebben precies dezelfde inhoud als een ander bestand, zoals "
        f"{printable(first)} en {printable(original)} (hetzelfde bestand, ook in een andere map "
        "neergezet?); elk telt één keer mee."
    ]


def _refuse_twice_named(respondents: Sequence[Respondent]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for r in respondents:
        if not r.answers.respondent:
            continue
        key = (r.answers.layer, school_key(r.answers.respondent))
        if key in seen:
            raise WerkwijzerError(
                f"{seen[key]} en {r.source} zijn allebei ingevuld door '{r.answers.respondent}' "
                f"({r.answers.layer}); dan telt iemand twee keer mee. Laat één van de twee weg."
            )
        seen[key] = r.source


def check_mix(
    respondents: Sequence[Respondent],
    model: Model,
    *,
    allow_mixed: bool,
    board: bool | None = None,
) -> list[str]:
    """Refuse (or, with allow_mixed, note) several model versions, schools or boards.

    With `board`, several schools are what is asked for: neither refused nor noted.
    """
    notes = _check_versions(respondents, model, allow_mixed)
    schools = [r for r in respondents if r.answers.layer != BOARD_LAYER]
    boards = [r for r in respondents if r.answers.layer == BOARD_LAYER]
    if not board:
        hint = (
            "" if board is None else " Of zet de scholen van één bestuur naast elkaar met --board."
        )
        notes += _check_names(schools, "scholen", "school", allow_mixed, hint)
    notes += _check_names(boards, "besturen", "bestuur", allow_mixed, "")
    return notes


def _check_versions(
    respondents: Sequence[Respondent], model: Model, allow_mixed: bool
) -> list[str]:
    versions = _grouped(respondents, lambda r: r.answers.model_version or model.version)
    if len(versions) > 1:
        listing = _listing(versions, "model ")
        if not allow_mixed:
            raise WerkwijzerError(
                f"De antwoordbestanden horen bij verschillende versies van het model: {listing}. "
                "Antwoorden op verschillende uitspraken zijn niet goed te vergelijken. Gebruik "
                "bestanden van één versie, of kies bewust voor --allow-mixed."
            )
        return [f"Let op: verschillende modelversies door elkaar ({listing})."]
    if versions and next(iter(versions)) != model.version:
        return [
            f"Let op: deze antwoorden zijn ingevuld met model {next(iter(versions))}; ze worden "
            f"berekend met model {model.version}."
        ]
    return []


def _check_names(
    respondents: Sequence[Respondent], plural: str, singular: str, allow_mixed: bool, hint: str
) -> list[str]:
    """The names in the `school` field; files without one fit anywhere."""
    named = _grouped(
        [r for r in respondents if r.answers.school],
        lambda r: school_key(r.answers.school or ""),
        shown=lambda r: r.answers.school or "",
    )
    if len(named) <= 1:
        return []
    listing = _listing(named, "")
    if not allow_mixed:
        board = (
            " Of zet de scholen van één bestuur naast elkaar met --board."
            if singular == "school"
            else ""
        )
        raise WerkwijzerError(
            f"De antwoordbestanden komen van verschillende {plural}: {listing}. Maak per "
            f"{singular} een rapport, of kies bewust voor --allow-mixed.{board}"
        )
    return [f"Let op: antwoorden van verschillende {plural} door elkaar ({listing})."]


def _grouped(
    respondents: Sequence[Respondent],
    key: Callable[[Respondent], str],
    shown: Callable[[Respondent], str] | None = None,
) -> dict[str, tuple[str, list[str]]]:
    """key(respondent) -> (how to show it, the files), in order of first appearance."""
    show = shown or key
    groups: dict[str, tuple[str, list[str]]] = {}
    for r in respondents:
        groups.setdefault(key(r), (show(r), []))[1].append(r.source)
    return groups


def _listing(groups: dict[str, tuple[str, list[str]]], prefix: str) -> str:
    parts = []
    for label, files in groups.values():
        named = ", ".join(files[:_LISTED])
        more = f" en {len(files) - _LISTED} andere" if len(files) > _LISTED else ""
        parts.append(f"{prefix}'{label}' in {named}{more}")
    return "; ".join(parts)


# --- the report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    """What a set of respondents makes: one respondent's result, or a team result without names.

    `source` is the answers file's base name and `notes` the respondent's own notes, for an
    individual report only (a path can name people, and notes are not for a team report); `rows`
    are the anonymous per-respondent results a team CSV or workbook lists.
    """

    document: Result | TeamResult
    source: str | None = None
    notes: dict[str, str] = field(default_factory=dict)
    rows: list[NumberedResult] = field(default_factory=list)


def report(
    model: Model,
    respondents: Sequence[Respondent],
    *,
    min_group: int = DEFAULT_MIN_GROUP,
    show_leadership: bool = False,
    title: str | None = None,
) -> Report:
    """One respondent makes an individual report; two or more make a team report."""
    if len(respondents) == 1:
        only = respondents[0]
        # The file's own name, any byte of it that is not UTF-8 shown as a replacement mark.
        source = None if only.source == STDIN else printable(Path(only.source).name)
        return Report(only.result, source=source, notes=dict(only.answers.notes))
    from werkwijzer.core.board import school_labels, with_schools

    team = build_team(
        model, respondents, min_group=min_group, show_leadership=show_leadership, title=title
    )
    team = with_schools(model, respondents, team)
    return Report(team, rows=numbered_results(respondents, team, school_labels(respondents, team)))

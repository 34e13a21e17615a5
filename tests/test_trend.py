"""`werkwijzer history`: the team of a school per school year, over every year in the store.

And what the trend is built from: the stored summaries, which must say what the full results say.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import answers_for, run, write_answers_file
from markdown_it import MarkdownIt

from werkwijzer.core.model import LayerId, Model, PhaseId
from werkwijzer.core.store import Store

SCHOOL = "OBS De Regenboog"


def year_of_answers(
    folder: Path, model: Model, day: dt.date, values: list[dict[PhaseId, int]], school: str = SCHOOL
) -> None:
    folder.mkdir(parents=True)
    for n, per_phase in enumerate(values):
        layer: LayerId = "schoolleider" if n == 0 else "leraar"

        def value(
            _aspect: str, phase: PhaseId, _item: str, v: dict[PhaseId, int] = per_phase
        ) -> int:
            return v[phase]

        answers = answers_for(
            model,
            layer,
            value,
            school=school,
            date=day,
            respondent=f"R{n}",
        )
        write_answers_file(folder / f"r{n}.yaml", model, answers)


BEGIN: dict[PhaseId, int] = {"begin": 2, "tussen": 1, "gevorderd": 1}
TUSSEN: dict[PhaseId, int] = {"begin": 4, "tussen": 2, "gevorderd": 1}
GEVORDERD: dict[PhaseId, int] = {"begin": 4, "tussen": 4, "gevorderd": 2}


@pytest.fixture
def three_years(tmp_path: Path, model: Model) -> Path:
    """Three school years of one school, a small fourth (two respondents), another school."""
    year_of_answers(tmp_path / "a", model, dt.date(2023, 10, 1), [BEGIN] * 4)
    year_of_answers(tmp_path / "b", model, dt.date(2024, 10, 1), [BEGIN, TUSSEN, TUSSEN, GEVORDERD])
    year_of_answers(tmp_path / "c", model, dt.date(2025, 9, 1), [TUSSEN, GEVORDERD, GEVORDERD])
    year_of_answers(tmp_path / "d", model, dt.date(2026, 9, 1), [GEVORDERD, GEVORDERD])
    year_of_answers(tmp_path / "e", model, dt.date(2025, 9, 1), [BEGIN] * 3, school="De Linde")
    folders = [str(tmp_path / x) for x in "abcde"]
    assert run("import", *folders).exit_code == 0
    return tmp_path


def trend_json(*args: str) -> dict[str, Any]:
    """The trend as JSON; these small test years show from 3 respondents unless told otherwise."""
    given = args if "--min-group" in args else (*args, "--min-group", "3")
    result = run("history", "--json", *given)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    jsonschema.validate(data, json.loads(run("schema", "trend").stdout))
    return data


def test_the_trend_of_a_school(three_years: Path, model: Model) -> None:
    data = trend_json("--school", "regenboog")
    assert data["format"] == "werkwijzer-trend/1"
    [school] = data["schools"]
    assert school["school"] == SCHOOL
    years = school["years"]
    assert [y["school_year"] for y in years] == ["2023/2024", "2024/2025", "2025/2026", "2026/2027"]
    assert [y["respondents"] for y in years] == [4, 4, 3, 2]
    assert years[1]["per_layer"] == {"schoolleider": 1, "leraar": 3}
    first = [y["aspects"][0] for y in years[:3]]
    assert [a["counts"] for a in first] == [
        {"begin": 4, "tussen": 0, "gevorderd": 0, "none": 0},
        {"begin": 1, "tussen": 2, "gevorderd": 1, "none": 0},
        {"begin": 0, "tussen": 1, "gevorderd": 2, "none": 0},
    ]
    assert [a["phase"] for a in first] == ["begin", "tussen", "gevorderd"]
    # two respondents are too few to show: their answers could be traced to them
    assert years[3]["shown"] is False and years[3]["aspects"] == []
    shown = trend_json("--school", "regenboog", "--min-group", "2")
    assert shown["schools"][0]["years"][3]["shown"] is True


def test_the_trend_hides_years_below_five_by_default(three_years: Path) -> None:
    # The team report's rule: no figure about fewer than five people.
    result = run("history", "--json", "--school", "regenboog")
    data = json.loads(result.stdout)
    assert data["min_group"] == 5
    assert [y["shown"] for y in data["schools"][0]["years"]] == [False] * 4


def test_every_school_and_the_filters(three_years: Path) -> None:
    data = trend_json()
    assert [s["school"] for s in data["schools"]] == ["De Linde", SCHOOL]
    teachers = trend_json("--layer", "leraar", "--school", "regenboog")
    assert [y["respondents"] for y in teachers["schools"][0]["years"]] == [3, 3, 2, 1]
    since = trend_json("--since", "2025/2026", "--school", "regenboog")
    assert [y["school_year"] for y in since["schools"][0]["years"]] == ["2025/2026", "2026/2027"]


def test_the_trend_at_80_columns(three_years: Path, model: Model) -> None:
    result = run("history", "--school", "regenboog", "--min-group", "3", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert f"Trend · {SCHOOL}" in lines[0]
    for aspect in model.aspects:  # a table per aspect, a row per school year
        assert aspect.name in [line.strip() for line in lines]
    rows = [line.split() for line in lines if line.strip().startswith("2024/2025")]
    assert len(rows) == len(model.aspects) and rows[0][:5] == ["2024/2025", "4", "1", "2", "1"]
    assert "te weinig respondenten om te tonen" in result.stdout
    every = run("history", env={"COLUMNS": "80"})
    assert max(len(line) for line in every.stdout.splitlines()) <= 80
    assert "Trend · 2 scholen" in every.stdout and "De Linde" in every.stdout


def test_the_trend_in_markdown(three_years: Path, model: Model) -> None:
    result = run("history", "--school", "regenboog", "--markdown", "--min-group", "3")
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [t.content for h, t in itertools.pairwise(tokens) if h.type == "heading_open"]
    assert headings == [f"Trend: {SCHOOL}", *(a.name for a in model.aspects)]
    assert not [t for t in tokens if t.type.startswith("html")]


def test_the_list_of_scans_stays(three_years: Path) -> None:
    result = run("history", "--scans", "--json")
    data = json.loads(result.stdout)
    assert data["format"] == "werkwijzer-history/1" and len(data["scans"]) == 16
    jsonschema.validate(data, json.loads(run("schema", "history").stdout))


def test_summaries_say_what_the_results_say(three_years: Path, model: Model) -> None:
    with Store.open(create=False) as store:
        full = {s.id: s for s in store.scans()}
        summaries = store.summaries()
        assert [s.id for s in summaries] == list(full)
        for summary in summaries:
            result = full[summary.id].result
            assert summary.phases == {a.id: a.phase for a in result.aspects}
            assert [a.scores for a in summary.aspects] == [a.scores for a in result.aspects]
            assert (summary.layer, summary.school, summary.date) == (
                result.layer,
                result.school,
                result.date,
            )
        assert [s.id for s in store.summaries(school="obs de regenboog")] == [
            s.id for s in store.scans(school="obs de regenboog")
        ]

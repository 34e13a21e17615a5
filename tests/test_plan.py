"""The plan (werkwijzer-plan/1): the file, the options of `werkwijzer plan`, and the plan in reports.

The questions at a terminal are in test_plan_interactive.py.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import answers_for, run, write_answers_file
from hypothesis import given, settings
from hypothesis import strategies as st

from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.errors import WerkwijzerError
from werkwijzer.core.model import LayerId, Model, PhaseId
from werkwijzer.core.plan import (
    MAX_PRIORITIES,
    Plan,
    PlanError,
    Priority,
    Target,
    dump_plan,
    parse_day,
    parse_plan,
    read_plan,
)
from werkwijzer.core.plan_making import PlanOptions, apply_options, parse_target
from werkwijzer.core.plan_review import jaarplan, review

SCHOOL = "OBS De Regenboog"


def an_action(model: Model, aspect: str) -> str:
    return model.aspect(aspect).cell("leraar", "begin").actions[0].id


def a_plan(model: Model, **changes: Any) -> Plan:
    plan = Plan(
        school=SCHOOL,
        school_year="2025/2026",
        made=dt.date(2025, 11, 20),
        model_version=model.version,
        respondents=17,
        now={a.id: "tussen" for a in model.aspects},
        targets=[
            Target(aspect="koers", target="gevorderd", by=dt.date(2026, 6, 30)),
            Target(aspect="werken_met_data", target=None),
        ],
        priorities=[
            Priority(
                aspect="koers",
                action=an_action(model, "koers"),
                owner="Directeur",
                deadline=dt.date(2026, 3, 1),
                evaluation=dt.date(2026, 4, 15),
                success="Iedereen kent de koers",
            ),
            Priority(aspect="werken_met_data", text="Een datateam per bouw", owner="IB'er"),
        ],
    )
    return dataclasses.replace(plan, **changes)


def schema(name: str) -> dict[str, Any]:
    result = run("schema", name)
    assert result.exit_code == 0
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- the file ------------------------------------------------------------------------------------


def test_a_plan_survives_writing_and_reading(model: Model, tmp_path: Path) -> None:
    plan = a_plan(model)
    text = dump_plan(plan, model)
    assert parse_plan(text.encode(), model, "plan.yaml") == plan
    # the names stand beside the ids, for whoever reads the file
    assert (
        "# Koers" in text and model.aspect("koers").cell("leraar", "begin").actions[0].title in text
    )
    # and the file is what the schema describes
    jsonschema.validate(to_jsonable(plan), schema("plan"))
    jsonschema.validate(json.loads(json.dumps(yaml.safe_load(text), default=str)), schema("plan"))


@settings(max_examples=40, deadline=None)
@given(
    texts=st.lists(
        st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1),
        min_size=3,
        max_size=3,
    )
)
def test_any_text_survives(model: Model, texts: list[str]) -> None:
    school, owner, success = (" ".join(t.split()) or "x" for t in texts)
    plan = a_plan(model, school=school)
    plan = dataclasses.replace(
        plan,
        priorities=[dataclasses.replace(plan.priorities[0], owner=owner, success=success)],
    )
    assert parse_plan(dump_plan(plan, model).encode(), model, "p.yaml") == plan


def test_a_hand_written_plan_may_use_names(model: Model) -> None:
    text = """
format: werkwijzer-plan/1
school: OBS De Regenboog
school_year: 2025-2026
now:
  Werken met data: Beginfase
targets:
  - aspect: werken met data
    target: Tussenfase
    by: 30-6-2026
priorities:
  - aspect: data
    text: Toetsen samen bespreken
"""
    plan = parse_plan(text.encode(), model, "hand.yaml")
    assert plan.school_year == "2025/2026" and plan.now == {"werken_met_data": "begin"}
    assert plan.targets == [
        Target(aspect="werken_met_data", target="tussen", by=dt.date(2026, 6, 30))
    ]
    assert plan.priorities[0].aspect == "werken_met_data" and not plan.priorities[0].complete()


@pytest.mark.parametrize(
    ("change", "message", "line"),
    [
        ("format: werkwijzer-plan/2", "onbekend formaat", 1),
        ("kleur: blauw", "onbekende sleutel 'kleur'", 5),
        ("school_year: 2025", "geen schooljaar", 3),
        ("targets: [{aspect: koffie, target: begin}]", "Onbekende aspect 'koffie'", 5),
        ("targets: [{aspect: koers, target: nooit}]", "Onbekende fase 'nooit'", 5),
        ("targets: [{aspect: koers, target: begin}]", "lager dan waar het team nu staat", 5),
        ("targets: [{aspect: koers}, {aspect: Koers}]", "twee keer", 5),
        ("targets: [{aspect: koers, target: gevorderd, by: morgen}]", "geen datum", 5),
        ("priorities: [{aspect: koers, action: koers.x}]", "onbekende actie", 5),
        (
            "priorities: [{aspect: koers}, {aspect: koers}, {aspect: koers}, {aspect: koers}]",
            "hoogstens 3",
            5,
        ),
    ],
)
def test_a_bad_plan_is_refused_with_its_line(
    model: Model, change: str, message: str, line: int
) -> None:
    base = {
        "format": "format: werkwijzer-plan/1",
        "school": f"school: {SCHOOL}",
        "school_year": "school_year: 2025/2026",
        "now": "now: {koers: tussen}",
    }
    key = change.split(":")[0]
    lines = [change if k == key else v for k, v in base.items()]
    if key not in base:
        lines.append(change)
    with pytest.raises(PlanError, match=message) as refused:
        parse_plan("\n".join(lines).encode(), model, "plan.yaml")
    assert f"plan.yaml, regel {line}" in refused.value.message


def test_an_action_of_another_aspect_is_refused(model: Model) -> None:
    text = dump_plan(a_plan(model), model).replace(
        an_action(model, "koers"), an_action(model, "werken_met_data"), 1
    )
    with pytest.raises(PlanError, match="hoort bij het aspect werken_met_data"):
        parse_plan(text.encode(), model, "p.yaml")


def test_unreadable_plan_files(model: Model, tmp_path: Path) -> None:
    with pytest.raises(PlanError, match="niet gevonden"):
        read_plan(tmp_path / "weg.yaml", model)
    (tmp_path / "leeg.yaml").write_text("  \n")
    with pytest.raises(PlanError, match="leeg"):
        read_plan(tmp_path / "leeg.yaml", model)
    (tmp_path / "latin.yaml").write_bytes("school: Café".encode("latin-1"))
    with pytest.raises(PlanError, match="UTF-8"):
        read_plan(tmp_path / "latin.yaml", model)
    (tmp_path / "groot.yaml").write_bytes(b"#" * 1_000_001)
    with pytest.raises(PlanError, match="te groot"):
        read_plan(tmp_path / "groot.yaml", model)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("2026-06-30", dt.date(2026, 6, 30)),
        ("30-6-2026", dt.date(2026, 6, 30)),
        ("31-2-2026", None),
    ],
)
def test_days_as_people_type_them(typed: str, day: dt.date | None) -> None:
    assert parse_day(typed) == day


# --- the options ---------------------------------------------------------------------------------


def test_targets_and_priorities_as_options(model: Model) -> None:
    now: dict[str, PhaseId | None] = {a.id: "begin" for a in model.aspects}
    start = Plan(school=SCHOOL, school_year="2025/2026", now=now)
    action = an_action(model, "werken_met_data")
    plan = apply_options(
        model,
        start,
        PlanOptions(
            targets=["werken met data=tussen@2026-06-30", "koers=gevorderd", "lerende=geen"],
            by="15-7-2026",
            priorities=[action, "koers=Visie op de studiedag"],
            owners=["IB'er", "Directeur"],
            deadlines=["2026-03-01"],
            evaluations=["2026-04-15"],
            successes=["Elk bouwoverleg"],
        ),
        now,
    )
    assert plan.targets == [
        Target(aspect="koers", target="gevorderd", by=dt.date(2026, 7, 15)),
        Target(aspect="werken_met_data", target="tussen", by=dt.date(2026, 6, 30)),
        Target(aspect="lerende_professionals", target=None, by=None),
    ]
    first, second = plan.priorities
    assert (first.aspect, first.action, first.owner) == ("werken_met_data", action, "IB'er")
    assert first.complete()
    assert (second.aspect, second.text, second.owner, second.deadline) == (
        "koers",
        "Visie op de studiedag",
        "Directeur",
        None,
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (PlanOptions(targets=["koers"]), "niet te lezen"),
        (PlanOptions(targets=["koers=begin"]), "staat nu al in de tussenfase"),
        (PlanOptions(targets=["koers=gevorderd@gisteren"]), "geen datum"),
        (PlanOptions(priorities=["iets doen"]), "geen actie van het model"),
        (PlanOptions(priorities=["koers=a"] * (MAX_PRIORITIES + 1)), "hoogstens 3"),
        (PlanOptions(owners=["Jan"]), "horen bij een --priority"),
        (PlanOptions(priorities=["koers=a"], owners=["Jan", "Piet"]), "meer --owner"),
    ],
)
def test_bad_options(model: Model, options: PlanOptions, message: str) -> None:
    now: dict[str, PhaseId | None] = {"koers": "tussen"}
    with pytest.raises(WerkwijzerError, match=message):
        apply_options(model, Plan(school=SCHOOL, school_year="2025/2026", now=now), options, now)


def test_a_target_without_a_date_takes_by(model: Model) -> None:
    target = parse_target(model, "koers=tussen", {}, dt.date(2026, 1, 1))
    assert target == Target(aspect="koers", target="tussen", by=dt.date(2026, 1, 1))


# --- looking back --------------------------------------------------------------------------------


def test_review_sets_targets_against_the_phases_now(model: Model) -> None:
    plan = a_plan(
        model,
        targets=[
            Target(aspect="koers", target="gevorderd", by=dt.date(2026, 6, 30)),
            Target(aspect="werken_met_data", target="tussen"),
            Target(aspect="lerende_professionals", target=None),
        ],
    )
    reached: dict[str, PhaseId | None] = {
        "koers": "tussen",
        "werken_met_data": "gevorderd",
        "lerende_professionals": "begin",
    }
    looked = review(plan, model, reached, dt.date(2026, 4, 15))
    assert [(t.aspect, t.target, t.reached, t.met) for t in looked.targets] == [
        ("koers", "gevorderd", "tussen", False),
        ("werken_met_data", "tussen", "gevorderd", True),
    ]  # no target, nothing to look back on
    # the evaluation moment of the first is that very day: not passed yet
    assert [c.evaluation_passed for c in looked.priorities] == [False, None]
    later = review(plan, model, {}, dt.date(2026, 4, 16))
    assert later.priorities[0].evaluation_passed is True
    assert later.targets[0].met is None  # no phase now: unknown, not failed


def test_the_jaarplan_lists_every_aspect_with_a_phase_now(model: Model) -> None:
    shown = jaarplan(a_plan(model), model)
    assert [t.aspect for t in shown.targets] == [a.id for a in model.aspects]
    assert [(t.decided, t.target) for t in shown.targets] == [
        (True, "gevorderd"),
        (True, None),
        (False, None),
        (False, None),
    ]
    assert (
        shown.priorities[0].title == model.aspect("koers").cell("leraar", "begin").actions[0].title
    )
    assert shown.priorities[1].title == "Een datateam per bouw"


# --- the command, without a terminal -------------------------------------------------------------


def team(folder: Path, model: Model, values: dict[PhaseId, int], day: dt.date, n: int = 5) -> Path:
    lead: LayerId = "schoolleider"
    teacher: LayerId = "leraar"
    layers = [lead, *[teacher] * (n - 1)]
    folder.mkdir(parents=True)
    for i, layer in enumerate(layers):

        def value(_aspect: str, phase: PhaseId, _item: str, i: int = i) -> int:
            return min(4, values[phase] + i % 2)

        answers = answers_for(
            model,
            layer,
            value,
            school=SCHOOL,
            date=day,
            respondent=f"R{i}",
        )
        write_answers_file(folder / f"r{i}.yaml", model, answers)
    return folder


def plan_cli(*args: str) -> Any:
    return run("plan", *args)


def test_plan_from_options_and_answers(
    tmp_path: Path, model: Model, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    # all 2s in the beginfase (33%, below the threshold of 2/3): the team is in the beginfase
    folder = team(
        tmp_path / "2025", model, {"begin": 2, "tussen": 1, "gevorderd": 1}, dt.date(2025, 10, 1)
    )
    result = plan_cli(
        str(folder),
        "--target",
        "koers=tussen@2026-06-30",
        "--priority",
        "koers=Visie bespreken",
        "--owner",
        "Directeur",
    )
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "werkwijzer-plan-obs-de-regenboog-2025-2026.yaml"
    plan = read_plan(path, model)
    assert plan.school == SCHOOL and plan.school_year == "2025/2026" and plan.respondents == 5
    assert set(plan.now.values()) == {"begin"}
    assert plan.targets == [Target(aspect="koers", target="tussen", by=dt.date(2026, 6, 30))]
    assert "Jaarplan 2025/2026" in result.stdout and "Visie bespreken" in result.stdout
    assert "bewaard in de database" in result.stderr
    # a second time: the file is there, and is never overwritten
    again = plan_cli(str(folder))
    assert again.exit_code == 2 and "--resume" in again.stderr
    # --resume with options brings it up to date
    more = plan_cli("--resume", str(path), "--target", "data=tussen", "--by", "2026-07-01")
    assert more.exit_code == 0, more.stderr
    updated = read_plan(path, model)
    assert [t.aspect for t in updated.targets] == ["koers", "werken_met_data"]
    assert updated.targets[1].by == dt.date(2026, 7, 1) and updated.priorities == plan.priorities
    assert "bijgewerkt in de database" in more.stderr


def test_plan_without_a_terminal_needs_school_and_year(tmp_path: Path) -> None:
    result = plan_cli("-o", str(tmp_path / "p.yaml"))
    assert result.exit_code == 2 and "--school" in result.stderr
    assert not (tmp_path / "p.yaml").exists()


def test_plan_from_stored_scans(tmp_path: Path, model: Model) -> None:
    folder = team(
        tmp_path / "2025", model, {"begin": 4, "tussen": 2, "gevorderd": 1}, dt.date(2025, 10, 1)
    )
    assert run("import", str(folder)).exit_code == 0
    out = tmp_path / "plan.yaml"
    result = plan_cli("--school", "regenboog", "--year", "2025-2026", "-o", str(out), "--no-store")
    assert result.exit_code == 0, result.stderr
    plan = read_plan(out, model)
    assert plan.school_year == "2025/2026" and plan.respondents == 5
    assert set(plan.now.values()) == {"tussen"}
    assert "bewaard in de database" not in result.stderr


def test_plan_without_any_answers_says_so(tmp_path: Path) -> None:
    out = tmp_path / "plan.yaml"
    result = plan_cli("--school", "Nieuw", "--year", "2025/2026", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "waar het team nu staat blijft open" in result.stderr
    assert out.exists()


# --- the plan in the team report and in compare ---------------------------------------------------


@pytest.fixture
def two_years(tmp_path: Path, model: Model) -> tuple[Path, Path, Path]:
    """A school in 2025/2026 and 2026/2027, and its plan for 2025/2026 in the store."""
    first = team(
        tmp_path / "2025", model, {"begin": 3, "tussen": 1, "gevorderd": 1}, dt.date(2025, 10, 1)
    )
    second = team(
        tmp_path / "2026", model, {"begin": 4, "tussen": 4, "gevorderd": 1}, dt.date(2026, 10, 1)
    )
    plan = tmp_path / "plan.yaml"
    made = plan_cli(
        str(first),
        "-o",
        str(plan),
        "--target",
        "koers=tussen@2026-06-30",
        "--target",
        "data=gevorderd@2026-06-30",
        "--priority",
        "koers=Visie bespreken",
        "--owner",
        "Directeur",
        "--deadline",
        "2026-02-01",
        "--evaluation",
        "2026-03-01",
        "--success",
        "Iedereen kent de visie",
    )
    assert made.exit_code == 0, made.stderr
    return first, second, plan


def test_compare_looks_back_on_the_plan(two_years: tuple[Path, Path, Path], model: Model) -> None:
    first, second, plan = two_years
    stored = json.loads(run("compare", "--json", str(first), str(second)).stdout)
    given = json.loads(
        run("compare", "--json", str(first), str(second), "--plan", str(plan)).stdout
    )
    jsonschema.validate(stored, schema("compare"))
    assert stored["plan_review"] == given["plan_review"]
    assert stored["plan_review"]["plan"]["school_year"] == "2025/2026"
    assert "Terugblik op het plan van 2025/2026" in run("compare", str(first), str(second)).stdout


def test_a_plan_of_another_school_is_refused(
    two_years: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    first, second, plan = two_years
    other = tmp_path / "ander.yaml"
    other.write_text(plan.read_text().replace(SCHOOL, "De Linde"))
    refused = run("compare", str(first), str(second), "--plan", str(other))
    assert refused.exit_code == 2 and "van De Linde" in refused.stderr


def csv_tables(text: str) -> list[list[list[str]]]:
    """The tables of a team CSV, split at the empty lines between them."""
    tables: list[list[list[str]]] = [[]]
    for row in csv.reader(io.StringIO(text)):
        if not row:
            tables.append([])
        else:
            tables[-1].append(row)
    return tables


def h2_titles(markdown: str) -> list[str]:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    return [tokens[i + 1].content for i, t in enumerate(tokens) if t.tag == "h2" and t.nesting == 1]


def test_the_team_report_shows_this_year_s_plan(
    two_years: tuple[Path, Path, Path], model: Model, tmp_path: Path
) -> None:
    first, _second, plan = two_years
    stored = json.loads(run("export", str(first), "-f", "json").stdout)
    given_ = json.loads(run("export", str(first), "-f", "json", "--plan", str(plan)).stdout)
    jsonschema.validate(stored, schema("team"))
    assert stored["plan"] == given_["plan"] and stored["plan_review"] is None
    assert stored["plan"]["school_year"] == "2025/2026"
    priority = stored["plan"]["priorities"][0]
    assert (priority["title"], priority["owner"]) == ("Visie bespreken", "Directeur")
    titles = h2_titles(run("export", str(first)).stdout)
    assert titles.index("Jaarplan 2025/2026") == titles.index("Waar beginnen we?") + 1
    none = json.loads(run("export", str(first), "-f", "json", "--no-plan").stdout)
    assert none["plan"] is None and none["plan_review"] is None
    tables = csv_tables(run("export", str(first), "-f", "csv").stdout)
    assert [t[0][0] for t in tables] == ["respondent", "table", "table"]
    targets = {row[2]: row[6] for row in tables[1][1:]}
    assert targets == {"koers": "tussen", "werken_met_data": "gevorderd"} | {
        a.id: "" for a in model.aspects if a.id not in ("koers", "werken_met_data")
    }
    book = tmp_path / "r.xlsx"
    assert run("export", str(first), "-o", str(book)).exit_code == 0
    from openpyxl import load_workbook

    sheet = load_workbook(book)["Jaarplan"]
    assert any(row[2] == "Visie bespreken" for row in sheet.iter_rows(values_only=True))


def test_the_team_report_looks_back_on_last_year_s_plan(
    two_years: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _first, second, _plan = two_years
    document = json.loads(run("export", str(second), "-f", "json").stdout)
    review_ = document["plan_review"]
    assert document["plan"] is None and review_["plan"]["school_year"] == "2025/2026"
    reached = {a["id"]: a["phase"] for a in document["aspects"]}
    for target in review_["targets"]:
        assert target["reached"] == reached[target["aspect"]]
    assert [p["evaluation_passed"] for p in review_["priorities"]] == [True]
    titles = h2_titles(run("export", str(second)).stdout)
    assert (
        titles.index("Terugblik op het plan van 2025/2026")
        == titles.index("Waar het team staat") + 1
    )
    page = tmp_path / "r.html"
    assert run("export", str(second), "-o", str(page)).exit_code == 0
    assert 'id="terugblik"' in page.read_text() and 'id="jaarplan"' not in page.read_text()


def test_plan_texts_are_escaped_in_every_format(
    two_years: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    first, _second, plan = two_years
    hostile = tmp_path / "hostile.yaml"
    hostile.write_text(
        plan.read_text().replace('"Directeur"', json.dumps("=1+1 <script>x</script> |"))
    )
    page = tmp_path / "r.html"
    assert run("export", str(first), "--plan", str(hostile), "-o", str(page)).exit_code == 0
    assert "<script>x" not in page.read_text() and "&lt;script&gt;x" in page.read_text()
    tables = csv_tables(run("export", str(first), "-f", "csv", "--plan", str(hostile)).stdout)
    owners = {row[7] for row in tables[2][1:]}
    assert owners == {"'=1+1 <script>x</script> |"}  # text, never a formula
    book = tmp_path / "r.xlsx"
    assert run("export", str(first), "--plan", str(hostile), "-o", str(book)).exit_code == 0
    from openpyxl import load_workbook

    cells = [c for row in load_workbook(book)["Jaarplan"].iter_rows() for c in row]
    owner = next(c for c in cells if c.value == "=1+1 <script>x</script> |")
    assert owner.data_type == "s"


def test_a_plan_needs_a_team_report_of_its_school(
    two_years: tuple[Path, Path, Path], tmp_path: Path, model: Model
) -> None:
    first, _second, plan = two_years
    alone = run("export", str(first / "r0.yaml"), "--plan", str(plan))
    assert alone.exit_code == 2 and "--plan hoort bij een teamrapport" in alone.stderr
    both = run("export", str(first), "--plan", str(plan), "--no-plan")
    assert both.exit_code == 2 and "niet allebei" in both.stderr
    other = tmp_path / "ander.yaml"
    other.write_text(plan.read_text().replace(SCHOOL, "De Linde"))
    refused = run("export", str(first), "--plan", str(other))
    assert refused.exit_code == 2 and "van De Linde" in refused.stderr


def test_forget_school_erases_its_plans_too(two_years: tuple[Path, Path, Path]) -> None:
    first, second, _plan = two_years
    assert run("import", str(first), str(second)).exit_code == 0
    only_one = run("forget", "--school", SCHOOL, "--respondent", "R1", "--yes")
    assert only_one.exit_code == 0 and "plan" not in only_one.stderr
    assert json.loads(run("export", str(first), "-f", "json").stdout)["plan"] is not None
    result = run("forget", "--school", SCHOOL, "--yes")
    assert result.exit_code == 0, result.stderr
    assert "Ook 1 plan van OBS De Regenboog voorgoed: 2025/2026." in result.stderr
    assert " en 1 plan verwijderd" in result.stderr
    assert json.loads(run("export", str(first), "-f", "json").stdout)["plan"] is None
    again = run("forget", "--school", SCHOOL, "--yes")
    assert "er is niets verwijderd" in again.stderr

"""`werkwijzer history --format html`: the trend as a page, parsed back with Python's HTML parser.

The numbers per school year and aspect (in the charts, their text alternative and the tables),
years too small to show, free text that stays text, the page's security policy, and the command
line around it. What a browser shows is in test_trend_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import run
from trend_school import SCHOOL, five_years

from werkwijzer.core.model import PHASE_IDS, Model, PhaseId
from werkwijzer.core.team import PhaseCounts
from werkwijzer.core.trend import SchoolTrend, Trend, TrendAspect, TrendYear
from werkwijzer.render.context import RenderContext
from werkwijzer.render.trend_html import trend_html
from werkwijzer.render.trend_text import HIDDEN

HOSTILE = '<script>alert("x")</script> {{ 7*7 }} \'De "Linde"\' & co'
VOID = {"meta", "br", "img", "input", "link", "hr", "wbr", "col", "source"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def all(self, tag: str, **attrs: str) -> list[Node]:
        """Every element below this one with this tag and these attribute values (class_=...)."""
        found = []
        for child in self.children:
            if isinstance(child, Node):
                wanted = {k.rstrip("_"): v for k, v in attrs.items()}
                if child.tag == tag and all(
                    v in child.attrs.get(k, "").split() if k == "class" else child.attrs.get(k) == v
                    for k, v in wanted.items()
                ):
                    found.append(child)
                found += child.all(tag, **attrs)
        return found


class Tree(HTMLParser):
    """A page as a tree of Nodes (the document is `root`)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self._open = [self.root]
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self._open[-1].children.append(node)
        if tag not in VOID:
            self._open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for n in range(len(self._open) - 1, 0, -1):
            if self._open[n].tag == tag:
                del self._open[n:]
                return

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)


def counts(begin: int, tussen: int, gevorderd: int, none: int = 0) -> PhaseCounts:
    return PhaseCounts(begin=begin, tussen=tussen, gevorderd=gevorderd, none=none)


def year(school_year: str, found: dict[str, tuple[PhaseCounts, PhaseId | None]]) -> TrendYear:
    n = sum(sum(c.of(p) for p in (*PHASE_IDS, None)) for c, _ in list(found.values())[:1])
    return TrendYear(
        school_year=school_year,
        respondents=n,
        per_layer={"leraar": n},
        shown=True,
        aspects=[
            TrendAspect(id=a, name=a.capitalize(), counts=c, phase=phase)
            for a, (c, phase) in found.items()
        ],
    )


def small(school_year: str, n: int) -> TrendYear:
    return TrendYear(
        school_year=school_year, respondents=n, per_layer={"leraar": n}, shown=False, aspects=[]
    )


def a_trend(model: Model, school: str = SCHOOL) -> Trend:
    """Three school years of one school over two aspects: 2023/2024 too small to show."""
    koers, data = model.aspects[0].id, model.aspects[1].id
    return Trend(
        database="test.db",
        min_group=3,
        layer=None,
        schools=[
            SchoolTrend(
                school=school,
                years=[
                    year(
                        "2022/2023",
                        {koers: (counts(5, 2, 1), "begin"), data: (counts(3, 4, 0, 1), "tussen")},
                    ),
                    small("2023/2024", 2),
                    year(
                        "2024/2025",
                        {koers: (counts(1, 3, 6), "gevorderd"), data: (counts(0, 0, 0, 10), None)},
                    ),
                ],
            )
        ],
        unplaced=0,
    )


def page_of(trend: Trend, model: Model) -> Node:
    return Tree(trend_html(trend, RenderContext(model))).root


def bars(svg: Node) -> list[dict[str, Any]]:
    """Per bar of a chart: the kinds of its segments, the numbers on them, the text after it."""
    found = []
    for g in svg.all("g", class_="bar"):
        kinds = [r.attrs["class"].removeprefix("k-") for r in g.all("rect") if "class" in r.attrs]
        found.append(
            {
                "kinds": kinds,
                "on_bar": [t.text() for t in g.all("text", class_="on-bar")],
                "after": " ".join(t.text() for t in g.all("text", class_="after")),
            }
        )
    return found


def table_rows(table: Node) -> list[list[str]]:
    return [
        [c.text() for c in tr.all("th") + tr.all("td")] for tr in table.all("tbody")[0].all("tr")
    ]


# --- the renderer --------------------------------------------------------------------------------


def test_every_number_per_year_and_aspect(model: Model) -> None:
    root = page_of(a_trend(model), model)
    charts = root.all("svg", class_="chart")
    assert [c.attrs["data-chart"] for c in charts] == ["trend-1-1", "trend-1-2"]
    koers = bars(charts[0])
    # oldest first; the segments in phase order with their numbers on them
    assert koers[0] == {
        "kinds": ["begin", "tussen", "gevorderd"],
        "on_bar": ["5", "2", "1"],
        "after": "",
    }
    assert koers[1] == {"kinds": [], "on_bar": [], "after": HIDDEN}
    assert koers[2]["on_bar"] == ["1", "3", "6"]
    headings = [t.text() for t in charts[0].all("text", class_="block-heading")]
    assert headings == [
        "2022/2023 (8) · teamfase: beginfase",
        "2023/2024 (2)",
        "2024/2025 (10) · teamfase: gevorderde fase",
    ]
    data = bars(charts[1])
    assert data[0]["kinds"] == ["begin", "tussen", "none"] and data[0]["on_bar"] == ["3", "4", "1"]
    assert data[2]["kinds"] == ["none"]
    assert "geen teamfase" in [t.text() for t in charts[1].all("text", class_="block-heading")][2]
    # The text alternative has every number, also the zeros, and the team phase.
    desc = charts[0].all("desc")[0].text()
    assert (
        "2022/2023, 8 respondenten: 5 in de beginfase, 2 in de tussenfase, 1 in de gevorderde "
        "fase, 0 zonder fase; teamfase: beginfase"
    ) in desc
    assert f"2023/2024, 2 respondenten: {HIDDEN}" in desc
    assert (
        charts[0].all("title")[0].text()
        == f"{SCHOOL}, {model.aspects[0].name}: de fasen per schooljaar"
    )
    # The same numbers in a table per aspect.
    tables = root.all("table")
    assert [t.all("caption")[0].text() for t in tables] == [a.name for a in model.aspects[:2]]
    assert table_rows(tables[0]) == [
        ["2022/2023", "8", "5", "2", "1", "0", "Beginfase"],
        ["2023/2024", "2", HIDDEN],
        ["2024/2025", "10", "1", "3", "6", "0", "Gevorderde fase"],
    ]
    assert table_rows(tables[1])[2] == ["2024/2025", "10", "0", "0", "0", "10", "–"]
    [hidden] = [td for td in tables[0].all("td") if td.text() == HIDDEN]
    assert hidden.attrs["colspan"] == "5"


def test_the_title_names_the_school_and_the_years(model: Model) -> None:
    root = page_of(a_trend(model), model)
    title = f"Trend: {SCHOOL}, 2022/2023 tot en met 2024/2025"
    assert root.all("title")[0].text() == title and root.all("h1")[0].text() == title
    assert root.all("p", class_="meta")[0].text().startswith("3 schooljaren, 20 respondenten")
    intro = root.all("section", id="uitleg")[0].text()
    assert "Elke balk is één schooljaar, het oudste bovenaan" in intro
    assert "Met minder dan 3 respondenten" in intro  # why some years show no figures
    # A legend of the four fills, in the same patterns as the team report.
    legend = root.all("ul", class_="trend-legend")[0]
    assert [li.text().strip() for li in legend.all("li")] == [
        *(p.name for p in model.phases),
        "geen fase",
    ]
    two = a_trend(model)
    other = SchoolTrend(school="De Linde", years=[small("2025/2026", 1)])
    both = Trend(database="x", min_group=3, layer=None, schools=[*two.schools, other], unplaced=2)
    root = page_of(both, model)
    assert (
        root.all("h1")[0].text() == f"Trend: {SCHOOL} en De Linde, 2022/2023 tot en met 2025/2026"
    )
    assert [h.text() for h in root.all("h2")] == [SCHOOL, "De Linde"]
    # a school without a year to show gets a line per year, no charts or tables of nothing
    assert len(root.all("svg", class_="chart")) == 2 and len(root.all("table")) == 2
    linde = root.all("section", id="school-2")[0]
    assert [li.text() for li in linde.all("li")] == [f"2025/2026 (1): {HIDDEN}."]
    assert [a.attrs["href"] for a in root.all("a")] == ["#school-1", "#school-2"]
    assert "2 scans horen bij geen school" in root.text()
    many = Trend(
        database="x",
        min_group=3,
        layer=None,
        schools=[
            SchoolTrend(school=f"School {n}", years=[small("2025/2026", 1)]) for n in range(5)
        ],
        unplaced=0,
    )
    assert page_of(many, model).all("h1")[0].text() == "Trend: 5 scholen, schooljaar 2025/2026"
    nothing = page_of(Trend(database="x", min_group=3, layer=None, schools=[], unplaced=4), model)
    assert "Er zijn geen scans van een school om te tonen." in nothing.text()
    assert nothing.all("svg") == []


def test_a_hostile_school_name_stays_text(model: Model) -> None:
    html = trend_html(a_trend(model, school=HOSTILE), RenderContext(model))
    root = Tree(html).root
    assert root.all("script") == []
    assert root.all("h1")[0].text() == f"Trend: {HOSTILE}, 2022/2023 tot en met 2024/2025"
    assert HOSTILE in root.all("svg", class_="chart")[0].all("title")[0].text()
    assert "{{ 7*7 }}" in html  # shown as typed, never run as a template
    assert '"x"' not in html.split("<body", 1)[1]  # quotes escaped, also in attributes


def test_the_page_is_self_contained(model: Model) -> None:
    from werkwijzer.render.report_html import _style

    root = page_of(a_trend(model), model)
    [policy] = [m.attrs["content"] for m in root.all("meta") if "http-equiv" in m.attrs]
    assert policy == _style()[1]  # the policy of the team report
    rules = dict(rule.strip().split(" ", 1) for rule in policy.split(";"))
    assert rules["default-src"] == "'none'" and rules["connect-src"] == "'none'"
    [style] = root.all("style")
    digest = base64.b64encode(hashlib.sha256(style.text().encode()).digest()).decode()
    assert rules["style-src"] == f"'sha256-{digest}'"
    assert root.all("script") == [] and root.all("link") == [] and root.all("img") == []

    def walk(node: Node) -> list[Node]:
        return [node] + [n for c in node.children if isinstance(c, Node) for n in walk(c)]

    for node in walk(root):
        assert "style" not in node.attrs
        for key, value in node.attrs.items():
            assert key != "src"
            assert key != "href" or value.startswith("#"), value
            assert "//" not in value or key == "xmlns", (key, value)
    # every pattern a fill refers to is defined once in the page
    ids = [n.attrs["id"] for n in walk(root) if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    used = {
        n.attrs["fill"][5:-1] for n in walk(root) if n.attrs.get("fill", "").startswith("url(#")
    }
    assert used and used <= set(ids)


# --- the command ---------------------------------------------------------------------------------


@pytest.fixture
def five(tmp_path: Path, model: Model) -> Path:
    five_years(tmp_path / "answers", model)
    result = run("import", *(str(p) for p in sorted((tmp_path / "answers").iterdir())))
    assert result.exit_code == 0, result.stderr
    return tmp_path


def test_history_writes_the_page(five: Path, model: Model) -> None:
    data = json.loads(run("history", "--json").stdout)
    target = five / "trend.html"
    result = run("history", "--school", "regenboog", "--format", "html", "-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    root = Tree(target.read_text("utf-8")).root
    years = data["schools"][0]["years"]
    assert [y["school_year"] for y in years] == [
        "2021/2022",
        "2022/2023",
        "2023/2024",
        "2024/2025",
        "2025/2026",
    ]
    charts = root.all("svg", class_="chart")
    assert len(charts) == len(model.aspects) and len(root.all("table")) == len(model.aspects)
    for n, (svg, table) in enumerate(zip(charts, root.all("table"), strict=True)):
        drawn, rows = bars(svg), table_rows(table)
        for y, bar, row in zip(years, drawn, rows, strict=True):
            if not y["shown"]:
                assert bar["after"] == HIDDEN and bar["kinds"] == [] and row[2] == HIDDEN
                continue
            found = y["aspects"][n]["counts"]
            numbers = [str(found[p]) for p in ("begin", "tussen", "gevorderd", "none")]
            # every non-zero count is on the bar or (a narrow segment) after it
            shown = bar["on_bar"] + [t for t in bar["after"].split(" · ") if t]
            assert sorted(shown) == sorted(x for x in numbers if x != "0")
            assert row[:6] == [y["school_year"], str(y["respondents"]), *numbers]
    # -o alone: the suffix chooses html, as with export
    again = five / "again.html"
    assert run("history", "--school", "regenboog", "-o", str(again)).exit_code == 0
    assert again.read_text("utf-8") == target.read_text("utf-8")
    # every school, and one layer
    every = Tree(run("history", "--format", "html").stdout).root
    assert every.all("h1")[0].text() == f"Trend: {SCHOOL}, 2021/2022 tot en met 2025/2026"
    teachers = run("history", "--layer", "leraar", "-f", "html").stdout
    assert "alleen de laag leraar" in Tree(teachers).root.all("p", class_="meta")[0].text()


@pytest.mark.parametrize(
    "args",
    [
        ("--scans", "--format", "html"),
        ("--scans", "-o", "scans.html"),
        ("--scans", "--format", "html", "--db", "nergens.db"),  # also before any scan is read
    ],
)
def test_the_list_of_scans_has_no_html(five: Path, args: tuple[str, ...]) -> None:
    result = run("history", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Dit kan niet als HTML; kies uit:" in result.stderr
    assert "De trend (history zonder --scans) kan wel als HTML." in result.stderr
    assert not (five / "scans.html").exists()


def test_the_trend_has_no_spreadsheet(five: Path) -> None:
    result = run("history", "--format", "xlsx")
    assert result.exit_code == 2
    assert "Dit kan niet als Excel (xlsx); kies uit: scherm, markdown, JSON, HTML." in result.stderr

"""The look-up commands: aspects, actions, instruments, in --json, --markdown and on the terminal."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import copy_model, raw_table_widths, run, shows_in_order
from markdown_it import MarkdownIt
from markdown_it.token import Token

from werkwijzer.core.documents import to_jsonable
from werkwijzer.core.model import LayerId, Model, PhaseId, builtin_model_dir
from werkwijzer.core.model_yaml import read_model

# For parametrize, which runs before fixtures exist: read from the YAML, so collecting the tests
# never writes into the developer's own model cache.
MODEL = read_model(builtin_model_dir())
ASPECTS = [a.id for a in MODEL.aspects]
LAYERS = [layer.id for layer in MODEL.layers]
PHASES = [p.id for p in MODEL.phases]
INSTRUMENTS = [i.id for i in MODEL.instruments]
CELLS = list(itertools.product(ASPECTS, LAYERS, PHASES))
ASPECT_NAMES = [a.name for a in MODEL.aspects]
LAYER_NAMES = [layer.name for layer in MODEL.layers]
PHASE_NAMES = [p.name for p in MODEL.phases]
INSTRUMENT_NAMES = [i.name for i in MODEL.instruments]


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def instrument_dict(model: Model, instrument_id: str) -> dict[str, Any]:
    data: dict[str, Any] = to_jsonable(model.instrument(instrument_id))
    return data


def expected_cell(model: Model, aspect: str, layer: LayerId, phase: PhaseId) -> dict[str, Any]:
    """The --json shape of one cell, built straight from the model."""
    cell = model.aspect(aspect).cells[layer][phase]
    return {
        "layer": {"id": layer, "name": model.layer(layer).name},
        "phase": {"id": phase, "name": model.phase(phase).name},
        "description": cell.description,
        "actions": [
            {
                "id": a.id,
                "title": a.title,
                "description": a.description,
                "effort": a.effort,
                "instruments": [instrument_dict(model, i) for i in a.instruments],
            }
            for a in cell.actions
        ],
    }


# --- aspects -------------------------------------------------------------------------------------


def test_aspects_json_lists_aspects_layers_and_phases(model: Model) -> None:
    data = run_json("aspects")
    assert data["model_version"] == model.version
    assert data["aspects"] == [
        {"id": a.id, "name": a.name, "description": a.description} for a in model.aspects
    ]
    assert data["layers"] == [
        {"id": x.id, "name": x.name, "description": x.description, "synonyms": x.synonyms}
        for x in model.layers
    ]
    assert data["phases"] == [
        {"id": p.id, "name": p.name, "description": p.description, "short_name": p.short_name}
        for p in model.phases
    ]


@pytest.mark.parametrize("aspect", ASPECTS)
def test_one_aspect_json_has_its_information(model: Model, aspect: str) -> None:
    data = run_json("aspects", aspect)
    found = model.aspect(aspect)
    assert model.inspection_framework is not None
    assert data["inspection_framework"] == {
        "name": model.inspection_framework.name,
        "year": model.inspection_framework.year,
    }
    assert data["aspect"] == {
        "id": found.id,
        "name": found.name,
        "description": found.description,
        "background": found.background,
        "references": found.references,
        "discussion_questions": found.discussion_questions,
        "inspection_standards": [
            {"code": s.code, "name": s.name, "level": s.level} for s in found.inspection_standards
        ],
    }
    assert data["aspect"]["inspection_standards"], "every built-in aspect names its standards"


# --- actions -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("aspect", "layer", "phase"), CELLS)
def test_actions_for_one_cell(model: Model, aspect: str, layer: LayerId, phase: PhaseId) -> None:
    data = run_json("actions", "--aspect", aspect, "--layer", layer, "--phase", phase)
    assert data["model_version"] == model.version
    assert data["aspect"] == {"id": aspect, "name": model.aspect(aspect).name}
    assert data["cells"] == [expected_cell(model, aspect, layer, phase)]
    assert data["cells"][0]["actions"], "every cell in the built-in model has actions"


@pytest.mark.parametrize("aspect", ASPECTS)
def test_actions_for_a_whole_aspect_are_grouped_by_layer_then_phase(
    model: Model, aspect: str
) -> None:
    data = run_json("actions", "-a", aspect)
    expected = [expected_cell(model, aspect, layer, phase) for layer in LAYERS for phase in PHASES]
    assert data["cells"] == expected


@pytest.mark.parametrize(("aspect", "layer"), list(itertools.product(ASPECTS, LAYERS)))
def test_actions_for_one_layer(model: Model, aspect: str, layer: LayerId) -> None:
    data = run_json("actions", "-a", aspect, "-l", layer)
    assert data["cells"] == [expected_cell(model, aspect, layer, phase) for phase in PHASES]


@pytest.mark.parametrize(("aspect", "phase"), list(itertools.product(ASPECTS, PHASES)))
def test_actions_for_one_phase(model: Model, aspect: str, phase: PhaseId) -> None:
    data = run_json("actions", "-a", aspect, "-p", phase)
    assert data["cells"] == [expected_cell(model, aspect, layer, phase) for layer in LAYERS]


# --- instruments ---------------------------------------------------------------------------------


def test_instrument_catalogue_json(model: Model) -> None:
    data = run_json("instruments")
    assert data["instruments"] == [instrument_dict(model, i.id) for i in model.instruments]


@pytest.mark.parametrize("instrument", INSTRUMENTS)
def test_one_instrument_with_the_actions_that_use_it(model: Model, instrument: str) -> None:
    data = run_json("instruments", instrument)
    assert data["instrument"] == instrument_dict(model, instrument)
    expected = []
    for aspect in model.aspects:
        for layer in LAYERS:
            for phase in PHASES:
                for action in aspect.cells[layer][phase].actions:
                    if instrument in action.instruments:
                        expected.append((aspect.id, layer, phase, action.id))
    found = [
        (u["aspect"]["id"], u["layer"]["id"], u["phase"]["id"], u["action"]["id"])
        for u in data["used_by"]
    ]
    assert found == expected
    for use in data["used_by"]:
        assert set(use["action"]) == {"id", "title", "description", "effort"}


def test_every_instrument_is_used_somewhere() -> None:
    unused = [i for i in INSTRUMENTS if not run_json("instruments", i)["used_by"]]
    assert unused == []


# --- what users type -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "aspect", "layer", "phase"),
    [
        (["-a", "data", "-l", "leraar", "-p", "begin"], "werken_met_data", "leraar", "begin"),
        (["-a", "Werken met data", "-l", "LERAAR", "-p", "Beginfase"], "werken_met_data", "leraar", "begin"),
        (["-a", "werken-met-data", "-l", "school", "-p", "tussenfase"], "werken_met_data", "schoolleider", "tussen"),
        (["--aspect", "KOERS", "--layer", "b", "--phase", "ge"], "koers", "bestuurder", "gevorderd"),
        (["-a", "lerende", "-l", "Schoolleider", "-p", "Gevorderde fase"], "lerende_professionals", "schoolleider", "gevorderd"),
        (["-a", "leidinggeven", "-l", "ler", "-p", "tus"], "leidinggeven_aan_leren", "leraar", "tussen"),
    ],
)  # fmt: skip
def test_ids_names_and_prefixes_are_understood(
    args: list[str], aspect: str, layer: str, phase: str
) -> None:
    data = run_json("actions", *args)
    assert data["aspect"]["id"] == aspect
    assert [(c["layer"]["id"], c["phase"]["id"]) for c in data["cells"]] == [(layer, phase)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pdca", "pdca"),
        ("PDCA-cyclus", "pdca"),
        ("world", "world_cafe"),
        ("Lesson", "lesson_study"),
    ],
)
def test_instrument_by_id_name_or_prefix(typed: str, expected: str) -> None:
    assert run_json("instruments", typed)["instrument"]["id"] == expected


@pytest.mark.parametrize(
    ("args", "named", "listed"),
    [
        (["actions", "-a", "le"], ["Lerende professionals", "Leidinggeven aan leren"], []),
        (["actions", "-a", "koers", "-l", "conciërge"], ["'conciërge'"], LAYER_NAMES),
        (["actions", "-a", "koers", "-p", "eind"], ["'eind'"], PHASE_NAMES),
        (["actions", "-a", "burgerschap"], ["'burgerschap'"], ASPECT_NAMES),
        (["aspects", "x"], ["'x'"], ASPECT_NAMES),
        (["instruments", "leer"], ["Leerteam", "Leerwandeling"], []),
        (["instruments", "flipover"], ["'flipover'"], INSTRUMENT_NAMES),
        (["browse", "-a", "koers", "-l", "iemand"], ["'iemand'"], LAYER_NAMES),
    ],
)
def test_ambiguous_or_unknown_input_exits_2_listing_the_choices(
    args: list[str], named: list[str], listed: list[str]
) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    for name in named:
        assert name in result.stderr
    assert ("Kies uit:" in result.stderr) == bool(listed)
    for choice in listed:
        assert choice in result.stderr
    assert "Traceback" not in result.stderr


def test_ambiguous_input_says_so() -> None:
    result = run("actions", "-a", "le")
    assert "meer dan één aspect" in result.stderr


def test_actions_without_aspect_asks_for_one() -> None:
    result = run("actions", "-l", "leraar")
    assert result.exit_code == 2
    assert "Geef een aspect op" in result.stderr
    assert all(a in result.stderr for a in ASPECT_NAMES)


def test_json_and_markdown_together_are_refused() -> None:
    result = run("aspects", "--json", "--markdown")
    assert result.exit_code == 2
    assert "--json of --markdown" in result.stderr


def complete(*words: str) -> list[str]:
    """What bash completion offers for the last word (typer's own completion protocol)."""
    env = {
        "_WERKWIJZER_COMPLETE": "complete_bash",
        "COMP_WORDS": " ".join(["werkwijzer", *words]),
        "COMP_CWORD": str(len(words)),
    }
    result = run(env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout.split()


def test_shell_completion_offers_the_model_values() -> None:
    assert complete("actions", "--aspect", "") == ASPECTS
    assert complete("actions", "-a", "le") == ["lerende_professionals", "leidinggeven_aan_leren"]
    assert complete("actions", "-a", "koers", "-l", "s") == ["schoolleider"]
    assert complete("actions", "--phase", "") == PHASES
    assert complete("browse", "-p", "ge") == ["gevorderd"]
    assert complete("instruments", "world") == ["world_cafe"]
    assert complete("aspects", "k") == ["koers"]
    assert complete("actions", "-a", "zz") == []


def test_shell_completion_keeps_what_was_typed() -> None:
    # the shell only keeps values that start with the typed text, capitals included
    assert complete("actions", "-l", "Sch") == ["Schoolleider"]


# --- markdown ------------------------------------------------------------------------------------


def parse(text: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(text)


def plain(inline: Token) -> str:
    """The text a reader sees in an inline token (escapes resolved)."""
    return "".join(
        child.content
        for child in inline.children or []
        if child.type in ("text", "text_special", "code_inline", "softbreak")
    )


def tables(tokens: list[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    out: list[list[list[str]]] = []
    row: list[str] = []
    for n, token in enumerate(tokens):
        if token.type == "table_open":
            out.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            row.append(plain(tokens[n + 1]))
        elif token.type == "tr_close":
            out[-1].append(row)
    return out


def headings(tokens: list[Token]) -> list[tuple[str, str]]:
    return [
        (token.tag, plain(tokens[n + 1]))
        for n, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def no_html(tokens: list[Token]) -> bool:
    def walk(ts: list[Token]) -> bool:
        return all(
            t.type not in ("html_inline", "html_block") and walk(t.children or []) for t in ts
        )

    return walk(tokens)


def markdown(*args: str) -> list[Token]:
    result = run(*args, "--markdown")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n")
    return parse(result.stdout)


@pytest.mark.parametrize(("aspect", "layer", "phase"), CELLS)
def test_cell_markdown_tables(model: Model, aspect: str, layer: LayerId, phase: PhaseId) -> None:
    tokens = markdown("actions", "-a", aspect, "-l", layer, "-p", phase)
    cell = model.aspect(aspect).cells[layer][phase]
    title = f"{model.aspect(aspect).name} · {model.layer(layer).name} · {model.phase(phase).name}"
    assert headings(tokens) == [("h1", title), ("h2", "Instrumenten")]
    actions, instruments = tables(tokens)
    assert actions[0] == ["Actie", "Inspanning", "Wat je doet", "Instrumenten"]
    assert actions[1:] == [
        [
            a.title,
            a.effort,
            a.description,
            ", ".join(model.instrument(i).name for i in a.instruments),
        ]
        for a in cell.actions
    ]
    used = list(dict.fromkeys(i for a in cell.actions for i in a.instruments))
    assert instruments[0] == ["Instrument", "Wat is het?", "Wanneer helpt het?"]
    assert [row[0] for row in instruments[1:]] == [model.instrument(i).name for i in used]
    assert no_html(tokens)


@pytest.mark.parametrize("aspect", ASPECTS)
def test_aspect_markdown_groups_layers_then_phases(model: Model, aspect: str) -> None:
    tokens = markdown("actions", "-a", aspect)
    expected = [("h1", model.aspect(aspect).name)]
    for layer in model.layers:
        expected.append(("h2", layer.name))
        expected += [("h3", p.name) for p in model.phases]
    assert headings(tokens) == [*expected, ("h2", "Instrumenten")]
    found = tables(tokens)
    assert len(found) == len(LAYERS) * len(PHASES) + 1
    all_actions = [
        a for layer in LAYERS for phase in PHASES for a in model.aspect(aspect).cells[layer][phase].actions
    ]  # fmt: skip
    assert [row[0] for table in found[:-1] for row in table[1:]] == [a.title for a in all_actions]
    used = dict.fromkeys(i for a in all_actions for i in a.instruments)
    assert len(found[-1]) - 1 == len(used)


def test_markdown_with_one_layer_uses_phase_headings(model: Model) -> None:
    tokens = markdown("actions", "-a", "koers", "-l", "leraar")
    assert headings(tokens)[0] == ("h1", "Koers · Leraar")
    assert headings(tokens)[1:4] == [("h2", p.name) for p in model.phases]


def test_overview_and_catalogue_markdown(model: Model) -> None:
    aspects, layers, phases = tables(markdown("aspects"))
    assert [row[:2] for row in aspects[1:]] == [[a.name, a.id] for a in model.aspects]
    assert [row[2] for row in layers[1:]] == [x.description for x in model.layers]
    assert [row[1] for row in phases[1:]] == PHASES
    (catalogue,) = tables(markdown("instruments"))
    assert [row[0] for row in catalogue[1:]] == [i.name for i in model.instruments]
    assert [row[1] for row in catalogue[1:]] == [i.what for i in model.instruments]


def test_aspect_information_markdown(model: Model) -> None:
    aspect = model.aspects[0]
    tokens = markdown("aspects", aspect.id)
    assert [h for _, h in headings(tokens)] == [
        aspect.name,
        "Achtergrond",
        "Standaarden van de inspectie",
        "Bronnen",
        "Vragen voor het gesprek",
    ]
    (standards,) = tables(tokens)
    assert standards[0] == ["Code", "Standaard", "Niveau"]
    assert sorted(standards[1:]) == sorted(
        [s.code, s.name, s.level] for s in aspect.inspection_standards
    )
    assert [row[2] for row in standards[1:]] == sorted(
        (row[2] for row in standards[1:]), key=["school", "bestuur"].index
    ), "school standards come before the board's"
    assert model.inspection_framework is not None
    framework = model.inspection_framework.name
    assert any(framework in plain(t) for t in tokens if t.type == "inline")
    paragraphs = [plain(tokens[n + 1]) for n, t in enumerate(tokens) if t.type == "paragraph_open"]
    for part in aspect.background.split("\n\n"):
        assert " ".join(part.split()) in paragraphs
    items = [plain(tokens[n + 2]) for n, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items == aspect.references + aspect.discussion_questions


def test_instrument_markdown(model: Model) -> None:
    tokens = markdown("instruments", "pdca")
    (uses,) = tables(tokens)
    expected = run_json("instruments", "pdca")["used_by"]
    assert [row[3] for row in uses[1:]] == [u["action"]["title"] for u in expected]
    assert [h for _, h in headings(tokens)][:3] == [
        "PDCA-cyclus",
        "Wat is het?",
        "Wanneer helpt het?",
    ]


NASTY = "<script>x</script> | *vet* [link](http://x) `code` & #1"


@pytest.fixture
def nasty_model(tmp_path: Path) -> Path:
    """The built-in model with markdown and HTML characters in texts that end up in tables."""
    folder = copy_model(tmp_path / "model")
    grid_path = folder / "grid" / "koers.yaml"
    grid = yaml.safe_load(grid_path.read_text(encoding="utf-8"))
    cell = grid["layers"]["leraar"]["begin"]
    cell["description"] = "# geen kop\n- geen lijst <b>vet</b>"
    cell["actions"][0]["title"] = NASTY
    cell["actions"][0]["description"] = "1. geen lijst | ook geen kolom\n> geen citaat"
    grid_path.write_text(yaml.safe_dump(grid, allow_unicode=True), encoding="utf-8")
    instruments_path = folder / "instruments.yaml"
    data = yaml.safe_load(instruments_path.read_text(encoding="utf-8"))
    used = cell["actions"][0]["instruments"][0]
    for instrument in data["instruments"]:
        if instrument["id"] == used:
            instrument["name"] = "A | B <i>c</i>"
    instruments_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    aspects_path = folder / "aspects.yaml"
    aspects = yaml.safe_load(aspects_path.read_text(encoding="utf-8"))
    aspects["aspects"][0]["background"] = "Alinea een.\n\n# Geen kop <img src=x>\n\n- geen lijst"
    aspects["aspects"][0]["references"][0] = NASTY
    aspects["aspects"][0]["inspection_standards"][0]["name"] = NASTY
    # one code is one standard: rename it everywhere it is used
    for entry in aspects["aspects"]:
        for standard in entry["inspection_standards"]:
            if standard["code"] == "SKA1":
                standard["name"] = NASTY
    aspects_path.write_text(yaml.safe_dump(aspects, allow_unicode=True), encoding="utf-8")
    return folder


def test_markdown_escapes_text_in_tables(nasty_model: Path) -> None:
    args = ("actions", "--model", str(nasty_model), "-a", "koers", "-l", "leraar", "-p", "begin")
    tokens = markdown(*args)
    widths = raw_table_widths(run(*args, "--markdown").stdout)
    assert no_html(tokens)
    assert [h for _, h in headings(tokens)] == ["Koers · Leraar · Beginfase", "Instrumenten"]
    paragraphs = [plain(tokens[n + 1]) for n, t in enumerate(tokens) if t.type == "paragraph_open"]
    assert paragraphs[0] == "# geen kop - geen lijst <b>vet</b>"
    actions, instruments = tables(tokens)
    assert widths[: len(actions) + 1] == [4] * (len(actions) + 1)  # rows and the divider
    assert actions[1][0] == NASTY
    assert actions[1][2] == "1. geen lijst | ook geen kolom > geen citaat"
    assert "A | B <i>c</i>" in actions[1][3]
    assert widths[len(actions) + 1 :] == [3] * (len(instruments) + 1)
    assert instruments[1][0] == "A | B <i>c</i>"
    assert not any(t.type in ("em_open", "strong_open", "link_open") for t in _all(tokens))


def test_markdown_escapes_background_paragraphs(nasty_model: Path) -> None:
    tokens = markdown("aspects", "koers", "--model", str(nasty_model))
    assert no_html(tokens)
    assert [h for _, h in headings(tokens)] == [
        "Koers",
        "Achtergrond",
        "Standaarden van de inspectie",
        "Bronnen",
        "Vragen voor het gesprek",
    ]
    (standards,) = tables(tokens)
    assert standards[1] == ["SKA1", NASTY, "school"]
    paragraphs = [plain(tokens[n + 1]) for n, t in enumerate(tokens) if t.type == "paragraph_open"]
    assert "Alinea een." in paragraphs
    assert "# Geen kop <img src=x>" in paragraphs
    assert "- geen lijst" in paragraphs
    items = [plain(tokens[n + 2]) for n, t in enumerate(tokens) if t.type == "list_item_open"]
    assert items[0] == NASTY


def _all(tokens: list[Token]) -> list[Token]:
    return [t for token in tokens for t in [token, *_all(token.children or [])]]


# --- the terminal --------------------------------------------------------------------------------


TERMINAL_COMMANDS = [
    ["aspects"],
    *[["aspects", a] for a in ASPECTS],
    *[["actions", "-a", a] for a in ASPECTS],
    ["actions", "-a", "koers", "-l", "leraar", "-p", "tussen"],
    ["instruments"],
    *[["instruments", i] for i in INSTRUMENTS[:5]],
]


@pytest.mark.parametrize("args", TERMINAL_COMMANDS, ids=" ".join)
def test_terminal_output_fits_80_columns(args: list[str]) -> None:
    result = run(*args, env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "…" not in result.stdout


@pytest.mark.parametrize("aspect", ASPECTS)
def test_terminal_actions_show_every_text_whole(model: Model, aspect: str) -> None:
    screen = run("actions", "-a", aspect, env={"COLUMNS": "80"}).stdout
    texts = []
    for layer in LAYERS:
        for phase in PHASES:
            cell = model.aspect(aspect).cells[layer][phase]
            texts.append(cell.description)
            for action in cell.actions:
                texts += [action.title, action.description]
    assert shows_in_order(screen, *texts)
    assert shows_in_order(screen, "Instrumenten bij deze acties")


def test_terminal_cell_explains_its_instruments(model: Model) -> None:
    screen = run("actions", "-a", "koers", "-l", "schoolleider", "-p", "tussen").stdout
    cell = model.aspect("koers").cells["schoolleider"]["tussen"]
    used = dict.fromkeys(i for a in cell.actions for i in a.instruments)
    for instrument_id in used:
        instrument = model.instrument(instrument_id)
        assert shows_in_order(screen, instrument.name, instrument.what, instrument.when)


def test_terminal_tables_show_every_text_whole(model: Model) -> None:
    overview = run("aspects").stdout
    assert shows_in_order(overview, *(a.description for a in model.aspects))
    assert shows_in_order(overview, *(p.description for p in model.phases))
    catalogue = run("instruments").stdout
    assert shows_in_order(catalogue, *(i.what for i in model.instruments))
    information = run("aspects", "koers").stdout
    koers = model.aspect("koers")
    assert shows_in_order(
        information, koers.background, *koers.references, *koers.discussion_questions
    )


def test_shows_in_order_can_fail() -> None:
    assert not shows_in_order("een twee drie", "twee een")
    assert not shows_in_order("een twee", "een twee drie")


def test_instrument_detail_lists_its_actions(model: Model) -> None:
    screen = run("instruments", "PDCA").stdout
    pdca = model.instrument("pdca")
    titles = [u["action"]["title"] for u in run_json("instruments", "pdca")["used_by"]]
    assert shows_in_order(screen, pdca.name, pdca.what, pdca.when, *titles)
    assert f"Gebruikt in {len(titles)} acties" in screen


def test_no_color_means_no_colour_codes() -> None:
    coloured = run(
        "actions", "-a", "koers", "-l", "leraar", "-p", "begin", env={"FORCE_COLOR": "1"}
    )
    colour = re.compile(r"\x1b\[[0-9;]*(3[0-7]|38;|9[0-7])[0-9;]*m")
    assert colour.search(coloured.stdout), "the check can fail: forced colour does show"
    plain_run = run(
        "actions", "-a", "koers", "-l", "leraar", "-p", "begin",
        env={"FORCE_COLOR": "1", "NO_COLOR": "1"},
    )  # fmt: skip
    assert not colour.search(plain_run.stdout)


def test_a_phase_without_actions_says_so(tmp_path: Path) -> None:
    folder = copy_model(tmp_path / "model")
    grid_path = folder / "grid" / "koers.yaml"
    grid = yaml.safe_load(grid_path.read_text(encoding="utf-8"))
    grid["layers"]["leraar"]["begin"]["actions"] = []
    grid_path.write_text(yaml.safe_dump(grid, allow_unicode=True), encoding="utf-8")
    args = ("actions", "--model", str(folder), "-a", "koers", "-l", "leraar", "-p", "begin")
    assert run_json(*args)["cells"][0]["actions"] == []
    tokens = markdown(*args)
    assert tables(tokens) == []
    assert [h for _, h in headings(tokens)] == ["Koers · Leraar · Beginfase"]
    screen = run(*args).stdout
    assert shows_in_order(screen, "Voor deze fase staan nog geen acties in het model.")

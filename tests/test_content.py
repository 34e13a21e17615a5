"""Checks that keep the built-in content honest: complete, distinct, Dutch, within its limits."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest
from conftest import EXAMPLES, run

from werkwijzer.core.answers import read_answers
from werkwijzer.core.model import LAYER_IDS, PHASE_IDS, Model
from werkwijzer.core.result import Result
from werkwijzer.core.scoring import score

ASPECT_IDS = ["koers", "werken_met_data", "lerende_professionals", "leidinggeven_aan_leren"]
PLACEHOLDER = re.compile(r"\bTODO\b|\blorem\b|\bxxx\b|\.\.\.|…|\bFIXME\b|\btbd\b", re.IGNORECASE)
# Words that are common in English and do not exist as Dutch words.
ENGLISH = {
    "the", "and", "with", "that", "this", "which", "should", "would", "from", "your", "their",
    "have", "been", "are", "will", "about", "these", "those", "there", "what", "when", "where",
}  # fmt: skip


def words(text: str) -> list[str]:
    return re.findall(r"[\wÀ-ÿ'-]+", text)


def sentences(text: str) -> int:
    # A sentence ends in . ! or ? followed by a space and a capital, or by the end of the text;
    # abbreviations such as 'bijv.' or 'o.a.' are followed by a lower-case word and do not count.
    return len(re.findall(r"[.!?](?=\s+[A-Z'\"(]|\s*$)", text.strip()))


def dutch_texts(model: Model) -> Iterator[tuple[str, str]]:
    """(where, text) for every Dutch text in the model; references are left out (they cite)."""
    for phase in model.phases:
        yield f"fase {phase.id}", phase.description
    for layer in model.layers:
        yield f"laag {layer.id}", layer.description
    for aspect in model.aspects:
        yield f"{aspect.id}.description", aspect.description
        yield f"{aspect.id}.background", aspect.background
        for n, question in enumerate(aspect.discussion_questions):
            yield f"{aspect.id}.discussion_questions[{n}]", question
        for layer_id, row in aspect.cells.items():
            for phase_id, cell in row.items():
                where = f"{aspect.id}.{layer_id}.{phase_id}"
                yield f"{where}.description", cell.description
                for item in cell.items:
                    yield item.id, item.text
                for action in cell.actions:
                    yield f"{action.id}.title", action.title
                    yield f"{action.id}.description", action.description
    for instrument in model.instruments:
        yield f"{instrument.id}.what", instrument.what
        yield f"{instrument.id}.when", instrument.when


def test_the_four_aspects_and_every_cell(model: Model) -> None:
    assert [a.id for a in model.aspects] == ASPECT_IDS
    for aspect in model.aspects:
        assert set(aspect.cells) == set(LAYER_IDS)
        for layer in LAYER_IDS:
            assert set(aspect.cells[layer]) == set(PHASE_IDS)


def test_three_items_per_phase_36_per_layer(model: Model) -> None:
    for aspect in model.aspects:
        for layer in LAYER_IDS:
            for phase in PHASE_IDS:
                assert len(aspect.cell(layer, phase).items) == 3, (aspect.id, layer, phase)
    assert [len(model.items_for(layer)) for layer in LAYER_IDS] == [36, 36, 36]


def test_at_least_three_actions_per_cell(model: Model) -> None:
    for aspect in model.aspects:
        for layer in LAYER_IDS:
            for phase in PHASE_IDS:
                assert len(aspect.cell(layer, phase).actions) >= 3, (aspect.id, layer, phase)


def test_no_duplicate_texts(model: Model) -> None:
    counts = Counter(" ".join(text.lower().split()) for _, text in dutch_texts(model))
    doubled = [text for text, n in counts.items() if n > 1]
    assert doubled == []


def test_no_duplicate_action_titles_within_an_aspect(model: Model) -> None:
    for aspect in model.aspects:
        titles = Counter(a.title.lower() for owner, _, _, a in model.actions() if owner is aspect)
        assert [t for t, n in titles.items() if n > 1] == [], aspect.id


def test_no_placeholders(model: Model) -> None:
    found = [(where, text) for where, text in dutch_texts(model) if PLACEHOLDER.search(text)]
    found += [
        (i.id, i.reference)
        for i in model.instruments
        if i.reference and PLACEHOLDER.search(i.reference)
    ]
    assert found == []


def test_no_english_in_dutch_fields(model: Model) -> None:
    found = []
    for where, text in dutch_texts(model):
        english = [w for w in words(text) if w.lower() in ENGLISH]
        if english:
            found.append((where, english))
    assert found == []


def test_statements_are_short_single_observations(model: Model) -> None:
    for layer in LAYER_IDS:
        for place in model.items_for(layer):
            text = place.item.text
            assert len(words(text)) <= 25, place.item.id
            assert "?" not in text, place.item.id
            assert sentences(text) == 1, place.item.id


def test_cell_descriptions_have_two_to_four_sentences(model: Model) -> None:
    for aspect in model.aspects:
        for layer in LAYER_IDS:
            for phase in PHASE_IDS:
                n = sentences(aspect.cell(layer, phase).description)
                assert 2 <= n <= 4, (aspect.id, layer, phase, n)


def test_actions_have_short_titles_and_one_to_three_sentences(model: Model) -> None:
    for _, _, _, action in model.actions():
        assert len(words(action.title)) <= 10, action.id
        assert 1 <= sentences(action.description) <= 3, action.id
        assert action.instruments, action.id


def test_backgrounds_have_length_and_references(model: Model) -> None:
    for aspect in model.aspects:
        assert 150 <= len(words(aspect.background)) <= 350, aspect.id
        assert aspect.references, aspect.id
        cited_years = set(re.findall(r"\b(?:19|20)\d\d\b", aspect.background))
        assert cited_years, f"{aspect.id}: the background cites no work"
        listed = " ".join(aspect.references)
        for year in cited_years:
            assert year in listed, f"{aspect.id}: a work of {year} is cited but not listed"


def test_discussion_questions(model: Model) -> None:
    for aspect in model.aspects:
        assert len(aspect.discussion_questions) >= 3, aspect.id
        assert all(q.rstrip().endswith("?") for q in aspect.discussion_questions), aspect.id


def test_instruments_are_many_defined_and_all_used(model: Model) -> None:
    assert len(model.instruments) >= 20
    used = {i for _, _, _, action in model.actions() for i in action.instruments}
    defined = {i.id for i in model.instruments}
    assert used <= defined
    assert defined - used == set()
    for instrument in model.instruments:
        assert instrument.what and instrument.when


# Personas whose situations differ so much that the model must tell them apart: if such a pair lands
# in the same phase on every aspect, the statements cannot see the difference (or the rule hides it).
# The pairs were chosen from the persona descriptions, before the personas were scored.
MUST_DIFFER = [
    ("schoolleider-cbs-de-wegwijzer", "schoolleider-obs-het-kompas"),  # just started / far along
    ("schoolleider-kbs-de-hoeksteen", "schoolleider-obs-het-kompas"),  # modest answers / far along
    ("leraar-ikc-het-palet-starter", "leraar-dorpsschool-de-akker"),  # first year / 12 years
    (
        "schoolleider-sbo-de-brug",
        "schoolleider-cbs-de-wegwijzer",
    ),  # S(B)O on its way / just started
    ("bestuurder-stichting-veldwerk", "bestuurder-stichting-de-eik"),  # twelve schools / one school
]


@pytest.fixture(scope="module")
def persona_results(model: Model) -> dict[str, Result]:
    return {
        path.stem: score(model, read_answers(path, model))
        for path in sorted(EXAMPLES.glob("*.yaml"))
    }


def test_personas_cover_every_layer_and_answer_every_statement(
    model: Model, persona_results: dict[str, Result]
) -> None:
    assert len(persona_results) >= 11
    assert {r.layer for r in persona_results.values()} == set(LAYER_IDS)
    for name, result in persona_results.items():
        answers = read_answers(EXAMPLES / f"{name}.yaml", model)
        assert set(answers.answers) == {p.item.id for p in model.items_for(result.layer)}, name
        assert answers.model_version == model.version, name
        assert result.school and result.respondent is None, f"{name}: a school, no names"
        assert all(a.phase is not None for a in result.aspects), name


def test_every_persona_file_opens_with_its_persona() -> None:
    for path in sorted(EXAMPLES.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Persona: "), path.name


@pytest.mark.parametrize(("first", "second"), MUST_DIFFER, ids=lambda name: name)
def test_personas_that_should_differ_do(
    persona_results: dict[str, Result], first: str, second: str
) -> None:
    one, other = persona_results[first], persona_results[second]
    assert one.layer == other.layer
    phases = [a.phase for a in one.aspects], [a.phase for a in other.aspects]
    assert phases[0] != phases[1], f"{first} and {second} land in {phases[0]} on every aspect"


def test_model_json_shows_every_cell() -> None:
    result = run("model", "--json")
    assert result.exit_code == 0
    assert result.stdout.count('"description"') >= 36

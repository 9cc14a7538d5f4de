"""The rule-based actor recognizer on text written for these tests and on the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.document import build_document
from summarize.entities import Actor, find_actors

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

# Written for this test: a summit story with demonyms, capitals, titles and surnames.
SUMMIT = (
    "Leaders Meet in Beijing as Trade Tensions Rise\n\n"
    "Chinese President Xi Jinping hosted Belarusian leader Alexander Lukashenko in Beijing on Tuesday. "
    "Xi praised the partnership, while Lukashenko thanked his host. "
    "Beijing said the talks were productive, and Minsk welcomed the outcome. "
    "The Kremlin did not comment, but Russian officials have backed closer ties towardRussia's allies. "
    "In Washington, the White House criticised the meeting. "
    "The International Monetary Fund (IMF) said the IMF would review its forecast for Belarus. "
    "Mr. Lukashenko's government later announced a new railway deal with China. "
    "The Russia-Ukraine war dominated the agenda, according to the Chinese Foreign Ministry."
)


@pytest.fixture(scope="module")
def summit() -> tuple[str, dict[str, Actor]]:
    doc = build_document(SUMMIT)
    return doc.text, {a.name: a for a in find_actors(doc)}


def test_countries_group_names_demonyms_and_seats(summit: tuple[str, dict[str, Actor]]) -> None:
    _, actors = summit
    china = actors["China"]
    assert china.kind == "country"
    assert {"China", "Chinese", "Beijing"} <= set(china.aliases)
    assert {"Belarus", "Belarusian", "Minsk"} <= set(actors["Belarus"].aliases)
    assert {"Russia", "Russian", "Kremlin"} <= set(actors["Russia"].aliases)
    assert {"White House"} <= set(actors["United States"].aliases)


def test_capital_after_preposition_is_a_place(summit: tuple[str, dict[str, Actor]]) -> None:
    text, actors = summit
    # "in Beijing" is where the meeting was; "Beijing said" is the government.
    beijing_place = actors["Beijing"]
    assert beijing_place.kind == "place"
    agent = [m for m in actors["China"].mentions if m.text == "Beijing"]
    assert len(agent) == 1
    assert text[agent[0].end : agent[0].end + 5] == " said"
    assert actors["Washington"].kind == "place"


def test_people_are_grouped_by_surname_and_family_name(summit: tuple[str, dict[str, Actor]]) -> None:
    _, actors = summit
    xi = actors["Xi Jinping"]
    assert xi.kind == "person"
    assert set(xi.aliases) == {"Xi Jinping", "Xi"}
    lukashenko = actors["Alexander Lukashenko"]
    assert lukashenko.kind == "person"
    assert lukashenko.count == 3  # full name, "Lukashenko", "Mr. Lukashenko's"
    assert "President" not in " ".join(actors)


def test_acronym_joins_its_organisation(summit: tuple[str, dict[str, Actor]]) -> None:
    _, actors = summit
    imf = actors["International Monetary Fund"]
    assert imf.kind == "organisation"
    assert imf.count == 3
    assert "IMF" in imf.aliases


def test_demonym_before_organisation_is_part_of_its_name(summit: tuple[str, dict[str, Actor]]) -> None:
    _, actors = summit
    assert actors["Chinese Foreign Ministry"].kind == "organisation"


def test_hyphenated_and_glued_names_are_split(summit: tuple[str, dict[str, Actor]]) -> None:
    text, actors = summit
    russia = actors["Russia"]
    ukraine = actors["Ukraine"]
    assert any(text[m.start : m.end + 1] == "Russia-" for m in russia.mentions)
    assert any(text[m.start - 1 : m.end] == "-Ukraine" for m in ukraine.mentions)
    assert any(text[m.start - 6 : m.start] == "toward" for m in russia.mentions)


def test_mentions_point_at_their_text(summit: tuple[str, dict[str, Actor]]) -> None:
    text, actors = summit
    doc = build_document(SUMMIT)
    for actor in actors.values():
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text
            assert doc.sentence_at(mention.start) == mention.sentence


def test_headline_words_and_sentence_openers_are_not_actors(summit: tuple[str, dict[str, Actor]]) -> None:
    _, actors = summit
    for word in ("Leaders", "Trade", "Tensions", "The", "In", "Meet", "Tuesday"):
        assert word not in actors


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Officials said Prime Minister Keir Starmer spoke. Starmer said little.", "Keir Starmer", "person"),
        ("The rally was held in Paris. Later, Paris announced new sanctions.", "France", "country"),
        ("Growing pressure on Ukraine was clear. Kyiv rejected the offer.", "Ukraine", "country"),
        ("The European Union and NATO met. Brussels wants more.", "European Union", "organisation"),
        ("Analysts at Castleton Securities said the deal was weak.", "Castleton Securities", "organisation"),
        ("Crowds gathered on Liberty Square in the evening.", "Liberty Square", "place"),
    ],
)
def test_small_cases(text: str, name: str, kind: str) -> None:
    actors = {a.name: a for a in find_actors(build_document(text))}
    assert name in actors, list(actors)
    assert actors[name].kind == kind


def test_unknown_country_and_its_demonym_are_one_actor() -> None:
    text = (
        "Protesters in Zarvania demanded a new vote. Zarvanian police cleared the square. "
        "Zarvania rejected the criticism."
    )
    actors = {a.name: a for a in find_actors(build_document(text))}
    assert set(actors["Zarvania"].aliases) == {"Zarvania", "Zarvanian"}


def test_empty_and_lowercase_text_have_no_actors() -> None:
    assert find_actors(build_document("")) == []
    assert find_actors(build_document("nothing here is capitalised at all.")) == []


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_samples_have_grouped_actors_with_valid_offsets(path: Path) -> None:
    doc = build_document(path.read_text(encoding="utf-8"))
    actors = find_actors(doc)
    assert actors, "every sample article names someone"
    names = [a.name for a in actors]
    assert len(names) == len(set(names))
    seen: set[tuple[int, int, str]] = set()
    for actor in actors:
        for mention in actor.mentions:
            assert doc.text[mention.start : mention.end] == mention.text
            key = (mention.start, mention.end, actor.name)
            assert key not in seen
            seen.add(key)
    # Somebody is mentioned more than once under more than one form (name, then surname).
    assert any(len(a.aliases) >= 2 for a in actors)

"""One actor per person: full name, surname, title + surname, possessives, run-together names."""

from __future__ import annotations

from summarize.document import build_document
from summarize.entities import Actor, find_actors


def _actors(text: str) -> dict[str, Actor]:
    return {a.name: a for a in find_actors(build_document(text))}


def _holding(actors: dict[str, Actor], form: str) -> list[str]:
    return [a.name for a in actors.values() if form in a.aliases]


# Written for these tests.
def test_title_surname_and_possessive_join_the_full_name() -> None:
    actors = _actors(
        "Benigno Aquino III took office on Monday. Mr. Aquino promised reform. "
        "Aquino's allies cheered, and Aquino thanked them."
    )
    assert len(_holding(actors, "Aquino")) == 1
    person = actors[_holding(actors, "Aquino")[0]]
    assert person.kind == "person"
    assert person.count >= 4


def test_undecided_full_name_takes_its_lone_surname() -> None:
    actors = _actors(
        "Robyn Tarrant opened the bakery in 2015. Tarrant said business was good. Tarrant smiled."
    )
    assert _holding(actors, "Tarrant") == _holding(actors, "Robyn Tarrant")
    assert actors[_holding(actors, "Tarrant")[0]].kind == "person"


def test_names_run_together_without_commas_are_cut() -> None:
    actors = _actors(
        "Rafael Nadal beat Roger Federer on Sunday. Spectators watched Federer Nadal and others train. "
        "Nadal said he was tired."
    )
    assert len(_holding(actors, "Nadal")) == 1
    assert "Federer Nadal" not in actors


def test_capitalised_sentence_openers_are_not_part_of_a_name() -> None:
    actors = _actors(
        "Matt Kessler coached the team for a decade. Additionally Kessler ran a youth camp. "
        "Nevertheless Kessler said he would retire."
    )
    assert _holding(actors, "Kessler") == ["Matt Kessler"]


def test_a_given_name_before_a_shared_surname_is_another_person() -> None:
    actors = _actors("On Monday Peter Holm spoke first. Then Anna Holm spoke. Holm thanked the crowd.")
    assert "Peter Holm" in actors and "Anna Holm" in actors


def test_organisations_and_places_stay_apart_from_people() -> None:
    actors = _actors(
        "Harvey Weinstein left the Weinstein Company in October. Weinstein denied the claims. "
        "The Weinstein Company said it would cooperate."
    )
    assert actors["Weinstein Company"].kind == "organisation"
    assert "Weinstein" in actors["Harvey Weinstein"].aliases

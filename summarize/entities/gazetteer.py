"""The recognizer's gazetteers, read once from ``summarize/data/entities/``: countries with their
demonyms, capitals and seats of power, international organisations, known places, and the word
lists that mark people, organisations and places.

A country entry groups every surface form that names the state or its people ("China", "Chinese",
"PRC"); its capital and seat-of-government names ("Beijing", "Zhongnanhai") join it only when the
text uses them as actors (see classify.py). To add a name, edit the data file: the code holds none.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from summarize.resources import package_data


def words_of(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # canonical actor name
    names: tuple[str, ...] = ()  # other names of the state itself
    demonyms: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()  # capital and seat-of-government metonyms


def _data_lines(name: str) -> list[str]:
    """The non-empty, non-comment lines of one data file."""
    path: Path = package_data("entities", name)
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _items(field: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in field.split(";") if item.strip())


def _places(name: str) -> tuple[Place, ...]:
    """``name | other names | demonyms | seats`` lines, items separated by ``;``."""
    out = []
    for line in _data_lines(name):
        fields = [*line.split("|"), "", "", ""][:4]
        out.append(Place(fields[0].strip(), _items(fields[1]), _items(fields[2]), _items(fields[3])))
    return tuple(out)


def _word_lists(name: str) -> dict[str, frozenset[str]]:
    """``[list]`` headers, each followed by its words."""
    lists: dict[str, list[str]] = {}
    current: list[str] = []
    for line in _data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], [])
        else:
            current.extend(line.split())
    return {key: frozenset(words) for key, words in lists.items()}


COUNTRIES: tuple[Place, ...] = _places("countries.txt")
ORGANISATIONS: tuple[Place, ...] = _places("organisations.txt")
KNOWN_PLACES: frozenset[str] = frozenset(_data_lines("known_places.txt"))
GIVEN_NAMES: frozenset[str] = words_of(" ".join(_data_lines("given_names.txt")))

_WORDS = _word_lists("words.txt")
PERSON_TITLES: frozenset[str] = _WORDS["person_titles"]
HONORIFICS: frozenset[str] = _WORDS["honorifics"]
ORGANISATION_HEADS: frozenset[str] = _WORDS["organisation_heads"]
PLACE_HEADS: frozenset[str] = _WORDS["place_heads"]
NON_ACTOR_WORDS: frozenset[str] = _WORDS["non_actor_words"]
FUNCTION_WORDS: frozenset[str] = _WORDS["function_words"]
CALENDAR_WORDS: frozenset[str] = _WORDS["calendar_words"]
NAME_MONTHS: frozenset[str] = _WORDS["name_months"]
STATE_ABBREVIATIONS: frozenset[str] = _WORDS["state_abbreviations"]
SPORTS_CLUB_HEADS: frozenset[str] = _WORDS["sports_club_heads"]
SPORTS_WORDS: frozenset[str] = _WORDS["sports_words"]
ORGANISATION_NOUNS: frozenset[str] = _WORDS["organisation_nouns"]
PERSON_NOUNS: frozenset[str] = _WORDS["person_nouns"]
COUNTRY_GIVEN_NAMES: frozenset[str] = _WORDS["country_given_names"]
PLACE_NOUNS: frozenset[str] = _WORDS["place_nouns"]
LOCATIVE_WORDS: frozenset[str] = _WORDS["locative_words"]
_COUNTRY_NAMES = frozenset(p.name for p in COUNTRIES)


def place_surface_forms() -> dict[str, tuple[str, str]]:
    """Surface form -> (canonical name, role) for every country and organisation.

    Roles: ``name`` (the state itself), ``demonym``, ``seat`` (capital or seat of power).
    """
    forms: dict[str, tuple[str, str]] = {}
    for place in (*COUNTRIES, *ORGANISATIONS):
        forms.setdefault(place.name, (place.name, "name"))
        for form in place.names:
            forms.setdefault(form, (place.name, "name"))
        for form in place.demonyms:
            forms.setdefault(form, (place.name, "demonym"))
        for form in place.seats:
            forms.setdefault(form, (place.name, "seat"))
    return forms


def kind_of_place(name: str) -> str:
    """``country`` or ``organisation`` for a canonical gazetteer name."""
    return "country" if name in _COUNTRY_NAMES else "organisation"

"""Step 6a: which actor one mention belongs to.

A lone surname or given name joins the full name ("Xi" -> "Xi Jinping"); a lone first word joins
the one organisation it starts ("Cardiora"); acronyms join the organisation they abbreviate; a
shorter organisation name joins the one longer name ending the same way ("Taxpayers Alliance").
"""

from __future__ import annotations

from dataclasses import dataclass

from summarize.entities.found import Found
from summarize.entities.gazetteer import words_of
from summarize.entities.places import forms
from summarize.entities.run_ons import surname_token
from summarize.entities.runs import CONNECTORS, DEMONYM_SUFFIXES

_SURNAME_PARTICLES = words_of("La Le De Di Da Du Del Van Von Al El Bin Mac")
_SHOUTED_MIN = 4  # "KAEPERNICK" in a capitalised headline; "NATO"-length acronyms stay
_TOWN_MIN_NAMES = 2

Resolved = tuple[str, str, str]  # actor key, kind, mention role


@dataclass(frozen=True, slots=True)
class Names:
    """What a mention may be resolved against: the article's other mentions."""

    persons: list[Found]  # full names of people
    orgs: list[Found]  # organisations' names
    found: list[Found]  # every mention
    lowercase: set[str]  # words the article writes in lowercase


def resolve(item: Found, names: Names) -> Resolved:
    """(actor key, kind, mention role) for one mention."""
    if item.kind == "country" or (item.kind == "organisation" and item.key in forms()):
        return item.key, item.kind, item.role
    if item.role == "acronym" and len(item.tokens[0].text) >= _SHOUTED_MIN:
        # "TRUMP: When I put it out" in a transcript is a surname shouted, not an acronym.
        person = _person_of_word(item.tokens[0].text.title(), item, names.persons)
        if person is not None:
            return person, "person", "surname"
    if len(item.tokens) == 1 and item.role != "acronym" and item.key not in forms():
        short = _short_form(item, names)
        if short is not None:
            return short
    if item.kind == "organisation":
        return _organisation(item, names.orgs)
    if item.kind == "place":
        return item.key, "place", "place"
    return _person_or_other(item, names)


def _organisation(item: Found, orgs: list[Found]) -> Resolved:
    if item.role == "acronym":
        full = _expand_acronym(item, orgs)
        if full is not None:
            return full, "organisation", "acronym"
    longer = _longer_organisation(item, orgs)
    if longer is not None:
        return longer, "organisation", "short"
    return item.key, "organisation", item.role


def _person_or_other(item: Found, names: Names) -> Resolved:
    particle = _particle_surname(item, names.persons)
    if particle is not None:
        return particle, "person", "surname"
    if item.kind == "person" and len(item.tokens) >= 2:
        return _longest_person(item, names.persons), "person", "name"
    if len(item.tokens) == 1 and _names_a_town(item, names.found):
        return item.key, "place", "place"
    return item.key, item.kind, item.role


def _particle_surname(item: Found, persons: list[Found]) -> str | None:
    """ "La Canfora" for "Jason La Canfora"."""
    if len(item.tokens) != 2 or item.tokens[0].text not in _SURNAME_PARTICLES:
        return None
    longer = [p for p in persons if len(p.tokens) > 2 and p.words[-2:] == item.words]
    return _longest_person(longer[0], persons) if longer else None


def _names_a_town(item: Found, found: list[Found]) -> bool:
    """ "Harborview" starts "Harborview Metro" and "Harborview State University": the town's name."""
    word = item.tokens[0].text
    named_after = {f.key for f in found if len(f.tokens) >= 2 and f.tokens[0].text == word and f.head}
    return len(named_after) >= _TOWN_MIN_NAMES


def _short_form(item: Found, names: Names) -> Resolved | None:
    """A lone word standing for a person or organisation named in full elsewhere."""
    word = item.tokens[0].text
    if word.isupper() and len(word) >= _SHOUTED_MIN:
        word = word.title()  # "KAEPERNICK" in a capitalised headline
    person = _person_of_word(word, item, names.persons)
    if person is not None:
        return person, "person", "surname"
    # "Kaldorian" in "Every Kaldorian" is the demonym of "Kaldoria", not "Kaldorian Helsinki Committee".
    stems = {word[: -len(x)] for x in DEMONYM_SUFFIXES if word.endswith(x)}
    if stems & {f.text for f in names.found if len(f.tokens) == 1}:
        return None
    # "Kestrel" for "Kestrel City", "Cardiora" for "Cardiora Therapeutics Inc", if only one starts so.
    starting = {o.key for o in names.orgs if o.tokens[0].text == word and len(o.tokens) >= 2}
    # ... unless the article writes the word in lowercase: "Heart failure" is not "Heart Patients Alliance".
    if len(starting) == 1 and word.lower() not in names.lowercase:
        return starting.pop(), "organisation", "short"
    return None


def _person_of_word(word: str, item: Found, persons: list[Found]) -> str | None:
    """The full name whose given name or surname ``word`` is (the nearest one before, else the first)."""
    candidates = [p for p in persons if word in (p.tokens[0].text, surname_token(p))]
    if not candidates:
        return None
    earlier = [p for p in candidates if p.tokens[0].start < item.start]
    chosen = earlier[-1] if earlier else candidates[0]
    return _longest_person(chosen, persons)


def _longer_organisation(item: Found, orgs: list[Found]) -> str | None:
    """ "Taxpayers Alliance" for "Harborview Taxpayers Alliance": a longer name ending the same way."""
    words = item.words
    if len(words) < 2:
        return None
    longer = {o.key for o in orgs if len(o.tokens) > len(words) and o.words[-len(words) :] == words}
    return longer.pop() if len(longer) == 1 else None


def _longest_person(item: Found, persons: list[Found]) -> str:
    """ "Alexander G. Lukashenko" and "Alexander Lukashenko" are one person: keep the longest."""
    first, last = item.tokens[0].text, item.tokens[-1].text
    same = [p for p in persons if p.tokens[0].text == first and p.tokens[-1].text == last]
    return max((p.text for p in same), key=len, default=item.text)


def _expand_acronym(item: Found, orgs: list[Found]) -> str | None:
    letters = item.tokens[0].text.replace(".", "")
    for org in orgs:
        initials = "".join(t.text[0] for t in org.tokens if t.text not in CONNECTORS and t.text[0].isupper())
        if initials == letters:
            return org.key
    return None

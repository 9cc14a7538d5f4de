"""Steps 2b and 3: reading one run of capitals into mentions.

A run is cut at gazetteer names (countries, demonyms, capitals, organisations; longest match first)
unless it is one organisation's name ("Kaldorian Helsinki Committee", "University of Nairobi").
What remains is a name chunk: an organisation if it ends in an organisation word ("Foreign
Ministry"), a place if it ends in a place word ("Mill Creek Road"), a person if titled
("President X") or it starts with a common given name, else undecided ("other"). A head word
alone ("Council", "District") is not a name.
"""

from __future__ import annotations

from summarize.entities.found import Found
from summarize.entities.gazetteer import (
    COUNTRY_GIVEN_NAMES,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HONORIFICS,
    KNOWN_PLACES,
    NAME_MONTHS,
    NON_ACTOR_WORDS,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    SPORTS_CLUB_HEADS,
    STATE_ABBREVIATIONS,
    kind_of_place,
    words_of,
)
from summarize.entities.places import gazetteer_at, is_location
from summarize.entities.runs import CONNECTORS, strip_connectors
from summarize.entities.tokens import ACRONYM, Tok, adjacent, surface_of

# Competitions and events: "the Cup" alone names no actor.
_EVENT_HEADS = words_of("Cup Championship Championships Trophy Games Olympics Tournament Prix Series Final")
HEAD_WORDS = ORGANISATION_HEADS | PLACE_HEADS | PERSON_TITLES | SPORTS_CLUB_HEADS | _EVENT_HEADS
_OPENERS = words_of("Dear If Nevertheless However Meanwhile Inside Although Though While Yet")
_ARTICLES = ("The", "A", "An")
_MAX_NAME_WORDS = 4  # longer Title Case stretches are titles of works
_GIVEN_NAME_WORDS = (2, 3)  # a given name makes a person of a name this long


def read_run(run: list[Tok], sentence: list[Tok], text: str, sports: bool) -> list[Found]:
    """The mentions in one run: gazetteer names, and the chunks between them classified."""
    out: list[Found] = []
    whole = gazetteer_at(run, 0)
    if run[-1].text in ORGANISATION_HEADS and len(run) > 1 and (whole is None or whole[0] < len(run)):
        # One organisation's name, even with a country or capital inside it.
        _read_chunk(run, out, sports)
        return out
    i = 0
    chunk: list[Tok] = []
    while i < len(run):
        hit = gazetteer_at(run, i)
        if hit is None:
            chunk.append(run[i])
            i += 1
            continue
        length, (canonical, role) = hit
        if length == 1 and not chunk and _given_name_first(run, i):
            chunk.append(run[i])  # "Jordan Henderson" is a person, not Jordan the country
            i += 1
            continue
        tokens = run[i : i + length]
        i += length
        if len(chunk) >= 2 and chunk[-1].text == "of" and chunk[-2].text in ORGANISATION_HEADS:
            chunk.extend(tokens)  # "University of Nairobi", "Bank of England"
            continue
        _read_chunk(chunk, out, sports)
        chunk = []
        out.append(gazetteer_found(tokens, canonical, role, sentence, text))
    _read_chunk(chunk, out, sports)
    return out


def _given_name_first(run: list[Tok], i: int) -> bool:
    """A country that is also a given name, before a capitalised word that no list knows: a person."""
    if run[i].text not in COUNTRY_GIVEN_NAMES or i + 1 >= len(run):
        return False
    after = run[i + 1]
    return (
        after.text[:1].isupper()
        and not after.text.isupper()
        and after.text not in HEAD_WORDS
        and after.text not in CONNECTORS
        and gazetteer_at(run, i + 1) is None
    )


def gazetteer_found(tokens: list[Tok], canonical: str, role: str, sentence: list[Tok], text: str) -> Found:
    """A gazetteer name: the country or organisation, or a place where a capital is where, not who."""
    if role == "seat" and is_location(tokens, sentence, text):
        return Found(tokens, "place", surface_of(tokens), "place", head=True)
    return Found(tokens, kind_of_place(canonical), canonical, role, head=True)


def _read_chunk(chunk: list[Tok], out: list[Found], sports: bool) -> None:
    """A non-gazetteer stretch of a run: an organisation, a person, a place, or nothing."""
    for part in _split_at_connectors(chunk):
        found = _classify(part, out, sports)
        if found is not None:
            out.append(found)


def _split_at_connectors(chunk: list[Tok]) -> list[list[Tok]]:
    """Keep "Ministry of Foreign Affairs" and "Department of Forestry and Fire Protection" whole;
    cut "President of Belarus" and "Taiwan and Arizona" apart."""
    parts: list[list[Tok]] = [[]]
    ends_in_head = bool(chunk) and chunk[-1].text in ORGANISATION_HEADS
    for tok in chunk:
        if tok.text not in ("of", "for", "and") or (parts[-1] and _inside_name(tok, parts[-1], ends_in_head)):
            parts[-1].append(tok)
        elif parts[-1]:
            parts.append([])
    stripped = (strip_connectors(part) for part in parts)
    return [part for part in stripped if part]


def _inside_name(connector: Tok, part: list[Tok], ends_in_head: bool) -> bool:
    if connector.text == "of":  # "Department of X", but "Paul Renner of Alder & Finch Research"
        return part[-1].text in ORGANISATION_HEADS
    return any(t.text in ORGANISATION_HEADS for t in part) or ends_in_head


def _classify(part: list[Tok], before: list[Found], sports: bool) -> Found | None:
    if _is_organisation(part, sports):
        return _organisation(part, before)
    return _name(part)


def _is_organisation(part: list[Tok], sports: bool) -> bool:
    joined = any(t.text in CONNECTORS for t in part)
    org_head = part[-1].text in ORGANISATION_HEADS or (
        joined and any(t.text in ORGANISATION_HEADS for t in part)
    )
    return org_head or (sports and len(part) >= 2 and part[-1].text in SPORTS_CLUB_HEADS)


def _organisation(part: list[Tok], before: list[Found]) -> Found | None:
    tokens = list(part)
    previous = before[-1] if before else None
    if previous is not None and _names_its_country(previous, part[0]):
        # "Chinese Foreign Ministry": the demonym belongs to the organisation's name.
        before.pop()
        tokens = previous.tokens + tokens
    while tokens and tokens[0].text in _ARTICLES and len(tokens) > 2:
        tokens = tokens[1:]
    if len(tokens) == 1 and tokens[0].text in HEAD_WORDS:
        return None  # "Council", "Police", "Metro" alone name no one in particular
    return Found(tokens, "organisation", surface_of(tokens), "name", head=True)


def _names_its_country(previous: Found, first: Tok) -> bool:
    return (
        previous.kind in ("country", "organisation")
        and previous.role in ("name", "demonym", "seat")
        and adjacent(previous.tokens[-1], first)
    )


def _name(part: list[Tok]) -> Found | None:
    """A name chunk that is no organisation: a place, a person, an undecided name, or nothing."""
    tokens, titled = _without_titles(part)
    # Months are dropped where they break runs; "May" inside a name ("Theresa May") stays.
    tokens = [t for t in tokens if _name_word(t)]
    if not tokens or any(ch.isdigit() for t in tokens for ch in t.text):
        return None
    titled = titled or any(t.text in HONORIFICS for t in part)
    return _name_kind(tokens, titled)


def _without_titles(part: list[Tok]) -> tuple[list[Tok], bool]:
    """The chunk without its leading titles and openers, and whether a title marked a person."""
    tokens = list(part)
    # A honorific inside a run starts a new name: "... Mr Severin".
    honorific = max((k for k, t in enumerate(tokens) if t.text in HONORIFICS), default=-1)
    if honorific > 0:
        tokens = tokens[honorific:]
    titled = False
    while tokens and _leads_name(tokens):
        titled = titled or tokens[0].text in PERSON_TITLES
        tokens.pop(0)
    return tokens, titled


def _leads_name(tokens: list[Tok]) -> bool:
    """A title, a capitalised function word opening the sentence, or a sentence adverb."""
    first = tokens[0]
    return (
        first.text in PERSON_TITLES
        or ((first.initial or first.headline) and first.text.lower() in FUNCTION_WORDS)
        or (len(tokens) >= 2 and _sentence_adverb(first))
    )


def _name_word(tok: Tok) -> bool:
    word = tok.text
    return (word not in NON_ACTOR_WORDS or word in NAME_MONTHS) and word not in STATE_ABBREVIATIONS


def _name_kind(tokens: list[Tok], titled: bool) -> Found | None:
    surface = surface_of(tokens)
    if len(tokens) == 1 and ACRONYM.match(tokens[0].text):
        return Found(tokens, "organisation", tokens[0].text, "acronym", head=True)
    if _no_name(tokens, surface, titled):
        return None
    if surface in KNOWN_PLACES or (tokens[-1].text in PLACE_HEADS and not titled):
        return Found(tokens, "place", surface, "place", head=True)
    given = len(tokens) in _GIVEN_NAME_WORDS and tokens[0].text in GIVEN_NAMES
    kind = "person" if titled or given else "other"
    return Found(tokens, kind, surface, "name", person_hint=titled)


def _no_name(tokens: list[Tok], surface: str, titled: bool) -> bool:
    if len(tokens) > _MAX_NAME_WORDS or (len(tokens) > 1 and all(t.text.isupper() for t in tokens)):
        return True  # long Title Case stretches are titles of works; CAPITALS are datelines
    # "District", "Route", "Square" alone (a known place is a name even when one word)
    lone_head = len(tokens) == 1 and tokens[0].text in HEAD_WORDS | NAME_MONTHS and not titled
    return lone_head and surface not in KNOWN_PLACES


def _sentence_adverb(tok: Tok) -> bool:
    """A capitalised sentence opener before a name: "Additionally Maley", "Joining Chesney", "I’m"."""
    if not tok.initial or tok.text in GIVEN_NAMES:
        return False
    word = tok.text
    return word in _OPENERS or "’" in word or "'" in word or word.endswith(("ly", "ing"))

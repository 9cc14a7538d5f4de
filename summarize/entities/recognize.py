"""A rule-based recognizer of named actors in news text, offline and dependency-free.

How it works:
1. Word tokens are normalised: possessives dropped ("China’s"), hyphenated pairs of
   known names split ("Russia-Ukraine"), run-together words repaired ("towardRussia").
   Months, month abbreviations and days break a name ("On Sept. 16").
2. Runs of capitalised tokens (joined by "of"/"for"/"&" and name particles) are cut at
   gazetteer names (countries, demonyms, capitals, organisations; longest match first),
   unless the run is one organisation name ("Kaldorian Helsinki Committee", "University of Nairobi").
3. What remains is a name chunk: an organisation if it ends in an organisation word
   ("Foreign Ministry", "Harborview Metro"), a place if it ends in a place word ("Mill Creek
   Road"), a person if titled ("President X") or it starts with a common given name, else
   undecided. A head word alone ("Council", "District") is not a name. A sentence-opening
   capitalised word counts only if the article also capitalises it elsewhere.
4. A Title-Case headline is read last: only names also found in the body count there.
5. Context cues (cues.py) decide undecided names: "said X" and "winger X" mark people, "the firm X"
   and "X, a group that" organisations, "in X" and "the town of X" places.
6. Mentions are grouped into actors: demonyms with their country, capitals with their country
   when used as actors ("Beijing said") but as places after "in"/"to"; a lone surname or given
   name with the full name ("Xi" -> "Xi Jinping"); a lone first word with the one organisation
   it starts ("Cardiora"); acronyms and "known as" names with the organisation they name.
   A lone word the article also writes in lowercase ("Heart failure ...") is not a name.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache

from summarize.document import Document
from summarize.entities import cues
from summarize.entities.actors import Actor, Mention
from summarize.entities.gazetteer import (
    CALENDAR_WORDS,
    FUNCTION_WORDS,
    HONORIFICS,
    KNOWN_PLACES,
    NAME_MONTHS,
    NON_ACTOR_WORDS,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    SPORTS_CLUB_HEADS,
    SPORTS_WORDS,
    STATE_ABBREVIATIONS,
    kind_of_place,
    place_surface_forms,
    words_of,
)
from summarize.entities.given_names import GIVEN_NAMES

_CONNECTORS = words_of("of for and & de von van der al bin ibn la le du del da")
_LOCATIVE = words_of(
    "in at to from near outside inside around into across through via toward towards visit visited visiting "
    "visits trip arrived arrive left leaving reached based held hosted summit"
)
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_GLUED = re.compile(r"^([a-z]{3,})([A-Z][\w.]+)$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|abu)-[A-Z]\w")
_MAX_GAZETTEER_TOKENS = 6
_DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i")
_ABBREVIATED_TITLES = words_of("Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Capt Adm Sgt Rev Prof St Co Corp Inc Ltd")
_SAINTS = words_of("St Saint")
# Competitions and events: "the Cup" alone names no actor.
_EVENT_HEADS = words_of("Cup Championship Championships Trophy Games Olympics Tournament Prix Series Final")
_HEAD_WORDS = ORGANISATION_HEADS | PLACE_HEADS | PERSON_TITLES | SPORTS_CLUB_HEADS | _EVENT_HEADS
_SPORTS_MIN_WORDS = 3  # distinct sports words that make a story a sports story


@dataclass(frozen=True, slots=True)
class _Tok:
    text: str
    start: int
    end: int
    sentence: int
    initial: bool  # opens the sentence (or a quotation inside it)
    joined: bool  # only whitespace (or a hyphen inside one token) separates it from the word before
    possessive: bool = False  # "Severin’s": a name ends here
    headline: bool = False  # the sentence is written in Title Case
    tail: str = ""  # the possessive ending dropped from the text ("’s")

    @property
    def capitalised(self) -> bool:
        # "al-Maliki", "bin-Salman": a lowercase Arabic particle joined to a capitalised name.
        return self.text[0].isupper() or bool(_PARTICLE_NAME.match(self.text))


@dataclass(slots=True)
class _Found:
    """A mention before grouping: its key says which actor it may belong to."""

    tokens: list[_Tok]
    kind: str  # person, country, organisation, place, other
    key: str  # canonical name for gazetteer hits, the surface otherwise
    role: str
    person_hint: bool = False  # a title, honorific, speech verb or appositive marked it as a person
    head: bool = False  # its kind comes from a head word ("Council", "Street") or the gazetteer

    @property
    def text(self) -> str:
        return _surface_of(self.tokens)

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end


@cache
def _forms() -> dict[str, tuple[str, str]]:
    return place_surface_forms()


@cache
def _place_names() -> frozenset[str]:
    return frozenset(_forms()) | KNOWN_PLACES


@cache
def _forms_by_length() -> dict[int, dict[tuple[str, ...], tuple[str, str]]]:
    by_len: dict[int, dict[tuple[str, ...], tuple[str, str]]] = {}
    for form, value in _forms().items():
        parts = tuple(form.split())
        by_len.setdefault(len(parts), {})[parts] = value
    return by_len


def find_actors(doc: Document) -> list[Actor]:
    """The named actors of ``doc``, most mentioned first, with every mention's offsets."""
    sentences = [_sentence_tokens(doc, s.index) for s in doc.sentences]
    headline = [_is_headline(toks, doc.sentences[i].text) for i, toks in enumerate(sentences)]
    sentences = [[replace(t, headline=headline[i]) for t in toks] for i, toks in enumerate(sentences)]
    known = _known_names(sentences)
    lowercase_words = {t.text for toks in sentences for t in toks if t.text[:1].islower()}
    sports = len(lowercase_words & SPORTS_WORDS) >= _SPORTS_MIN_WORDS
    body: list[_Found] = []
    headline_runs: list[tuple[list[_Tok], list[_Tok]]] = []
    for toks in sentences:
        for run in _capitalised_runs(toks):
            if run[0].headline:
                headline_runs.append((run, toks))
                continue
            for piece in _contiguous(_trim(run, known, lowercase_words)):
                body.extend(_read_run(piece, toks, doc.text, sports))
    _apply_cues(body, doc.text)
    found = body + _read_headlines(headline_runs, body, doc.text)
    return _group(found, doc.text, lowercase_words)


# ---- tokens ---------------------------------------------------------------------------


def _sentence_tokens(doc: Document, index: int) -> list[_Tok]:
    tokens = doc.sentence_tokens(index)
    out: list[_Tok] = []
    seen_word = False
    after_opening = False
    previous_is_word = False
    for token in tokens:
        if not token.is_word:
            if token.text == "&" and previous_is_word and out:
                # "Berrington & Co.", "Alder & Finch Research": the ampersand joins one name.
                out.append(_Tok("&", token.start, token.end, index, False, True))
                continue
            after_opening = token.text in '“"‘(:—–-'
            # "Mr. Lukashenko", "St. Mary": the abbreviation's full stop does not end the name.
            abbreviation = token.text == "." and bool(out) and out[-1].text in _ABBREVIATED_TITLES
            previous_is_word = abbreviation and token.start == out[-1].end
            continue
        initial = not seen_word or after_opening
        joined = previous_is_word
        seen_word, after_opening, previous_is_word = True, False, True
        pieces = _split_token(token.text, token.start)
        for k, (text, start, end) in enumerate(pieces):
            tail = token.text[end - token.start :] if k == len(pieces) - 1 and end < token.end else ""
            out.append(_Tok(text, start, end, index, initial, joined, bool(tail), tail=tail))
            initial, joined = False, True
    return out


def _split_token(text: str, start: int) -> list[tuple[str, int, int]]:
    """Drop possessives, split "Russia-Ukraine", repair "towardRussia"."""
    match = _POSSESSIVE.search(text)
    if match and len(text) - len(match.group(0)) >= 2 and not _ACRONYM.match(text):
        text = text[: match.start()]
    glued = _GLUED.match(text)
    if glued and glued.group(2) in _forms():
        offset = len(glued.group(1))
        return [(glued.group(1), start, start + offset), (glued.group(2), start + offset, start + len(text))]
    if "-" in text and not text.startswith("-"):
        parts = text.split("-")
        # "Russia-Ukraine", "London-based", but not "Jordan-Aparo" (a name with a country inside).
        if any(p in _forms() for p in parts) and all(p in _forms() or p[:1].islower() for p in parts if p):
            pieces, cursor = [], start
            for part in parts:
                if part:
                    pieces.append((part, cursor, cursor + len(part)))
                cursor += len(part) + 1
            return pieces
    return [(text, start, start + len(text))]


def _is_headline(toks: list[_Tok], text: str) -> bool:
    """Title Case without a closing full stop (headlines, captions).

    A terminated sentence full of names ("Angela Merkel met Emmanuel Macron in Paris.") is not one.
    """
    long_words = [t for t in toks if len(t.text) > 3 and t.text[0].isalpha()]
    if len(long_words) < 3:
        return False
    share = sum(1 for t in long_words if t.text[0].isupper()) / len(long_words)
    unterminated = not text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))
    return unterminated and share >= 0.6


def _known_names(sentences: list[list[_Tok]]) -> set[str]:
    """Capitalised words the article writes capitalised mid-sentence in running text, and the first
    words of names that open sentences ("Kestrel City won ..." makes "Kestrel had ..." a name)."""
    known: set[str] = set()
    lowercase = {t.text for toks in sentences for t in toks if t.text[:1].islower()}
    for toks in sentences:
        # zip_longest: a sentence without word tokens ("* * *", a lone dash) yields no pairs.
        for tok, nxt in itertools.zip_longest(toks, toks[1:]):
            if not tok.capitalised or tok.headline or tok.text.lower() in FUNCTION_WORDS:
                continue
            opens_name = (
                nxt is not None and nxt.capitalised and _adjacent(tok, nxt) and nxt.text not in CALENDAR_WORDS
            )
            if not tok.initial or (opens_name and tok.text.lower() not in lowercase):
                known.add(tok.text)
    return known


def _is_calendar(tok: _Tok, current: list[_Tok]) -> bool:
    """Months and days are not names, except "May" inside a name ("Theresa May", "Prime Minister May")."""
    if tok.text not in CALENDAR_WORDS:
        return False
    inside_name = (
        bool(current)
        and current[-1].text not in CALENDAR_WORDS
        and current[-1].text.lower() not in FUNCTION_WORDS
    )
    return not (tok.text in NAME_MONTHS and inside_name)


def _capitalised_runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for i, tok in enumerate(toks):
        name_word = tok.capitalised and not _is_calendar(tok, current)
        contiguous = not current or _adjacent(current[-1], tok) or _saint_continues(current, tok)
        if name_word and contiguous:
            current.append(tok)
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        joins = (
            current
            and contiguous
            and tok.text in _CONNECTORS
            and nxt is not None
            and nxt.capitalised
            and _adjacent(tok, nxt)
        )
        if joins:
            current.append(tok)
            continue
        if current:
            runs.append(current)
        current = [tok] if name_word else []
    if current:
        runs.append(current)
    return runs


def _adjacent(a: _Tok, b: _Tok) -> bool:
    """``b`` follows ``a`` with only whitespace between (punctuation breaks a name)."""
    return b.joined and a.end <= b.start and not a.possessive


def _saint_continues(current: list[_Tok], tok: _Tok) -> bool:
    """ "St. Mary’s Medical Center": a saint’s possessive stays inside the name."""
    return (
        current[0].text in _SAINTS
        and current[-1].possessive
        and tok.joined
        and tok.start - current[-1].end <= 3
    )


# ---- reading one run ------------------------------------------------------------------


def _contiguous(run: list[_Tok]) -> list[list[_Tok]]:
    """Cut a run where trimming removed words, so every mention is one span of text."""
    pieces: list[list[_Tok]] = []
    for tok in run:
        if pieces and tok.start - pieces[-1][-1].end <= 3 and tok.joined:
            pieces[-1].append(tok)
        else:
            pieces.append([tok])
    return pieces


def _read_run(run: list[_Tok], sentence: list[_Tok], text: str, sports: bool) -> list[_Found]:
    out: list[_Found] = []
    whole = _gazetteer_at(run, 0)
    if run[-1].text in ORGANISATION_HEADS and len(run) > 1 and (whole is None or whole[0] < len(run)):
        # One organisation's name, even with a country or capital inside it.
        _read_chunk(run, out, sports)
        return out
    i = 0
    chunk: list[_Tok] = []
    while i < len(run):
        hit = _gazetteer_at(run, i)
        if hit is None:
            chunk.append(run[i])
            i += 1
            continue
        length, (canonical, role) = hit
        tokens = run[i : i + length]
        if len(chunk) >= 2 and chunk[-1].text == "of" and chunk[-2].text in ORGANISATION_HEADS:
            chunk.extend(tokens)  # "University of Nairobi", "Bank of England"
            i += length
            continue
        _read_chunk(chunk, out, sports)
        chunk = []
        found = _Found(tokens, kind_of_place(canonical), canonical, role, head=True)
        if role == "seat" and _is_location(tokens, sentence, text):
            found = _Found(tokens, "place", _surface_of(tokens), "place", head=True)
        out.append(found)
        i += length
    _read_chunk(chunk, out, sports)
    return out


def _trim(run: list[_Tok], known: set[str], lowercase: set[str]) -> list[_Tok]:
    """Drop connectors at the edges and sentence-opening common words."""
    run = list(run)
    while run and run[0].text in _CONNECTORS:
        run.pop(0)
    while run and run[-1].text in _CONNECTORS:
        run.pop()
    if run and run[0].initial:
        first = run[0]
        keep = (
            _gazetteer_at(run, 0) is not None
            or first.text in PERSON_TITLES
            or first.text in known
            or any(first.text[: -len(x)] in known for x in _DEMONYM_SUFFIXES if first.text.endswith(x))
        )
        if not keep:
            looks_common = (
                first.text.lower() in FUNCTION_WORDS
                or first.text.lower() in lowercase
                or len(run) == 1
                or first.text.lower().endswith(("ing", "ed", "ly"))
            )
            if looks_common:
                run.pop(0)
    while run and run[0].text in _CONNECTORS:
        run.pop(0)
    return run


def _gazetteer_at(run: list[_Tok], i: int) -> tuple[int, tuple[str, str]] | None:
    by_len = _forms_by_length()
    for length in range(min(_MAX_GAZETTEER_TOKENS, len(run) - i), 0, -1):
        key = tuple(t.text for t in run[i : i + length])
        value = by_len.get(length, {}).get(key)
        if value is not None:
            return length, value
    return None


def _is_location(tokens: list[_Tok], sentence: list[_Tok], text: str) -> bool:
    """ "in Beijing", "a visit to Moscow", "London-based": the capital is where, not who."""
    if text[tokens[-1].end : tokens[-1].end + 6] == "-based":
        return True
    position = next((k for k, t in enumerate(sentence) if t.start == tokens[0].start), None)
    if not position:
        return False
    previous = sentence[position - 1].text.lower()
    if previous == "the" and position >= 2:
        previous = sentence[position - 2].text.lower()
    return previous in _LOCATIVE


def _read_chunk(chunk: list[_Tok], out: list[_Found], sports: bool) -> None:
    """A non-gazetteer stretch of a run: an organisation, a person, a place, or nothing."""
    for part in _split_at_connectors(chunk):
        found = _classify(part, out, sports)
        if found is not None:
            out.append(found)


def _split_at_connectors(chunk: list[_Tok]) -> list[list[_Tok]]:
    """Keep "Ministry of Foreign Affairs" and "Department of Forestry and Fire Protection" whole;
    cut "President of Belarus" and "Taiwan and Arizona" apart."""
    parts: list[list[_Tok]] = [[]]
    ends_in_head = bool(chunk) and chunk[-1].text in ORGANISATION_HEADS
    for tok in chunk:
        if tok.text in ("of", "for", "and"):
            if tok.text == "of":  # "Department of X", but "Paul Renner of Alder & Finch Research"
                inside_name = bool(parts[-1]) and parts[-1][-1].text in ORGANISATION_HEADS
            else:
                inside_name = any(t.text in ORGANISATION_HEADS for t in parts[-1]) or ends_in_head
            if parts[-1] and inside_name:
                parts[-1].append(tok)
            elif parts[-1]:
                parts.append([])
            continue
        parts[-1].append(tok)
    out = []
    for part in parts:
        while part and part[0].text in _CONNECTORS:
            part = part[1:]
        while part and part[-1].text in _CONNECTORS:
            part = part[:-1]
        if part:
            out.append(part)
    return out


def _classify(part: list[_Tok], before: list[_Found], sports: bool) -> _Found | None:
    joined = any(t.text in _CONNECTORS for t in part)
    org_head = part[-1].text in ORGANISATION_HEADS or (
        joined and any(t.text in ORGANISATION_HEADS for t in part)
    )
    if org_head or (sports and len(part) >= 2 and part[-1].text in SPORTS_CLUB_HEADS):
        tokens = list(part)
        previous = before[-1] if before else None
        # "Chinese Foreign Ministry": the demonym belongs to the organisation's name.
        if (
            previous
            and previous.kind in ("country", "organisation")
            and previous.role in ("name", "demonym", "seat")
            and _adjacent(previous.tokens[-1], part[0])
        ):
            before.pop()
            tokens = previous.tokens + tokens
        while tokens and tokens[0].text in ("The", "A", "An") and len(tokens) > 2:
            tokens = tokens[1:]
        if len(tokens) == 1 and tokens[0].text in _HEAD_WORDS:
            return None  # "Council", "Police", "Metro" alone name no one in particular
        return _Found(tokens, "organisation", _surface_of(tokens), "name", head=True)
    titled = False
    tokens = list(part)
    # A honorific inside a run starts a new name: "... Mr Severin".
    honorific = max((k for k, t in enumerate(tokens) if t.text in HONORIFICS), default=-1)
    if honorific > 0:
        tokens = tokens[honorific:]
    while tokens and (
        tokens[0].text in PERSON_TITLES
        or ((tokens[0].initial or tokens[0].headline) and tokens[0].text.lower() in FUNCTION_WORDS)
        or (len(tokens) >= 2 and _sentence_adverb(tokens[0]))
    ):
        titled = titled or tokens[0].text in PERSON_TITLES
        tokens.pop(0)
    # Months are dropped where they break runs; "May" inside a name ("Theresa May") stays.
    tokens = [
        t
        for t in tokens
        if (t.text not in NON_ACTOR_WORDS or t.text in NAME_MONTHS) and t.text not in STATE_ABBREVIATIONS
    ]
    if not tokens or any(ch.isdigit() for t in tokens for ch in t.text):
        return None
    if any(t.text in HONORIFICS for t in part):
        titled = True
    if len(tokens) == 1 and _ACRONYM.match(tokens[0].text):
        return _Found(tokens, "organisation", tokens[0].text, "acronym", head=True)
    if len(tokens) > 4 or (len(tokens) > 1 and all(t.text.isupper() for t in tokens)):
        return None  # long Title Case stretches are titles of works; CAPITALS are datelines
    if _surface_of(tokens) in KNOWN_PLACES:
        return _Found(tokens, "place", _surface_of(tokens), "place", head=True)
    if len(tokens) == 1 and tokens[0].text in _HEAD_WORDS | NAME_MONTHS and not titled:
        return None  # "District", "Route", "Square" alone
    if tokens[-1].text in PLACE_HEADS and not titled:
        return _Found(tokens, "place", _surface_of(tokens), "place", head=True)
    given = 2 <= len(tokens) <= 3 and tokens[0].text in GIVEN_NAMES
    kind = "person" if titled or given else "other"
    return _Found(tokens, kind, _surface_of(tokens), "name", person_hint=titled)


_OPENERS = words_of("Dear If Nevertheless However Meanwhile Inside Although Though While Yet")


def _sentence_adverb(tok: _Tok) -> bool:
    """A capitalised sentence opener before a name: "Additionally Maley", "Joining Chesney", "I’m"."""
    if not tok.initial or tok.text in GIVEN_NAMES:
        return False
    word = tok.text
    return word in _OPENERS or "’" in word or "'" in word or word.endswith(("ly", "ing"))


def _surface_of(tokens: list[_Tok]) -> str:
    """The name as written: "Mr. Lukashenko", "St. Mary’s Medical Center", "Berrington & Co"."""
    out = tokens[0].text
    for a, b in itertools.pairwise(tokens):
        gap = ". " if b.start - a.end - len(a.tail) == 2 and a.text in _ABBREVIATED_TITLES else " "
        out += a.tail + gap + b.text
    return out


# ---- context cues ---------------------------------------------------------------------


def _apply_cues(found: list[_Found], text: str) -> None:
    """Decide undecided names from the words around them (in place)."""
    places = _place_names()
    for item in found:
        if item.kind == "place" and item.role == "place" and item.key not in places:
            # "Open Square said", "a spokeswoman for Open Square": a place does not speak.
            if cues.organisation_cue(text, item.start, item.end) or cues.speech_cue(
                text, item.start, item.end
            ):
                item.kind = "organisation"
            continue
        if item.kind not in ("other", "person") or item.person_hint:
            continue
        if cues.organisation_cue(text, item.start, item.end):
            item.kind = "organisation"
        elif cues.person_cue(text, item.start, item.end) or (
            len(item.tokens) >= 2 and cues.speech_cue(text, item.start, item.end)
        ):
            item.kind, item.person_hint = "person", True
        elif len(item.tokens) == 1 and cues.place_cue(text, item.start, item.end, places):
            item.kind, item.role = "place", "place"
        elif len(item.tokens) == 1 and cues.speech_cue(text, item.start, item.end):
            item.person_hint = True  # "Adeyemi said": a speaker, person or organisation


def _read_headlines(runs: list[tuple[list[_Tok], list[_Tok]]], body: list[_Found], text: str) -> list[_Found]:
    """Headline words count only as names the body also uses ("Vessen", not "Vessen Square")."""
    by_surface = {tuple(t.text for t in f.tokens): f for f in body}
    out: list[_Found] = []
    for run, sentence in runs:
        i = 0
        while i < len(run):
            for length in range(min(6, len(run) - i), 0, -1):
                twin = by_surface.get(tuple(t.text for t in run[i : i + length]))
                if twin is not None:
                    tokens = run[i : i + length]
                    if twin.role in ("seat", "place") and twin.key in _forms():
                        # "Meet in Beijing": a capital is a place or its government by its own context.
                        canonical = twin.key if twin.role == "seat" else _forms()[twin.text][0]
                        if _is_location(tokens, sentence, text):
                            twin = _Found(tokens, "place", twin.text, "place", head=True)
                        else:
                            twin = _Found(tokens, kind_of_place(canonical), canonical, "seat", head=True)
                    out.append(_Found(tokens, twin.kind, twin.key, twin.role, twin.person_hint, twin.head))
                    i += length
                    break
            else:
                i += 1
    return out


# ---- grouping -------------------------------------------------------------------------


def _group(found: list[_Found], text: str, lowercase: set[str]) -> list[Actor]:
    found = _split_run_ons(sorted(found, key=lambda f: f.start))
    speakers = {f.tokens[-1].text for f in found if len(f.tokens) == 1 and f.person_hint}
    for item in found:
        # "Tobi Adeyemi" ... "Adeyemi said": the full name is a person's.
        if item.kind == "other" and len(item.tokens) >= 2 and item.tokens[-1].text in speakers:
            item.kind = "person"
    for item in found:
        # "Robyn Gardner" ... "Gardner said": a name whose last word stands alone, not as a modifier
        # ("the Eastline plan"), is a person's.
        if _person_like(item) and text[max(0, item.start - 1) : item.start] not in ('"', "“", "‘", "'"):
            last = _surname_token(item)
            if any(len(f.tokens) == 1 and f.tokens[0].text == last and _bare(f, text) for f in found):
                item.kind = "person"
    persons = [f for f in found if f.kind == "person" and len(f.tokens) >= 2]
    orgs = [f for f in found if f.kind == "organisation" and f.role == "name"]
    aliases = _known_as(found, text)
    groups: dict[str, list[tuple[_Found, str]]] = {}
    kinds: dict[str, list[str]] = {}
    for item in found:
        resolved = _resolve(item, persons, orgs, found, lowercase)
        if resolved is None:
            continue
        key, kind, role = resolved
        if item.text in aliases and item.text != aliases[item.text][0]:
            key, kind = aliases[item.text]
            role = "alias"
        elif (
            len(item.tokens) == 1
            and key == item.key
            and role == "name"
            and not item.head
            and item.tokens[0].text.lower() in lowercase
        ):
            continue  # "Heart failure ...": the article writes the word in lowercase too
        groups.setdefault(key, []).append((item, role))
        kinds.setdefault(key, []).append(kind)
    actors: list[Actor] = []
    for key, items in groups.items():
        mentions = tuple(
            Mention(
                text=item.text, start=item.start, end=item.end, sentence=item.tokens[0].sentence, role=role
            )
            for item, role in items
        )
        forms = tuple(form for form, _ in Counter(m.text for m in mentions).most_common())
        actors.append(Actor(name=key, kind=_vote(kinds[key]), aliases=forms, mentions=mentions))
    actors = _fold_demonyms(actors)
    actors = [a for a in actors if a.kind != "other" or a.count >= 2]
    actors.sort(key=lambda a: (-a.count, a.mentions[0].start))
    return actors


_KIND_PRIORITY = ("person", "organisation", "country", "place", "other")
_NAME_SUFFIXES = words_of("Jr Jr. Sr Sr. II III IV")
_SURNAME_PARTICLES = words_of("La Le De Di Da Du Del Van Von Al El Bin Mac")


def _surname_token(item: _Found) -> str:
    """The surname of a full name: the last word, skipping "Jr" and "III"."""
    words = [t.text for t in item.tokens]
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[-1]


def _bare(item: _Found, text: str) -> bool:
    """Written as a name on its own: not after an article ("the Eastline plan")."""
    before = text[max(0, item.start - 5) : item.start].split()
    return not before or before[-1].lower() not in ("the", "a", "an")


def _person_like(item: _Found) -> bool:
    """An undecided two- or three-word name that may be a person's ("Robyn Gardner")."""
    return (
        len(item.tokens) >= 2
        and item.kind == "other"
        and len(item.tokens) <= 3
        and not item.head
        and all(t.text[:1].isupper() and t.text not in _HEAD_WORDS for t in item.tokens)
    )


def _split_run_ons(found: list[_Found]) -> list[_Found]:
    """Cut names run together where commas were lost or a sentence adverb was capitalised:
    "Federer Nadal", "Chief of Staff John Kelly" read as "Staff John Kelly", "Additionally Maley",
    "NBC Curry". A name is cut when its end is a person named elsewhere (the full name, or the
    surname of a full name) and its start is not that person's own given name."""
    names = [f for f in found if len(f.tokens) >= 2 and f.kind in ("person", "other") and not f.head]
    texts = Counter(f.text for f in found)
    out: list[_Found] = []
    for item in found:
        others = [f for f in names if f.text != item.text]
        cut = _run_on_cut(item, others) if item.kind in ("person", "other") else None
        if cut is None:
            out.append(item)
            continue
        prefix, rest = item.tokens[:cut], item.tokens[cut:]
        if texts.get(_surface_of(prefix), 0) > 0 or any(_surname_token(f) == prefix[-1].text for f in others):
            out.append(_Found(prefix, "other", _surface_of(prefix), "name"))
        out.append(_Found(rest, "person", _surface_of(rest), "name", person_hint=item.person_hint))
    return out


def _run_on_cut(item: _Found, others: list[_Found]) -> int | None:
    tokens = item.tokens
    if len(tokens) < 2 or any(t.text in HONORIFICS for t in tokens):
        return None
    full_names = {f.text for f in others}
    for cut in range(1, len(tokens)):
        prefix, rest = tokens[:cut], tokens[cut:]
        if _surface_of(rest) in full_names:
            return cut
        if len(rest) != 1 or rest[0].text in _NAME_SUFFIXES:
            continue
        owners = [f for f in others if _surname_token(f) == rest[0].text]
        if not owners:
            continue
        # "Michelle Obama" beside "Barack Obama": a given name before the surname is another person.
        if len(prefix) == 1 and prefix[0].text in GIVEN_NAMES and not prefix[0].initial:
            return None
        return cut
    return None


def _vote(kinds: list[str]) -> str:
    """The most common decided kind ("Open Square": place once, organisation three times)."""
    decided = Counter(k for k in kinds if k != "other")
    if not decided:
        return "other"
    return max(decided, key=lambda k: (decided[k], -_KIND_PRIORITY.index(k)))


def _known_as(found: list[_Found], text: str) -> dict[str, tuple[str, str]]:
    """ "the California Department of Forestry ..., known as Cal Fire": surface -> (key, kind)."""
    out: dict[str, tuple[str, str]] = {}
    for a, b in itertools.pairwise(found):
        if a.kind == "organisation" and cues.known_as(text[a.end : b.start]) and b.text not in _forms():
            out[b.text] = (a.key, "organisation")
    return out


def _fold_demonyms(actors: list[Actor]) -> list[Actor]:
    """Unknown places and their demonyms: "Kaldorian" joins "Kaldoria", "Vessenian" joins "Vessen"."""
    merged: dict[str, Actor] = {a.name: a for a in actors}
    singles = [a for a in actors if " " not in a.name and a.kind in ("other", "place", "person")]
    for actor in singles:
        stems = {actor.name[: -len(suffix)] for suffix in _DEMONYM_SUFFIXES if actor.name.endswith(suffix)}
        base = next((merged[s] for s in stems if s in merged and len(s) >= 3), None)
        if base is None or actor.name not in merged:
            continue
        mentions = tuple(
            Mention(m.text, m.start, m.end, m.sentence, "demonym" if m.text == actor.name else m.role)
            for m in sorted(base.mentions + actor.mentions, key=lambda m: m.start)
        )
        forms = tuple(f for f, _ in Counter(m.text for m in mentions).most_common())
        kind = "country" if base.kind in ("other", "place") else base.kind
        merged[base.name] = Actor(base.name, kind, forms, mentions)
        del merged[actor.name]
    return list(merged.values())


def _resolve(
    item: _Found, persons: list[_Found], orgs: list[_Found], found: list[_Found], lowercase: set[str]
) -> tuple[str, str, str] | None:
    """(actor key, kind, mention role) for one mention."""
    if item.kind in ("country",) or (item.kind == "organisation" and item.key in _forms()):
        return item.key, item.kind, item.role
    if len(item.tokens) == 1 and item.role != "acronym" and item.key not in _forms():
        short = _short_form(item, persons, orgs, found, lowercase)
        if short is not None:
            return short
    if item.kind == "organisation":
        if item.role == "acronym":
            full = _expand_acronym(item, orgs)
            if full is not None:
                return full, "organisation", "acronym"
        longer = _longer_organisation(item, orgs)
        if longer is not None:
            return longer, "organisation", "short"
        return item.key, "organisation", item.role
    if item.kind == "place":
        return item.key, "place", "place"
    if len(item.tokens) == 2 and item.tokens[0].text in _SURNAME_PARTICLES:
        # "La Canfora" for "Jason La Canfora"
        words = [t.text for t in item.tokens]
        longer = [p for p in persons if len(p.tokens) > 2 and [t.text for t in p.tokens[-2:]] == words]
        if longer:
            return _longest_person(longer[0], persons), "person", "surname"
    if item.kind == "person" and len(item.tokens) >= 2:
        return _longest_person(item, persons), "person", "name"
    if len(item.tokens) == 1:
        # "Harborview" starts "Harborview Metro" and "Harborview State University": the town's name.
        word = item.tokens[0].text
        named_after = {f.key for f in found if len(f.tokens) >= 2 and f.tokens[0].text == word and f.head}
        if len(named_after) >= 2:
            return item.key, "place", "place"
    return item.key, item.kind, item.role


def _short_form(
    item: _Found, persons: list[_Found], orgs: list[_Found], found: list[_Found], lowercase: set[str]
) -> tuple[str, str, str] | None:
    """A lone word standing for a person or organisation named in full elsewhere."""
    word = item.tokens[0].text
    if word.isupper() and len(word) > 3:
        word = word.title()  # "KAEPERNICK" in a capitalised headline
    candidates = [p for p in persons if word in (p.tokens[0].text, _surname_token(p))]
    if candidates:
        earlier = [p for p in candidates if p.tokens[0].start < item.start]
        chosen = earlier[-1] if earlier else candidates[0]
        return _longest_person(chosen, persons), "person", "surname"
    # "Kaldorian" in "Every Kaldorian" is the demonym of "Kaldoria", not "Kaldorian Helsinki Committee".
    stems = {word[: -len(x)] for x in _DEMONYM_SUFFIXES if word.endswith(x)}
    if stems & {f.text for f in found if len(f.tokens) == 1}:
        return None
    # "Kestrel" for "Kestrel City", "Cardiora" for "Cardiora Therapeutics Inc", if only one starts so.
    starting = {o.key for o in orgs if o.tokens[0].text == word and len(o.tokens) >= 2}
    if (
        len(starting) == 1 and word.lower() not in lowercase
    ):  # "Heart failure" is not "Heart Patients Alliance"
        return starting.pop(), "organisation", "short"
    return None


def _longer_organisation(item: _Found, orgs: list[_Found]) -> str | None:
    """ "Taxpayers Alliance" for "Harborview Taxpayers Alliance": a longer name ending the same way."""
    words = [t.text for t in item.tokens]
    if len(words) < 2:
        return None
    longer = {
        o.key
        for o in orgs
        if len(o.tokens) > len(words) and [t.text for t in o.tokens[-len(words) :]] == words
    }
    return longer.pop() if len(longer) == 1 else None


def _longest_person(item: _Found, persons: list[_Found]) -> str:
    """ "Alexander G. Lukashenko" and "Alexander Lukashenko" are one person: keep the longest."""
    first, last = item.tokens[0].text, item.tokens[-1].text
    same = [p for p in persons if p.tokens[0].text == first and p.tokens[-1].text == last]
    return max((p.text for p in same), key=len, default=item.text)


def _expand_acronym(item: _Found, orgs: list[_Found]) -> str | None:
    letters = item.tokens[0].text.replace(".", "")
    for org in orgs:
        initials = "".join(t.text[0] for t in org.tokens if t.text not in _CONNECTORS and t.text[0].isupper())
        if initials == letters:
            return org.key
    return None

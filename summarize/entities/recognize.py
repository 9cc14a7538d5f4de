"""A rule-based recognizer of named actors in news text, offline and dependency-free.

How it works, per sentence:
1. Word tokens are normalised: possessives dropped ("China’s"), hyphenated pairs of
   known names split ("Russia-Ukraine"), run-together words repaired ("towardRussia").
2. Runs of capitalised tokens (joined by "of"/"for" and name particles) are cut at
   gazetteer names (countries, demonyms, capitals, organisations; longest match first).
3. What remains is a name chunk: an organisation if it ends in an organisation word
   ("Foreign Ministry"), else a person after titles are stripped ("President X").
   A capitalised word that opens a sentence, or any word of a Title-Case headline,
   counts only if the article also capitalises it elsewhere or the gazetteer knows it.
4. Mentions are grouped into actors: demonyms with their country, capitals with their
   country when used as actors ("Beijing said") but as places after "in"/"to";
   a lone surname or given name with the full name ("Xi" -> "Xi Jinping");
   acronyms with the organisation they abbreviate.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from summarize.document import Document
from summarize.entities.actors import Actor, Mention
from summarize.entities.gazetteer import (
    FUNCTION_WORDS,
    HONORIFICS,
    KNOWN_PLACES,
    NON_ACTOR_WORDS,
    ORGANISATION_HEADS,
    PERSON_TITLES,
    PLACE_HEADS,
    kind_of_place,
    place_surface_forms,
    words_of,
)

_CONNECTORS = words_of("of for and de von van der al bin ibn la le du del da")
_LOCATIVE = words_of(
    "in at to from near outside inside around into across through via toward towards visit visited visiting "
    "visits trip arrived arrive left leaving reached based held hosted summit"
)
_SPEECH_VERBS = words_of("said says told added noted urged warned stated asked claimed insisted")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_GLUED = re.compile(r"^([a-z]{3,})([A-Z][\w.]+)$")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_MAX_GAZETTEER_TOKENS = 6
_DEMONYM_SUFFIXES = ("n", "an", "ian", "ese", "i")
_ABBREVIATED_TITLES = words_of("Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Capt Adm Sgt Rev Prof St")


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

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


@dataclass(slots=True)
class _Found:
    """A mention before grouping: its key says which actor it may belong to."""

    tokens: list[_Tok]
    kind: str  # person, country, organisation, place, other
    key: str  # canonical name for gazetteer hits, the surface otherwise
    role: str
    person_hint: bool = False  # a title, honorific or speech verb marked it as a person

    @property
    def text(self) -> str:
        return _surface_of(self.tokens)


@cache
def _forms() -> dict[str, tuple[str, str]]:
    return place_surface_forms()


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
    sentences = [[_mark(t, headline[i]) for t in toks] for i, toks in enumerate(sentences)]
    known = _known_names(sentences)
    lowercase_words = {t.text for toks in sentences for t in toks if t.text[:1].islower()}
    found: list[_Found] = []
    for toks in sentences:
        for run in _capitalised_runs(toks):
            for piece in _contiguous(_trim(run, known, lowercase_words)):
                found.extend(_read_run(piece, toks))
    _mark_speakers(found, doc)
    return _group(found)


# ---- tokens ---------------------------------------------------------------------------


def _sentence_tokens(doc: Document, index: int) -> list[_Tok]:
    tokens = doc.sentence_tokens(index)
    out: list[_Tok] = []
    seen_word = False
    after_opening = False
    previous_is_word = False
    for token in tokens:
        if not token.is_word:
            after_opening = token.text in '“"‘(:—–-'
            # "Mr. Lukashenko": the abbreviation's full stop does not end the name.
            abbreviation = token.text == "." and bool(out) and out[-1].text in _ABBREVIATED_TITLES
            previous_is_word = abbreviation and token.start == out[-1].end
            continue
        initial = not seen_word or after_opening
        joined = previous_is_word
        seen_word, after_opening, previous_is_word = True, False, True
        pieces = _split_token(token.text, token.start)
        for k, (text, start, end) in enumerate(pieces):
            possessive = k == len(pieces) - 1 and end < token.end
            out.append(_Tok(text, start, end, index, initial, joined, possessive))
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
        if any(p in _forms() for p in parts):
            pieces, cursor = [], start
            for part in parts:
                if part:
                    pieces.append((part, cursor, cursor + len(part)))
                cursor += len(part) + 1
            return pieces
    return [(text, start, start + len(text))]


def _is_headline(toks: list[_Tok], text: str) -> bool:
    """Title Case without a closing full stop (headlines, captions), or nearly all capitalised."""
    long_words = [t for t in toks if len(t.text) > 3 and t.text[0].isalpha()]
    if len(long_words) < 3:
        return False
    share = sum(1 for t in long_words if t.text[0].isupper()) / len(long_words)
    unterminated = not text.rstrip().endswith((".", "!", "?", '"', "”", "’", "'"))
    return share >= 0.9 or (unterminated and share >= 0.6)


def _mark(tok: _Tok, headline: bool) -> _Tok:
    return _Tok(tok.text, tok.start, tok.end, tok.sentence, tok.initial, tok.joined, tok.possessive, headline)


def _known_names(sentences: list[list[_Tok]]) -> set[str]:
    """Capitalised words the article writes capitalised mid-sentence in running text."""
    known: set[str] = set()
    for toks in sentences:
        for tok in toks:
            if (
                tok.capitalised
                and not tok.initial
                and not tok.headline
                and tok.text.lower() not in FUNCTION_WORDS
            ):
                known.add(tok.text)
    return known


def _capitalised_runs(toks: list[_Tok]) -> list[list[_Tok]]:
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for i, tok in enumerate(toks):
        contiguous = not current or _adjacent(current[-1], tok)
        if tok.capitalised and contiguous:
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
        current = [tok] if tok.capitalised else []
    if current:
        runs.append(current)
    return runs


def _adjacent(a: _Tok, b: _Tok) -> bool:
    """``b`` follows ``a`` with only whitespace between (punctuation breaks a name)."""
    return b.joined and a.end <= b.start and not a.possessive


# ---- reading one run ------------------------------------------------------------------


def _contiguous(run: list[_Tok]) -> list[list[_Tok]]:
    """Cut a run where trimming removed words, so every mention is one span of text."""
    pieces: list[list[_Tok]] = []
    for tok in run:
        if pieces and tok.start - pieces[-1][-1].end <= 2 and tok.joined:
            pieces[-1].append(tok)
        else:
            pieces.append([tok])
    return pieces


def _read_run(run: list[_Tok], sentence: list[_Tok]) -> list[_Found]:
    out: list[_Found] = []
    i = 0
    chunk: list[_Tok] = []
    while i < len(run):
        hit = _gazetteer_at(run, i)
        if hit is None:
            chunk.append(run[i])
            i += 1
            continue
        length, (canonical, role) = hit
        _read_chunk(chunk, out)
        chunk = []
        tokens = run[i : i + length]
        kind = kind_of_place(canonical)
        found = _Found(tokens, kind, canonical, role)
        if role == "seat" and _is_location(tokens[0], sentence):
            found = _Found(tokens, "place", _surface_of(tokens), "place")
        out.append(found)
        i += length
    _read_chunk(chunk, out)
    return out


def _trim(run: list[_Tok], known: set[str], lowercase: set[str]) -> list[_Tok]:
    """Drop sentence-opening common words and, in headlines, unknown words."""
    run = list(run)
    while run and run[0].text in _CONNECTORS:
        run.pop(0)
    while run and run[-1].text in _CONNECTORS:
        run.pop()
    if run and run[0].initial and not run[0].headline:
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
    if run and run[0].headline:
        run = [t for t in run if t.text in known or _forms().get(t.text) or t.text in _CONNECTORS]
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


def _is_location(tok: _Tok, sentence: list[_Tok]) -> bool:
    position = next((k for k, t in enumerate(sentence) if t.start == tok.start), None)
    if not position:
        return False
    previous = sentence[position - 1].text.lower()
    if previous == "the" and position >= 2:
        previous = sentence[position - 2].text.lower()
    return previous in _LOCATIVE


def _read_chunk(chunk: list[_Tok], out: list[_Found]) -> None:
    """A non-gazetteer stretch of a run: an organisation, a person, or nothing (appended to ``out``)."""
    for part in _split_at_connectors(chunk):
        found = _classify(part, out)
        if found is not None:
            out.append(found)


def _split_at_connectors(chunk: list[_Tok]) -> list[list[_Tok]]:
    """Keep "Ministry of Foreign Affairs" whole; cut "President of Belarus" apart."""
    parts: list[list[_Tok]] = [[]]
    for k, tok in enumerate(chunk):
        if tok.text in ("of", "for", "and") and parts[-1]:
            head = parts[-1][-1].text
            if head in ORGANISATION_HEADS or (k + 1 < len(chunk) and chunk[-1].text in ORGANISATION_HEADS):
                parts[-1].append(tok)
                continue
            parts.append([])
            continue
        parts[-1].append(tok)
    return [p for p in parts if p and p[-1].text not in _CONNECTORS]


def _classify(part: list[_Tok], before: list[_Found]) -> _Found | None:
    joined = any(t.text in _CONNECTORS for t in part)
    if part[-1].text in ORGANISATION_HEADS or (joined and any(t.text in ORGANISATION_HEADS for t in part)):
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
        if tokens[0].text == "The" and len(tokens) > 2:
            tokens = tokens[1:]
        if len(tokens) == 1 and tokens[0].text in PERSON_TITLES | {"Government", "Parliament"}:
            return None
        return _Found(tokens, "organisation", _surface_of(tokens), "name")
    titled = False
    tokens = list(part)
    # A honorific inside a run starts a new name: "... Mr Severin".
    honorific = max((k for k, t in enumerate(tokens) if t.text in HONORIFICS), default=-1)
    if honorific > 0:
        tokens = tokens[honorific:]
    while tokens and (
        tokens[0].text in PERSON_TITLES
        or ((tokens[0].initial or tokens[0].headline) and tokens[0].text.lower() in FUNCTION_WORDS)
    ):
        titled = titled or tokens[0].text in PERSON_TITLES
        tokens.pop(0)
    tokens = [t for t in tokens if t.text not in NON_ACTOR_WORDS]
    if not tokens or any(ch.isdigit() for t in tokens for ch in t.text):
        return None
    if any(t.text in HONORIFICS for t in part):
        titled = True
    if len(tokens) == 1 and _ACRONYM.match(tokens[0].text):
        return _Found(tokens, "organisation", tokens[0].text, "acronym")
    if len(tokens) > 4 or (len(tokens) > 1 and all(t.text.isupper() for t in tokens)):
        return None  # long Title Case stretches are titles of works; CAPITALS are datelines
    if _surface_of(tokens) in KNOWN_PLACES:
        return _Found(tokens, "place", _surface_of(tokens), "place")
    if tokens[-1].text in PLACE_HEADS and not titled:
        return _Found(tokens, "place", _surface_of(tokens), "place")
    kind = "person" if titled or 2 <= len(tokens) <= 3 else "other"
    return _Found(tokens, kind, _surface_of(tokens), "name", person_hint=titled)


def _surface_of(tokens: list[_Tok]) -> str:
    """The name as written: "Mr. Lukashenko", "St. Anselm Clinic"."""
    out = tokens[0].text
    for a, b in itertools.pairwise(tokens):
        out += (". " if b.start - a.end == 2 and a.text in _ABBREVIATED_TITLES else " ") + b.text
    return out


def _mark_speakers(found: list[_Found], doc: Document) -> None:
    """A name right before or after "said" is a person ("Lukashenko said", "said Lukashenko")."""
    for item in found:
        if item.kind not in ("other", "person"):
            continue
        after = doc.text[item.tokens[-1].end : item.tokens[-1].end + 12].split()
        before = doc.text[max(0, item.tokens[0].start - 12) : item.tokens[0].start].split()
        if (after and after[0].strip(",.") in _SPEECH_VERBS) or (before and before[-1] in _SPEECH_VERBS):
            item.kind = "person"
            item.person_hint = True


# ---- grouping -------------------------------------------------------------------------


def _group(found: list[_Found]) -> list[Actor]:
    found = sorted(found, key=lambda f: f.tokens[0].start)
    persons = [f for f in found if f.kind == "person" and len(f.tokens) >= 2]
    orgs = [f for f in found if f.kind == "organisation" and f.role == "name"]
    groups: dict[str, list[tuple[_Found, str]]] = {}
    kinds: dict[str, str] = {}
    for item in found:
        key, kind, role = _resolve(item, persons, orgs)
        groups.setdefault(key, []).append((item, role))
        if kinds.get(key) in (None, "other") or kind == "person":
            kinds[key] = kind
    actors: list[Actor] = []
    for key, items in groups.items():
        mentions = tuple(
            Mention(
                text=_surface(item),
                start=item.tokens[0].start,
                end=item.tokens[-1].end,
                sentence=item.tokens[0].sentence,
                role=role,
            )
            for item, role in items
        )
        aliases = tuple(form for form, _ in Counter(m.text for m in mentions).most_common())
        actors.append(Actor(name=key, kind=kinds[key], aliases=aliases, mentions=mentions))
    actors = _fold_demonyms(actors)
    actors = [a for a in actors if a.kind != "other" or a.count >= 2]
    actors.sort(key=lambda a: (-a.count, a.mentions[0].start))
    return actors


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
        aliases = tuple(f for f, _ in Counter(m.text for m in mentions).most_common())
        kind = "country" if base.kind == "other" else base.kind
        merged[base.name] = Actor(base.name, kind, aliases, mentions)
        del merged[actor.name]
    return list(merged.values())


def _surface(item: _Found) -> str:
    return _surface_of(item.tokens)


def _resolve(item: _Found, persons: list[_Found], orgs: list[_Found]) -> tuple[str, str, str]:
    """(actor key, kind, mention role) for one mention."""
    if item.kind in ("country",) or (item.kind == "organisation" and item.key in _forms()):
        return item.key, item.kind, item.role
    if item.kind == "place":
        return item.key, "place", "place"
    if item.kind == "organisation":
        if item.role == "acronym":
            full = _expand_acronym(item, orgs)
            if full is not None:
                return full, "organisation", "acronym"
        return item.key, "organisation", item.role
    if len(item.tokens) >= 2:
        full = _longest_person(item, persons)
        return full, "person", "name"
    # A lone word: a surname or given name of a person named in full elsewhere.
    word = item.tokens[0].text
    candidates = [p for p in persons if word in (p.tokens[0].text, p.tokens[-1].text)]
    if candidates:
        earlier = [p for p in candidates if p.tokens[0].start < item.tokens[0].start]
        chosen = earlier[-1] if earlier else candidates[0]
        return _longest_person(chosen, persons), "person", "surname"
    # "Kestrel" for the organisation "Kestrel United".
    short = [o for o in orgs if o.tokens[0].text == word and len(o.tokens) == 2]
    if short:
        return short[0].key, "organisation", "short"
    return item.key, item.kind, "name"


def _longest_person(item: _Found, persons: list[_Found]) -> str:
    """ "Alexander G. Lukashenko" and "Alexander Lukashenko" are one person: keep the longest."""
    first, last = item.tokens[0].text, item.tokens[-1].text
    same = [p for p in persons if p.tokens[0].text == first and p.tokens[-1].text == last]
    return max((_surface(p) for p in same), key=len, default=_surface(item))


def _expand_acronym(item: _Found, orgs: list[_Found]) -> str | None:
    letters = item.tokens[0].text.replace(".", "")
    for org in orgs:
        initials = "".join(t.text[0] for t in org.tokens if t.text not in _CONNECTORS and t.text[0].isupper())
        if initials == letters:
            return org.key
    return None

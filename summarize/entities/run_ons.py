"""Names run together where commas were lost or a sentence adverb was capitalised.

"Federer Nadal", "Chief of Staff John Kelly" read as "Staff John Kelly", "Additionally Maley",
"NBC Curry": a name is cut when its end is a person named elsewhere (the full name, or the surname
of a full name) and its start is not that person's own given name.
"""

from __future__ import annotations

from collections import Counter

from summarize.entities.found import Found
from summarize.entities.gazetteer import GIVEN_NAMES, HONORIFICS, words_of
from summarize.entities.tokens import surface_of

NAME_SUFFIXES = words_of("Jr Jr. Sr Sr. II III IV")


def surname_token(item: Found) -> str:
    """The surname of a full name: the last word, skipping "Jr" and "III"."""
    words = [t.text for t in item.tokens]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return words[-1]


def split_run_ons(found: list[Found], lowercase: set[str]) -> list[Found]:
    names = [f for f in found if len(f.tokens) >= 2 and f.kind in ("person", "other") and not f.head]
    texts = Counter(f.text for f in found)
    out: list[Found] = []
    for item in found:
        others = [f for f in names if f.text != item.text]
        cut = _run_on_cut(item, others, lowercase) if item.kind in ("person", "other") else None
        if cut is None:
            out.append(item)
            continue
        prefix, rest = item.tokens[:cut], item.tokens[cut:]
        if texts.get(surface_of(prefix), 0) > 0 or any(surname_token(f) == prefix[-1].text for f in others):
            out.append(Found(prefix, "other", surface_of(prefix), "name"))
        out.append(Found(rest, "person", surface_of(rest), "name", person_hint=item.person_hint))
    return out


def _run_on_cut(item: Found, others: list[Found], lowercase: set[str]) -> int | None:
    tokens = item.tokens
    if len(tokens) < 2 or any(t.text in HONORIFICS for t in tokens):
        return None
    full_names = {f.text for f in others}
    for cut in range(1, len(tokens)):
        prefix, rest = tokens[:cut], tokens[cut:]
        if surface_of(rest) in full_names:
            return cut
        if len(rest) != 1 or rest[0].text in NAME_SUFFIXES:
            continue
        if not _is_surname(rest[0].text, others, lowercase):
            continue
        # "Michelle Obama" beside "Barack Obama": a given name before the surname is another person.
        if len(prefix) == 1 and prefix[0].text in GIVEN_NAMES and not prefix[0].initial:
            return None
        return cut
    return None


def _is_surname(word: str, others: list[Found], lowercase: set[str]) -> bool:
    """Whether ``word`` ends another full name as its surname. "Cal Fire" beside "Ridgeback Fire":
    a word the article also writes in lowercase ("fire") ends names as a common noun does."""
    return word.lower() not in lowercase and any(surname_token(f) == word for f in others)

"""Step 1: word tokens of one sentence, normalised for name finding.

Possessives are dropped ("China’s"), hyphenated pairs of known names split ("Russia-Ukraine"),
run-together words repaired ("towardRussia"); each token knows whether it opens the sentence,
whether only a space separates it from the word before, and whether its sentence is a headline.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from summarize.document import Document, Token
from summarize.entities.gazetteer import words_of
from summarize.entities.places import forms

_POSSESSIVE = re.compile(r"(?:['’]s|s['’]|['’])$")
_GLUED = re.compile(r"^([a-z]{3,})([A-Z][\w.]+)$")
ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,4})$")
_PARTICLE_NAME = re.compile(r"^(?:al|el|bin|ibn|abu)-[A-Z]\w")
ABBREVIATED_TITLES = words_of("Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Capt Adm Sgt Rev Prof St Co Corp Inc Ltd")
_OPENING_MARKS = '“"‘(:—–-'
_CLOSING_MARKS = (".", "!", "?", '"', "”", "’", "'")
_HEADLINE_SHARE = 0.6  # capitalised share of the long words that makes a sentence Title Case
_HEADLINE_MIN_WORDS = 3
_SHORT_WORD = 3  # "a", "the", "his": written lowercase in headlines too


@dataclass(frozen=True, slots=True)
class Tok:
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
class _Cursor:
    """Where the walk over a sentence's raw tokens stands."""

    seen_word: bool = False
    after_opening: bool = False
    previous_is_word: bool = False


def sentence_tokens(doc: Document, index: int) -> list[Tok]:
    out: list[Tok] = []
    cursor = _Cursor()
    for token in doc.sentence_tokens(index):
        if token.is_word:
            out.extend(_word_toks(token, index, cursor))
        else:
            _punctuation(token, index, cursor, out)
    return out


def _punctuation(token: Token, index: int, cursor: _Cursor, out: list[Tok]) -> None:
    if token.text == "&" and cursor.previous_is_word and out:
        # "Berrington & Co.", "Alder & Finch Research": the ampersand joins one name.
        out.append(Tok("&", token.start, token.end, index, False, True))
        return
    cursor.after_opening = token.text in _OPENING_MARKS
    # "Mr. Lukashenko", "St. Mary": the abbreviation's full stop does not end the name.
    abbreviation = token.text == "." and bool(out) and out[-1].text in ABBREVIATED_TITLES
    cursor.previous_is_word = abbreviation and token.start == out[-1].end


def _word_toks(token: Token, index: int, cursor: _Cursor) -> list[Tok]:
    initial = not cursor.seen_word or cursor.after_opening
    joined = cursor.previous_is_word
    cursor.seen_word, cursor.after_opening, cursor.previous_is_word = True, False, True
    out = []
    pieces = split_token(token.text, token.start)
    for k, (text, start, end) in enumerate(pieces):
        tail = token.text[end - token.start :] if k == len(pieces) - 1 and end < token.end else ""
        out.append(Tok(text, start, end, index, initial, joined, bool(tail), tail=tail))
        initial, joined = False, True
    return out


def split_token(text: str, start: int) -> list[tuple[str, int, int]]:
    """Drop possessives, split "Russia-Ukraine", repair "towardRussia"."""
    match = _POSSESSIVE.search(text)
    if match and len(text) - len(match.group(0)) >= 2 and not ACRONYM.match(text):
        text = text[: match.start()]
    glued = _GLUED.match(text)
    if glued and glued.group(2) in forms():
        offset = len(glued.group(1))
        return [(glued.group(1), start, start + offset), (glued.group(2), start + offset, start + len(text))]
    if "-" in text and not text.startswith("-") and _splits_at_hyphens(text.split("-")):
        return _hyphen_pieces(text, start)
    return [(text, start, start + len(text))]


def _splits_at_hyphens(parts: list[str]) -> bool:
    # "Russia-Ukraine", "London-based", but not "Jordan-Aparo" (a name with a country inside).
    known = forms()
    return any(p in known for p in parts) and all(p in known or p[:1].islower() for p in parts if p)


def _hyphen_pieces(text: str, start: int) -> list[tuple[str, int, int]]:
    pieces, cursor = [], start
    for part in text.split("-"):
        if part:
            pieces.append((part, cursor, cursor + len(part)))
        cursor += len(part) + 1
    return pieces


def title_case_share(toks: list[Tok]) -> float | None:
    """The capitalised share of the sentence's long words (None with fewer than three)."""
    long_words = [t for t in toks if len(t.text) > _SHORT_WORD and t.text[0].isalpha()]
    if len(long_words) < _HEADLINE_MIN_WORDS:
        return None
    return sum(1 for t in long_words if t.text[0].isupper()) / len(long_words)


def is_title_case(toks: list[Tok]) -> bool:
    share = title_case_share(toks)
    return share is not None and share >= _HEADLINE_SHARE


def is_titled(toks: list[Tok]) -> bool:
    """Every long word capitalised, or every word, as headlines are written ("Kaepernick Raised His
    Fist."), ended by a full stop or not. Stricter than ``is_title_case``: running text full of names
    ("Like Portis Mirotic is focused on playing.") has lowercase long words."""
    words = [t for t in toks if t.text[0].isalpha()]
    long_words = [t for t in words if len(t.text) > _SHORT_WORD]
    if len(long_words) >= _HEADLINE_MIN_WORDS and all(t.capitalised for t in long_words):
        return True
    return len(words) >= _HEADLINE_MIN_WORDS and all(t.capitalised for t in words)


def is_headline(toks: list[Tok], text: str) -> bool:
    """Title Case without a closing full stop (headlines, captions).

    A terminated sentence full of names ("Angela Merkel met Emmanuel Macron in Paris.") is not one.
    """
    return is_title_case(toks) and not text.rstrip().endswith(_CLOSING_MARKS)


def adjacent(a: Tok, b: Tok) -> bool:
    """``b`` follows ``a`` with only whitespace between (punctuation breaks a name)."""
    return b.joined and a.end <= b.start and not a.possessive


def surface_of(tokens: list[Tok]) -> str:
    """The name as written: "Mr. Lukashenko", "St. Mary’s Medical Center", "Berrington & Co"."""
    out = tokens[0].text
    for a, b in itertools.pairwise(tokens):
        gap = ". " if b.start - a.end - len(a.tail) == 2 and a.text in ABBREVIATED_TITLES else " "
        out += a.tail + gap + b.text
    return out

"""Provenance and faithfulness checks for generated summary sentences.

Flags: names (capitalised words), numbers (digits or number words) and dates (months,
weekdays, years) in a summary sentence that the article never mentions. Provenance: the
article sentences most similar to a summary sentence (embeddings and shared content
words) and a 0..1 support score.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarize.summary.section import Flag

UNSUPPORTED_BELOW = 0.45
MAX_SOURCES = 3

_TOKEN = re.compile(r"[$£€]?\d+(?:[.,:]\d+)*%?|\w+(?:[-'’]\w+)*")
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1_000_000, "billion": 1_000_000_000, "dozen": 12,
}
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH_ABBREV = {m[:3]: m for m in MONTHS} | {"sept": "september"}
# Capitalised words that are not names: sentence openers, pronouns, titles.
_NOT_NAMES = frozenset(
    """a an the he she it they we i you his her its their our my this that these those there
    here but and or so yet if when while after before as at in on for from to with by of
    what who why how where which some many most more all no not both each every another
    other such then now still also however meanwhile although though because since mr mrs ms
    dr prof sir madam officials critics police according""".split()  # noqa: SIM905
)
_STOP = _NOT_NAMES | frozenset(
    """is are was were be been being has have had do does did will would can could should may
    might must said says say also than about into over out up down off just only very new""".split()  # noqa: SIM905
)


@dataclass(frozen=True)
class ArticleIndex:
    """What the article mentions, normalised for lookups."""

    words: frozenset[str]  # lowercased word tokens
    numbers: frozenset[str]  # canonical numeric strings
    months: frozenset[str]
    weekdays: frozenset[str]


def _canonical_number(token: str) -> str | None:
    raw = token.strip("$£€%").replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        return None
    return f"{value:g}"


def _tokens(text: str) -> list[str]:
    """Word and number tokens; curly apostrophes unified and possessive 's removed."""
    tokens = _TOKEN.findall(text.replace("’", "'"))
    return [t[:-2] if t.lower().endswith("'s") and len(t) > 2 else t for t in tokens]


def index_article(text: str) -> ArticleIndex:
    tokens = _tokens(text)
    lower = [t.lower() for t in tokens]
    numbers: set[str] = set()
    for token in lower:
        canonical = _canonical_number(token)
        if canonical is not None:
            numbers.add(canonical)
        elif token in NUMBER_WORDS:
            numbers.add(f"{float(NUMBER_WORDS[token]):g}")
    months = {m for m in MONTHS if m in lower} | {
        _MONTH_ABBREV[t.rstrip(".")] for t in lower if t.rstrip(".") in _MONTH_ABBREV
    }
    return ArticleIndex(
        words=frozenset(lower),
        numbers=frozenset(numbers),
        months=frozenset(months),
        weekdays=frozenset(d for d in WEEKDAYS if d in lower),
    )


def _month_of(token: str) -> str | None:
    low = token.lower().rstrip(".")
    if low in MONTHS:
        return low
    if low in _MONTH_ABBREV and token[0].isupper():
        return _MONTH_ABBREV[low]
    return None


def find_flags(sentence: str, article: ArticleIndex) -> list[Flag]:
    """Names, numbers and dates in ``sentence`` that the article does not contain."""
    tokens = _tokens(sentence)
    flags = [_token_flag(tokens, position, article) for position in range(len(tokens))]
    return _dedupe([f for f in flags if f is not None])


# (whether the token is of the kind checked, its flag when the article lacks it)
_Checked = tuple[bool, Flag | None]


def _token_flag(tokens: list[str], position: int, article: ArticleIndex) -> Flag | None:
    token = tokens[position]
    for check in (_date_flag, _number_flag):
        is_kind, flag = check(token, article)
        if is_kind:
            return flag
    return _name_flag(tokens, position, article)


def _date_flag(token: str, article: ArticleIndex) -> _Checked:
    low = token.lower()
    month = _month_of(token)
    if month is not None and (token[0].isupper() or low in MONTHS) and low != "may":
        return True, None if month in article.months else Flag("date", token)
    if low in WEEKDAYS:
        return True, None if low in article.weekdays else Flag("date", token)
    return False, None


def _number_flag(token: str, article: ArticleIndex) -> _Checked:
    low = token.lower()
    if any(c.isdigit() for c in token):
        canonical = _canonical_number(token)
        if canonical is None or canonical in article.numbers or low in article.words:
            return True, None
        is_year = re.fullmatch(r"(1[89]|20)\d\d", token) is not None
        return True, Flag("date" if is_year else "number", token)
    if low in NUMBER_WORDS and low not in article.words:
        found = f"{float(NUMBER_WORDS[low]):g}" in article.numbers
        return True, None if found else Flag("number", token)
    return False, None


def _name_flag(tokens: list[str], position: int, article: ArticleIndex) -> Flag | None:
    token = tokens[position]
    low = token.lower()
    if not token[0].isupper() or low in _NOT_NAMES or low in article.words:
        return None
    # The first word is capitalised anyway: a name only if the next word is too.
    if position == 0 and not (len(tokens) > 1 and tokens[1][:1].isupper()):
        return None
    return Flag("name", token)


def _dedupe(flags: list[Flag]) -> list[Flag]:
    return list(dict.fromkeys(flags))


def content_words(text: str) -> set[str]:
    return {t.lower() for t in _tokens(text) if t.lower() not in _STOP and len(t) > 1}


@dataclass(frozen=True)
class Support:
    sources: list[int]
    score: float


def trace_sources(
    sentence: str,
    sentence_vector: np.ndarray,
    article_sentences: Sequence[str],
    article_vectors: np.ndarray,
) -> Support:
    """The article sentences behind ``sentence`` and how well they back it (0..1).

    Support mixes semantic similarity (best cosine) with lexical coverage: the share of
    the sentence's content words found in its source sentences.
    """
    if len(article_sentences) == 0:
        return Support([], 0.0)
    cosine = np.clip(article_vectors @ sentence_vector, 0.0, 1.0)
    words = content_words(sentence)
    article_words = [content_words(s) for s in article_sentences]
    overlap = np.array(
        [len(words & a) / len(words) if words else 0.0 for a in article_words], dtype=np.float64
    )
    relevance = 0.6 * cosine + 0.4 * overlap
    order = np.argsort(-relevance, kind="stable")
    best = float(relevance[order[0]])
    sources = [int(i) for i in order[:MAX_SOURCES] if relevance[i] >= max(0.3, best - 0.1)]
    sources = sources or [int(order[0])]
    covered: set[str] = set().union(*(article_words[i] for i in sources))
    coverage = len(words & covered) / len(words) if words else 0.0
    score = 0.5 * float(cosine[sources].max()) + 0.5 * coverage
    return Support(sorted(sources), round(min(1.0, max(0.0, score)), 4))

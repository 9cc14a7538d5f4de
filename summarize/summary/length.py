"""How long a summary should be: --sentences N, --words N, --ratio R, or a default scaled with length."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_DEFAULT_SENTENCES = 3
MAX_DEFAULT_SENTENCES = 10


@dataclass(frozen=True, slots=True)
class LengthTarget:
    """A sentence count, or a word budget (then ``sentences`` is an upper bound).

    ``enough_words`` (the default length only): stop adding sentences once this many words
    are chosen, so long lead sentences give a shorter summary than short ones.
    """

    sentences: int
    words: int | None = None
    enough_words: int | None = None

    def describe(self) -> str:
        if self.words is not None:
            return f"about {self.words} words"
        plural = "s" if self.sentences != 1 else ""
        if self.enough_words is not None:
            return f"up to {self.sentences} sentence{plural} (~{self.enough_words} words)"
        return f"{self.sentences} sentence{plural}"


def default_sentences(article_sentences: int) -> int:
    """3 sentences for a usual news story (up to ~25 sentences), growing with the square root
    of the length beyond that, capped at 10; never more than half of a very short text."""
    if article_sentences <= 0:
        return 0
    grown = round(0.6 * math.sqrt(article_sentences))
    wanted = min(MAX_DEFAULT_SENTENCES, max(MIN_DEFAULT_SENTENCES, grown))
    if article_sentences < 2 * wanted:
        wanted = max(1, math.ceil(article_sentences / 2))
    return wanted


def resolve_length(
    article_sentences: int,
    *,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    words_per_sentence: float | None = None,
) -> LengthTarget:
    """The user's length option, else the default; ``words_per_sentence`` (from the trained
    scorer) adds the default's word stop, scaled with its sentence count."""
    if article_sentences <= 0:
        return LengthTarget(sentences=0)
    if sentences is not None:
        return LengthTarget(sentences=max(1, min(sentences, article_sentences)))
    if ratio is not None:
        return LengthTarget(sentences=max(1, min(article_sentences, round(ratio * article_sentences))))
    if words is not None:
        return LengthTarget(sentences=article_sentences, words=max(1, words))
    count = default_sentences(article_sentences)
    if words_per_sentence is None:
        return LengthTarget(sentences=count)
    return LengthTarget(sentences=count, enough_words=max(1, round(count * words_per_sentence)))

"""How long a summary should be: --sentences N, --words N, --ratio R, or a default scaled with length."""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_DEFAULT_SENTENCES = 3
MAX_DEFAULT_SENTENCES = 10


@dataclass(frozen=True, slots=True)
class LengthTarget:
    """A sentence count, or a word budget (then ``sentences`` is an upper bound)."""

    sentences: int
    words: int | None = None

    def describe(self) -> str:
        if self.words is not None:
            return f"about {self.words} words"
        return f"{self.sentences} sentence{'s' if self.sentences != 1 else ''}"


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
) -> LengthTarget:
    if article_sentences <= 0:
        return LengthTarget(sentences=0)
    if sentences is not None:
        return LengthTarget(sentences=max(1, min(sentences, article_sentences)))
    if ratio is not None:
        return LengthTarget(sentences=max(1, min(article_sentences, round(ratio * article_sentences))))
    if words is not None:
        return LengthTarget(sentences=article_sentences, words=max(1, words))
    return LengthTarget(sentences=default_sentences(article_sentences))

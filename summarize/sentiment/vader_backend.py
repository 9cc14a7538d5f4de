"""VADER (vaderSentiment): sentence scores and the per-word valences behind them.

The word valences come from VADER's own scoring loop (lexicon value after boosters,
capitals, negation within three words, "but" shifts and idioms), so an explanation
shows what VADER actually counted. Each word's weight is the compound score the word
would give on its own, ``v / sqrt(v² + 15)``, which keeps weights in -1..1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

VADER_ID = "vaderSentiment/vader_lexicon"
VADER_SOURCE = "package:vaderSentiment"


@dataclass(frozen=True, slots=True)
class WordValence:
    text: str
    start: int  # offsets into the text passed in (plus ``offset``)
    end: int
    valence: float  # VADER's adjusted valence (-4..4 and a little beyond)

    @property
    def weight(self) -> float:
        return self.valence / math.sqrt(self.valence * self.valence + 15.0)


@cache
def analyzer() -> Any:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def vader_version() -> str:
    from importlib.metadata import version

    return version("vaderSentiment")


def compound_scores(texts: list[str]) -> list[float]:
    sia = analyzer()
    return [0.0 if scores_zero(text) else float(sia.polarity_scores(text)["compound"]) for text in texts]


def scores_zero(text: str) -> bool:
    """Whether VADER's compound of ``text`` is 0 without running it: no word of ``text`` is in
    its lexicon (only lexicon words carry valence; its rules only scale them) and no emoji
    (VADER spells those out first). About a fifth of sentiment's explanation variants."""
    from vaderSentiment.vaderSentiment import SentiText

    sia = analyzer()
    if not _emoji_chars().isdisjoint(text):
        return False
    strip = SentiText._strip_punc_if_word
    lexicon = sia.lexicon
    return not any(strip(word).lower() in lexicon for word in text.split())


@cache
def _emoji_chars() -> frozenset[str]:
    """The characters VADER replaces by their description (it reads text one character at a time)."""
    return frozenset(key for key in analyzer().emojis if len(key) == 1)


def word_valences(text: str, offset: int = 0) -> list[WordValence]:
    """The non-zero valences VADER assigns to the words of ``text``, with offsets."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentiText

    sia = analyzer()
    sentitext = SentiText(text)
    words = sentitext.words_and_emoticons
    sentiments: list[float] = []
    for i, item in enumerate(words):
        if item.lower() in BOOSTER_DICT or (
            i < len(words) - 1 and item.lower() == "kind" and words[i + 1].lower() == "of"
        ):
            sentiments.append(0)
            continue
        sentiments = sia.sentiment_valence(0, sentitext, item, i, sentiments)
    sentiments = sia._but_check(words, sentiments)
    out: list[WordValence] = []
    cursor = 0
    for word, valence in zip(words, sentiments, strict=False):
        found = text.find(word, cursor)
        if found < 0:
            continue
        cursor = found + len(word)
        if valence:
            out.append(WordValence(word, offset + found, offset + found + len(word), float(valence)))
    return out

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
    """VADER's analyzer, with its per-word checks made cheaper (the same scores: below)."""
    return _lean_analyzer_class()()


@cache
def _lean_analyzer_class() -> type:
    """SentimentIntensityAnalyzer with the same rules, minus VADER's repeated work.

    For every lexicon word VADER lowercases the whole sentence up to six times (in its negation
    and idiom checks, of which it reads at most six words) and compares a word with each of
    its ~60 negations; and it copies the text one character at a time to spell out emojis.
    Sentiment's explanations score ~130 sentence variants an article, so this was ~10% of a
    batch worker's CPU. These overrides read the same words at the same indices (negative ones
    included) and give the same scores (tests/sentiment/test_vader_lean.py compares them with
    the library's on SummEval and NYT sentences and their variants).
    """
    from vaderSentiment import vaderSentiment as vs

    negations = frozenset(vs.NEGATE)

    def negated_word(word: str) -> bool:  # vs.negated([word]) for one word
        lower = str(word).lower()
        return lower in negations or "n't" in lower

    def lower_at(words: list[str], index: int) -> str:
        return str(words[index]).lower()

    class LeanAnalyzer(vs.SentimentIntensityAnalyzer):  # type: ignore[misc]
        def polarity_scores(self, text: str) -> dict[str, float]:
            if not _emoji_chars().isdisjoint(text):
                spelled: dict[str, float] = super().polarity_scores(text)  # emojis spelled out first
                return spelled
            text = text.strip()  # what VADER's character copy gives without emojis
            sentitext = vs.SentiText(text)
            words = sentitext.words_and_emoticons
            sentiments: list[float] = []
            for i, item in enumerate(words):
                lower = item.lower()
                if lower in vs.BOOSTER_DICT or (
                    lower == "kind" and i < len(words) - 1 and words[i + 1].lower() == "of"
                ):
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words, sentiments)
            scores: dict[str, float] = self.score_valence(sentiments, text)
            return scores

        @staticmethod
        def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
            before = lower_at(words, i - (start_i + 1))
            if start_i == 1:
                two, one = lower_at(words, i - 2), lower_at(words, i - 1)
                if two == "never" and one in ("so", "this"):
                    return valence * 1.25
                if two == "without" and one == "doubt":
                    return valence
            elif start_i == 2:
                three, two, one = lower_at(words, i - 3), lower_at(words, i - 2), lower_at(words, i - 1)
                if (three == "never" and two in ("so", "this")) or one in ("so", "this"):
                    return valence * 1.25
                if three == "without" and "doubt" in (two, one):
                    return valence
            return valence * vs.N_SCALAR if negated_word(before) else valence

        @staticmethod
        def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
            zero, one, two, three = (lower_at(words, i - k) for k in range(4))
            onezero, twoonezero, twoone = f"{one} {zero}", f"{two} {one} {zero}", f"{two} {one}"
            threetwoone, threetwo = f"{three} {two} {one}", f"{three} {two}"
            for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
                if seq in vs.SPECIAL_CASES:
                    valence = vs.SPECIAL_CASES[seq]
                    break
            if len(words) - 1 > i:
                zeroone = f"{zero} {lower_at(words, i + 1)}"
                if zeroone in vs.SPECIAL_CASES:
                    valence = vs.SPECIAL_CASES[zeroone]
            if len(words) - 1 > i + 1:
                zeroonetwo = f"{zero} {lower_at(words, i + 1)} {lower_at(words, i + 2)}"
                if zeroonetwo in vs.SPECIAL_CASES:
                    valence = vs.SPECIAL_CASES[zeroonetwo]
            for n_gram in (threetwoone, threetwo, twoone):
                if n_gram in vs.BOOSTER_DICT:
                    valence = valence + vs.BOOSTER_DICT[n_gram]
            return valence

    return LeanAnalyzer


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

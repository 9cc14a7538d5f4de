"""Counts the formulas need, taken from the Document's own sentences and word tokens."""

from __future__ import annotations

from dataclasses import dataclass

from summarize.document import Document, Token
from summarize.readability.familiar import is_familiar
from summarize.readability.syllables import count_syllables

_SENTENCE_END = ".!?…"
_CLOSERS = "\"'”’»)]} "
_OPENERS = "\"'“‘«([{:—–-"
_GUNNING_ENDINGS = ("es", "ed", "ing")
# An unpunctuated line shorter than this is a heading, label or byline, not prose.
HEADING_MAX_WORDS = 15


@dataclass(frozen=True, slots=True)
class TextCounts:
    words: int  # words in prose sentences
    sentences: int  # prose sentences: with a letter, and punctuated unless long
    syllables: int
    letters: int  # letters and digits inside words (Coleman-Liau, ARI)
    polysyllabic_words: int  # three or more syllables (SMOG)
    complex_words: int  # Gunning's complex words (Fog)
    difficult_words: int  # not familiar in the Dale-Chall sense
    long_words: int  # at least ``long_word_letters`` letters
    punctuated_sentences: int  # sentences that end in . ! ? or …
    headings: int  # short unpunctuated lines and bare numbers, left out of every count above


@dataclass(frozen=True, slots=True)
class SentenceWords:
    index: int  # index into doc.sentences
    words: int
    text: str


@dataclass(frozen=True, slots=True)
class DocumentCounts:
    totals: TextCounts
    sentences: tuple[SentenceWords, ...]


def is_proper_name(token: Token, previous: Token | None) -> bool:
    """A capitalised word that does not open its sentence (or a quote), e.g. "Minsk"."""
    if not token.text[:1].isupper() or token.text == "I":
        return False
    if previous is None or previous.sentence != token.sentence:
        return False
    return previous.is_word or previous.text not in _OPENERS


def is_complex_word(word: str, syllables: int, *, proper_name: bool) -> bool:
    """Gunning's complex word: 3+ syllables, not a name, a compound, or 3 only through -es/-ed/-ing."""
    if syllables < 3 or proper_name or "-" in word:
        return False
    lower = word.lower()
    for ending in _GUNNING_ENDINGS:
        if lower.endswith(ending) and len(lower) > len(ending) + 2:
            stem = lower[: -len(ending)]
            stem_syllables = min(count_syllables(stem), count_syllables(stem + "e"))
            if stem_syllables < 3:
                return False
    return True


def ends_with_sentence_punctuation(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in _SENTENCE_END


def words_per_sentence(doc: Document) -> tuple[list[int], list[bool]]:
    """(word tokens, holds a letter) for each of ``doc.sentences``."""
    words = [0] * len(doc.sentences)
    has_letter = [False] * len(doc.sentences)
    for token in doc.tokens:
        if token.is_word:
            words[token.sentence] += 1
            has_letter[token.sentence] = has_letter[token.sentence] or any(ch.isalpha() for ch in token.text)
    return words, has_letter


def prose_sentences(doc: Document) -> list[bool]:
    """Which sentences are prose the formulas were normed on.

    Headlines, labels and datelines (short lines without end punctuation) and
    list numbers ("1.") are not: counting them as sentences shortens the mean
    sentence length of any text that has them. If no sentence is punctuated,
    every sentence with a letter is kept, and a warning says the lengths are unreliable.
    """
    words, has_letter = words_per_sentence(doc)
    punctuated = [ends_with_sentence_punctuation(s.text) for s in doc.sentences]
    if not any(p and h for p, h in zip(punctuated, has_letter, strict=True)):
        return has_letter
    return [
        h and (p or n >= HEADING_MAX_WORDS) for h, p, n in zip(has_letter, punctuated, words, strict=True)
    ]


def count_document(doc: Document, long_word_letters: int = 7) -> DocumentCounts:
    """Every count the formulas and the report need, in one pass over ``doc.tokens``."""
    prose = prose_sentences(doc)
    per_sentence = [0] * len(doc.sentences)
    syllables = letters = polysyllabic = complex_words = difficult = long_words = 0
    previous: Token | None = None
    for token in doc.tokens:
        if token.is_word and prose[token.sentence]:
            per_sentence[token.sentence] += 1
            word = token.text
            proper = is_proper_name(token, previous)
            word_syllables = count_syllables(word)
            word_letters = sum(1 for ch in word if ch.isalnum())
            syllables += word_syllables
            letters += word_letters
            polysyllabic += word_syllables >= 3
            complex_words += is_complex_word(word, word_syllables, proper_name=proper)
            difficult += not is_familiar(word, proper_name=proper)
            long_words += word_letters >= long_word_letters
        previous = token
    sentences = tuple(
        SentenceWords(index=s.index, words=per_sentence[s.index], text=s.text)
        for s in doc.sentences
        if prose[s.index]
    )
    totals = TextCounts(
        words=sum(per_sentence),
        sentences=len(sentences),
        syllables=syllables,
        letters=letters,
        polysyllabic_words=polysyllabic,
        complex_words=complex_words,
        difficult_words=difficult,
        long_words=long_words,
        punctuated_sentences=sum(1 for s in sentences if ends_with_sentence_punctuation(s.text)),
        headings=sum(1 for s in doc.sentences if not prose[s.index] and s.text.strip(_CLOSERS + _OPENERS)),
    )
    return DocumentCounts(totals=totals, sentences=sentences)

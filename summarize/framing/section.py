"""The framing section of the report: plain dataclasses whose field names are the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class FramingSpan:
    start: int  # character offsets into the document text
    end: int
    text: str
    category: str
    explanation: str
    alternative: str | None
    in_quote: bool  # inside quoted speech: the speaker's framing, not the writer's
    speaker: str | None
    term: str  # the lexicon term or pattern that matched
    weight: float  # the lexicon's weight for the term
    score: float | None  # the word head's probability that the words are bias-inducing
    source: str  # "lexicon", "pattern" or "head"


@dataclass(frozen=True, slots=True)
class CategoryStat:
    label: str
    count: int
    per_1000_words: float
    in_quotes: int  # of ``count``, how many are inside quoted speech


@dataclass(frozen=True, slots=True)
class SentenceScore:
    index: int
    score: float  # probability that the sentence is biased (sentence head)
    biased: bool  # the decision at ``FramingSection.threshold``
    spans: int  # framing spans in the sentence


@dataclass(frozen=True, slots=True)
class DocumentScore:
    score: float  # mean sentence score, weighted by sentence length in words
    biased_share: float  # share of sentences decided biased


@dataclass(frozen=True, slots=True)
class QuoteInfo:
    start: int
    end: int
    speaker: str | None
    words: int


@dataclass(frozen=True)
class FramingSection:
    spans: list[FramingSpan]
    categories: dict[str, CategoryStat]
    sentences: list[SentenceScore]
    document: DocumentScore
    quotes: list[QuoteInfo]
    threshold: float
    scorer: str  # "heads" (trained on BABE) or "lexicon" (fallback when the heads cannot run)
    lexicons: list[str] = field(default_factory=list)  # the lexicon files used

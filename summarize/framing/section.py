"""The framing section of the report: plain dataclasses whose field names are the JSON contract.

Two layers are kept apart everywhere: ``loaded`` language (wording that takes a side: the
bias measure) and framing ``device``s (hedges, attribution, passives...: shown for teaching,
never counted as bias). Scores, densities and ``biased_share`` read the loaded layer only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Layer = Literal["loaded", "device"]
LOADED: Layer = "loaded"
DEVICE: Layer = "device"


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
    layer: Layer = LOADED  # "loaded" (counted as bias) or "device" (shown, never counted)
    # Loaded spans scored by the word head: calibrated probability (on BASIL) that an expert
    # marks these words as lexical bias. None for devices and when the heads cannot run.
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class CategoryStat:
    label: str
    count: int
    per_1000_words: float
    in_quotes: int  # of ``count``, how many are inside quoted speech
    layer: Layer = LOADED


@dataclass(frozen=True, slots=True)
class SentenceScore:
    index: int
    score: float  # probability that the sentence is biased (sentence head)
    biased: bool  # the decision at ``FramingSection.threshold``
    spans: int  # loaded-language spans in the sentence (devices not counted)
    devices: int = 0  # framing-device spans in the sentence


@dataclass(frozen=True, slots=True)
class DocumentScore:
    score: float  # mean sentence score, weighted by sentence length in words
    biased_share: float  # share of sentences decided biased


@dataclass(frozen=True, slots=True)
class Interval:
    """A figure with its 95% bootstrap interval (resampling the article's sentences)."""

    value: float
    low: float
    high: float


@dataclass(frozen=True, slots=True)
class VoiceCounts:
    """Loaded-language spans by voice: the writer's own words, and quoted speech."""

    writer: int
    quoted: int
    writer_per_1000_words: float
    quoted_per_1000_words: float


@dataclass(frozen=True, slots=True)
class ArticleMeasure:
    """The article-level figures a researcher can cite, loaded layer only.

    ``loaded_per_1000_words`` is the density the tool reports. Calibrated (``density_basis``
    "expected"): the sum of the sentences' calibrated probabilities per 1,000 words, the expected
    number of sentences with expert-marked loaded language; it ranks articles better than the
    span count (docs/framing.md). Without calibration ("spans"): the writer's loaded spans.
    ``loaded_spans_per_1000_words`` is always the writer's loaded-language spans shown (quoted
    speech is in ``voices``); ``biased_share`` is the share of sentences decided biased.
    """

    loaded_per_1000_words: Interval
    biased_share: Interval
    voices: VoiceCounts
    devices: int  # framing-device spans (not counted as bias)
    words: int
    sentences: int
    loaded_spans_per_1000_words: Interval | None = None  # None only in hand-built reports
    density_basis: str = "spans"  # "expected" (calibrated) or "spans"


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
    measure: ArticleMeasure | None = None
    # What the sentence scores are calibrated to: "basil" (real articles' base rate) or "none".
    calibration: str = "none"

"""The summary section of the report; field names are the JSON contract."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ModelInfo:
    id: str
    source: str  # "package:...", "path:...", "cache:...", "project:...", "hub"


@dataclass(frozen=True, slots=True)
class Flag:
    """Something in a summary sentence that the article does not contain."""

    kind: str  # "name", "number", "date" or "unsupported"
    text: str


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    source_sentences: list[int]  # indices into the report's sentences
    support: float  # 0..1: how well those sentences back this one
    flags: list[Flag] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SummarySection:
    method: str  # extractive, abstractive, hybrid
    model: ModelInfo  # what wrote the summary: the generator, or the scorer for extractive
    chunks: int  # article pieces the model read separately (1 = all at once)
    length: str  # the length target, e.g. "3 sentences"
    sentences: list[SummarySentence]
    supported_by_construction: bool  # True when every sentence is copied from the article
    # Sentence encoder behind selection and provenance; None when nothing read embeddings
    # (the shipped extractive scorer is a lead-position rule and needs none).
    encoder: ModelInfo | None = None
    scorer: ModelInfo | None = None  # the extractive sentence scorer (extractive, hybrid, fallback)
    strict: bool = False
    dropped: list[SummarySentence] = field(default_factory=list)  # removed by --strict
    flagged_share: float = 0.0  # share of sentences with at least one flag (before --strict)
    warnings: list[str] = field(default_factory=list)
    # How the scorer picks sentences, in words (``SentenceScorer.describe``), e.g.
    # "lead-position rule"; None when no sentence was picked by the scorer.
    selection: str | None = None
    # The method whose sentences are shown: ``method``, or "extractive" when --strict
    # left no generated sentence and the extractive summary is shown instead.
    shown: str = "extractive"

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

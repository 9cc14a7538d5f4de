"""Sentiment settings, checked when made: the CLI and the Python API refuse the same things."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from summarize.errors import UsageError
from summarize.setting_checks import check_at_least, check_between, parse_choice


class SentimentBackend(StrEnum):
    minilm = "minilm"  # MiniLM + trained head; won bench/sentiment_nyt.py
    vader = "vader"
    hf = "hf"  # a sequence-classification model: hub id or local folder


BACKENDS = tuple(b.value for b in SentimentBackend)


@dataclass(frozen=True, slots=True)
class SentimentSettings:
    backend: SentimentBackend = SentimentBackend.minilm  # a plain string is accepted and checked
    model: str | None = None  # for hf: hub id or local folder
    neutral_band: float | None = None  # |score| below this is "neutral"; None: the backend's default
    explain_sentences: int = 4  # minilm/hf: sentences explained by word occlusion (most polar first)
    top_words: int = 5  # contributing words kept per sentence
    max_actors: int = 12

    def __post_init__(self) -> None:
        backend = parse_choice(SentimentBackend, self.backend, "sentiment backend")
        object.__setattr__(self, "backend", backend)
        if self.model and backend is not SentimentBackend.hf:
            raise UsageError("--sentiment-model is read only by --sentiment-backend hf; add it")
        if backend is SentimentBackend.hf and not self.model:
            raise UsageError("--sentiment-backend hf needs --sentiment-model (a hub id or a local folder)")
        check_between(self.neutral_band, 0, 1, "sentiment neutral_band")
        for name in ("explain_sentences", "top_words", "max_actors"):
            check_at_least(getattr(self, name), 0, f"sentiment {name}")

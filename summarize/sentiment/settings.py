from __future__ import annotations

from dataclasses import dataclass

BACKENDS = ("minilm", "vader", "hf")


@dataclass(frozen=True, slots=True)
class SentimentSettings:
    backend: str = "minilm"  # minilm (MiniLM + trained head; won bench/sentiment_nyt.py), vader, hf
    model: str | None = None  # for hf: hub id or local folder
    neutral_band: float | None = None  # |score| below this is "neutral"; None: the backend's default
    explain_sentences: int = 4  # minilm/hf: sentences explained by word occlusion (most polar first)
    top_words: int = 5  # contributing words kept per sentence
    max_actors: int = 12

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SentimentSettings:
    backend: str = "vader"  # vader, minilm, hf
    model: str | None = None  # for hf: hub id or path

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SummarySettings:
    method: str = "extractive"  # extractive, abstractive, hybrid
    model: str | None = None  # abstractive model: registry name, hub id or path
    encoder: str = "minilm"
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    strict: bool = False

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
    # Generation (abstractive, hybrid). Deterministic by default: greedy with a fixed seed.
    max_new_tokens: int | None = None  # None: derived from the length target
    num_beams: int = 1
    temperature: float = 0.0  # > 0 samples instead of greedy decoding
    repetition_penalty: float | None = 1.1
    no_repeat_ngram_size: int | None = 4
    seed: int = 0
    # float32 measured 3x faster than bfloat16 for SmolLM2 on this CPU; "auto" keeps the checkpoint's.
    dtype: str = "float32"
    max_input_tokens: int | None = None  # cap on tokens per chunk (default: the model's context)

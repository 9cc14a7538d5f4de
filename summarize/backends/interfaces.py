"""What each job asks of a model, as small protocols (after simonw/llm's plugin models).

A new backend for a job is a class with these members, resolved by name in its job's loader
(``generation.load_generator``, ``encoder.load_encoder``, ``sentiment.hf_backend.load_classifier``),
its offline weights found through ``sources.source_for``. Analyses depend on these protocols
only, never on a backend's kind: no branch on a type string outside the backend itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    import numpy as np


@dataclass(frozen=True, slots=True)
class GenerationOptions:
    max_new_tokens: int
    num_beams: int = 1
    temperature: float = 0.0  # 0 means greedy
    repetition_penalty: float | None = None
    no_repeat_ngram_size: int | None = None
    seed: int = 0


class SummaryGenerator(Protocol):
    """Writes a summary from a prompt (``backends.generation.Generator``)."""

    @property
    def id(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def context_tokens(self) -> int:
        """Tokens the model reads in one call."""

    @property
    def output_shares_context(self) -> bool:
        """True for decoder-only models: the prompt and the output share ``context_tokens``."""

    def count_tokens(self, text: str) -> int: ...

    def prompt_for(self, text: str, instruction: str) -> str:
        """The full model input that asks for a summary of ``text``."""

    def generate(self, prompt: str, options: GenerationOptions) -> str: ...


class SentenceEncoder(Protocol):
    """Unit-length sentence embeddings (``backends.encoder.Encoder``)."""

    @property
    def id(self) -> str: ...

    @property
    def source(self) -> str: ...

    @property
    def max_tokens(self) -> int: ...

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray: ...


class SentimentScorer(Protocol):
    """A -1..1 sentiment score per text (``sentiment.hf_backend.HFClassifier``)."""

    @property
    def id(self) -> str: ...

    @property
    def source(self) -> str: ...

    def scores(self, texts: list[str], batch_size: int = 32) -> list[float]: ...

"""Split text into model-sized chunks on sentence boundaries, never dropping any of it.

A sentence longer than the budget on its own is cut at word boundaries into pieces
(each piece keeps the sentence's index), so nothing is truncated silently.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Chunk:
    text: str
    sentences: tuple[int, ...]  # indices into the sentence list given to ``chunk_sentences``
    tokens: int


def _split_long(text: str, count: Callable[[str], int], budget: int) -> list[str]:
    words = text.split()
    pieces: list[str] = []
    current: list[str] = []
    for word in words:
        trial = " ".join([*current, word])
        if current and count(trial) > budget:
            pieces.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        pieces.append(" ".join(current))
    return pieces


def chunk_sentences(
    sentences: Sequence[str], count: Callable[[str], int], budget: int
) -> list[Chunk]:
    """Greedy packing of consecutive sentences into chunks of at most ``budget`` tokens."""
    if budget <= 0:
        raise ValueError("chunk budget must be positive")
    chunks: list[Chunk] = []
    texts: list[str] = []
    indices: list[int] = []

    def flush() -> None:
        if texts:
            joined = " ".join(texts)
            chunks.append(Chunk(joined, tuple(dict.fromkeys(indices)), count(joined)))
            texts.clear()
            indices.clear()

    for index, sentence in enumerate(sentences):
        if count(sentence) > budget:
            flush()
            for piece in _split_long(sentence, count, budget):
                chunks.append(Chunk(piece, (index,), count(piece)))
            continue
        if texts and count(" ".join([*texts, sentence])) > budget:
            flush()
        texts.append(sentence)
        indices.append(index)
    flush()
    return chunks

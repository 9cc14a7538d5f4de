"""Greedy MMR selection: the best-scored sentences, penalised for repeating what is already chosen.

Returns indices in article order, within a sentence count or a word budget, stopping early
once a default length's ``enough_words`` are chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from summarize.summary.length import LengthTarget


class Cosines:
    """``similarity[:, chosen]`` of unit-length embeddings without the n x n matrix."""

    def __init__(self, embeddings: np.ndarray) -> None:
        self._emb = np.asarray(embeddings, dtype=np.float64)

    def __getitem__(self, key: tuple[slice, list[int]]) -> np.ndarray:
        rows, columns = key
        return self._emb[rows] @ self._emb[columns].T


def select_sentences(
    scores: np.ndarray,
    similarity: np.ndarray | Cosines | None,
    word_counts: Sequence[int],
    target: LengthTarget,
    *,
    redundancy: float = 0.5,
) -> list[int]:
    """Pick sentences by ``score - redundancy * max similarity to the chosen ones``.

    ``similarity`` may be None when ``redundancy`` is 0 (then no similarity is read).
    """
    n = len(scores)
    if redundancy and similarity is None:
        raise ValueError("MMR with a redundancy penalty needs the sentence similarities")
    if n == 0 or target.sentences <= 0:
        return []
    chosen: list[int] = []
    words_used = 0
    candidates = set(range(n))
    while candidates and len(chosen) < target.sentences:
        penalty = _penalty(similarity, chosen, redundancy, n)
        value = np.asarray(scores, dtype=np.float64) - redundancy * penalty
        best = max(candidates, key=lambda i: (value[i], -i))
        candidates.discard(best)
        # Within a word budget: skip a sentence that overshoots by more than a tenth.
        if target.words is not None and chosen and words_used + word_counts[best] > target.words * 1.1:
            continue
        chosen.append(best)
        words_used += word_counts[best]
        if _long_enough(words_used, target):
            break
    return sorted(chosen)


def _penalty(
    similarity: np.ndarray | Cosines | None, chosen: list[int], redundancy: float, n: int
) -> np.ndarray:
    """Each sentence's highest similarity to the chosen ones (zeros before the first, or without MMR)."""
    if chosen and redundancy and similarity is not None:
        most: np.ndarray = similarity[:, chosen].max(axis=1)
        return most
    return np.zeros(n, dtype=np.float64)


def _long_enough(words_used: int, target: LengthTarget) -> bool:
    """The word budget, or a default length's ``enough_words``, is reached."""
    return any(limit is not None and words_used >= limit for limit in (target.words, target.enough_words))

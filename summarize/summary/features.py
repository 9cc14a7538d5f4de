"""Per-sentence features for the extractive scorer: position, centrality, length, quotes.

Pure numpy over a document's sentences and their unit-length embeddings, so the
training script (``models/summary_scorer/train.py``) and the runtime share one
definition. Changing a feature means retraining: the weights file stores the
feature names and is refused if they differ.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

import numpy as np

FEATURE_NAMES: tuple[str, ...] = (
    "position_frac",  # index / sentence count
    "inverse_position",  # 1 / (index + 1): news is written lead-first
    "is_first",
    "in_first_three",
    "paragraph_first",  # opens a paragraph (when the text has paragraphs)
    "centroid_similarity",  # cosine to the article's mean embedding
    "mean_similarity",  # mean cosine to the other sentences
    "lexrank",  # PageRank over the cosine graph, times the sentence count
    "centrality_rank",  # rank of centroid_similarity among the article's sentences, 0..1
    "lead_similarity",  # cosine to the first sentence
    "lead3_similarity",  # cosine to the mean of the first three sentences
    "log_words",
    "is_short",  # under 8 words: captions, bylines, fragments
    "is_long",  # over 40 words
    "has_quote",
    "digit_share",  # share of word tokens holding a digit
    "capital_share",  # share of word tokens that are capitalised (names)
    "position_x_centrality",  # inverse_position * centroid_similarity
    "log_position",  # log(index + 1): the lead prior of the scorer
    "centrality_z",  # centroid_similarity standardised within the article
)

# Features read from the sentence embeddings; the others need only the text and its position.
EMBEDDING_FEATURES: frozenset[str] = frozenset({
    "centroid_similarity",
    "mean_similarity",
    "lexrank",
    "centrality_rank",
    "lead_similarity",
    "lead3_similarity",
    "position_x_centrality",
    "centrality_z",
})

_WORD = re.compile(r"\w[\w'’-]*")
# An opening quote mark at the start of a word (an apostrophe inside "it's" is not one).
_QUOTE = re.compile(r"(?:^|\s)[\"“‘']\w")


def _lexrank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 30) -> np.ndarray:
    n = similarity.shape[0]
    if n == 1:
        return np.ones(1)
    weights = np.clip(similarity, 0.0, None).copy()
    np.fill_diagonal(weights, 0.0)
    totals = weights.sum(axis=1, keepdims=True)
    transition = np.divide(weights, totals, out=np.full_like(weights, 1.0 / n), where=totals > 0)
    rank = np.full(n, 1.0 / n)
    for _ in range(iterations):
        rank = (1 - damping) / n + damping * (transition.T @ rank)
    scaled: np.ndarray = rank * n
    return scaled


def sentence_features(
    texts: Sequence[str],
    embeddings: np.ndarray | None,
    paragraph_starts: Sequence[bool] | None = None,
    *,
    needed: Collection[str] | None = None,
) -> np.ndarray:
    """A (sentences x features) float64 matrix in the order of ``FEATURE_NAMES``.

    ``needed`` (default: all) names the features to compute; the others are zero columns.
    With ``embeddings=None`` no embedding feature may be needed: a scorer that gives them
    no weight needs no encoder. ``lexrank`` is the only feature that costs memory quadratic
    in the sentence count, so it is computed only when needed.
    """
    n = len(texts)
    if n == 0:
        return np.zeros((0, len(FEATURE_NAMES)))
    wanted = set(FEATURE_NAMES if needed is None else needed)
    inverse_position = 1.0 / (np.arange(n, dtype=np.float64) + 1.0)
    columns = _text_columns(texts, paragraph_starts)
    if wanted & EMBEDDING_FEATURES:
        if embeddings is None:
            raise ValueError(f"features {sorted(wanted & EMBEDDING_FEATURES)} need sentence embeddings")
        columns.update(_embedding_columns(np.asarray(embeddings, dtype=np.float64), inverse_position,
                                          lexrank="lexrank" in wanted))
    zeros = np.zeros(n)
    return np.stack([columns.get(name, zeros) if name in wanted else zeros for name in FEATURE_NAMES],
                    axis=1)


def _text_columns(texts: Sequence[str], paragraph_starts: Sequence[bool] | None) -> dict[str, np.ndarray]:
    """The features read off the sentences' position and text."""
    n = len(texts)
    index = np.arange(n, dtype=np.float64)
    words = [_WORD.findall(t) for t in texts]
    counts = np.array([max(len(w), 1) for w in words], dtype=np.float64)
    digits = np.array([sum(any(c.isdigit() for c in w) for w in ws) for ws in words]) / counts
    capitals = np.array([sum(w[0].isupper() for w in ws[1:]) for ws in words]) / counts
    para = (
        np.array([1.0 if p else 0.0 for p in paragraph_starts])
        if paragraph_starts is not None
        else np.zeros(n)
    )
    return {
        "position_frac": index / n,
        "inverse_position": 1.0 / (index + 1.0),
        "is_first": (index == 0).astype(float),
        "in_first_three": (index < 3).astype(float),
        "paragraph_first": para,
        "log_words": np.log(counts),
        "is_short": (counts < 8).astype(float),
        "is_long": (counts > 40).astype(float),
        "has_quote": np.array([1.0 if _QUOTE.search(t) else 0.0 for t in texts]),
        "digit_share": digits,
        "capital_share": capitals,
        "log_position": np.log1p(index),
    }


def _embedding_columns(
    emb: np.ndarray, inverse_position: np.ndarray, *, lexrank: bool
) -> dict[str, np.ndarray]:
    """The centrality features, in memory linear in the sentence count (but for ``lexrank``)."""
    n = emb.shape[0]
    index = np.arange(n, dtype=np.float64)
    centroid = emb.mean(axis=0)
    centroid /= np.linalg.norm(centroid) or 1.0
    centroid_sim = emb @ centroid
    # Row sums of the cosine matrix without building it: emb @ (sum of the rows).
    mean_sim = (emb @ emb.sum(axis=0) - 1.0) / max(n - 1, 1)
    order = np.argsort(-centroid_sim, kind="stable")
    rank = np.empty(n)
    rank[order] = index
    lead3 = emb[:3].mean(axis=0)
    lead3 /= np.linalg.norm(lead3) or 1.0
    columns = {
        "centroid_similarity": centroid_sim,
        "mean_similarity": mean_sim,
        "centrality_rank": 1.0 - rank / max(n - 1, 1),
        "lead_similarity": emb @ emb[0],
        "lead3_similarity": emb @ lead3,
        "position_x_centrality": inverse_position * centroid_sim,
        "centrality_z": (centroid_sim - centroid_sim.mean()) / (centroid_sim.std() or 1.0),
    }
    if lexrank:
        columns["lexrank"] = _lexrank(emb @ emb.T)
    return columns

"""Running the trained heads on a document: word probabilities, then sentence scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.document import Document
from summarize.framing.features import (
    SimpleSpan,
    sentence_lexicon_features,
    word_lexicon_features,
    word_summary,
)
from summarize.framing.heads import LinearHead

if TYPE_CHECKING:
    import numpy as np

    from summarize.context import Context
    from summarize.framing.token_embeddings import PieceEmbeddings


@dataclass(frozen=True)
class HeadScores:
    word_probability: dict[int, float]  # token index -> probability the word is bias-inducing
    word_threshold: float
    sentence_probability: list[float]
    sentence_threshold: float


def word_features_for_document(
    doc: Document, pieces: Sequence[PieceEmbeddings], spans: Sequence[SimpleSpan]
) -> tuple[list[list[int]], list[np.ndarray]]:
    """Per sentence: the word-token indices and their feature rows for the word head.

    ``pieces``: the encoder's sub-word vectors of each sentence (``Context.token_pieces``).
    """
    import numpy as np

    from summarize.framing.token_embeddings import word_vectors

    words_of: dict[int, list[int]] = {}
    for i, token in enumerate(doc.tokens):
        if token.is_word:
            words_of.setdefault(token.sentence, []).append(i)
    spans_of: dict[int, list[SimpleSpan]] = {}
    for span in spans:
        index = doc.sentence_at(span.start)
        if index is not None:
            spans_of.setdefault(index, []).append(span)
    token_ids: list[list[int]] = []
    rows: list[np.ndarray] = []
    for sentence, piece in zip(doc.sentences, pieces, strict=True):
        ids = words_of.get(sentence.index, [])
        absolute = [(doc.tokens[i].start, doc.tokens[i].end) for i in ids]
        relative = [(s - sentence.start, e - sentence.start) for s, e in absolute]
        vectors, _ = word_vectors(piece, relative)
        lexical = word_lexicon_features(absolute, spans_of.get(sentence.index, []))
        token_ids.append(ids)
        rows.append(np.concatenate([vectors, lexical], axis=1))
    return token_ids, rows


def score_with_heads(
    doc: Document,
    ctx: Context,
    heads: tuple[LinearHead, LinearHead],
    builtin_spans: Sequence[SimpleSpan],
) -> HeadScores:
    import numpy as np

    sentence_head, word_head = heads
    # Sentence embeddings first: the Context computes the word head's token vectors in the
    # same encoder pass when it can, and token_pieces then finds them cached.
    embeddings = ctx.sentence_embeddings(doc, "framing")
    pieces = ctx.token_pieces(doc, "framing", tuple(word_head.layers))
    token_ids, rows = word_features_for_document(doc, pieces, builtin_spans)
    word_probability: dict[int, float] = {}
    summaries = []
    for ids, features in zip(token_ids, rows, strict=True):
        probs = word_head.probabilities(features) if len(ids) else np.zeros(0, dtype=np.float32)
        word_probability.update(zip(ids, (float(p) for p in probs), strict=True))
        summaries.append(word_summary(probs))
    lexical = sentence_lexicon_features(doc, builtin_spans)
    features = np.concatenate([embeddings, lexical, np.stack(summaries)], axis=1)
    sentence_probability = [float(p) for p in sentence_head.probabilities(features)]
    return HeadScores(
        word_probability=word_probability,
        word_threshold=word_head.threshold,
        sentence_probability=sentence_probability,
        sentence_threshold=sentence_head.threshold,
    )


def lexicon_sentence_scores(
    doc: Document, spans: Sequence[SimpleSpan], in_quote: Sequence[bool]
) -> list[float]:
    """Fallback when the heads cannot run: noisy-or of the writer's span weights per sentence."""
    remaining = [1.0] * len(doc.sentences)
    for span, quoted in zip(spans, in_quote, strict=True):
        index = doc.sentence_at(span.start)
        if index is not None and not quoted:
            remaining[index] *= 1.0 - span.weight
    return [1.0 - r for r in remaining]

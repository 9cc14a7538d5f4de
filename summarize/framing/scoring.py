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
from summarize.framing.heads import FramingHeads

if TYPE_CHECKING:
    import numpy as np

    from summarize.context import Context
    from summarize.framing.token_embeddings import PieceEmbeddings


@dataclass(frozen=True)
class HeadScores:
    heads: FramingHeads
    # token index -> the loaded-word head's probability, for words that can be loaded at all
    loaded_probability: dict[int, float]
    sentence_probability: list[float]  # the BABE sentence head (before calibration)


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
    heads: FramingHeads,
    builtin_spans: Sequence[SimpleSpan],
) -> HeadScores:
    import numpy as np

    from summarize.framing.layers import loadable_tokens

    sentence_head, word_head = heads.sentence, heads.word
    # Sentence embeddings first: the Context computes the word head's token vectors in the
    # same encoder pass when it can, and token_pieces then finds them cached.
    embeddings = ctx.sentence_embeddings(doc, "framing")
    pieces = ctx.token_pieces(doc, "framing", tuple(word_head.layers))
    token_ids, rows = word_features_for_document(doc, pieces, builtin_spans)
    loaded_probability: dict[int, float] = {}
    loadable = loadable_tokens(doc)
    summaries = []
    for ids, features in zip(token_ids, rows, strict=True):
        probs = word_head.probabilities(features) if len(ids) else np.zeros(0, dtype=np.float32)
        summaries.append(word_summary(probs))
        eligible = [k for k, i in enumerate(ids) if i in loadable]
        if eligible:
            loaded = heads.loaded_word.probabilities(features[eligible])
            loaded_probability.update((ids[k], float(p)) for k, p in zip(eligible, loaded, strict=True))
    lexical = sentence_lexicon_features(doc, builtin_spans)
    features = np.concatenate([embeddings, lexical, np.stack(summaries)], axis=1)
    sentence_probability = [float(p) for p in sentence_head.probabilities(features)]
    return HeadScores(
        heads=heads,
        loaded_probability=loaded_probability,
        sentence_probability=sentence_probability,
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

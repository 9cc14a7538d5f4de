"""All the encoder work of many articles, batched across them, handed to their Contexts.

Per article the analyses need the sentence embeddings (summary, sentiment, framing's
sentence head), the token vectors of the same sentences (framing's word head) and, for
sentiment's word contributions, the last-layer states of their tokens. On the numpy
runtime all three come from one pass over the sentences of all the articles of a chunk
(``context.share_encoder_pass``, the same function one article uses): every token is
encoded once. On the torch runtime (other encoder layouts, hub ids) sentiment still
explains by occlusion, and the occlusion variants of all the articles are encoded in one
more call. The analyses then find everything in their Context and never load the
encoder themselves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.settings import Settings

if TYPE_CHECKING:
    import numpy as np

    from summarize.context import Context
    from summarize.document import Document

ENCODE_BATCH = 64  # texts per forward pass: 64 and 128 cost the same here, 32 ~30% more


def needs_encoder(settings: Settings) -> bool:
    """Whether the chosen analyses read encoder output (so the runner should batch it).

    The encoder's registry entry lists the jobs it serves; sentiment uses it only with the
    minilm backend.
    """
    from summarize.backends.registry import get_entry

    entry = get_entry(settings.encoder)
    jobs: tuple[str, ...] = entry.jobs if entry is not None else ("summary", "sentiment", "framing")
    wanted = set(settings.analyses) & set(jobs)
    if "sentiment" in wanted and settings.sentiment.backend != "minilm":
        wanted.discard("sentiment")
    return bool(wanted)


def prefill_contexts(docs: list[Document], contexts: list[Context], settings: Settings) -> None:
    """Compute the encoder output ``docs`` will need and hand it to their ``contexts``."""
    from summarize.backends.encoder import load_encoder
    from summarize.context import share_encoder_pass
    from summarize.framing.token_embeddings import (
        encode_with_pieces,
        supports_joint_pass,
        word_head_layers,
    )

    if not docs:
        return
    encoder = load_encoder(settings.encoder)
    if encoder.runtime == "numpy":
        share_encoder_pass(docs, contexts, encoder, settings, handed_in=True)
        return
    info = (encoder.id, encoder.source)
    texts = [s.text for doc in docs for s in doc.sentences]
    layers = word_head_layers(settings)
    pieces = None
    if layers is not None and supports_joint_pass(encoder.model):
        vectors, pieces = encode_with_pieces(encoder.model, texts, layers=layers, batch_size=ENCODE_BATCH)
    else:  # another encoder layout: framing computes its token vectors itself
        vectors = encoder.encode(texts, batch_size=ENCODE_BATCH)
    start = 0
    per_doc = []
    for doc, ctx in zip(docs, contexts, strict=True):
        end = start + len(doc.sentences)
        per_doc.append(vectors[start:end])
        ctx.put_embeddings(doc, per_doc[-1], encoder=info)
        if pieces is not None and layers is not None:
            ctx.put_pieces(doc, layers, pieces[start:end])
        start = end
    if "sentiment" in settings.analyses and settings.sentiment.backend == "minilm":
        _prefill_occlusion(docs, per_doc, contexts, settings, info)


def _prefill_occlusion(
    docs: list[Document],
    embeddings: list[np.ndarray],
    contexts: list[Context],
    settings: Settings,
    info: tuple[str, str],
) -> None:
    from summarize.backends.encoder import load_encoder
    from summarize.sentiment.scoring import minilm_occlusion_texts, name_spans

    # Not through ctx.sentence_embeddings: that would record a model use out of the
    # analyses' order, and the report's provenance must equal `summarize report`'s.
    per_doc = [
        minilm_occlusion_texts(doc, vectors, settings.sentiment, name_spans(ctx.actors(doc)))
        for doc, vectors, ctx in zip(docs, embeddings, contexts, strict=True)
    ]
    unique = list(dict.fromkeys(t for texts in per_doc for t in texts))
    if not unique:
        return
    vectors = load_encoder(settings.encoder).encode(unique, batch_size=ENCODE_BATCH)
    row = {text: i for i, text in enumerate(unique)}
    for texts, ctx in zip(per_doc, contexts, strict=True):
        if texts:
            ctx.put_text_embeddings(texts, vectors[[row[t] for t in texts]], encoder=info)

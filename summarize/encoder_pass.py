"""The encoder work of one article or a batch chunk: what the chosen analyses declared, once.

The analyses declare the encoder outputs they read (``summarize.needs``). On the numpy
runtime one forward pass over the sentences gives them all (sentence embeddings, the
piece vectors of the hidden layers asked for, the last-layer token states), so every
token of an article is encoded once. On the torch runtime the sentence embeddings and
the piece vectors share a pass when the model allows it; texts beyond the sentences
(``Needs.other_texts``) are encoded in one more call for a batch chunk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.needs import Needs, OtherTexts

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import TokenStates
    from summarize.backends.encoder import Encoder
    from summarize.context import Context
    from summarize.document import Document
    from summarize.framing.token_embeddings import PieceEmbeddings


def gives_token_states(needs: Needs, encoder: Encoder) -> bool:
    """Whether the pass hands out token states: asked for, and the encoder's sentence vector
    is the mean of its last-layer states (what sentiment's word contributions decompose)."""
    mean_pooled = getattr(getattr(encoder.model, "spec", None), "mode", "") == "mean"
    return "token_states" in needs.encoder and encoder.runtime == "numpy" and mean_pooled


def state_layers(needs: Needs, encoder: Encoder) -> tuple[int, ...]:
    """The hidden layers a numpy-runtime pass keeps for ``needs``."""
    layers = list(needs.piece_layers) if "token_pieces" in needs.encoder else []
    if gives_token_states(needs, encoder):
        layers += [-2, -1]  # -2: the last block's input, for sentiment's linearized occlusion
    return tuple(dict.fromkeys(layers))


def fill(
    docs: list[Document],
    contexts: list[Context],
    encoder: Encoder,
    needs: Needs,
    *,
    handed_in: bool = False,
    batch_size: int | None = None,
) -> None:
    """Compute what ``needs`` lists for the sentences of ``docs``; hand it to their ``contexts``.

    ``handed_in``: a batch runner's pass, so provenance names the encoder without the
    analyses loading it. ``batch_size``: texts per torch forward pass (the encoder's
    default when None).
    """
    texts = [s.text for doc in docs for s in doc.sentences]
    pieces: list[PieceEmbeddings] | None = None
    states: list[TokenStates] | None = None
    if encoder.runtime == "numpy":
        vectors, states, pieces = _numpy_pass(texts, encoder, needs)
    else:
        vectors, pieces = _torch_pass(texts, encoder, needs, batch_size)
    info = (encoder.id, encoder.provenance)
    start = 0
    for doc, ctx in zip(docs, contexts, strict=True):
        end = start + len(doc.sentences)
        ctx.put_embeddings(doc, vectors[start:end], encoder=info if handed_in else None)
        if pieces is not None:
            ctx.put_pieces(doc, needs.piece_layers, pieces[start:end])
        if states is not None:
            ctx.put_token_states(doc, states[start:end], encoder.model.bert)
        start = end


def _numpy_pass(
    texts: list[str], encoder: Encoder, needs: Needs
) -> tuple[np.ndarray, list[TokenStates] | None, list[PieceEmbeddings] | None]:
    layers = state_layers(needs, encoder)
    vectors, states = encoder.model.encode_states(texts, layers=layers)
    pieces = None
    if "token_pieces" in needs.encoder and needs.piece_layers and texts:
        pieces = [pieces_of(state, needs.piece_layers) for state in states]
    return vectors, (states if gives_token_states(needs, encoder) else None), pieces


def _torch_pass(
    texts: list[str], encoder: Encoder, needs: Needs, batch_size: int | None
) -> tuple[np.ndarray, list[PieceEmbeddings] | None]:
    from summarize.framing.token_embeddings import encode_with_pieces, supports_joint_pass

    if "token_pieces" in needs.encoder and needs.piece_layers and supports_joint_pass(encoder.model):
        layers = needs.piece_layers
        return encode_with_pieces(encoder.model, texts, layers=layers, batch_size=batch_size or 64)
    # Another encoder layout: the word head computes its piece vectors itself.
    vectors = encoder.encode(texts) if batch_size is None else encoder.encode(texts, batch_size=batch_size)
    return vectors, None


def fill_other_texts(
    docs: list[Document],
    contexts: list[Context],
    encoder: Encoder,
    planners: list[OtherTexts],
    batch_size: int,
) -> None:
    """Encode the other texts the analyses will ask for (``Needs.other_texts``) in one call."""
    per_doc = [
        [t for plan in planners for t in plan(doc, ctx)] for doc, ctx in zip(docs, contexts, strict=True)
    ]
    unique = list(dict.fromkeys(t for texts in per_doc for t in texts))
    if not unique:
        return
    vectors = encoder.encode(unique, batch_size=batch_size)
    row = {text: i for i, text in enumerate(unique)}
    info = (encoder.id, encoder.provenance)
    for texts, ctx in zip(per_doc, contexts, strict=True):
        if texts:
            ctx.put_text_embeddings(texts, vectors[[row[t] for t in texts]], encoder=info)


def encode_pieces_of(encoder: Encoder, texts: list[str], layers: tuple[int, ...]) -> list[PieceEmbeddings]:
    """Piece vectors alone, for an encoder whose sentence pass could not give them."""
    from summarize.framing.token_embeddings import encode_pieces

    return encode_pieces(encoder.model, texts, layers=layers)


def pieces_of(state: TokenStates, layers: tuple[int, ...]) -> PieceEmbeddings:
    """The word head's view of a text's tokens: the non-special ones, ``layers`` side by side."""
    import numpy as np

    from summarize.framing.token_embeddings import PieceEmbeddings

    keep = ~state.special
    vectors = np.concatenate([state.layers[k][keep] for k in layers], axis=1).astype(np.float32, copy=False)
    return PieceEmbeddings(offsets=state.offsets[keep], vectors=vectors)

"""Token-level embeddings from the shared encoder, mapped to character offsets.

The word head needs one vector per word of the article. The encoder's tokenizer
splits words into sub-word pieces; its offset mapping says which characters each
piece covers, so a word's vector is the mean of the pieces that overlap it.
torch and transformers are imported inside the functions (they are heavy).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DEFAULT_LAYERS = (-1,)


@dataclass(frozen=True)
class PieceEmbeddings:
    """Sub-word pieces of one text: character offsets (n, 2) and vectors (n, d)."""

    offsets: np.ndarray
    vectors: np.ndarray


def transformer_parts(model: Any) -> tuple[Any, Any, int]:
    """(tokenizer, transformers model, max tokens) of a LightSentenceEncoder or SentenceTransformer."""
    tokenizer = getattr(model, "tokenizer", None)
    auto_model = getattr(model, "auto_model", None)
    if auto_model is None:  # SentenceTransformer: the first module wraps the transformer
        first = model[0]
        auto_model = first.auto_model
        tokenizer = tokenizer or first.tokenizer
    max_length = int(getattr(model, "max_seq_length", None) or 256)
    return tokenizer, auto_model, max_length


def encode_pieces(
    model: Any,
    texts: Sequence[str],
    *,
    layers: Sequence[int] = DEFAULT_LAYERS,
    batch_size: int = 32,
) -> list[PieceEmbeddings]:
    """Piece offsets and vectors (the given hidden layers, concatenated) for each text."""
    if callable(getattr(model, "encode_states", None)):  # the numpy runtime: no torch
        return _numpy_pass(model, texts, layers)[1]
    import numpy as np
    import torch

    tokenizer, auto_model, max_length = transformer_parts(model)
    hidden_size = int(auto_model.config.hidden_size)
    out: list[PieceEmbeddings | None] = [None] * len(texts)
    # Sorting by length keeps padding small in each batch.
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for lo in range(0, len(order), batch_size):
            idx = order[lo : lo + batch_size]
            batch = tokenizer(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=max_length,
                return_offsets_mapping=True,
                return_special_tokens_mask=True,
                return_tensors="pt",
            )
            offsets = batch.pop("offset_mapping").numpy()
            special = batch.pop("special_tokens_mask").numpy().astype(bool)
            result = auto_model(**batch, output_hidden_states=len(layers) > 1 or layers[0] != -1)
            if len(layers) == 1 and layers[0] == -1:
                hidden = result.last_hidden_state.float().numpy()
            else:
                states = result.hidden_states
                hidden = np.concatenate([states[k].float().numpy() for k in layers], axis=-1)
            mask = batch["attention_mask"].numpy().astype(bool)
            for row, i in enumerate(idx):
                keep = mask[row] & ~special[row]
                out[i] = PieceEmbeddings(
                    offsets=offsets[row][keep].astype(np.int64),
                    vectors=hidden[row][keep].astype(np.float32),
                )
    empty = np.zeros((0, hidden_size * len(layers)), dtype=np.float32)
    return [p if p is not None else PieceEmbeddings(np.zeros((0, 2), np.int64), empty) for p in out]


def _numpy_pass(
    model: Any, texts: Sequence[str], layers: Sequence[int]
) -> tuple[np.ndarray, list[PieceEmbeddings]]:
    """Sentence vectors and piece vectors from the numpy runtime's one pass (no torch)."""
    from summarize.encoder_pass import pieces_of

    vectors, states = model.encode_states(list(texts), layers=tuple(layers))
    return vectors, [pieces_of(state, tuple(layers)) for state in states]


def word_vectors(pieces: PieceEmbeddings, spans: Sequence[tuple[int, int]]) -> tuple[np.ndarray, np.ndarray]:
    """Mean piece vector for each (start, end) span of the encoded text.

    Returns (vectors (n, d), found (n,) bool); a span beyond the encoder's
    truncation has no pieces: its row is zero and ``found`` is False.
    """
    import numpy as np

    dim = pieces.vectors.shape[1]
    vectors = np.zeros((len(spans), dim), dtype=np.float32)
    found = np.zeros(len(spans), dtype=bool)
    if len(pieces.offsets) == 0:
        return vectors, found
    starts, ends = pieces.offsets[:, 0], pieces.offsets[:, 1]
    for k, (start, end) in enumerate(spans):
        overlap = (starts < end) & (ends > start) & (ends > starts)
        if overlap.any():
            vectors[k] = pieces.vectors[overlap].mean(axis=0)
            found[k] = True
    return vectors, found


def supports_joint_pass(model: Any) -> bool:
    """Whether ``encode_with_pieces`` can serve ``model`` (the lean reader with its pooling)."""
    return callable(getattr(model, "pool", None)) and getattr(model, "auto_model", None) is not None


def encode_with_pieces(
    model: Any, texts: Sequence[str], *, layers: Sequence[int], batch_size: int = 64
) -> tuple[np.ndarray, list[PieceEmbeddings]]:
    """Sentence embeddings AND piece vectors of ``texts`` in one forward pass per batch.

    The pooled vectors are computed exactly as ``LightSentenceEncoder.encode`` does (same
    unpadded batches, same pooling), so they equal its output; the pieces are the hidden
    ``layers`` of the same pass, which saves the word head's second pass over the same
    sentences.
    """
    if callable(getattr(model, "encode_states", None)):  # the numpy runtime: no torch
        return _numpy_pass(model, texts, layers)
    import numpy as np
    import torch

    from summarize.backends.light_encoder import batch_tensors, exact_length_batches, few_threads_for

    tokenizer, auto_model, max_length = transformer_parts(model)
    hidden_size = int(auto_model.config.hidden_size)
    vectors = np.zeros((len(texts), hidden_size), dtype=np.float32)
    empty = np.zeros((0, hidden_size * len(layers)), dtype=np.float32)
    out: list[PieceEmbeddings] = [PieceEmbeddings(np.zeros((0, 2), np.int64), empty)] * len(texts)
    if not texts:
        return vectors, out
    encoded = tokenizer(
        list(texts),
        truncation=True,
        max_length=max_length,
        return_offsets_mapping=True,
        return_special_tokens_mask=True,
    )
    with torch.inference_mode(), few_threads_for(encoded["input_ids"]):
        for idx in exact_length_batches([len(ids) for ids in encoded["input_ids"]], batch_size):
            batch = batch_tensors(encoded, idx)
            result = auto_model(**batch, output_hidden_states=True)
            vectors[idx] = model.pool(result.last_hidden_state, batch["attention_mask"]).float().numpy()
            states = result.hidden_states
            layered = np.concatenate([states[k].float().numpy() for k in layers], axis=-1)
            for row, i in enumerate(idx):
                keep = ~np.asarray(encoded["special_tokens_mask"][i], dtype=bool)
                out[i] = PieceEmbeddings(
                    offsets=np.asarray(encoded["offset_mapping"][i], dtype=np.int64)[keep],
                    vectors=layered[row][keep].astype(np.float32),
                )
    return vectors, out

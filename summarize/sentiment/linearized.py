"""Linearized occlusion: what removing a word does to the OTHER tokens' last-layer states.

Pooled occlusion takes a word's tokens out of the mean of the last-layer states and leaves
every other token's state as it was. Re-encoding the sentence without the word also
changes the others: in MiniLM's last block each token attends to the removed tokens, and
that attention is renormalised over the tokens left. This module estimates that change
to first order, from the one forward pass, for every word of every sentence at once:

- the last block's attention is recomputed from its input states (``layers[-2]`` of the
  pass), vectorised over the sentences; removing a word's tokens changes token t's
  attention mix exactly by ``(share_t * mix_t - sum_j∈word p_tj v_j) / (1 - share_t)``;
- the head's rating depends on token t's mix through the block's output projection and
  first layer norm (exact gradient per token) and, beyond that, through the feed-forward
  and second layer norm, taken here as their gain alone (the same for every token). A full
  backward pass through the feed-forward (bench/sentiment_explanations.py, "full-gradient")
  picks words no better and needs about 3x the work;
- removing one of a sentence's n tokens also shrinks its re-encoded rating toward zero by
  about ``DRIFT / n`` of itself (fitted by least squares to occlusion on the "choose" half of
  the bench's NYT sample), which no one-pass estimate sees.

bench/sentiment_explanations.py measures the words it picks against occlusion's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import NumpyBert, TokenStates

DRIFT = 1.1  # least squares on the bench's choose half: 1.11


@dataclass(frozen=True)
class LastBlock:
    """The parts of the encoder's last block the estimate reads (float32, from ``NumpyBert``)."""

    qkv: np.ndarray  # (d, 3d): query (pre-scaled), key, value side by side
    qkv_bias: np.ndarray
    out: np.ndarray  # (d, d) attention output projection
    out_bias: np.ndarray
    norm1_gain: np.ndarray
    norm2_gain: np.ndarray
    heads: int
    eps: float


def last_block(bert: NumpyBert) -> LastBlock:
    block = bert.blocks[-1]
    return LastBlock(
        qkv=block["qkv"],
        qkv_bias=block["qkv_bias"],
        out=block["out"],
        out_bias=block["out_bias"],
        norm1_gain=block["norm1"][0],
        norm2_gain=block["norm2"][0],
        heads=bert.heads,
        eps=bert.eps,
    )


def context_shifts(
    states: Sequence[TokenStates],
    members: Sequence[np.ndarray],
    block: LastBlock,
    rating_direction: np.ndarray,
) -> list[np.ndarray]:
    """First-order change of the head's rating from the other tokens, per word of each sentence.

    ``states[i]``: sentence i's tokens with ``layers[-2]`` (the last block's input) and
    ``layers[-1]``; ``members[i]``: (words, tokens) bool, the tokens of each word (a row may
    be empty, or all tokens: its shift is 0). ``rating_direction``: d rating / d sentence
    vector (the head's weights on the embedding, in raw units). Returns one (words,) float
    array per sentence. The sentences are computed together (one matrix product per weight
    matrix); the result does not depend on which sentences are computed together.
    """
    import numpy as np

    lengths = [len(s.offsets) for s in states]
    out = [np.zeros(len(m), dtype=np.float64) for m in members]
    if not any(len(m) for m in members) or sum(lengths) == 0:
        return out
    x = np.concatenate([np.asarray(s.layers[-2], dtype=np.float32) for s in states])
    d = x.shape[1]
    head_dim = d // block.heads
    qkv = x @ block.qkv
    qkv += block.qkv_bias
    probs: list[np.ndarray] = []
    mix = np.empty_like(x)
    row = 0
    for n in lengths:
        part = qkv[row : row + n].reshape(n, 3, block.heads, head_dim).transpose(1, 2, 0, 3)
        p = part[0] @ part[1].transpose(0, 2, 1)  # (head, token, key)
        p -= p.max(axis=-1, keepdims=True)
        np.exp(p, out=p)
        p /= p.sum(axis=-1, keepdims=True)
        probs.append(p)
        mix[row : row + n] = (p @ part[2]).transpose(1, 0, 2).reshape(n, d)
        row += n
    attended = mix @ block.out
    attended += block.out_bias
    attended += x
    gradient = _gradient_at_mix(attended, states, lengths, block, rating_direction)
    row = 0
    for i, n in enumerate(lengths):
        words = members[i]
        if len(words) and n:
            rows = slice(row, row + n)
            values = qkv[rows, 2 * d :].reshape(n, block.heads, head_dim).transpose(1, 0, 2)
            g = gradient[rows].reshape(n, block.heads, head_dim).transpose(1, 0, 2)
            m = mix[rows].reshape(n, block.heads, head_dim).transpose(1, 0, 2)
            out[i] = _word_shifts(probs[i], values, g, m, words)
        row += n
    return out


def _gradient_at_mix(
    attended: np.ndarray,
    states: Sequence[TokenStates],
    lengths: Sequence[int],
    block: LastBlock,
    rating_direction: np.ndarray,
) -> np.ndarray:
    """d rating / d (each token's attention mix), (tokens, d): the output projection and the first
    layer norm exactly, the feed-forward and second layer norm by their gain."""
    import numpy as np

    at_token = np.empty_like(attended)
    row = 0
    for state, n in zip(states, lengths, strict=True):
        if n:
            pooled = np.asarray(state.layers[-1], dtype=np.float64).mean(axis=0)
            length = max(float(np.linalg.norm(pooled)), 1e-12)
            unit = pooled / length
            # d rating / d (each token's output state): the mean and the unit length's Jacobian
            toward = (rating_direction - unit * (unit @ rating_direction)) / length / n
            at_token[row : row + n] = toward * block.norm2_gain * block.norm1_gain
        row += n
    centred = attended - attended.mean(axis=1, keepdims=True)
    spread = np.sqrt(np.einsum("ij,ij->i", centred, centred) / attended.shape[1] + block.eps)[:, None]
    unit_att = centred / spread
    g = at_token - at_token.mean(axis=1, keepdims=True)
    g -= unit_att * (np.einsum("ij,ij->i", at_token, unit_att)[:, None] / attended.shape[1])
    g /= spread
    gradient: np.ndarray = g @ block.out.T
    return gradient


def _word_shifts(
    probs: np.ndarray, values: np.ndarray, gradient: np.ndarray, mix: np.ndarray, words: np.ndarray
) -> np.ndarray:
    """One sentence: per word, sum over the other tokens of gradient · (change of their mix).

    ``probs`` (head, token, key); ``values``, ``gradient``, ``mix`` (head, token, head_dim);
    ``words`` (words, tokens) bool.
    """
    import numpy as np

    n = probs.shape[1]
    member = words.astype(probs.dtype)  # (words, tokens)
    on_values = gradient @ values.transpose(0, 2, 1)  # (head, token, key): g_t · v_j
    on_mix = np.einsum("htd,htd->ht", gradient, mix)  # g_t · mix_t
    share = probs @ member.T  # (head, token, word): attention on the word's tokens
    taken = (probs * on_values) @ member.T
    kept = np.maximum(1.0 - share, 1e-6)
    moved = ((share * on_mix[:, :, None] - taken) / kept).sum(axis=0)  # (token, word)
    removed = member.sum(axis=1)
    others = (moved * (1.0 - member.T)).sum(axis=0)
    full = (removed == 0) | (removed >= n)
    shifts = np.where(full, 0.0, others * n / np.maximum(n - removed, 1.0))
    return np.asarray(shifts, dtype=np.float64)

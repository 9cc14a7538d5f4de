"""A torch-free sentence encoder: a BERT forward pass in numpy, word pieces from `tokenizers`.

Reads a sentence-transformers folder (``config.json`` of a BERT model, ``model.safetensors``,
``tokenizer.json``, mean/cls/max pooling) such as the bundled all-MiniLM-L6-v2. Importing
numpy, tokenizers and safetensors costs ~0.2 s, against ~8 s for torch + transformers, and
the vectors match the sentence-transformers reference at cosine > 0.9999 (fp32 throughout;
``tests/backends/test_bert_numpy.py`` checks it on the real bundled encoder).

The texts of a call are packed: all their tokens form one matrix for the dense layers (no
padding, large matrix products), and only attention runs per text, on groups of texts of
the same length (contiguous once the texts are sorted by length). One pass gives the
sentence vectors and any hidden layers asked for, with each token's character offsets, so
framing's word head and sentiment's word contributions read the same pass.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.backends.light_encoder import PoolingSpec, read_pooling_spec

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_onnx import OrtBert
    from summarize.backends.bert_openvino import OvBert

TOKENS_PER_PASS = 4096  # packed tokens per forward pass: bounds the activations at ~25 MB
GELU_ROWS = 32  # GELU's ~20 elementwise passes over 32 rows at a time (~200 KB) stay in cache


@dataclass(frozen=True)
class TokenStates:
    """One text's tokens from one forward pass: offsets (n, 2) into the text (0, 0 for
    [CLS]/[SEP]), which tokens are special (n,), and the hidden ``layers`` asked for, each (n, d)."""

    offsets: np.ndarray
    special: np.ndarray
    layers: dict[int, np.ndarray]


def numpy_runtime_reads(folder: Path) -> bool:
    """Whether ``folder`` is a layout this runtime reads (a BERT sentence-transformers folder)."""
    config_file = folder / "config.json"
    if not (config_file.is_file() and (folder / "model.safetensors").is_file()):
        return False
    if not (folder / "tokenizer.json").is_file() or read_pooling_spec(folder) is None:
        return False
    config = json.loads(config_file.read_text())
    return bool(
        config.get("model_type") == "bert"
        and config.get("hidden_act", "gelu") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
    )


def _layer_norm(x: np.ndarray, gain: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    import numpy as np

    x = x - x.mean(axis=-1, keepdims=True)
    variance = np.einsum("ij,ij->i", x, x)[:, None] / x.shape[1]
    x *= 1.0 / np.sqrt(variance + eps)
    x *= gain
    x += bias
    return x


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, in place: erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7).

    numpy has no erf and scipy.special costs 0.4 s to import; this is as fast as scipy's.
    """
    import numpy as np

    f32 = np.float32
    z = np.abs(x)
    z *= f32(0.7071067811865476)
    t = z * f32(0.3275911)
    t += 1
    np.reciprocal(t, out=t)
    tail = t * f32(1.061405429)  # tail = 1 - erf(z), a polynomial in t times exp(-z^2)
    tail -= f32(1.453152027)
    tail *= t
    tail += f32(1.421413741)
    tail *= t
    tail -= f32(0.284496736)
    tail *= t
    tail += f32(0.254829592)
    tail *= t
    np.square(z, out=z)
    np.negative(z, out=z)
    np.exp(z, out=z)
    tail *= z
    tail *= f32(0.5)  # now the normal tail probability of |x|
    # Phi(x) = 1 - tail for x >= 0, tail for x < 0
    np.subtract(f32(1), tail, out=tail, where=x >= 0)
    x *= tail
    return x


@dataclass(frozen=True)
class BertShape:
    """A BERT model's sizes from its ``config.json`` (no weights read)."""

    hidden: int
    heads: int
    num_layers: int
    eps: float

    @classmethod
    def read(cls, folder: Path) -> BertShape:
        config = json.loads((folder / "config.json").read_text())
        return cls(
            hidden=int(config["hidden_size"]),
            heads=int(config["num_attention_heads"]),
            num_layers=int(config["num_hidden_layers"]),
            eps=float(config.get("layer_norm_eps", 1e-12)),
        )

    def layer_index(self, layer: int) -> int:
        """A hidden-states index as transformers counts them (0 = embeddings, -1 = last)."""
        return layer if layer >= 0 else self.num_layers + 1 + layer


class NumpyBert:
    """BERT weights as numpy arrays and the forward pass over packed token sequences."""

    def __init__(self, folder: Path) -> None:
        import numpy as np
        from safetensors.numpy import load_file

        self.shape = shape = BertShape.read(folder)
        self.hidden, self.heads = shape.hidden, shape.heads
        self.num_layers, self.eps = shape.num_layers, shape.eps
        weights = load_file(str(folder / "model.safetensors"))
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in weights else ""

        def w(name: str) -> np.ndarray:
            return np.asarray(weights[prefix + name], dtype=np.float32)

        def fused(att: str, kind: str) -> np.ndarray:  # query (pre-scaled), key, value side by side
            parts = [w(f"{att}self.{part}.{kind}") for part in ("query", "key", "value")]
            parts[0] = parts[0] * scale
            return np.concatenate(parts)

        self.word = w("embeddings.word_embeddings.weight")
        self.position = w("embeddings.position_embeddings.weight")
        self.token_type = w("embeddings.token_type_embeddings.weight")[0]
        self.embed_norm = (w("embeddings.LayerNorm.weight"), w("embeddings.LayerNorm.bias"))
        scale = np.float32(1.0 / np.sqrt(self.hidden // self.heads))  # folded into the query
        self.blocks: list[dict[str, Any]] = []
        for i in range(self.num_layers):
            p = f"encoder.layer.{i}."
            att = p + "attention."
            self.blocks.append(
                {
                    "qkv": np.ascontiguousarray(fused(att, "weight").T),
                    "qkv_bias": fused(att, "bias"),
                    "out": np.ascontiguousarray(w(att + "output.dense.weight").T),
                    "out_bias": w(att + "output.dense.bias"),
                    "norm1": (w(att + "output.LayerNorm.weight"), w(att + "output.LayerNorm.bias")),
                    "up": np.ascontiguousarray(w(p + "intermediate.dense.weight").T),
                    "up_bias": w(p + "intermediate.dense.bias"),
                    "down": np.ascontiguousarray(w(p + "output.dense.weight").T),
                    "down_bias": w(p + "output.dense.bias"),
                    "norm2": (w(p + "output.LayerNorm.weight"), w(p + "output.LayerNorm.bias")),
                }
            )

    def forward(self, ids: np.ndarray, lengths: Sequence[int], keep: set[int]) -> dict[int, np.ndarray]:
        """Hidden states (packed tokens, d) of the layers in ``keep`` (non-negative indices).

        ``ids``: the token ids of texts sorted by length, concatenated; ``lengths``: their
        token counts (non-decreasing), so texts of one length are contiguous rows.
        """
        x = self.embed(ids, lengths)
        kept = {0: x} if 0 in keep else {}
        kept.update(self.run_blocks(x, lengths, 0, keep))
        return kept

    def embed(self, ids: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
        """The embeddings layer (packed tokens, d): word + position + token type, layer-normed."""
        import numpy as np

        positions = np.concatenate([np.arange(n) for n in lengths])
        x = self.word[ids] + self.position[positions] + self.token_type
        return _layer_norm(x, *self.embed_norm, self.eps)

    def run_blocks(
        self, x: np.ndarray, lengths: Sequence[int], start: int, keep: set[int]
    ) -> dict[int, np.ndarray]:
        """Packed hidden states ``x`` (as after block ``start``, 0 = embeddings) through the blocks after it.

        Returns the layers in ``keep`` (non-negative indices above ``start``); ``lengths`` as
        for ``forward``.
        """
        import numpy as np

        kept: dict[int, np.ndarray] = {}
        groups = _same_length_blocks(lengths)
        head_dim = self.hidden // self.heads
        for depth, block in enumerate(self.blocks[start:], start=start + 1):
            qkv = x @ block["qkv"]
            qkv += block["qkv_bias"]
            context = np.empty_like(x)
            for first, count, n in groups:
                part = qkv[first : first + count * n].reshape(count, n, 3, self.heads, head_dim)
                part = part.transpose(2, 0, 3, 1, 4)  # (q/k/v, text, head, token, dim)
                scores = part[0] @ part[1].transpose(0, 1, 3, 2)
                scores -= scores.max(axis=-1, keepdims=True)
                np.exp(scores, out=scores)
                scores /= scores.sum(axis=-1, keepdims=True)
                mixed = (scores @ part[2]).transpose(0, 2, 1, 3)
                context[first : first + count * n] = mixed.reshape(count * n, self.hidden)
            attended = context @ block["out"]
            attended += block["out_bias"]
            attended += x
            x = _layer_norm(attended, block["norm1"][0], block["norm1"][1], self.eps)
            inner = x @ block["up"]
            inner += block["up_bias"]
            for lo in range(0, len(inner), GELU_ROWS):  # in blocks that stay in cache: 2x faster
                _gelu(inner[lo : lo + GELU_ROWS])
            out = inner @ block["down"]
            out += block["down_bias"]
            out += x
            x = _layer_norm(out, block["norm2"][0], block["norm2"][1], self.eps)
            if depth in keep:
                kept[depth] = x
        return kept


def _same_length_blocks(lengths: Sequence[int]) -> list[tuple[int, int, int]]:
    """(first packed row, number of texts, tokens per text) for each run of equal lengths."""
    blocks: list[tuple[int, int, int]] = []
    row = 0
    for n in lengths:
        if blocks and blocks[-1][2] == n:  # rows are packed in order, so the run is contiguous
            start, count, _ = blocks[-1]
            blocks[-1] = (start, count + 1, n)
        else:
            blocks.append((row, 1, n))
        row += n
    return blocks


class NumpySentenceEncoder:
    """Duck-types the parts of SentenceTransformer this project uses, without torch."""

    runtime = "numpy"

    def __init__(self, folder: Path, spec: PoolingSpec | None = None, forward: str = "numpy") -> None:
        """``forward``: "numpy", "onnx" (the forward pass on ONNX Runtime, ``bert_onnx``) or
        "openvino" (on OpenVINO, ``bert_openvino``)."""
        from tokenizers import Tokenizer

        spec = spec or read_pooling_spec(folder)
        if spec is None:
            raise ValueError(f"{folder}: no supported pooling layout")
        self.spec = spec
        self.max_seq_length = spec.max_seq_length
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        self.folder = folder
        self.shape = BertShape.read(folder)
        self._bert: NumpyBert | None = None
        # On ONNX Runtime the numpy weights are read only to build (and check) the cached graph:
        # a cold `summarize report` does not hold the model twice.
        self.runner: NumpyBert | OrtBert | OvBert
        if forward == "onnx":
            self.runner = _onnx_runner(folder, self)
        elif forward == "openvino":
            self.runner = _openvino_runner(self)
        else:
            self.runner = self.bert

    @property
    def bert(self) -> NumpyBert:
        """The numpy forward pass (its weights read on first use)."""
        if self._bert is None:
            self._bert = NumpyBert(self.folder)
        return self._bert

    def get_sentence_embedding_dimension(self) -> int:
        return self.shape.hidden

    def token_count(self, text: str) -> int:
        """Tokens of ``text`` with [CLS]/[SEP], not truncated."""
        self.tokenizer.no_truncation()
        try:
            return len(self.tokenizer.encode(text).ids)
        finally:
            self.tokenizer.enable_truncation(max_length=self.max_seq_length)

    def encode(self, texts: Sequence[str], batch_size: int = 64, **_: Any) -> np.ndarray:
        """Unit-length sentence vectors (the model's pooling), one row per text."""
        return self.encode_states(texts, layers=())[0]

    def encode_states(
        self, texts: Sequence[str], layers: Sequence[int] = (-1,)
    ) -> tuple[np.ndarray, list[TokenStates]]:
        """Sentence vectors and, from the same pass, each text's tokens with the hidden ``layers``."""
        import numpy as np

        dim = self.shape.hidden
        vectors = np.zeros((len(texts), dim), dtype=np.float32)
        empty = TokenStates(
            np.zeros((0, 2), np.int64), np.zeros(0, bool), {k: np.zeros((0, dim), np.float32) for k in layers}
        )
        states: list[TokenStates] = [empty] * len(texts)
        if not texts:
            return vectors, states
        encodings = self.tokenizer.encode_batch(list(texts))
        last = self.shape.num_layers
        wanted = {k: self.shape.layer_index(k) for k in layers}  # as asked -> index (-1 and 6 may coincide)
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for chunk in _token_chunks([len(encodings[i].ids) for i in order], TOKENS_PER_PASS):
            idx = [order[j] for j in chunk]
            lengths = [len(encodings[i].ids) for i in idx]
            ids = np.fromiter((t for i in idx for t in encodings[i].ids), dtype=np.int64, count=sum(lengths))
            hidden = self.runner.forward(ids, lengths, keep={last, *wanted.values()})
            row = 0
            for i, n in zip(idx, lengths, strict=True):
                vectors[i] = self.pool(hidden[last][row : row + n])
                if wanted:
                    copies = {index: hidden[index][row : row + n].copy() for index in set(wanted.values())}
                    states[i] = TokenStates(
                        offsets=np.asarray(encodings[i].offsets, dtype=np.int64),
                        special=np.asarray(encodings[i].special_tokens_mask, dtype=bool),
                        layers={k: copies[index] for k, index in wanted.items()},
                    )
                row += n
        return vectors, states

    def encode_from_layer(self, texts: Sequence[np.ndarray], layer: int) -> np.ndarray:
        """Unit-length sentence vectors of texts given as their tokens' hidden states at ``layer``.

        Runs only the blocks after ``layer`` (one block for -2). bench/sentiment_explanations.py
        uses it for "last-layer occlusion": the last block re-run on a sentence's states with a
        word's tokens taken out.
        """
        import numpy as np

        vectors = np.zeros((len(texts), self.shape.hidden), dtype=np.float32)
        if not texts:
            return vectors
        start, last = self.shape.layer_index(layer), self.shape.num_layers
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        lengths = [len(texts[i]) for i in order]
        packed = np.concatenate([np.asarray(texts[i], dtype=np.float32) for i in order])
        hidden = self.bert.run_blocks(packed, lengths, start, {last})[last] if start < last else packed
        row = 0
        for i, n in zip(order, lengths, strict=True):
            vectors[i] = self.pool(hidden[row : row + n])
            row += n
        return vectors

    def pool(self, tokens: np.ndarray) -> np.ndarray:
        import numpy as np

        if self.spec.mode == "cls":
            pooled = tokens[0]
        elif self.spec.mode == "max":
            pooled = tokens.max(axis=0)
        else:
            pooled = tokens.mean(axis=0)
        # Always unit length: Encoder.encode's contract (sentence-transformers' normalize_embeddings).
        unit: np.ndarray = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
        return unit


def _onnx_runner(folder: Path, encoder: NumpySentenceEncoder) -> OrtBert:
    from summarize.errors import ModelError

    try:
        from summarize.backends.bert_onnx import onnx_bert
    except ImportError:  # pragma: no cover - installed without its dependencies
        raise ModelError(
            'SUMMARIZE_ENCODER_RUNTIME=onnx needs ONNX Runtime: pip install -e ".[onnx]" '
            "(or unset SUMMARIZE_ENCODER_RUNTIME)"
        ) from None
    return onnx_bert(folder, encoder.shape, lambda: encoder.bert)


def _openvino_runner(encoder: NumpySentenceEncoder) -> OvBert:
    from summarize.errors import ModelError

    try:
        from summarize.backends.bert_openvino import openvino_bert
    except ImportError:  # pragma: no cover - installed without its dependencies
        raise ModelError(
            "SUMMARIZE_ENCODER_RUNTIME=openvino needs OpenVINO, a dependency of summarize: "
            "pip install -c constraints.txt -e . (or set SUMMARIZE_ENCODER_RUNTIME=numpy)"
        ) from None
    return openvino_bert(encoder.bert)


def _token_chunks(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Consecutive positions grouped so each group's tokens stay within ``budget`` (at least one)."""
    chunks: list[list[int]] = [[]]
    total = 0
    for j, n in enumerate(lengths):
        if chunks[-1] and total + n > budget:
            chunks.append([])
            total = 0
        chunks[-1].append(j)
        total += n
    return chunks

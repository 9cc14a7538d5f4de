"""The numpy runtime's BERT forward pass, run by OpenVINO: bf16 matrix products where the CPU has them.

A batch on a CPU with bf16 matrix units runs the torch-free encoder's forward pass here
(``encoder.encoder_runtime``; ``SUMMARIZE_ENCODER_RUNTIME=openvino`` asks for it anywhere);
everything around it (tokens, packing, pooling, token states) is the numpy runtime's. The
graph is built in memory from the numpy runtime's own weights (``bert_numpy.NumpyBert``, read
from the verified safetensors; no file is derived or cached) and checked against the numpy
forward pass before first use.

On CPUs with bfloat16 matrix units (Intel AMX, or AVX-512 BF16) OpenVINO runs the matrix
products in bf16 with fp32 accumulation (its default "inference precision" there); layer
norms, softmax and GELU stay fp32. Elsewhere it runs fp32. bench/encoder_openvino_parity.py
measures the analyses' figures against numpy in one run (issue 15's bars) and the speed.

Texts are padded to a multiple of PAD_TO tokens and the padding is masked out of attention
(``_calls``), so a text's states do not depend on what it is run with.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import NumpyBert

ROWS_PER_RUN = 1024  # tokens per inference call (texts x padded length): ~6 MB intermediates
PAD_TO = 16  # tokens: each text is padded (and masked) to a multiple of this
RUNTIME_CACHE_SHAPES = 64  # compiled shapes OpenVINO keeps (see OvBert)
# Every token state of every layer against numpy's, on bert_onnx.PROBES. bf16 products give
# 0.9999 on the NYT sentences' vectors; a broken build gives far less.
MIN_COSINE = 0.995


def build_model(bert: NumpyBert) -> Any:
    """The OpenVINO model of ``bert``'s blocks: the embeddings (texts, length, d) in, as the
    numpy runtime computes them (a table lookup: no product to speed up, and the table stays
    in one copy), and every block's output (texts, length, d) out, ``layer1`` to ``layerN``."""
    import numpy as np
    import openvino as ov
    import openvino.opset13 as ops

    hidden, heads = bert.hidden, bert.heads
    head_dim = hidden // heads
    embeddings = ops.parameter([-1, -1, hidden], ov.Type.f32, name="embeddings")
    # 0 for a text's tokens, -inf for the padding after them: (texts, 1, 1, length) on the scores
    padding = ops.parameter([-1, 1, 1, -1], ov.Type.f32, name="padding")
    last_axis = ops.constant(np.array([-1], dtype=np.int64))

    def layer_norm(x: Any, gain_bias: tuple[np.ndarray, np.ndarray]) -> Any:
        normed = ops.mvn(x, last_axis, True, bert.eps, "inside_sqrt")
        return ops.add(ops.multiply(normed, ops.constant(gain_bias[0])), ops.constant(gain_bias[1]))

    def dense(x: Any, weight: np.ndarray, bias: np.ndarray) -> Any:
        matrix = ops.constant(weight, shared_memory=True)
        return ops.add(ops.matmul(x, matrix, False, False), ops.constant(bias))

    def axes(*order: int) -> Any:
        return ops.constant(np.array(order, dtype=np.int64))

    def index(j: int) -> Any:
        return ops.constant(np.array(j, dtype=np.int64))

    zero = index(0)
    split_shape = axes(0, 0, 3, heads, head_dim)
    merge_shape = axes(0, 0, hidden)
    x = embeddings
    results = []
    for depth, block in enumerate(bert.blocks, start=1):
        qkv = ops.reshape(dense(x, block["qkv"], block["qkv_bias"]), split_shape, True)
        qkv = ops.transpose(qkv, axes(2, 0, 3, 1, 4))  # (q/k/v, text, head, token, dim)
        query, key, value = (ops.gather(qkv, index(j), zero) for j in range(3))
        probs = ops.softmax(ops.add(ops.matmul(query, key, False, True), padding), -1)
        mixed = ops.transpose(ops.matmul(probs, value, False, False), axes(0, 2, 1, 3))
        attended = ops.add(dense(ops.reshape(mixed, merge_shape, True), block["out"], block["out_bias"]), x)
        x = layer_norm(attended, block["norm1"])
        inner = ops.gelu(dense(x, block["up"], block["up_bias"]), "erf")
        x = layer_norm(ops.add(dense(inner, block["down"], block["down_bias"]), x), block["norm2"])
        result = ops.result(x)
        result.output(0).get_tensor().set_names({f"layer{depth}"})
        results.append(result)
    return ov.Model(results, [embeddings, padding], "bert")


class OvBert:
    """``NumpyBert.forward`` on OpenVINO: the same packed inputs and outputs."""

    def __init__(self, bert: NumpyBert, threads: int = 1) -> None:
        import openvino as ov

        config = {
            "INFERENCE_NUM_THREADS": threads,
            "NUM_STREAMS": 1,
            "PERFORMANCE_HINT": "LATENCY",
            # Threads not pinned to cores: batch workers share the machine's cores.
            "ENABLE_CPU_PINNING": False,
            # Compiled kernels kept per input shape (texts x padded length). Exact shapes (hundreds
            # a batch) and the default 5,000 grew an encoder process by ~150 MB; with PAD_TO = 16
            # and 64 shapes it holds ~30 MB less than with PAD_TO = 8 and 200, at the same CPU.
            "CPU_RUNTIME_CACHE_CAPACITY": RUNTIME_CACHE_SHAPES,
        }
        self.compiled = ov.Core().compile_model(build_model(bert), "CPU", config)
        self.request = self.compiled.create_infer_request()
        self.num_layers = bert.num_layers
        self.precision = self.compiled.get_property("INFERENCE_PRECISION_HINT").to_string()  # "bf16", "f32"
        self.label = f"OpenVINO, {self.precision} products"  # for provenance
        self._outputs = {k: self.compiled.output(f"layer{k}") for k in range(1, bert.num_layers + 1)}
        self.bert = bert

    def forward(self, ids: np.ndarray, lengths: Sequence[int], keep: set[int]) -> dict[int, np.ndarray]:
        import numpy as np

        x = self.bert.embed(ids, lengths)
        kept = {0: x} if 0 in keep else {}
        wanted = sorted(keep - {0})
        out = {k: np.empty_like(x) for k in wanted}
        starts = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        for texts, width in _calls(lengths):
            embeddings = np.zeros((len(texts), width, x.shape[1]), dtype=np.float32)
            padding = np.full((len(texts), 1, 1, width), -np.inf, dtype=np.float32)
            for row, i in enumerate(texts):
                n = lengths[i]
                embeddings[row, :n] = x[starts[i] : starts[i] + n]
                padding[row, 0, 0, :n] = 0.0
            got = self.request.infer({"embeddings": embeddings, "padding": padding})
            for k in wanted:
                states = got[self._outputs[k]]
                for row, i in enumerate(texts):
                    out[k][starts[i] : starts[i] + lengths[i]] = states[row, : lengths[i]]
        kept.update(out)
        return kept


def _calls(lengths: Sequence[int]) -> list[tuple[list[int], int]]:
    """The inference calls for texts of ``lengths`` (non-decreasing): (which texts, padded width).

    A text's tokens are padded to a multiple of PAD_TO, and each call takes a power of two of
    texts of one width: the few shapes that recur keep OpenVINO's compiled kernels in its
    caches, where exact shapes (hundreds per batch) cost a third more CPU or ~150 MB.
    """
    calls: list[tuple[list[int], int]] = []
    by_width: dict[int, list[int]] = {}
    for i, n in enumerate(lengths):
        by_width.setdefault(-(-n // PAD_TO) * PAD_TO, []).append(i)
    for width, texts in by_width.items():
        most = max(1, ROWS_PER_RUN // width)
        most = 1 << (most.bit_length() - 1)  # a power of two
        lo = 0
        while lo < len(texts):
            left = len(texts) - lo
            rows = most if left >= most else 1 << (left.bit_length() - 1)
            calls.append((texts[lo : lo + rows], width))
            lo += rows
    return calls


def openvino_bert(bert: NumpyBert) -> OvBert:
    """OpenVINO for ``bert``'s weights, checked against its numpy forward pass."""
    from summarize.backends.bert_onnx import _threads, probe_cosine
    from summarize.errors import ModelError

    runner = OvBert(bert, _threads())
    cosine = probe_cosine(bert, runner)
    if cosine < MIN_COSINE:
        raise ModelError(
            f"the OpenVINO encoder disagrees with the numpy runtime (token cosine {cosine:.4f} < "
            f"{MIN_COSINE}); unset SUMMARIZE_ENCODER_RUNTIME to use the numpy runtime"
        )
    return runner

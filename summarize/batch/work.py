"""What a worker does to one article: read and split it; later, run the analyses.

Both steps are plain functions of picklable data so they run the same in a process
pool, inline, or in a Ray actor. The encoder is not here: the runner computes the
sentence embeddings of many articles in one batch and hands them in.
"""

from __future__ import annotations

import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from summarize.batch.items import BatchItem
from summarize.batch.records import Finished, content_hash, error_record, finish, result_record
from summarize.errors import SummarizeError
from summarize.settings import Settings

if TYPE_CHECKING:
    import numpy as np

    from summarize.document import Document

# Articles without a Source field of their own take these from a JSONL/CSV row.
SOURCE_FIELDS = ("title", "date", "author")


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    settings: Settings
    max_chars: int


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article read and split (``doc``), or the record of why it could not be."""

    item: BatchItem
    doc: Document | None
    sha: str | None
    read_seconds: float
    failed: Finished | None = None


_CONFIG: WorkerConfig | None = None


def init_worker(config: WorkerConfig, ignore_sigint: bool = True) -> None:
    """Pool initializer. Ctrl-C is the main process's to handle: it stops cleanly."""
    global _CONFIG
    _CONFIG = config
    if ignore_sigint:  # a pool worker process
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # The main process's encoder and the other workers share the cores: one torch thread
        # each avoids oversubscription (set before torch is imported in this process).
        for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")


def prepare(item: BatchItem, config: WorkerConfig | None = None) -> Prepared:
    config = config or _config()
    if item.error is not None:
        return Prepared(item, None, None, 0.0, _error(item, item.error))
    started = time.perf_counter()
    try:
        doc = read_item(item, config.max_chars)
    except SummarizeError as exc:
        return Prepared(item, None, None, 0.0, _error(item, exc.message))
    except Exception as exc:  # a bug on one article must not stop the batch
        return Prepared(item, None, None, 0.0, _error(item, _internal(exc)))
    return Prepared(item, doc, content_hash(doc.text), time.perf_counter() - started)


def analyse(
    prepared: Prepared,
    vectors: np.ndarray | None,
    encoder: tuple[str, str] | None,
    config: WorkerConfig | None = None,
) -> Finished:
    """Run the analyses on a prepared article (embeddings given) into its finished record."""
    from summarize.context import Context
    from summarize.pipeline import run_analyses

    config = config or _config()
    item, doc = prepared.item, prepared.doc
    assert doc is not None and prepared.sha is not None
    ctx = Context(settings=config.settings)
    if vectors is not None:
        ctx.put_embeddings(doc, vectors, encoder=encoder)
    try:
        report = run_analyses(doc, ctx)
    except SummarizeError as exc:
        return _error(item, f"{item.input}: {exc.message}")
    except Exception as exc:
        return _error(item, f"{item.input}: {_internal(exc)}")
    report.provenance.timings = {"read": prepared.read_seconds, **report.provenance.timings}
    return finish(result_record(item.id, item.input, prepared.sha, item.metadata, report.to_dict()))


def read_item(item: BatchItem, max_chars: int) -> Document:
    from summarize.document import Source
    from summarize.inputs.read import document_from_text, read_path

    if item.path is not None:
        return read_path(Path(item.path), max_chars=max_chars)
    extra = {
        k: str(item.metadata[k]) for k in SOURCE_FIELDS if item.metadata.get(k) not in (None, "")
    }
    source = Source(kind="text", location=item.input, **extra)
    return document_from_text(item.text or "", source, max_chars=max_chars)


def _error(item: BatchItem, message: str) -> Finished:
    return finish(error_record(item.id, item.input, message, item.metadata))


def _internal(exc: Exception) -> str:
    return f"internal error: {type(exc).__name__}: {exc}"


def _config() -> WorkerConfig:
    if _CONFIG is None:
        raise RuntimeError("worker not initialised: call init_worker first")
    return _CONFIG


def needs_embeddings(settings: Settings) -> bool:
    """Whether the chosen analyses read sentence embeddings (so the runner should batch them).

    The encoder's registry entry lists the jobs it serves; sentiment uses it only with the
    minilm backend.
    """
    from summarize.backends.registry import get_entry

    entry = get_entry(settings.summary.encoder)
    jobs: tuple[str, ...] = entry.jobs if entry is not None else ("summary", "sentiment", "framing")
    wanted = set(settings.analyses) & set(jobs)
    if "sentiment" in wanted and settings.sentiment.backend != "minilm":
        wanted.discard("sentiment")
    return bool(wanted)


def encode_batch(
    docs: list[Document], settings: Settings
) -> tuple[list[np.ndarray], tuple[str, str]]:
    """Sentence embeddings of many documents in one encoder call (sorted by length inside)."""
    from summarize.backends.encoder import load_encoder

    encoder = load_encoder(settings.summary.encoder)
    texts = [s.text for doc in docs for s in doc.sentences]
    vectors = encoder.encode(texts)
    out: list[Any] = []
    start = 0
    for doc in docs:
        end = start + len(doc.sentences)
        out.append(vectors[start:end])
        start = end
    return out, (encoder.id, encoder.source)

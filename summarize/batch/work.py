"""What a worker does to one article: read and split it; later, run the analyses.

Both steps are plain functions of picklable data so they run the same in a process
pool, inline, or in a Ray actor. Analyses run on a chunk of articles at a time, so the
encoder work of the whole chunk is batched across its articles (``batch.encoding``).
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.batch.items import BatchItem
from summarize.batch.records import Finished, content_hash, error_record, finish, result_record
from summarize.errors import SummarizeError
from summarize.settings import Settings

if TYPE_CHECKING:
    from summarize.context import Context
    from summarize.document import Document

# Articles without a Source field of their own take these from a JSONL/CSV row.
SOURCE_FIELDS = ("title", "date", "author")


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    settings: Settings  # its input limits (max_chars) apply to every article
    # torch intra-op threads of a pool worker (0: torch's default). Two processes with one
    # thread each beat one process with two on 2 cores: small matmuls scale badly.
    torch_threads: int = 1


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article read and split (``doc``), or the record of why it could not be."""

    item: BatchItem
    doc: Document | None
    sha: str | None
    read_seconds: float
    failed: Finished | None = None


_CONFIG: WorkerConfig | None = None


def init_worker(config: WorkerConfig, ignore_sigint: bool = True, parent: int | None = None) -> None:
    """Pool initializer. Ctrl-C is the main process's to handle: it stops cleanly.

    ``parent`` is the batch process's pid, taken when the pool was made: a worker still
    starting up when the batch process died must not mistake its new parent for it.
    """
    global _CONFIG
    _CONFIG = config
    if ignore_sigint:  # a pool worker process
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # The workers share the cores: a fixed number of torch threads each avoids
        # oversubscription (set before torch is imported in this process).
        if config.torch_threads > 0:
            for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
                os.environ.setdefault(name, str(config.torch_threads))
        exit_with_parent(parent)
    limit_native_caches()


PARENT_CHECK_SECONDS = 1.0


def exit_with_parent(parent: int | None = None, every: float = PARENT_CHECK_SECONDS) -> threading.Thread:
    """End this worker when the batch process that started it is gone.

    A pool worker holds both ends of its task queue, so it never sees the queue close: when
    the batch process was killed (``kill``, SIGKILL, a closed terminal), its workers waited
    forever, each holding its ~1 GB. A daemon thread notices the new parent and exits; the
    article in flight is lost, as the resume contract allows.
    """
    parent = os.getppid() if parent is None else parent

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)  # no cleanup to do: records are written by the batch process only

    watcher = threading.Thread(target=watch, name="exit-with-parent", daemon=True)
    watcher.start()
    return watcher


# oneDNN keeps one compiled kernel per matrix shape it has seen, 1024 by default. Unpadded
# batches give a new shape per (texts, tokens) pair, so a long-running worker filled the
# cache with ~300 MB of kernels; 64 cost no measurable CPU on the bench corpus.
ONEDNN_CACHE_CAPACITY = "64"


def limit_native_caches() -> None:
    """Cap oneDNN's kernel cache (read when torch first creates a kernel, so call early)."""
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", ONEDNN_CACHE_CAPACITY)


def release_memory() -> None:
    """Hand freed heap back to the OS after a chunk (glibc keeps it otherwise).

    Measured on a worker over 100 SummEval articles: resident memory 1,360-1,480 MB without,
    ~800 MB with this and the kernel cache cap, at the same CPU time. Not glibc: nothing to do.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, looked up once (``find_library`` runs ``ldconfig``), or None."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


def prepare(item: BatchItem, config: WorkerConfig | None = None) -> Prepared:
    config = config or _config()
    if item.error is not None:
        return Prepared(item, None, None, 0.0, _error(item, item.error))
    started = time.perf_counter()
    try:
        doc = read_item(item, config.settings.input.max_chars)
    except SummarizeError as exc:
        return Prepared(item, None, None, 0.0, _error(item, exc.message))
    except Exception as exc:  # a bug on one article must not stop the batch
        return Prepared(item, None, None, 0.0, _error(item, _internal(exc)))
    return Prepared(item, doc, content_hash(doc.text), time.perf_counter() - started)


def analyse_chunk(prepared: list[Prepared], config: WorkerConfig | None = None) -> list[Finished]:
    """Run the analyses on prepared articles, the encoder work batched across all of them."""
    from summarize.batch.encoding import needs_encoder, prefill_contexts
    from summarize.context import Context

    config = config or _config()
    contexts = [Context(settings=config.settings) for _ in prepared]
    if needs_encoder(config.settings) and prepared:
        ready = [(p.doc, ctx) for p, ctx in zip(prepared, contexts, strict=True) if p.doc is not None]
        try:
            prefill_contexts([doc for doc, _ in ready], [ctx for _, ctx in ready], config.settings)
        except Exception:  # e.g. the encoder cannot load: each article reports it on its own
            contexts = [Context(settings=config.settings) for _ in prepared]
    finished = [analyse(p, ctx, config) for p, ctx in zip(prepared, contexts, strict=True)]
    del contexts  # the chunk's embeddings and token vectors: free them before trimming
    release_memory()
    return finished


def analyse(prepared: Prepared, ctx: Context | None = None, config: WorkerConfig | None = None) -> Finished:
    """Run the analyses on one prepared article into its finished record.

    ``ctx`` may carry encoder output computed for it in advance (``prefill_contexts``).
    """
    from summarize.context import Context
    from summarize.pipeline import run_analyses

    config = config or _config()
    item, doc = prepared.item, prepared.doc
    assert doc is not None and prepared.sha is not None
    ctx = ctx or Context(settings=config.settings)
    try:
        report = run_analyses(doc, ctx)
    except SummarizeError as exc:
        return _error(item, f"{item.input}: {exc.message}")
    except Exception as exc:
        return _error(item, f"{item.input}: {_internal(exc)}")
    report.provenance.timings = {"read": prepared.read_seconds, **report.provenance.timings}
    return finish(result_record(item.id, item.input, prepared.sha, item.metadata, report.to_dict()), report)


def read_item(item: BatchItem, max_chars: int) -> Document:
    from summarize.document import Source
    from summarize.inputs.read import document_from_text, read_path

    if item.path is not None:
        return read_path(Path(item.path), max_chars=max_chars)
    extra = {k: str(item.metadata[k]) for k in SOURCE_FIELDS if item.metadata.get(k) not in (None, "")}
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

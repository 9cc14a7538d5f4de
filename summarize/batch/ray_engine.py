"""`--engine ray`: the same pipeline on a Ray cluster through Ray Data.

The driver (this process) finds the articles, skips those already in RESULTS and writes
records, exactly as the local engine does. The work goes through
``Dataset.map_batches`` to a pool of actors (``RayAnalyser``), each of which loads the
encoder once and, per batch of articles, reads and splits them, runs all their encoder
work batched across the batch (``batch.encoding``) and then the analyses.

Streaming: the driver feeds Ray one chunk of ``chunk_articles`` items at a time (a Ray
dataset needs its items up front), so driver memory stays bounded; each chunk starts a
fresh actor pool, which reloads the model, so chunks are large.

Duplicates: actors do not share state, so repeated texts are analysed and the driver
turns every later one into a duplicate record when writing, as the local engine would.
Records come back in input order (``preserve_order``), so both engines write the same
records in the same order.

Ray is optional: ``pip install 'summarize[ray]'``.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from summarize.batch.items import BatchItem
from summarize.batch.records import Finished, duplicate_record, finish
from summarize.batch.runner import (
    BatchOptions,
    BatchStats,
    Progress,
    Recorder,
    StopOnInterrupt,
    pending_items,
)
from summarize.batch.work import WorkerConfig, analyse_chunk, limit_native_caches, prepare
from summarize.batch.writers import ResultWriter
from summarize.errors import UsageError

DEFAULT_CHUNK_ARTICLES = 4096


class RayAnalyser:
    """A Ray Data actor: holds the settings and the loaded encoder for its lifetime."""

    def __init__(self, config: WorkerConfig) -> None:
        from summarize.batch.encoding import needs_encoder

        limit_native_caches()
        self.config = config
        if needs_encoder(config.settings):
            from summarize.backends.encoder import load_encoder

            load_encoder(config.settings.encoder, purpose="batch")  # once per actor

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        items = [BatchItem(**json.loads(raw)) for raw in batch["item"]]
        prepared = [prepare(item, self.config) for item in items]
        ready = [p for p in prepared if p.failed is None and p.doc is not None]
        analysed = iter(analyse_chunk(ready, self.config))  # encoder work batched across the batch
        done = [p.failed if p.failed is not None else next(analysed) for p in prepared]
        return {"finished": [json.dumps(dataclasses.asdict(f), ensure_ascii=False) for f in done]}


def run_ray(
    items: Iterable[BatchItem],
    writer: ResultWriter,
    options: BatchOptions,
    progress: Progress | None = None,
    *,
    address: str | None = None,
    chunk_articles: int = DEFAULT_CHUNK_ARTICLES,
) -> BatchStats:
    import time

    ray = _import_ray()
    progress = progress or Progress()
    stats = BatchStats()
    started = time.perf_counter()
    we_started = _start_ray(ray, address, options)
    config = WorkerConfig(settings=options.settings)
    actors = max(1, options.workers) if not address else max(1, int(ray.cluster_resources().get("CPU", 1)))
    recorder = Recorder(writer, stats, progress)
    source = pending_items(items, writer, options, stats, progress)
    # Ray's iterator blocks: a second signal, or the end of the grace period, interrupts it.
    stop = StopOnInterrupt(on_signal=progress.stopping, interrupt_work=True)
    taken = 0
    exhausted = False
    try:
        stop.__enter__()
        while not stop:
            chunk = list(islice(source, chunk_articles))
            taken += len(chunk)
            if not chunk:
                exhausted = True
                break
            _write_chunk(_run_chunk(ray, chunk, config, options, actors), recorder, stop, options)
    except KeyboardInterrupt:
        if not stop:
            raise
    finally:
        stop.settle()
        stats.note_stop(stop, finished_all=exhausted and stats.done == taken)
        writer.close()
        if we_started:
            ray.shutdown()
        stop.__exit__()
        stats.seconds = time.perf_counter() - started
    return stats


def _start_ray(ray: Any, address: str | None, options: BatchOptions) -> bool:
    """Start (or join) Ray unless this process already did; True when this call started it."""
    if ray.is_initialized():
        return False
    import logging

    ray.init(
        address=address,
        num_cpus=None if address else max(options.workers, 1),
        include_dashboard=False,
        log_to_driver=False,
        logging_level=logging.WARNING,
    )
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.WARNING)
    return True


def _write_chunk(
    results: Iterable[Finished], recorder: Recorder, stop: StopOnInterrupt, options: BatchOptions
) -> None:
    """Write a chunk's records in input order, later copies of a text as duplicates of the first."""
    first_by_hash = recorder.writer.existing.hashes
    for finished in results:
        if stop.must_stop_now():
            break
        if finished.kind == "ok" and finished.content_sha256 is not None and options.dedupe:
            first = first_by_hash.setdefault(finished.content_sha256, finished.id)
            if first != finished.id:
                finished = _as_duplicate(finished, first)
        with stop.protect():
            recorder.write(finished)


def _run_chunk(
    ray: Any, chunk: list[BatchItem], config: WorkerConfig, options: BatchOptions, actors: int
) -> Iterator[Finished]:
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    rows = [{"item": json.dumps(dataclasses.asdict(item), ensure_ascii=False)} for item in chunk]
    dataset = ray.data.from_items(rows, override_num_blocks=max(1, len(rows) // options.batch_articles))
    results = dataset.map_batches(
        RayAnalyser,
        fn_constructor_args=(config,),
        batch_size=options.batch_articles,
        batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=min(actors, max(1, len(rows) // options.batch_articles))),
        num_cpus=1,
    )
    for row in results.iter_rows():
        yield Finished(**json.loads(row["finished"]))


def _as_duplicate(finished: Finished, first: str) -> Finished:
    record = json.loads(finished.line)
    return finish(
        duplicate_record(finished.id, record["input"], record["content_sha256"], record["metadata"], first)
    )


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError:
        raise UsageError(
            "--engine ray needs Ray: pip install 'summarize[ray]' (or use the default --engine local)"
        ) from None
    return ray

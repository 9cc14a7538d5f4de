"""The local batch engine: a bounded stream through a process pool.

Per round of ``batch_articles`` articles:

1. worker processes read and split articles (a window of them is always queued, so the
   workers stay busy);
2. the main process takes the prepared articles in input order and drops those already
   done or whose text was seen before (content hash);
3. the rest go to one worker as one chunk: it runs all their encoder work batched across
   the chunk (``batch.encoding``: sentences, token vectors and sentiment's occlusion
   variants, sorted by length) and then the analyses, and returns finished records;
4. the main process writes records in input order as they finish.

The main process never loads the model; each worker loads it once. At most ``window``
articles are being prepared and a few chunks are in flight, and the workers are replaced
every ``recycle_after`` articles (their native heap creeps), so memory stays flat however
long the corpus is.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from summarize.batch.items import BatchItem
from summarize.batch.records import Finished, duplicate_record, finish
from summarize.batch.work import (
    Prepared,
    WorkerConfig,
    analyse_chunk,
    init_worker,
    prepare,
)
from summarize.batch.writers import ResultWriter
from summarize.errors import ExitCode
from summarize.inputs.read import DEFAULT_MAX_CHARS
from summarize.settings import Settings

DEFAULT_RECYCLE_AFTER = 1000


@dataclass(frozen=True, slots=True)
class BatchOptions:
    settings: Settings = field(default_factory=Settings)
    workers: int = 0  # worker processes; 0 runs everything in this process
    max_chars: int = DEFAULT_MAX_CHARS
    batch_articles: int = 32  # articles whose sentences are encoded together
    dedupe: bool = True  # record repeated texts as duplicates instead of analysing them again
    retry_errors: bool = False  # rerun ids whose only record in RESULTS is an error
    # Replace the worker processes after this many analysed articles (0: never). A worker's
    # native heap creeps ~50 MB per 1,000 articles whatever we free (docs/batch.md); fresh
    # workers keep a 100,000-article run at the memory of a 1,000-article one.
    recycle_after: int = DEFAULT_RECYCLE_AFTER


@dataclass
class BatchStats:
    ok: int = 0
    duplicates: int = 0
    errors: int = 0
    skipped: int = 0  # already in RESULTS
    duplicate_ids: list[str] = field(default_factory=list)  # ids given twice: only the first runs
    seconds: float = 0.0
    stop_signal: int | None = None  # the signal that stopped the run (SIGINT or SIGTERM)

    @property
    def interrupted(self) -> bool:
        return self.stop_signal is not None

    @property
    def done(self) -> int:
        return self.ok + self.duplicates + self.errors

    def count(self, finished: Finished) -> None:
        if finished.kind == "ok":
            self.ok += 1
        elif finished.kind == "duplicate":
            self.duplicates += 1
        else:
            self.errors += 1

    def exit_code(self) -> ExitCode:
        if self.interrupted:
            return ExitCode.TERMINATED if self.stop_signal == signal.SIGTERM else ExitCode.INTERRUPTED
        if self.errors == 0:
            return ExitCode.OK
        if self.ok + self.duplicates == 0:
            return ExitCode.BATCH_FAILED
        return ExitCode.BATCH_PARTIAL


class Progress:
    """What the runner reports as it goes; the CLI plugs in a rich progress bar."""

    def advance(self, finished: Finished) -> None: ...

    def skip(self) -> None: ...


def pending_items(
    items: Iterable[BatchItem], writer: ResultWriter, options: BatchOptions, stats: BatchStats,
    progress: Progress,
) -> Iterator[BatchItem]:
    """The items still to do: not in RESULTS (unless retried errors), each id once."""
    seen: set[str] = set()
    existing = writer.existing
    for item in items:
        if item.id in existing.ids and not (
            options.retry_errors and item.id in existing.error_ids
        ):
            stats.skipped += 1
            progress.skip()
            continue
        if item.id in seen:
            stats.duplicate_ids.append(item.id)
            progress.skip()
            continue
        seen.add(item.id)
        yield item


class InlineExecutor(Executor):
    """Runs each task at once in this process (``workers=0``): same code path, no pool."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future


def make_executor(options: BatchOptions) -> Executor:
    # One torch thread per worker, also with -j 1: measured on the shared 2-core machine, a
    # worker with 2 threads spent ~2x the CPU per article of one with 1 (threads waiting at
    # each op's barrier spin when the machine is loaded), for no gain in wall time.
    config = WorkerConfig(settings=options.settings, max_chars=options.max_chars, torch_threads=1)
    if options.workers <= 0:
        init_worker(config, ignore_sigint=False)
        return InlineExecutor()
    import multiprocessing

    # spawn, not fork: the main process may already hold torch's thread pools.
    return ProcessPoolExecutor(
        max_workers=options.workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=init_worker,
        initargs=(config, True, os.getpid()),
    )


class StopOnInterrupt:
    """Turn Ctrl-C and SIGTERM into a flag checked between records, so no write is ever cut short.

    SIGTERM is what schedulers (SLURM at a time limit, systemd, Kubernetes) send before
    SIGKILL: the run stops as on Ctrl-C, and a rerun resumes it.
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested = threading.Event()
        self.signal: int | None = None  # the first stop signal received
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopOnInterrupt:
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._stop)
        return self

    def _stop(self, signum: int, _frame: object) -> None:
        if self.signal is None:
            self.signal = signum
        self.requested.set()

    def __exit__(self, *exc: object) -> None:
        for sig, previous in self._previous.items():
            signal.signal(sig, previous)
        self._previous.clear()

    def __bool__(self) -> bool:
        return self.requested.is_set()


def run_local(
    items: Iterable[BatchItem],
    writer: ResultWriter,
    options: BatchOptions,
    progress: Progress | None = None,
) -> BatchStats:
    progress = progress or Progress()
    stats = BatchStats()
    started = time.perf_counter()
    executor = make_executor(options)
    window = max(2 * options.batch_articles, 4 * max(options.workers, 1))
    chunks_in_flight = 2 * max(options.workers, 1)  # each worker busy, one more queued
    first_by_hash = writer.existing.hashes  # content sha256 -> first id with that text
    source = pending_items(items, writer, options, stats, progress)
    preparing: deque[Future[Prepared]] = deque()
    # One entry per round, in input order: its records (failed, duplicate, or a slot for the
    # chunk's result) and the future of the analysed chunk.
    writing: deque[tuple[list[Finished | None], Future[list[Finished]]]] = deque()

    def fill() -> bool:
        """Keep ``window`` articles queued for preparation; False once the input is used up."""
        while len(preparing) < window:
            item = next(source, None)
            if item is None:
                return False
            preparing.append(executor.submit(prepare, item))
        return True

    def write_ready(block_above: int) -> None:
        """Write finished rounds at the head, in order; wait while more than ``block_above``."""
        while writing and (writing[0][1].done() or (len(writing) > block_above and not stop)):
            slots, chunk = writing.popleft()
            analysed = iter(chunk.result())
            for slot in slots:
                finished = slot if slot is not None else next(analysed)
                writer.write(finished)
                stats.count(finished)
                progress.advance(finished)

    def recycle() -> None:
        """Replace the worker processes at a round boundary, nothing lost or reordered.

        Waits for the chunks in flight (written in order) and the queued preparations (their
        results stay in ``preparing``), then starts fresh workers.
        """
        nonlocal executor, analysed_by_pool
        write_ready(block_above=0)
        if stop:
            return
        executor.shutdown(wait=True)
        executor = make_executor(options)
        analysed_by_pool = 0

    analysed_by_pool = 0  # articles sent to the current workers for analysis
    recycling = options.workers > 0 and options.recycle_after > 0
    stop = StopOnInterrupt()
    try:
        stop.__enter__()
        more = fill()
        while preparing and not stop:
            if recycling and analysed_by_pool >= options.recycle_after:
                recycle()
                continue
            round_: list[Prepared] = []
            while preparing and len(round_) < options.batch_articles:
                round_.append(preparing.popleft().result())
            more = more and fill()
            slots: list[Finished | None] = []
            to_analyse: list[Prepared] = []
            for prepared in round_:
                if prepared.failed is not None:
                    slots.append(prepared.failed)
                    continue
                assert prepared.sha is not None
                first = first_by_hash.get(prepared.sha) if options.dedupe else None
                if first is not None:
                    item = prepared.item
                    slots.append(
                        finish(duplicate_record(item.id, item.input, prepared.sha, item.metadata, first))
                    )
                    continue
                first_by_hash.setdefault(prepared.sha, prepared.item.id)
                slots.append(None)
                to_analyse.append(prepared)
            chunk: Future[list[Finished]]
            if to_analyse:
                chunk = executor.submit(analyse_chunk, to_analyse)
                analysed_by_pool += len(to_analyse)
            else:
                chunk = Future()
                chunk.set_result([])
            writing.append((slots, chunk))
            write_ready(block_above=chunks_in_flight)
        # On Ctrl-C: keep what is already finished, in order; drop the rest (never written).
        write_ready(block_above=0)
    except BrokenProcessPool:
        if not stop:
            raise
        # The stop signal reached the workers too (SIGTERM to the process group): what they
        # had in flight is lost; every record written so far is whole.
    finally:
        stats.stop_signal = stop.signal
        stop.__exit__()
        executor.shutdown(wait=True, cancel_futures=True)
        writer.close()
        stats.seconds = time.perf_counter() - started
    return stats


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)

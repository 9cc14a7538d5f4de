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

import contextlib
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
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
from summarize.settings import Settings

DEFAULT_RECYCLE_AFTER = 1000


@dataclass(frozen=True, slots=True)
class BatchOptions:
    settings: Settings = field(default_factory=Settings)
    workers: int = 0  # worker processes; 0 runs everything in this process
    batch_articles: int = 32  # articles whose sentences are encoded together
    dedupe: bool = True  # record repeated texts as duplicates instead of analysing them again
    retry_errors: bool = False  # rerun ids whose only record in RESULTS is an error
    # Replace the worker processes after this many analysed articles (0: never). A worker's
    # native heap creeps ~50 MB per 1,000 articles whatever we free (docs/batch.md); fresh
    # workers keep a 100,000-article run at the memory of a 1,000-article one.
    recycle_after: int = DEFAULT_RECYCLE_AFTER


def exit_code_for(signum: int) -> ExitCode:
    """A run stopped by ``signum``: 143 for SIGTERM, 130 for Ctrl-C."""
    return ExitCode.TERMINATED if signum == signal.SIGTERM else ExitCode.INTERRUPTED


def exit_at_once(signum: int, _frame: object) -> None:
    """A stop signal outside the runner: exit now with its code, and no traceback."""
    os._exit(int(exit_code_for(signum)))


@dataclass
class BatchStats:
    ok: int = 0
    duplicates: int = 0
    errors: int = 0
    skipped: int = 0  # already in RESULTS
    skipped_errors: int = 0  # of the skipped: ids whose record in RESULTS is an error
    skipped_error_ids: list[str] = field(default_factory=list)  # the first few of them
    # Error records retried without --retry-errors: their message names an input option
    # (``INPUT_OPTIONS``), which this run may have changed.
    retried_errors: set[str] = field(default_factory=set)
    duplicate_ids: list[str] = field(default_factory=list)  # ids given twice: only the first runs
    seconds: float = 0.0
    # The signal that stopped the run before its end (SIGINT or SIGTERM); None when the run
    # did every article, even if a signal came after the last one.
    stop_signal: int | None = None
    late_signal: int | None = None  # a stop signal that came when every article was done

    @property
    def interrupted(self) -> bool:
        return self.stop_signal is not None

    @property
    def done(self) -> int:
        return self.ok + self.duplicates + self.errors

    def note_stop(self, stop: StopOnInterrupt, finished_all: bool) -> bool:
        """Record the stop signal a run got, if any: True when it stopped the run before its
        end, False when there was none or it came once every article was done."""
        if not stop:
            return False
        if finished_all:
            self.late_signal = stop.signal
            return False
        self.stop_signal = stop.signal
        return True

    def count(self, finished: Finished) -> None:
        if finished.kind == "ok":
            self.ok += 1
        elif finished.kind == "duplicate":
            self.duplicates += 1
        else:
            self.errors += 1

    def exit_code(self) -> ExitCode:
        """The outcome for every article of the inputs, those skipped as done included.

        An error record kept from an earlier run still counts: a rerun that skips it must not
        report success (the closing summary names the ``--retry-errors`` command).
        """
        if self.stop_signal is not None:
            return exit_code_for(self.stop_signal)
        if self.errors + self.skipped_errors == 0:
            return ExitCode.OK
        if self.ok + self.duplicates + self.skipped - self.skipped_errors == 0:
            return ExitCode.BATCH_FAILED
        return ExitCode.BATCH_PARTIAL


class Progress:
    """What the runner reports as it goes; the CLI plugs in a progress bar and messages."""

    def advance(self, finished: Finished) -> None: ...

    def skip(self) -> None: ...

    def stopping(self, signum: int, *, now: bool, grace: float) -> None:
        """A stop signal arrived (called from the signal handler: print, nothing more)."""


# An error record whose message names one of these options may go away when the option
# changes (a wrong --text-field, a --max-chars too low), so a rerun retries it without
# --retry-errors: that costs a read at most, and a retry that fails the same way writes nothing.
INPUT_OPTIONS = ("--text-field", "--max-chars")
SHOWN_IDS = 3


def settings_may_fix(previous_error: str, item: BatchItem) -> bool:
    """Whether this run's input settings may turn ``item``'s earlier error into a result."""
    if not any(option in previous_error for option in INPUT_OPTIONS):
        return False
    # Errors found while reading the input (a row without the text field) are known here
    # for free: the same message again means the settings did not change for this item.
    return item.error != previous_error


def pending_items(
    items: Iterable[BatchItem], writer: ResultWriter, options: BatchOptions, stats: BatchStats,
    progress: Progress,
) -> Iterator[BatchItem]:
    """The items still to do: not in RESULTS (unless retried errors), each id once."""
    seen: set[str] = set()
    existing = writer.existing
    for item in items:
        if item.id in existing.ids:
            retry = False
            if item.id in existing.error_ids:
                retry = options.retry_errors
                if not retry and settings_may_fix(existing.errors.get(item.id, ""), item):
                    retry = True
                    stats.retried_errors.add(item.id)
            if not retry:
                stats.skipped += 1
                if item.id in existing.error_ids:
                    stats.skipped_errors += 1
                    if len(stats.skipped_error_ids) < SHOWN_IDS:
                        stats.skipped_error_ids.append(item.id)
                progress.skip()
                continue
        if item.id in seen:
            stats.duplicate_ids.append(item.id)
            progress.skip()
            continue
        seen.add(item.id)
        yield item


class Recorder:
    """Writes finished records, counts them and advances the progress (both engines)."""

    def __init__(self, writer: ResultWriter, stats: BatchStats, progress: Progress) -> None:
        self.writer = writer
        self.stats = stats
        self.progress = progress

    def write(self, finished: Finished) -> None:
        existing = self.writer.existing
        unchanged = (
            finished.kind == "error"
            and finished.id in self.stats.retried_errors
            and existing.errors.get(finished.id) == finished.row.get("error")
        )
        if not unchanged:  # an automatic retry that failed the same way: RESULTS has it already
            self.writer.write(finished)
        self.stats.count(finished)
        self.progress.advance(finished)


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
    config = WorkerConfig(settings=options.settings, torch_threads=1)
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


def kill_workers(executor: Executor) -> None:
    """End a process pool's workers at once (what they hold is redone on the next run).

    ``ProcessPoolExecutor`` has no public way to stop a running task; its ``_processes``
    map is the only handle on the worker processes.
    """
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.kill()


# After the first Ctrl-C or SIGTERM, the articles in flight get this long to finish; then
# (or at a second Ctrl-C) the run stops at once. With process start-up, writing and the pool's
# shutdown, the batch exits within 10 s of the first signal (measured: docs/batch.md).
STOP_GRACE_SECONDS = 6.0
POLL_SECONDS = 0.1  # how often the main process looks at a stop request while it waits


class StopOnInterrupt:
    """Ctrl-C and SIGTERM, as a batch takes them: finish what is in flight, then stop.

    The first signal stops new work and gives the articles in flight ``grace`` seconds; their
    records are written whole, in order. The second signal, or the end of the grace period,
    stops now: the work in flight is dropped (the workers are killed) and a rerun redoes it.
    SIGTERM is what schedulers (SLURM at a time limit, systemd, Kubernetes) send before
    SIGKILL, with 30 s to spare by default.

    The main process only waits on its workers, so it checks the request between short
    waits. With ``interrupt_work`` (the work runs in this thread, ``-j 0``, or Ray's
    iterator blocks) stopping now raises ``KeyboardInterrupt`` in the main thread instead,
    though never while a record is being written (``protect``).
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(
        self,
        grace: float = STOP_GRACE_SECONDS,
        on_signal: Callable[..., None] | None = None,
        interrupt_work: bool = False,
    ) -> None:
        self.requested = threading.Event()
        self.now = threading.Event()
        self.signal: int | None = None  # the first stop signal received
        self.grace = grace
        self.deadline: float | None = None
        self.on_signal = on_signal
        self.interrupt_work = interrupt_work
        self._protected = 0
        self._pending_interrupt = False
        self._timer: threading.Timer | None = None
        self._timer_fired = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopOnInterrupt:
        if threading.current_thread() is threading.main_thread():
            for sig in self.SIGNALS:
                self._previous[sig] = signal.signal(sig, self._on_signal)
        return self

    def _on_signal(self, signum: int, _frame: object) -> None:
        if self.signal is None:
            self.signal = signum
            self.deadline = time.monotonic() + self.grace
            self.requested.set()
            if self.interrupt_work:
                self._timer = threading.Timer(self.grace, self._grace_over)
                self._timer.daemon = True
                self._timer.start()
            self._tell(signum, now=False)
            return
        if self.now.is_set():
            return  # a third signal, or the timer's after a second one: already stopping
        self.now.set()
        if not self._timer_fired:
            self._tell(signum, now=True)
        self._interrupt()

    def _tell(self, signum: int, *, now: bool) -> None:
        if self.on_signal is not None:
            self.on_signal(signum, now=now, grace=self.grace)

    def _grace_over(self) -> None:
        """Timer thread: the grace period is over; stop the work running in the main thread."""
        import _thread

        self._timer_fired = True
        _thread.interrupt_main(signal.SIGINT)  # runs _on_signal in the main thread

    def _interrupt(self) -> None:
        if not self.interrupt_work:
            return
        if self._protected:
            self._pending_interrupt = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def protect(self) -> Iterator[None]:
        """No KeyboardInterrupt from a stop request inside this block (a record being written)."""
        self._protected += 1
        try:
            yield
        finally:
            self._protected -= 1
        if self._pending_interrupt and not self._protected:
            self._pending_interrupt = False
            raise KeyboardInterrupt

    def must_stop_now(self) -> bool:
        """A second signal came, or the grace period after the first is over."""
        return self.now.is_set() or (self.deadline is not None and time.monotonic() >= self.deadline)

    def wait(self, future: Future[Any], give_up: Callable[[], bool]) -> bool:
        """Wait for ``future`` in short steps; False as soon as ``give_up()`` holds."""
        while not future.done():
            if give_up():
                return False
            wait_futures([future], timeout=POLL_SECONDS)
        return True

    def settle(self) -> None:
        """From here on (the run's cleanup) a stop request interrupts nothing."""
        self._protected += 1
        self._pending_interrupt = False
        if self._timer is not None:
            self._timer.cancel()

    def __exit__(self, *exc: object) -> None:
        self.settle()
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
    return LocalRun(items, writer, options, progress or Progress()).run()


# One entry per round, in input order: its records (failed, duplicate, or a slot for the
# chunk's result) and the future of the analysed chunk.
Round = tuple[list[Finished | None], Future[list[Finished]]]


class LocalRun:
    """One run of the local engine: the queues, the worker pool and the stop handling."""

    def __init__(
        self, items: Iterable[BatchItem], writer: ResultWriter, options: BatchOptions, progress: Progress
    ) -> None:
        self.options = options
        self.writer = writer
        self.stats = BatchStats()
        self.recorder = Recorder(writer, self.stats, progress)
        self.started = time.perf_counter()
        self.stop = StopOnInterrupt(on_signal=progress.stopping, interrupt_work=options.workers <= 0)
        self.executor = make_executor(options)
        self.window = max(2 * options.batch_articles, 4 * max(options.workers, 1))
        self.chunks_in_flight = 2 * max(options.workers, 1)  # each worker busy, one more queued
        self.first_by_hash = writer.existing.hashes  # content sha256 -> first id with that text
        self.source = pending_items(items, writer, options, self.stats, progress)
        self.preparing: deque[Future[Prepared]] = deque()
        self.writing: deque[Round] = deque()
        self.taken = 0  # items taken from the source
        self.exhausted = False  # the source has no more items
        self.analysed_by_pool = 0  # articles sent to the current workers for analysis
        self.recycling = options.workers > 0 and options.recycle_after > 0

    def run(self) -> BatchStats:
        stop = self.stop
        try:
            stop.__enter__()
            self.fill()
            self.rounds()
            if stop:
                self.drop_queued()
            # Write what finishes in order (after a stop request: within the grace period).
            self.write_ready(block_above=0)
        except BrokenProcessPool:
            if not stop:
                raise
            # The stop signal reached the workers too (SIGTERM to the process group): what they
            # had in flight is lost; every record written so far is whole.
        except KeyboardInterrupt:
            if not stop:
                raise
            # Raised by ``stop`` to end the work running in this thread: it is redone on a rerun.
        finally:
            self.close()
        return self.stats

    def rounds(self) -> None:
        """Take rounds of prepared articles and send them to the workers, until done or stopped."""
        while self.preparing and not self.stop:
            if self.recycling and self.analysed_by_pool >= self.options.recycle_after:
                if not self.recycle():
                    break
                continue
            round_ = self.take_round()
            if self.stop:
                break  # the round's articles are redone on a rerun
            self.fill()
            slots, to_analyse = self.sort_round(round_)
            self.writing.append((slots, self.submit(to_analyse)))
            self.write_ready(block_above=self.chunks_in_flight)

    def close(self) -> None:
        stop = self.stop
        stop.settle()  # its handlers stay until the writer is closed: no KeyboardInterrupt before
        if self.stats.note_stop(stop, finished_all=self.exhausted and self.stats.done == self.taken):
            kill_workers(self.executor)  # idle workers or dropped work: nothing to wait for
            self.executor.shutdown(wait=True)  # no cancel_futures: see drop_queued
        else:
            self.executor.shutdown(wait=True, cancel_futures=True)
        self.writer.close()
        stop.__exit__()
        self.stats.seconds = time.perf_counter() - self.started

    def fill(self) -> None:
        """Keep ``window`` articles queued for preparation, until the input is used up."""
        while len(self.preparing) < self.window and not self.stop:
            item = next(self.source, None)
            if item is None:
                self.exhausted = True
                return
            self.taken += 1
            self.preparing.append(self.executor.submit(prepare, item))

    def recycle(self) -> bool:
        """Fresh workers at a round boundary: write the chunks in flight, let the queued reads
        finish (their results stay in ``preparing``), start another pool. False on a stop."""
        self.write_ready(block_above=0)
        if self.stop:
            return False
        self.executor.shutdown(wait=True)
        self.executor = make_executor(self.options)
        self.analysed_by_pool = 0
        return True

    def take_round(self) -> list[Prepared]:
        round_: list[Prepared] = []
        while self.preparing and len(round_) < self.options.batch_articles:
            if not self.stop.wait(self.preparing[0], lambda: bool(self.stop)):
                break
            round_.append(self.preparing.popleft().result())
        return round_

    def sort_round(self, round_: list[Prepared]) -> tuple[list[Finished | None], list[Prepared]]:
        """The round's records known now (failed reads, duplicates; None for the others) and
        the articles to analyse."""
        slots: list[Finished | None] = []
        to_analyse: list[Prepared] = []
        for prepared in round_:
            known = prepared.failed if prepared.failed is not None else self.duplicate(prepared)
            slots.append(known)
            if known is None:
                to_analyse.append(prepared)
        return slots, to_analyse

    def duplicate(self, prepared: Prepared) -> Finished | None:
        """The duplicate record of an article whose text came before, or None (and it is first)."""
        assert prepared.sha is not None
        first = self.first_by_hash.get(prepared.sha) if self.options.dedupe else None
        if first is None:
            self.first_by_hash.setdefault(prepared.sha, prepared.item.id)
            return None
        item = prepared.item
        return finish(duplicate_record(item.id, item.input, prepared.sha, item.metadata, first))

    def submit(self, to_analyse: list[Prepared]) -> Future[list[Finished]]:
        chunk: Future[list[Finished]]
        if to_analyse:
            chunk = self.executor.submit(analyse_chunk, to_analyse)
            self.analysed_by_pool += len(to_analyse)
        else:
            chunk = Future()
            chunk.set_result([])
        return chunk

    def write_ready(self, block_above: int) -> None:
        """Write finished rounds at the head, in input order.

        Waits while more than ``block_above`` rounds are in flight; once a stop is requested,
        for every round in flight, until the stop must happen now.
        """
        stop = self.stop
        while self.writing:
            slots, chunk = self.writing[0]
            if not chunk.done():
                if len(self.writing) <= block_above and not stop:
                    return
                if not stop.wait(chunk, stop.must_stop_now):
                    return
            self.writing.popleft()
            analysed = iter(chunk.result())
            for slot in slots:
                with stop.protect():
                    self.recorder.write(slot if slot is not None else next(analysed))

    def drop_queued(self) -> None:
        """On a stop request: drop the work no worker has taken (it is redone on a rerun).

        Dropped, not cancelled: on Python 3.11 a cancelled future makes the pool's manager
        thread die with a traceback when the workers are then killed (``terminate_broken``
        sets an exception on it). A future counts as taken once it is in the pool's call queue.
        """
        self.preparing.clear()
        while self.writing and not self.writing[-1][1].running() and not self.writing[-1][1].done():
            self.writing.pop()


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)

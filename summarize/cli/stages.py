"""Progress per stage on standard error for long inputs: a 1 MB text takes minutes, not seconds.

Short articles finish in seconds and print nothing extra. Each stage prints a line as it starts
and one as it ends, with its time and the process's peak memory so far, so a user sees what is
running and whether memory stays within the documented bound (docs/errors.md, "Long inputs").
"""

from __future__ import annotations

import resource
import sys
import time
from typing import TextIO

from summarize.document import Document

# Inputs at least this long show progress (about 17,000 words: ten long news features).
PROGRESS_FROM_CHARS = 100_000


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class StageProgress:
    """``on_stage`` callback for ``run_analyses`` that writes one line per stage event."""

    def __init__(self, doc: Document, stages: tuple[str, ...], stream: TextIO | None = None) -> None:
        self._stream = stream or sys.stderr
        self._stages = [*stages, "model_tokens"]
        self._cpu_started = time.process_time()
        self._started = time.perf_counter()
        megabytes = len(doc.text.encode("utf-8")) / 1_000_000
        self._write(
            f"long input: {megabytes:.2f} MB, {doc.word_count:,} words, {len(doc.sentences):,} sentences; "
            f"{len(stages)} analys{'is' if len(stages) == 1 else 'es'} to run"
        )

    def __call__(self, stage: str, seconds: float | None) -> None:
        number = self._stages.index(stage) + 1 if stage in self._stages else 0
        step = f"[{number}/{len(self._stages)}] {stage}"
        if seconds is None:
            self._write(f"{step} …")
            return
        self._write(f"{step} done in {seconds:.1f} s · peak memory {peak_memory_mb():,.0f} MB")
        if stage == "model_tokens":
            self._write(
                f"all stages done in {time.perf_counter() - self._started:.1f} s "
                f"(CPU {time.process_time() - self._cpu_started:.1f} s)"
            )

    def _write(self, line: str) -> None:
        print(f"summarize: {line}", file=self._stream, flush=True)


def stage_progress(doc: Document, stages: tuple[str, ...]) -> StageProgress | None:
    return StageProgress(doc, stages) if len(doc.text) >= PROGRESS_FROM_CHARS else None

"""The batch progress bar (count, rate, ETA) on a terminal; nothing otherwise."""

from __future__ import annotations

from typing import Any

from summarize.batch.records import Finished
from summarize.batch.runner import Progress


class RichProgress(Progress):
    """A rich progress bar on stderr. Use as a context manager."""

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("errors {task.fields[errors]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self._errors = 0
        self._task = self._bar.add_task("batch", total=total, rate="", errors=0)

    def __enter__(self) -> RichProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._bar.stop()

    def advance(self, finished: Finished) -> None:
        if finished.kind == "error":
            self._errors += 1
        self._bar.advance(self._task)
        speed = self._bar.tasks[0].speed
        rate = f"{speed:.1f}/s" if speed else ""
        self._bar.update(self._task, rate=rate, errors=self._errors)

    def skip(self) -> None:
        # Items already in RESULTS leave the total instead of advancing the bar, so instant
        # skips do not look like speed and the ETA stays right.
        task = self._bar.tasks[0]
        if task.total is not None:
            self._bar.update(self._task, total=max(task.total - 1, task.completed))

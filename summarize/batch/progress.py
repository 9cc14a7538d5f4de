"""What a batch shows as it runs: the progress bar on a terminal, and the stop messages."""

from __future__ import annotations

import signal
import sys
import time
from collections.abc import Callable
from typing import Any

from summarize.batch.records import Finished
from summarize.batch.runner import Progress


def stop_message(signum: int, *, now: bool, grace: float) -> str:
    """What the batch says at once when asked to stop (Ctrl-C or SIGTERM)."""
    name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
    if now:
        return f"{name} again: stopping now; the articles in flight are redone when you rerun the command"
    again = "; Ctrl-C again stops now" if signum == signal.SIGINT else ""
    return (
        f"{name}: stopping. Articles in flight that finish within {grace:.0f} s are written, then the "
        f"batch exits{again}. Rerun the same command to resume (unfinished articles are redone)"
    )


def rate_and_eta(done: int, elapsed: float, remaining: float | None) -> tuple[float | None, float | None]:
    """Articles per second and seconds left, from the articles finished so far in this run.

    Records arrive a chunk at a time, so a rate over recent updates (rich's own) counts a
    burst of 32 records as if they took no time; done over elapsed does not.
    """
    if done <= 0 or elapsed <= 0:
        return None, None
    rate = done / elapsed
    return rate, (remaining / rate if remaining is not None else None)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-:--:--"
    whole = round(seconds)
    return f"{whole // 3600}:{whole // 60 % 60:02d}:{whole % 60:02d}"


class PlainProgress(Progress):
    """No bar (not a terminal): only the stop messages, on stderr."""

    def stopping(self, signum: int, *, now: bool, grace: float) -> None:
        sys.stderr.write(stop_message(signum, now=now, grace=grace) + "\n")
        sys.stderr.flush()


class RichProgress(Progress):
    """A rich progress bar on stderr. Use as a context manager."""

    def __init__(self, total: int | None, get_time: Callable[[], float] = time.monotonic) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            ProgressColumn,
            Task,
            TextColumn,
            TimeElapsedColumn,
        )
        from rich.progress import Progress as RichBar
        from rich.text import Text

        class RateAndEta(ProgressColumn):
            """Rate and ETA from the finished articles, updated as the time passes."""

            def render(self, task: Task) -> Text:
                rate, eta = rate_and_eta(int(task.completed), task.elapsed or 0.0, task.remaining)
                shown = f"{rate:.2f}/s" if rate is not None else "-/s"
                return Text(f"{shown} ETA {_clock(eta)}")

        self._bar = RichBar(
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            RateAndEta(),
            TextColumn("errors {task.fields[errors]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=False,
            get_time=get_time,
        )
        self._errors = 0
        self._task = self._bar.add_task("batch", total=total, errors=0)

    def __enter__(self) -> RichProgress:
        self._bar.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._bar.stop()

    def advance(self, finished: Finished) -> None:
        if finished.kind == "error":
            self._errors += 1
        self._bar.update(self._task, advance=1, errors=self._errors)

    def skip(self) -> None:
        # Items already in RESULTS leave the total instead of advancing the bar, so instant
        # skips do not look like speed and the ETA stays right.
        task = self._bar.tasks[0]
        if task.total is not None:
            self._bar.update(self._task, total=max(task.total - 1, task.completed))

    def stopping(self, signum: int, *, now: bool, grace: float) -> None:
        self._bar.console.print(stop_message(signum, now=now, grace=grace), highlight=False, markup=False)

    def rendered(self) -> str:
        """The bar's current line as text (for tests)."""
        console = self._bar.console
        with console.capture() as capture:
            console.print(self._bar.get_renderable())
        return capture.get()

"""Standard output that may be a pipe the reader closes early (`summarize tokens FILE | head`).

Unix tools stop quietly when their reader goes away; so do we: no traceback, no
"Exception ignored" at interpreter exit, exit code 0.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console


def silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null so later writes and the final flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (tests' captured stdout)
        pass


def flush_stdout() -> None:
    """Flush now, where a closed pipe can still be handled, instead of at interpreter exit."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
    except (OSError, ValueError):
        pass


def stdout_console() -> Console:
    """A rich Console that ends quietly (exit 0) on a broken pipe, where rich's exits 1.

    rich is imported here, not at module level: every command imports this module for
    ``flush_stdout``, and `summarize --help` need not load rich's console for it.
    """
    from rich.console import Console

    class StdoutConsole(Console):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            silence_stdout()
            raise SystemExit(0)

    return StdoutConsole()

"""Printing or writing a command's result in the chosen format: the one place the CLI does it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from summarize.compare import Comparison
    from summarize.report import Report
    from summarize.tokens import TokenCounts


def emit(
    result: Report | Comparison | TokenCounts,
    fmt: str,
    output: Path | None,
    force: bool,
    sections: tuple[str, ...] | None = None,
    *,
    single: str | None = None,
) -> None:
    """Render ``result`` in ``fmt`` to standard output (in colour, for text) or to ``output``.

    ``single`` names the section a per-analysis command prints alone.
    """
    from summarize.render import emit as render
    from summarize.render import live
    from summarize.render.output import write_output

    if output is None:
        renderable = live(result, fmt, sections)
        if renderable is not None:
            from summarize.cli.pipes import stdout_console

            stdout_console().print(renderable)
            return
    text = render(result, fmt, sections, single=single)
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_output(text, output, force=force)
        typer.echo(f"wrote {output}", err=True)

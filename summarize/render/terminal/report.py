"""The rich terminal report: a header, each chosen section, warnings and timings."""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from typing import Any

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from summarize.render import labels
from summarize.render.terminal import framing, readability, sentiment, summary
from summarize.report import Report
from summarize.sections import SECTIONS

# Section name -> its drawing. A section is the analysis's own type (see summarize/report.py).
SECTION_RENDERERS: Mapping[str, Callable[[Any, Report], RenderableType]] = {
    "summary": summary.render,
    "sentiment": sentiment.render,
    "framing": framing.render,
    "readability": readability.render,
}


def header(report: Report) -> RenderableType:
    s = report.stats
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    table.add_row(labels.SOURCE, Text(report.source.location or report.source.kind))
    if report.source.date:
        table.add_row(labels.DATE, Text(report.source.date))
    if report.source.author:
        table.add_row(labels.AUTHOR, Text(report.source.author))
    table.add_row(
        labels.SIZE,
        Text(
            f"{s.words:,} words · {s.sentences:,} sentences · {s.paragraphs:,} paragraphs · "
            f"{s.characters:,} characters"
        ),
    )
    for model_id, count in s.model_tokens.items():
        table.add_row(labels.MODEL_TOKENS, Text(f"{count:,} ({model_id})"))
    # The headline goes inside the panel: a panel title would be cut at the border.
    title = Text(report.source.title or labels.REPORT_TITLE, style="bold")
    return Panel(Group(title, table), border_style="cyan")


def report_renderable(report: Report, sections: tuple[str, ...] = SECTIONS) -> RenderableType:
    parts: list[RenderableType] = [header(report)]
    for name in sections:
        section = report.section(name)
        if section is None:
            continue
        parts.append(Rule(Text(labels.SECTION_TITLES[name], style="bold"), align="left", style="cyan"))
        parts.append(SECTION_RENDERERS[name](section, report))
    if report.provenance.warnings:
        parts.append(Rule(Text(labels.WARNINGS, style="bold yellow"), align="left", style="yellow"))
        parts.extend(Text(f"• {w}", style="yellow") for w in report.provenance.warnings)
    timing = " · ".join(f"{k} {v:.2f}s" for k, v in report.provenance.timings.items())
    parts.append(Text(f"summarize {report.provenance.package_version} · {timing}", style="dim"))
    return Group(*parts)


def as_text(renderable: RenderableType, *, width: int | None = None, color: bool = False) -> str:
    """A renderable as a string (plain when ``color`` is False), for files and pipes."""
    console = Console(
        width=width or 100,
        record=True,
        force_terminal=color,
        color_system=None if not color else "auto",
        file=io.StringIO(),  # recorded for export_text; nothing reaches a terminal
    )
    console.print(renderable)
    return console.export_text(styles=color)


def render_text(
    report: Report, sections: tuple[str, ...] = SECTIONS, *, width: int | None = None, color: bool = False
) -> str:
    """The terminal report as a string (plain when ``color`` is False), for files and pipes."""
    return as_text(report_renderable(report, sections), width=width, color=color)


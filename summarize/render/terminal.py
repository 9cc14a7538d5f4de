"""The rich terminal report. Renderers only read the report; each analysis draws its own part."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from summarize.pipeline import analysis_module
from summarize.report import SECTIONS, Report

_TITLES = {
    "summary": "Summary",
    "sentiment": "Sentiment",
    "framing": "Framing",
    "readability": "Readability",
}


def header(report: Report) -> RenderableType:
    s = report.stats
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    table.add_row("Source", Text(report.source.location or report.source.kind))
    if report.source.date:
        table.add_row("Date", Text(report.source.date))
    if report.source.author:
        table.add_row("Author", Text(report.source.author))
    table.add_row(
        "Size",
        Text(
            f"{s.words:,} words · {s.sentences:,} sentences · {s.paragraphs:,} paragraphs · "
            f"{s.characters:,} characters"
        ),
    )
    for model_id, count in s.model_tokens.items():
        table.add_row("Model tokens", Text(f"{count:,} ({model_id})"))
    # The headline goes inside the panel: a panel title would be cut at the border.
    title = Text(report.source.title or "Article report", style="bold")
    return Panel(Group(title, table), border_style="cyan")


def report_renderable(report: Report, sections: tuple[str, ...] = SECTIONS) -> RenderableType:
    parts: list[RenderableType] = [header(report)]
    for name in sections:
        section = report.section(name)
        if section is None:
            continue
        parts.append(Rule(Text(_TITLES[name], style="bold"), align="left", style="cyan"))
        parts.append(analysis_module(name).render_terminal(section, report))
    if report.provenance.warnings:
        parts.append(Rule(Text("Warnings", style="bold yellow"), align="left", style="yellow"))
        parts.extend(Text(f"• {w}", style="yellow") for w in report.provenance.warnings)
    timing = " · ".join(f"{k} {v:.2f}s" for k, v in report.provenance.timings.items())
    parts.append(Text(f"summarize {report.provenance.package_version} · {timing}", style="dim"))
    return Group(*parts)


def render_text(
    report: Report, sections: tuple[str, ...] = SECTIONS, *, width: int | None = None, color: bool = False
) -> str:
    """The terminal report as a string (plain when ``color`` is False), for files and pipes."""
    console = Console(
        width=width or 100,
        record=True,
        force_terminal=color,
        color_system=None if not color else "auto",
        file=_Null(),
    )
    console.print(report_renderable(report, sections))
    return console.export_text(styles=color)


class _Null:
    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass

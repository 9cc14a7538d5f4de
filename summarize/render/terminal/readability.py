"""The readability section in the terminal: headline, every figure (article versus summary), and the
longest sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.render import labels
from summarize.render.describe import (
    clip,
    compare_summary,
    readability_headline,
    readability_rows,
    readability_warnings,
)

if TYPE_CHECKING:
    from summarize.readability.analysis import ReadabilitySection
    from summarize.report import Report


def _figures(section: ReadabilitySection) -> Table:
    has_summary = section.summary is not None
    table = Table(box=None, padding=(0, 2), show_header=True, header_style="bold")
    table.add_column(labels.READABILITY_MEASURE, style="cyan", no_wrap=True)
    table.add_column(labels.READABILITY_ARTICLE, justify="right")
    if has_summary:
        table.add_column(labels.READABILITY_SUMMARY, justify="right")
    table.add_column(labels.READABILITY_MEANING, style="dim")
    for label, article, summary, meaning in readability_rows(section):
        cells = [label, article] + ([summary or ""] if has_summary else []) + [meaning]
        table.add_row(*cells)
    return table


def render(section: ReadabilitySection, report: Report) -> RenderableType:
    headline = Text(readability_headline(section, report), style="bold")
    parts: list[RenderableType] = [headline, _figures(section)]
    if section.summary is not None:
        parts.append(Text(compare_summary(section, section.summary)))
    if section.sentence_lengths.longest:
        parts.append(Text(labels.LONGEST_SENTENCES, style="bold"))
        longest = Table.grid(padding=(0, 1))
        longest.add_column(style="cyan", no_wrap=True)
        longest.add_column()
        for s in section.sentence_lengths.longest:
            longest.add_row(f"  #{s.index + 1} ({s.words} words)", clip(s.text))
        parts.append(longest)
    parts.extend(Text(f"• {w}", style="yellow") for w in readability_warnings(section))
    return Group(*parts)

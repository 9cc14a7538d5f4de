"""The summary section in the terminal: numbered sentences, each traced to its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text

from summarize.render.describe import flag_text, summary_footer

if TYPE_CHECKING:
    from summarize.report import Report
    from summarize.summary.section import SummarySection


def render(section: SummarySection, report: Report) -> RenderableType:
    parts: list[RenderableType] = []
    for number, sentence in enumerate(section.sentences, start=1):
        line = Text(f"{number}. ", style="bold")
        line.append(sentence.text)
        sources = ", ".join(str(i + 1) for i in sentence.source_sentences)
        detail = f"   from sentence {sources}" if sources else "   no source found"
        if not section.supported_by_construction:
            detail += f" · support {sentence.support:.2f}"
        parts.append(line)
        parts.append(Text(detail, style="dim"))
        if sentence.flags:
            parts.append(Text(f"   ⚠ not in the article: {flag_text(sentence.flags)}", style="yellow"))
    for sentence in section.dropped:
        parts.append(Text(f"dropped (--strict): {sentence.text}", style="dim strike"))
    if not section.sentences:
        parts.append(Text("(no summary: the article has no sentences)", style="dim"))
    parts.append(Text(summary_footer(section), style="dim"))
    return Group(*parts)

"""The summary section in Markdown: a list of sentences, each traced to its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render.describe import flag_text, summary_footer
from summarize.render.markdown.escape import escape_markdown

if TYPE_CHECKING:
    from summarize.report import Report
    from summarize.summary.section import SummarySection


def render(section: SummarySection, report: Report) -> str:
    lines: list[str] = []
    for sentence in section.sentences:
        sources = ", ".join(str(i + 1) for i in sentence.source_sentences)
        note = f" *(sentence {sources}" if sources else " *(no source"
        if not section.supported_by_construction:
            note += f"; support {sentence.support:.2f}"
        if sentence.flags:
            note += f"; not in the article: {escape_markdown(flag_text(sentence.flags))}"
        lines.append(f"- {escape_markdown(sentence.text)}{note})*")
    for sentence in section.dropped:
        lines.append(f"- ~~{escape_markdown(sentence.text)}~~ *(dropped by --strict)*")
    lines.append("")
    lines.append(f"*{escape_markdown(summary_footer(section))}*")
    return "\n".join(lines) + "\n"

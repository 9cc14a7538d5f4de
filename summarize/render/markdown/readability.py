"""The readability section in Markdown: headline, every figure (article versus summary), longest sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render import labels
from summarize.render.describe import (
    clip,
    compare_summary,
    readability_headline,
    readability_rows,
    readability_warnings,
)
from summarize.render.markdown.escape import escape_markdown, table_header

if TYPE_CHECKING:
    from summarize.readability.analysis import ReadabilitySection
    from summarize.report import Report


def _figures(section: ReadabilitySection) -> list[str]:
    has_summary = section.summary is not None
    columns = (
        labels.READABILITY_MEASURE,
        labels.READABILITY_ARTICLE,
        *((labels.READABILITY_SUMMARY,) if has_summary else ()),
        labels.READABILITY_MEANING,
    )
    lines = table_header(columns, "lrrl" if has_summary else "lrl")
    for label, article, summary, meaning in readability_rows(section):
        cells = [label, article] + ([summary or ""] if has_summary else []) + [meaning]
        lines.append("| " + " | ".join(escape_markdown(c) for c in cells) + " |")
    return lines


def render(section: ReadabilitySection, report: Report) -> str:
    lines = [f"**{escape_markdown(readability_headline(section, report))}**", "", *_figures(section)]
    if section.summary is not None:
        lines += ["", escape_markdown(compare_summary(section, section.summary))]
    if section.sentence_lengths.longest:
        lines += ["", f"{labels.LONGEST_SENTENCES}:", ""]
        lines += [
            f"- \\#{s.index + 1} ({s.words} words): {escape_markdown(clip(s.text))}"
            for s in section.sentence_lengths.longest
        ]
    warnings = readability_warnings(section)
    if warnings:
        lines += [""] + [f"> ⚠ {escape_markdown(w)}" for w in warnings]
    return "\n".join(lines) + "\n"

"""The framing section in Markdown: figures, the category table, the article highlighted, every span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render import labels
from summarize.render.describe import measure_line
from summarize.render.markdown.escape import escape_markdown, table_cell, table_header

if TYPE_CHECKING:
    from summarize.framing.section import FramingSection, FramingSpan
    from summarize.report import Report


def highlighted_markdown(text: str, spans: list[FramingSpan], offset: int = 0) -> str:
    """Article text escaped, each span in bold with an italic category tag after it."""
    out: list[str] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: s.start):
        start, end = span.start - offset, span.end - offset
        if start < cursor:
            continue
        out.append(escape_markdown(text[cursor:start]))
        tag = labels.category_name(span.category)
        if span.in_quote:
            tag += f", quoting {escape_markdown(span.speaker)}" if span.speaker else ", quoted"
        out.append(f"**{escape_markdown(text[start:end])}** _\\[{tag}\\]_")
        cursor = end
    out.append(escape_markdown(text[cursor:]))
    return "".join(out)


def _score_line(section: FramingSection) -> str:
    biased = sum(s.biased for s in section.sentences)
    return (
        f"**{labels.FRAMING_SCORE}:** {section.document.score:.2f} · "
        f"**{labels.BIASED_SENTENCES}:** {biased} of "
        f"{len(section.sentences)} ({section.document.biased_share:.0%}, threshold "
        f"{section.threshold:.2f}, scorer: {section.scorer}, calibration: {section.calibration}) · "
        f"**{labels.LOADED_TERMS}:** {sum(s.layer == 'loaded' for s in section.spans)} · "
        f"**{labels.LAYER_TITLES['device']} ({labels.NOT_COUNTED}):** "
        f"{sum(s.layer == 'device' for s in section.spans)}"
    )


def _categories(section: FramingSection) -> list[str]:
    lines = table_header(labels.CATEGORY_COLUMNS, "llrrr")
    for stat in section.categories.values():
        lines.append(
            f"| {labels.layer_name(stat.layer)} | {table_cell(stat.label)} | {stat.count} | "
            f"{stat.per_1000_words:.1f} | {stat.in_quotes} |"
        )
    return lines


def _span_row(span: FramingSpan) -> str:
    voice = (span.speaker or "quoted") if span.in_quote else "writer"
    confidence = f"{span.confidence:.2f}" if span.confidence is not None else ""
    return (
        f"| {table_cell(span.text)} | {labels.layer_name(span.layer)} | "
        f"{table_cell(labels.category_name(span.category))} | "
        f"{table_cell(span.explanation)} | {table_cell(span.alternative or '')} | {table_cell(voice)} | "
        f"{confidence} |"
    )


def _spans(section: FramingSection) -> list[str]:
    if not section.spans:
        return []
    lines = [f"### {labels.SPANS}", "", *table_header(labels.SPAN_COLUMNS, "llllllr")]
    return lines + [_span_row(span) for span in section.spans]


def render(section: FramingSection, report: Report) -> str:
    doc = report.document
    lines = [_score_line(section), ""]
    if section.measure is not None:
        lines += [measure_line(section), ""]
    lines += _categories(section)
    lines += ["", f"### {labels.ARTICLE_HIGHLIGHTED}", ""]
    for paragraph in doc.paragraphs:
        inside = [s for s in section.spans if paragraph.start <= s.start and s.end <= paragraph.end]
        lines += [
            highlighted_markdown(doc.text[paragraph.start : paragraph.end], inside, paragraph.start),
            "",
        ]
    lines += _spans(section)
    return "\n".join(lines) + "\n"

"""The Markdown report: a header, each chosen section, warnings. Article text is escaped."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from summarize.render import labels
from summarize.render.markdown import framing, readability, sentiment, summary
from summarize.render.markdown.escape import escape_markdown
from summarize.report import Report
from summarize.sections import SECTIONS

# Section name -> its drawing. A section is the analysis's own type (see summarize/report.py).
SECTION_RENDERERS: Mapping[str, Callable[[Any, Report], str]] = {
    "summary": summary.render,
    "sentiment": sentiment.render,
    "framing": framing.render,
    "readability": readability.render,
}


def render_report_markdown(report: Report, sections: tuple[str, ...] = SECTIONS) -> str:
    parts = [f"# {escape_markdown(report.source.title or labels.REPORT_TITLE)}", "", _header(report)]
    for name in sections:
        section = report.section(name)
        if section is None:
            continue
        body = SECTION_RENDERERS[name](section, report)
        parts += ["", f"## {labels.SECTION_TITLES[name]}", "", body.strip()]
    if report.provenance.warnings:
        parts += ["", f"## {labels.WARNINGS}", ""]
        parts += [f"- {escape_markdown(w)}" for w in report.provenance.warnings]
    return "\n".join(parts).rstrip() + "\n"


def _header(report: Report) -> str:
    s = report.stats
    where = report.source.location or report.source.kind
    tokens = ", ".join(f"{n:,} ({escape_markdown(m)})" for m, n in s.model_tokens.items())
    lines = [
        f"- **{labels.SOURCE}:** {escape_markdown(where)}",
        f"- **{labels.WORDS}:** {s.words:,} · **{labels.SENTENCES}:** {s.sentences:,} · "
        f"**{labels.CHARACTERS}:** {s.characters:,}",
    ]
    if report.source.date:
        lines.insert(1, f"- **{labels.DATE}:** {escape_markdown(report.source.date)}")
    if tokens:
        lines.append(f"- **{labels.MODEL_TOKENS}:** {tokens}")
    return "\n".join(lines)

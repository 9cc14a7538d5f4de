"""Markdown output. Article text is escaped so it cannot inject markup."""

from __future__ import annotations

import re

from summarize.pipeline import analysis_module
from summarize.report import SECTIONS, Report

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+\-!|~])")
_TITLES = {
    "summary": "Summary",
    "sentiment": "Sentiment",
    "framing": "Framing",
    "readability": "Readability",
}


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML metacharacters in user text."""
    text = text.replace("&", "&amp;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def render_report_markdown(report: Report, sections: tuple[str, ...] = SECTIONS) -> str:
    parts = [f"# {escape_markdown(report.source.title or 'Article report')}", "", _header(report)]
    for name in sections:
        section = report.section(name)
        if section is None:
            continue
        body = analysis_module(name).render_markdown(section, report)
        parts += ["", f"## {_TITLES[name]}", "", body.strip()]
    if report.provenance.warnings:
        parts += ["", "## Warnings", ""]
        parts += [f"- {escape_markdown(w)}" for w in report.provenance.warnings]
    return "\n".join(parts).rstrip() + "\n"


def render_section_markdown(report: Report, name: str) -> str:
    return render_report_markdown(report, (name,))


def _header(report: Report) -> str:
    s = report.stats
    where = report.source.location or report.source.kind
    tokens = ", ".join(f"{n:,} ({escape_markdown(m)})" for m, n in s.model_tokens.items())
    lines = [
        f"- **Source:** {escape_markdown(where)}",
        f"- **Words:** {s.words:,} · **Sentences:** {s.sentences:,} · **Characters:** {s.characters:,}",
    ]
    if report.source.date:
        lines.insert(1, f"- **Date:** {escape_markdown(report.source.date)}")
    if tokens:
        lines.append(f"- **Model tokens:** {tokens}")
    return "\n".join(lines)

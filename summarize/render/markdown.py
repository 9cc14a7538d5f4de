"""Markdown output. Article text is escaped so it cannot inject markup."""

from __future__ import annotations

import re

from summarize.pipeline import analysis_module
from summarize.report import SECTIONS, Report

# Characters that start markup anywhere in a line: emphasis, code, links, HTML, tables, strikes.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
# "(" right after "]": belt and braces, the "]" is escaped already.
_MD_LINK_TARGET = re.compile(r"(?<=\])\(")
# Markup only at the start of a line: headings ("# "), list items ("- ", "+ "), rules and
# setext underlines ("---", "==="), ordered lists ("1. ", "2) ").
_MD_LINE_START = re.compile(
    r"^([ \t]*)(#{1,6}(?=[ \t]|$)|([-+=])(?=[ \t]|$|\3)|\d+(?=[.)]))", re.MULTILINE
)
# "&" is markup only where it starts a character reference ("&amp;", "&#60;"); "R&D" is text.
_ENTITY = re.compile(r"&(?=#?\w+;)")
_TITLES = {
    "summary": "Summary",
    "sentiment": "Sentiment",
    "framing": "Framing",
    "readability": "Readability",
}


def escape_markdown(text: str) -> str:
    """Escape Markdown and HTML metacharacters in user text, and only those that would act.

    "Cease-Fire", "(CNN)" and "R&D" stay as written: a hyphen is markup only where it starts a line,
    and parentheses only after "]".
    """
    text = _MD_INLINE.sub(r"\\\1", _ENTITY.sub("&amp;", text))
    text = _MD_LINK_TARGET.sub(r"\\(", text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker.isdigit():  # "1." or "1)" opens an ordered list: escape the mark after the number
        return f"{indent}{marker}\\"
    return f"{indent}\\{marker}"


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

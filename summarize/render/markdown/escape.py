"""Escaping article text for Markdown, so it cannot inject markup."""

from __future__ import annotations

import re

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


def table_cell(text: str) -> str:
    """User text escaped for one cell of a Markdown table (no line breaks)."""
    return escape_markdown(text).replace("\n", " ")


def table_header(columns: tuple[str, ...], aligns: str) -> list[str]:
    """A table's header and rule; ``aligns`` has one letter per column, "l" or "r"."""
    rule = "|" + "".join("---:|" if a == "r" else "---|" for a in aligns)
    return ["| " + " | ".join(columns) + " |", rule]

"""Markdown drawing: one module per section, ``report`` assembles them; ``escape`` keeps article
text from injecting markup."""

from __future__ import annotations

from summarize.render.markdown.compare import render_compare
from summarize.render.markdown.escape import escape_markdown
from summarize.render.markdown.report import SECTION_RENDERERS, render_report_markdown
from summarize.render.markdown.tokens import render_tokens

__all__ = [
    "SECTION_RENDERERS",
    "escape_markdown",
    "render_compare",
    "render_report_markdown",
    "render_tokens",
]

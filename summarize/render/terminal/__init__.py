"""Terminal drawing (rich): one module per section, ``report`` assembles them.

Imported only to draw: rich stays off the paths that print nothing (``summarize --help``).
"""

from __future__ import annotations

from summarize.render.terminal.compare import render_compare, render_compare_text
from summarize.render.terminal.report import SECTION_RENDERERS, as_text, render_text, report_renderable
from summarize.render.terminal.tokens import render_tokens, render_tokens_text

__all__ = [
    "SECTION_RENDERERS",
    "as_text",
    "render_compare",
    "render_compare_text",
    "render_text",
    "render_tokens",
    "render_tokens_text",
    "report_renderable",
]

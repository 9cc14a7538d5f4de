"""Output formats: one table from a format's name to its renderers, and ``emit``, which every command
uses to turn a report (or a comparison, or `summarize tokens`' counts) into the chosen format.

Adding a format is one folder, ``summarize/render/<format>/`` (a report renderer and one renderer per
section), plus one row in ``FORMATS``. A row loads its format's modules only when that format is
used, so importing this package stays cheap (rich is imported only to draw in the terminal).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import RenderableType

    from summarize.compare import Comparison
    from summarize.report import Report
    from summarize.tokens import TokenCounts

Sections = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Renderers:
    """One output format's drawing."""

    report: Callable[[Report, Sections], str]  # the report with the chosen sections
    sections: Mapping[str, Callable[[Any, Report], object]]  # section name -> its drawing
    compare: Callable[[Comparison], str]  # two articles' framing side by side
    tokens: Callable[[TokenCounts], str]  # `summarize tokens`: sentences, counts, model tokens
    # A per-analysis command's output when it is not the report cut down to that section (JSON
    # prints the section alone, exactly as it appears in the full report).
    section_alone: Callable[[Report, str], str] | None = None
    # For an interactive terminal: renderables a rich console prints in colour at its own width.
    live_report: Callable[[Report, Sections], RenderableType] | None = None
    live_compare: Callable[[Comparison], RenderableType] | None = None
    live_tokens: Callable[[TokenCounts], RenderableType] | None = None


def _text() -> Renderers:
    from summarize.render import terminal

    return Renderers(
        report=lambda report, sections: terminal.render_text(report, sections),
        sections=terminal.SECTION_RENDERERS,
        compare=terminal.render_compare_text,
        tokens=terminal.render_tokens_text,
        live_report=terminal.report_renderable,
        live_compare=terminal.render_compare,
        live_tokens=terminal.render_tokens,
    )


def _markdown() -> Renderers:
    from summarize.render import markdown

    return Renderers(
        report=markdown.render_report_markdown,
        sections=markdown.SECTION_RENDERERS,
        compare=markdown.render_compare,
        tokens=markdown.render_tokens,
    )


def _json() -> Renderers:
    from summarize.render.json import render_report_json, render_section_json

    return Renderers(
        report=lambda report, _sections: render_report_json(report),
        sections={},
        compare=_as_json,
        tokens=_as_json,
        section_alone=render_section_json,
    )


def _as_json(result: Comparison | TokenCounts) -> str:
    import json

    from summarize.jsonable import to_jsonable

    return json.dumps(to_jsonable(result), ensure_ascii=False, indent=2) + "\n"


def _html() -> Renderers:
    from summarize.render.describe import tokens_plain
    from summarize.render.html import render_compare_html, render_report_html

    # `summarize tokens` has no page of its own: HTML prints the plain-text lines.
    return Renderers(
        report=render_report_html,
        sections={},
        compare=render_compare_html,
        tokens=lambda tokens: tokens_plain(tokens, markdown=False),
    )


# Format name (the CLI's --format) -> its renderers, loaded on first use.
FORMATS: Mapping[str, Callable[[], Renderers]] = {
    "text": _text,
    "json": _json,
    "markdown": _markdown,
    "html": _html,
}


def renderers(fmt: str) -> Renderers:
    from summarize.errors import UsageError

    if fmt not in FORMATS:
        raise UsageError(f"unknown output format '{fmt}'; choose from {', '.join(FORMATS)}")
    return FORMATS[fmt]()


def emit(
    result: Report | Comparison | TokenCounts,
    fmt: str,
    sections: Sections | None = None,
    *,
    single: str | None = None,
) -> str:
    """``result`` (a report, a comparison of two, or token counts) as text in format ``fmt``.

    ``sections`` chooses the report's sections (default: all, in canonical order); ``single`` names
    the one section a per-analysis command prints.
    """
    from summarize.report import Report
    from summarize.sections import SECTIONS
    from summarize.tokens import TokenCounts

    chosen = renderers(fmt)
    if isinstance(result, TokenCounts):
        return chosen.tokens(result)
    if not isinstance(result, Report):
        return chosen.compare(result)
    if single is not None and chosen.section_alone is not None:
        return chosen.section_alone(result, single)
    return chosen.report(result, sections or SECTIONS)


def live(
    result: Report | Comparison | TokenCounts, fmt: str, sections: Sections | None = None
) -> RenderableType | None:
    """What an interactive terminal prints for ``result`` in ``fmt``, or None: that format is text."""
    from summarize.report import Report
    from summarize.sections import SECTIONS
    from summarize.tokens import TokenCounts

    chosen = renderers(fmt)
    if isinstance(result, TokenCounts):
        return chosen.live_tokens(result) if chosen.live_tokens else None
    if not isinstance(result, Report):
        return chosen.live_compare(result) if chosen.live_compare else None
    return chosen.live_report(result, sections or SECTIONS) if chosen.live_report else None

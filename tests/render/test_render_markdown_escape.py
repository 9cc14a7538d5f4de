"""Markdown escaping: article text shows exactly as written, and never turns into markup."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from summarize.render.markdown import escape_markdown

# CommonMark plus the GitHub extensions that add markup characters (tables, ~~strike~~).
_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])

TEXTS = [
    "On China Visit, Lukashenko Calls for Cease-Fire in Ukraine",
    "(CNN) - The council voted 7-2; R&D spending rose 4.5% to $12 million.",
    "- not a list",
    "# not a heading",
    "1. not an ordered list",
    "12) nor this",
    "---",
    "===",
    "+ plus",
    "a *b* <i>x</i> _u_ ~~s~~ `c` \\ back",
    "[click](javascript:alert(1)) ![img](x.png) <http://evil.example>",
    "a | b | c",
    "&amp; &#60;script&#62;",
    "first line\n- second line\n# third",
    "a paragraph\n-",
    "a paragraph\n=",
    "--",
    "#",
]


@pytest.mark.parametrize("text", TEXTS)
def test_escaped_text_renders_as_itself(text: str) -> None:
    rendered = _MARKDOWN.render(escape_markdown(text)).strip()
    inner = re.sub(r"^<p>|</p>$", "", rendered)
    assert "<" not in inner.replace("&lt;", ""), rendered  # no element came out of the text
    assert html.unescape(inner) == text


def test_no_escapes_where_nothing_would_act() -> None:
    """Raw Markdown stays readable: "Cease\\-Fire" and "\\(CNN\\)" were over-escaped."""
    for text in ("Cease-Fire", "(CNN) said", "a 7-2 vote", "R&D", "Mr. Lee's plan!", "#1 priority",
                 "-5 degrees", "2024 was"):
        assert escape_markdown(text) == text

"""`summarize tokens --format markdown`: the article's sentences as a numbered list, then the counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.render.describe import tokens_plain

if TYPE_CHECKING:
    from summarize.tokens import TokenCounts


def render_tokens(tokens: TokenCounts) -> str:
    return tokens_plain(tokens, markdown=True)

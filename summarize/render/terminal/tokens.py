"""`summarize tokens` in the terminal: a table of numbered sentences, then the counts and warnings;
plain numbered lines for files and pipes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from summarize.render.describe import tokens_plain

if TYPE_CHECKING:
    from summarize.tokens import TokenCounts


def render_tokens(tokens: TokenCounts) -> RenderableType:
    """The live view: strings are rich markup, highlighted by the console as it prints them."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("words", justify="right")
    table.add_column("sentence")
    for s in tokens.sentences:
        table.add_row(str(s.index + 1), str(s.words), Text(s.text))
    parts: list[RenderableType] = [
        table,
        f"[bold]{tokens.words:,}[/] words · [bold]{len(tokens.sentences):,}[/] sentences · "
        f"{tokens.characters:,} characters",
    ]
    for c in tokens.models:
        context = f" (context {c.context:,} per {c.per})" if c.context else ""
        parts.append(f"[bold]{c.tokens:,}[/] tokens for {c.model}{context}")
    parts += [Text(f"warning: {w}", style="yellow") for w in tokens.warnings]
    return Group(*parts)


def render_tokens_text(tokens: TokenCounts) -> str:
    """Plain numbered sentences, the counts and the warnings, for files and pipes."""
    return tokens_plain(tokens, markdown=False)

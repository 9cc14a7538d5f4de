"""`summarize tokens`: sentences, words and model tokens, with context-length warnings."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from summarize.backends.token_counts import ModelTokens, count_for_models
from summarize.cli.options import OutputFormat
from summarize.document import Document
from summarize.inputs.settings import InputSettings

if TYPE_CHECKING:
    from rich.console import Console


def run_tokens(
    article: str,
    *,
    fmt: OutputFormat,
    output: Path | None,
    force: bool,
    model: str | None,
    encoder: str,
    limits: InputSettings,
) -> None:
    from summarize.inputs.read import read_article
    from summarize.render.output import write_output

    doc = read_article(article, max_chars=limits.max_chars, timeout=limits.url_timeout)
    counts = count_for_models(doc, encoder, model)
    warnings = _warnings(counts)
    if fmt is OutputFormat.json:
        from summarize.jsonable import to_jsonable

        payload = {
            "source": doc.source.location or doc.source.kind,
            "words": doc.word_count,
            "characters": len(doc.text),
            "sentences": [
                {
                    "index": s.index,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "words": sum(1 for t in doc.sentence_tokens(s.index) if t.is_word),
                }
                for s in doc.sentences
            ],
            "models": to_jsonable(counts),
            "warnings": warnings,
        }
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    elif fmt is OutputFormat.text and output is None:
        from summarize.cli.pipes import stdout_console

        console = stdout_console()
        _print_rich(console, doc, counts, warnings)
        return
    else:
        text = _plain(doc, counts, warnings, markdown=fmt is OutputFormat.markdown)
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(text, output, force=force)


def _warnings(counts: list[ModelTokens]) -> list[str]:
    out: list[str] = []
    for c in counts:
        if c.per == "sentence" and c.over_context:
            shown = ", ".join(str(i + 1) for i in c.over_context[:10])
            out.append(
                f"{c.model}: sentence(s) {shown} exceed its {c.context}-token input and are "
                "truncated when embedded"
            )
        if c.per == "document" and c.context and c.tokens > c.context:
            chunks = -(-c.tokens // c.context)
            out.append(
                f"{c.model}: the article ({c.tokens:,} tokens) exceeds its {c.context:,}-token "
                f"context; summaries will use about {chunks} chunks"
            )
    return out


def _print_rich(console: Console, doc: Document, counts: list[ModelTokens], warnings: list[str]) -> None:
    from rich.table import Table
    from rich.text import Text

    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("#", justify="right", style="dim")
    table.add_column("words", justify="right")
    table.add_column("sentence")
    for s in doc.sentences:
        n = sum(1 for t in doc.sentence_tokens(s.index) if t.is_word)
        table.add_row(str(s.index + 1), str(n), Text(s.text))
    console.print(table)
    console.print(
        f"[bold]{doc.word_count:,}[/] words · [bold]{len(doc.sentences):,}[/] sentences · "
        f"{len(doc.text):,} characters"
    )
    for c in counts:
        ctx = f" (context {c.context:,} per {c.per})" if c.context else ""
        console.print(f"[bold]{c.tokens:,}[/] tokens for {c.model}{ctx}")
    for w in warnings:
        console.print(Text(f"warning: {w}", style="yellow"))


def _plain(doc: Document, counts: list[ModelTokens], warnings: list[str], *, markdown: bool) -> str:
    lines = []
    for s in doc.sentences:
        lines.append(f"{s.index + 1}. {s.text}" if markdown else f"{s.index + 1:>4}  {s.text}")
    lines += ["", f"{doc.word_count} words, {len(doc.sentences)} sentences, {len(doc.text)} characters"]
    lines += [f"{c.tokens} tokens for {c.model}" for c in counts]
    lines += [f"warning: {w}" for w in warnings]
    return "\n".join(lines) + "\n"

"""`summarize tokens`: sentences, words and model tokens, with context-length warnings."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from summarize.cli.options import OutputFormat
from summarize.document import Document
from summarize.inputs.settings import InputSettings


@dataclass(frozen=True, slots=True)
class ModelTokens:
    model: str
    source: str
    tokens: int
    context: int | None  # the model's maximum input length, where known
    per: str  # "sentence" (encoders embed one sentence at a time) or "document"
    over_context: list[int]  # indices of sentences (per=sentence) that exceed the context


def count_for_models(doc: Document, encoder: str, model: str | None) -> list[ModelTokens]:
    from summarize.backends.encoder import resolve_encoder
    from summarize.backends.registry import get_entry
    from summarize.backends.tokens import load_tokenizer

    results: list[ModelTokens] = []
    target, model_id, source = resolve_encoder(encoder)
    tokenizer = load_tokenizer(target)
    if tokenizer is None and source == "hub":
        from summarize.backends.hub import hub_load_mode

        local_only = hub_load_mode(target, "sentence embeddings")
        from transformers import AutoTokenizer

        tokenizer = _FastTokenizerView(AutoTokenizer.from_pretrained(target, local_files_only=local_only))
    entry = get_entry(encoder)
    context = entry.max_tokens if entry else None
    if tokenizer is not None:
        per_sentence = [len(tokenizer.encode(s.text).ids) for s in doc.sentences]
        over = [i for i, n in enumerate(per_sentence) if context and n > context]
        results.append(
            ModelTokens(model_id, source, len(tokenizer.encode(doc.text).ids), context, "sentence", over)
        )
    if model:
        from summarize.backends.tokens import generation_model_tokens

        counted = generation_model_tokens(model, doc.text)
        if counted is None:
            from summarize.backends.registry import missing_model_error

            raise missing_model_error(model, "token counting")
        model_id, source, n, context = counted
        results.append(ModelTokens(model_id, source, n, context, "document", []))
    return results


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


def _print_rich(console, doc: Document, counts: list[ModelTokens], warnings: list[str]) -> None:
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


class _FastTokenizerView:
    """Gives a transformers tokenizer the `encode(text).ids` shape of a `tokenizers.Tokenizer`."""

    def __init__(self, tokenizer) -> None:
        self._tokenizer = tokenizer

    def encode(self, text: str):
        from types import SimpleNamespace

        return SimpleNamespace(ids=self._tokenizer(text, add_special_tokens=True)["input_ids"])

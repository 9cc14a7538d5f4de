"""`summarize tokens`: sentences, words and model tokens, with context-length warnings."""

from __future__ import annotations

from pathlib import Path

from summarize.backends.token_counts import count_for_models
from summarize.cli.options import OutputFormat
from summarize.inputs.settings import InputSettings


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
    from summarize.cli.emit import emit
    from summarize.inputs.read import read_article
    from summarize.tokens import token_counts

    doc = read_article(article, max_chars=limits.max_chars, timeout=limits.url_timeout)
    emit(token_counts(doc, count_for_models(doc, encoder, model)), fmt.value, output, force)

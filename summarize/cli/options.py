"""Options shared by the commands, declared once, and the Settings they build."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from summarize.errors import UsageError


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class SummaryMethod(StrEnum):
    extractive = "extractive"
    abstractive = "abstractive"
    hybrid = "hybrid"


class SentimentBackend(StrEnum):
    minilm = "minilm"
    vader = "vader"
    hf = "hf"


Article = Annotated[
    str,
    typer.Argument(
        help="Article: a .txt/.md/.html path, an http(s) URL, or - for stdin (default when piped)."
    ),
]
Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
Output = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write to FILE instead of standard output.")
]
Force = Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")]
AllowPickle = Annotated[
    bool,
    typer.Option(
        "--allow-pickle",
        help="Load a local model whose weights exist only as pickle files (runs code from the file: "
        "only for files you trust).",
    ),
]


def apply_allow_pickle(allow: bool) -> None:
    """The opt-in travels as SUMMARIZE_ALLOW_PICKLE so every loader sees one switch."""
    if allow:
        import os

        from summarize.backends.safety import ALLOW_PICKLE_ENV

        os.environ[ALLOW_PICKLE_ENV] = "1"


MaxChars = Annotated[int, typer.Option("--max-chars", min=1, help="Refuse longer inputs (characters).")]
# summarize.inputs.read.DEFAULT_MAX_CHARS, repeated so `--help` does not import the readers
# (tests/spine/test_spine_cli.py checks they agree).
DEFAULT_MAX_CHARS = 2_000_000
Timeout = Annotated[float, typer.Option("--timeout", min=0.1, help="Seconds to wait for a URL.")]
Method = Annotated[
    SummaryMethod, typer.Option("--method", "-m", help="Summary method.", case_sensitive=False)
]
Model = Annotated[
    str | None, typer.Option("--model", help="Abstractive model: registry name, hub id or local folder.")
]
Encoder = Annotated[str, typer.Option("--encoder", help="Sentence encoder: registry name, hub id or folder.")]
Sentences = Annotated[
    int | None, typer.Option("--sentences", "-n", min=1, help="Summary length in sentences.")
]
Words = Annotated[int | None, typer.Option("--words", min=5, help="Summary length in words (about).")]
Ratio = Annotated[
    float | None,
    typer.Option("--ratio", min=0.01, max=1.0, help="Summary length as a share of the article's sentences."),
]
Strict = Annotated[
    bool, typer.Option("--strict", help="Drop summary sentences with names or numbers not in the article.")
]
SentimentBackendOpt = Annotated[
    SentimentBackend | None,
    typer.Option("--sentiment-backend", help="Sentiment backend.", case_sensitive=False),
]
SentimentModel = Annotated[
    str | None, typer.Option("--sentiment-model", help="For --sentiment-backend hf: hub id or folder.")
]
Lexicon = Annotated[
    list[Path] | None, typer.Option("--lexicon", help="Add a framing lexicon (YAML/TSV); repeatable.")
]
LexiconOnly = Annotated[
    list[Path] | None, typer.Option("--lexicon-only", help="Use only this framing lexicon; repeatable.")
]
Analyses = Annotated[
    str | None, typer.Option("--analyses", help="Comma-separated: summary,sentiment,framing,readability.")
]


def build_settings(
    *,
    analyses: tuple[str, ...] | None = None,
    method: SummaryMethod = SummaryMethod.extractive,
    model: str | None = None,
    encoder: str = "minilm",
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    strict: bool = False,
    sentiment_backend: SentimentBackend | None = None,
    sentiment_model: str | None = None,
    lexicon: list[Path] | None = None,
    lexicon_only: list[Path] | None = None,
):
    """Validate option combinations early and build the run's Settings."""
    from dataclasses import replace

    from summarize.settings import Settings

    if sum(x is not None for x in (sentences, words, ratio)) > 1:
        raise UsageError("give only one of --sentences, --words and --ratio")
    if method is not SummaryMethod.extractive and not model:
        model = "smollm2"
    if method is not SummaryMethod.extractive and model and (analyses is None or "summary" in analyses):
        from summarize.backends.generation import resolve_generator

        # Cheap (no torch): an unknown, incomplete or pickle-only model fails before any work.
        resolve_generator(model)
    if lexicon and lexicon_only:
        raise UsageError("--lexicon adds to the built-in lexicons and --lexicon-only replaces them; use one")
    if sentiment_backend is SentimentBackend.hf and not sentiment_model:
        raise UsageError("--sentiment-backend hf needs --sentiment-model (a hub id or a local folder)")
    kwargs = {}
    if analyses is not None:
        kwargs["analyses"] = analyses
    settings = Settings(**kwargs)
    summary = replace(
        settings.summary,
        method=method.value,
        model=model,
        encoder=encoder,
        sentences=sentences,
        words=words,
        ratio=ratio,
        strict=strict,
    )
    sentiment = settings.sentiment
    if sentiment_backend is not None:
        sentiment = replace(sentiment, backend=sentiment_backend.value)
    if sentiment_model is not None:
        sentiment = replace(sentiment, model=sentiment_model)
    files = tuple(str(p) for p in (lexicon_only or lexicon or ()))
    framing = replace(settings.framing, lexicons=files, lexicon_only=bool(lexicon_only))
    return replace(settings, summary=summary, sentiment=sentiment, framing=framing)

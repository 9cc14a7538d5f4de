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
        metavar="ARTICLE",
        help="Article: a .txt/.md/.html path, an http(s) URL, or - for stdin (default when piped)."
    ),
]
Format = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]
Output = Annotated[
    Path | None, typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE instead of standard output.",
    )
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


MaxChars = Annotated[int, typer.Option(
    "--max-chars",
    min=1,
    metavar="N",
    help="Refuse longer inputs (characters).",
)]
# summarize.inputs.read.DEFAULT_MAX_CHARS, repeated so `--help` does not import the readers
# (tests/spine/test_spine_cli.py checks they agree).
DEFAULT_MAX_CHARS = 500_000
Timeout = Annotated[float, typer.Option(
    "--timeout",
    min=0.1,
    metavar="SECONDS",
    help="Seconds to wait for a URL.",
)]
Method = Annotated[
    SummaryMethod, typer.Option("--method", "-m", help="Summary method.", case_sensitive=False)
]
Model = Annotated[
    str | None,
    typer.Option(
        "--model",
        metavar="MODEL",
        help="Model for --method abstractive or hybrid: registry name, hub id or local folder "
        "[default: smollm2].",
    ),
]
Encoder = Annotated[
    str | None,
    typer.Option(
        "--encoder",
        metavar="ENCODER",
        help="Sentence encoder for sentiment, framing and generated summaries' provenance: registry "
        "name, hub id or folder [default: minilm].",
    ),
]
DEFAULT_ENCODER = "minilm"
Sentences = Annotated[
    int | None, typer.Option("--sentences", "-n", min=1, metavar="N", help="Summary length in sentences.")
]
Words = Annotated[int | None, typer.Option(
    "--words",
    min=5,
    metavar="N",
    help="Summary length in words (about).",
)]
Ratio = Annotated[
    float | None,
    typer.Option(
        "--ratio",
        min=0.01,
        max=1.0,
        metavar="R",
        help="Summary length as a share of the article's sentences.",
    ),
]
Strict = Annotated[
    bool,
    typer.Option(
        "--strict",
        help="With --method abstractive or hybrid: drop generated sentences with names or numbers not "
        "in the article.",
    ),
]
SentimentBackendOpt = Annotated[
    SentimentBackend | None,
    typer.Option("--sentiment-backend", help="Sentiment backend.", case_sensitive=False),
]
SentimentModel = Annotated[
    str | None, typer.Option(
        "--sentiment-model",
        metavar="MODEL",
        help="For --sentiment-backend hf: hub id or folder.",
    )
]
Lexicon = Annotated[
    list[Path] | None, typer.Option(
        "--lexicon",
        metavar="FILE",
        help="Add a framing lexicon (YAML/TSV); repeatable.",
    )
]
LexiconOnly = Annotated[
    list[Path] | None, typer.Option(
        "--lexicon-only",
        metavar="FILE",
        help="Use only this framing lexicon; repeatable.",
    )
]
Analyses = Annotated[
    str | None, typer.Option(
        "--analyses",
        metavar="LIST",
        help="Comma-separated: summary,sentiment,framing,readability.",
    )
]


def check_force(force: bool, output: Path | None) -> None:
    if force and output is None:
        raise UsageError("--force overwrites the file given with --output/-o; add -o FILE or drop --force")


def refuse_unused_options(
    *,
    analyses: tuple[str, ...] | None,
    method: SummaryMethod,
    model: str | None,
    encoder: str | None,
    sentences: int | None,
    words: int | None,
    ratio: float | None,
    strict: bool,
    sentiment_backend: SentimentBackend | None,
    sentiment_model: str | None,
    lexicon: list[Path] | None,
    lexicon_only: list[Path] | None,
) -> None:
    """An option that would change nothing in this run is an error that says what to do instead."""
    from summarize.report import SECTIONS

    chosen = set(analyses if analyses is not None else SECTIONS)
    for analysis, flags in (
        ("summary", {
            "--method": method is not SummaryMethod.extractive, "--model": bool(model),
            "--sentences": sentences is not None, "--words": words is not None,
            "--ratio": ratio is not None, "--strict": strict,
        }),
        ("sentiment", {"--sentiment-backend": sentiment_backend is not None,
                       "--sentiment-model": bool(sentiment_model)}),
        ("framing", {"--lexicon": bool(lexicon), "--lexicon-only": bool(lexicon_only)}),
    ):
        given = [flag for flag, used in flags.items() if used]
        if given and analysis not in chosen:
            raise UsageError(
                f"{', '.join(given)} only affect{'s' if len(given) == 1 else ''} the {analysis} analysis, "
                f"which this run leaves out; add {analysis} to --analyses or drop {', '.join(given)}"
            )
    if method is SummaryMethod.extractive and "summary" in chosen:
        if model:
            raise UsageError(
                f"--model {model}: the extractive summary uses no model (it copies article sentences); "
                "add --method abstractive (or hybrid) to summarise with it"
            )
        if strict:
            raise UsageError(
                "--strict drops generated sentences with names or numbers not in the article; the "
                "extractive summary copies article sentences, so it has none: add --method abstractive "
                "(or hybrid), or drop --strict"
            )
    if sentiment_model and sentiment_backend is not SentimentBackend.hf:
        raise UsageError("--sentiment-model is read only by --sentiment-backend hf; add it")
    # (The default named explicitly changes nothing either way: only another encoder is refused.)
    if encoder not in (None, DEFAULT_ENCODER) and not _reads_encoder(chosen, method, sentiment_backend):
        raise UsageError(
            f"--encoder {encoder}: nothing in this run reads sentence embeddings (the extractive summary "
            "is a lead-position rule, readability counts words); drop --encoder"
        )


def _reads_encoder(
    chosen: set[str], method: SummaryMethod, sentiment_backend: SentimentBackend | None
) -> bool:
    if "framing" in chosen:
        return True
    if "sentiment" in chosen and sentiment_backend in (None, SentimentBackend.minilm):
        return True
    if "summary" in chosen:
        if method is not SummaryMethod.extractive:
            return True
        from summarize.summary.scorer import load_scorer

        return load_scorer().uses_embeddings
    return False


def build_settings(
    *,
    analyses: tuple[str, ...] | None = None,
    method: SummaryMethod = SummaryMethod.extractive,
    model: str | None = None,
    encoder: str | None = None,
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
    refuse_unused_options(
        analyses=analyses, method=method, model=model, encoder=encoder, sentences=sentences,
        words=words, ratio=ratio, strict=strict, sentiment_backend=sentiment_backend,
        sentiment_model=sentiment_model, lexicon=lexicon, lexicon_only=lexicon_only,
    )
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
        encoder=encoder or DEFAULT_ENCODER,
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

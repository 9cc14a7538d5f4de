"""Options shared by the commands, declared once, and the Settings they build."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarize.errors import UsageError
from summarize.inputs.settings import DEFAULT_MAX_CHARS as DEFAULT_MAX_CHARS
from summarize.inputs.settings import DEFAULT_URL_TIMEOUT as DEFAULT_URL_TIMEOUT
from summarize.inputs.settings import MIN_URL_TIMEOUT
from summarize.sentiment.settings import SentimentBackend as SentimentBackend
from summarize.summary.settings import (
    DEFAULT_GENERATOR,
    MAX_RATIO,
    MIN_RATIO,
    MIN_SENTENCES,
    MIN_WORDS,
)
from summarize.summary.settings import SummaryMethod as SummaryMethod

if TYPE_CHECKING:
    from summarize.framing.settings import FramingSettings
    from summarize.sentiment.settings import SentimentSettings
    from summarize.settings import Settings
    from summarize.summary.settings import SummarySettings


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


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
Timeout = Annotated[float, typer.Option(
    "--timeout",
    min=MIN_URL_TIMEOUT,
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

Sentences = Annotated[
    int | None,
    typer.Option("--sentences", "-n", min=MIN_SENTENCES, metavar="N", help="Summary length in sentences."),
]
Words = Annotated[int | None, typer.Option(
    "--words",
    min=MIN_WORDS,
    metavar="N",
    help="Summary length in words (about).",
)]
Ratio = Annotated[
    float | None,
    typer.Option(
        "--ratio",
        min=MIN_RATIO,
        max=MAX_RATIO,
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


# Every option of the analysis commands with its default, by parameter name: a command's
# parameters are a list of these names (summarize.cli.app.ANALYSIS_COMMANDS).
OPTIONS: dict[str, tuple[Any, Any]] = {
    "article": (Article, "-"),
    "fmt": (Format, OutputFormat.text),
    "output": (Output, None),
    "force": (Force, False),
    "allow_pickle": (AllowPickle, False),
    "analyses": (Analyses, None),
    "method": (Method, SummaryMethod.extractive),
    "model": (Model, None),
    "encoder": (Encoder, None),
    "sentences": (Sentences, None),
    "words": (Words, None),
    "ratio": (Ratio, None),
    "strict": (Strict, False),
    "sentiment_backend": (SentimentBackendOpt, None),
    "sentiment_model": (SentimentModel, None),
    "lexicon": (Lexicon, None),
    "lexicon_only": (LexiconOnly, None),
    "max_chars": (MaxChars, DEFAULT_MAX_CHARS),
    "timeout": (Timeout, DEFAULT_URL_TIMEOUT),
}


def check_force(force: bool, output: Path | None) -> None:
    if force and output is None:
        raise UsageError("--force overwrites the file given with --output/-o; add -o FILE or drop --force")


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """The analysis options of one command line, the CLI's defaults where none was given."""

    method: SummaryMethod = SummaryMethod.extractive
    model: str | None = None
    encoder: str | None = None
    sentences: int | None = None
    words: int | None = None
    ratio: float | None = None
    strict: bool = False
    sentiment_backend: SentimentBackend | None = None
    sentiment_model: str | None = None
    lexicon: list[Path] | None = None
    lexicon_only: list[Path] | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    timeout: float = DEFAULT_URL_TIMEOUT

    def given_for(self, analysis: str) -> list[str]:
        """The options given that only ``analysis`` reads."""
        flags: dict[str, bool] = {}
        if analysis == "summary":
            flags = {
                "--method": self.method is not SummaryMethod.extractive, "--model": bool(self.model),
                "--sentences": self.sentences is not None, "--words": self.words is not None,
                "--ratio": self.ratio is not None, "--strict": self.strict,
            }
        elif analysis == "sentiment":
            flags = {"--sentiment-backend": self.sentiment_backend is not None,
                     "--sentiment-model": bool(self.sentiment_model)}
        elif analysis == "framing":
            flags = {"--lexicon": bool(self.lexicon), "--lexicon-only": bool(self.lexicon_only)}
        return [flag for flag, used in flags.items() if used]


def refuse_options_of_left_out(options: AnalysisOptions, chosen: set[str]) -> None:
    """An option of an analysis this run leaves out would change nothing: say what to do instead."""
    for analysis in ("summary", "sentiment", "framing"):
        given = options.given_for(analysis)
        if given and analysis not in chosen:
            raise UsageError(
                f"{', '.join(given)} only affect{'s' if len(given) == 1 else ''} the {analysis} analysis, "
                f"which this run leaves out; add {analysis} to --analyses or drop {', '.join(given)}"
            )


def refuse_unread_encoder(settings: Settings, given: str | None) -> None:
    """Another encoder is refused when nothing in the run reads sentence embeddings.

    (The default named explicitly changes nothing either way: only another encoder is refused.)
    """
    from summarize.settings import DEFAULT_ENCODER

    if given in (None, DEFAULT_ENCODER) or _reads_encoder(settings):
        return
    raise UsageError(
        f"--encoder {given}: nothing in this run reads sentence embeddings (the extractive summary "
        "is a lead-position rule, readability counts words); drop --encoder"
    )


def _reads_encoder(settings: Settings) -> bool:
    chosen = settings.analyses
    if "framing" in chosen:
        return True
    if "sentiment" in chosen and settings.sentiment.backend is SentimentBackend.minilm:
        return True
    if "summary" in chosen:
        if settings.summary.method is not SummaryMethod.extractive:
            return True
        from summarize.summary.scorer import load_scorer

        return bool(load_scorer().uses_embeddings)
    return False


def build_settings(options: AnalysisOptions, analyses: tuple[str, ...] | None = None) -> Settings:
    """The run's Settings; the option rules the CLI adds to theirs are checked first, before any work.

    The settings check themselves (one length option, options of the extractive summary,
    the hf backend's model); here are the rules about options the command line left out.
    """
    from summarize.inputs.settings import InputSettings
    from summarize.sections import SECTIONS
    from summarize.settings import DEFAULT_ENCODER, Settings
    from summarize.summary.settings import check_one_length

    chosen = analyses if analyses is not None else SECTIONS
    check_one_length(options.sentences, options.words, options.ratio)
    refuse_options_of_left_out(options, set(chosen))
    if options.lexicon and options.lexicon_only:
        raise UsageError("--lexicon adds to the built-in lexicons and --lexicon-only replaces them; use one")
    settings = Settings(
        analyses=chosen,
        summary=_summary_settings(options),
        sentiment=_sentiment_settings(options),
        framing=_framing_settings(options),
        encoder=options.encoder or DEFAULT_ENCODER,
        input=InputSettings(max_chars=options.max_chars, url_timeout=options.timeout),
    )
    refuse_unread_encoder(settings, options.encoder)
    if settings.summary.model and "summary" in chosen:
        from summarize.backends.generation import resolve_generator

        # Cheap (no torch): an unknown, incomplete or pickle-only model fails before any work.
        resolve_generator(settings.summary.model)
    return settings


def _summary_settings(options: AnalysisOptions) -> SummarySettings:
    from summarize.summary.settings import SummarySettings

    model = options.model
    if options.method is not SummaryMethod.extractive and not model:
        model = DEFAULT_GENERATOR
    return SummarySettings(
        method=options.method, model=model, sentences=options.sentences, words=options.words,
        ratio=options.ratio, strict=options.strict,
    )


def _sentiment_settings(options: AnalysisOptions) -> SentimentSettings:
    from summarize.sentiment.settings import SentimentSettings

    return SentimentSettings(
        backend=options.sentiment_backend or SentimentBackend.minilm, model=options.sentiment_model
    )


def _framing_settings(options: AnalysisOptions) -> FramingSettings:
    from summarize.framing.settings import FramingSettings

    files = tuple(str(p) for p in (options.lexicon_only or options.lexicon or ()))
    return FramingSettings(lexicons=files, lexicon_only=bool(options.lexicon_only))

"""The `summarize` command line. Thin: parse, build Settings, run the pipeline, render."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import typer

from summarize import __version__
from summarize.cli import options as o
from summarize.cli.emit import emit as _emit
from summarize.cli.errors import handle_errors


def _name_arguments_without_types() -> None:
    """typer's help prints every argument as "NAME <str>": a named argument needs no type name."""
    from typer.core import TyperArgument

    typed = TyperArgument.display_type

    def display_type(self: TyperArgument, ctx) -> str:  # type: ignore[no-untyped-def]
        return "" if self.metavar else typed(self, ctx)

    TyperArgument.display_type = display_type  # type: ignore[method-assign]


_name_arguments_without_types()

app = typer.Typer(
    name="summarize",
    help="What a news article says and how it says it: summary, sentiment, framing, readability.\n\n"
    "`summarize ARTICLE` is short for `summarize report ARTICLE`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarize {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """What a news article says and how it says it."""


def _analyze(article: str, settings, max_chars: int, timeout: float, output: Path | None, force: bool):
    import time

    from summarize.context import Context
    from summarize.inputs.read import read_article
    from summarize.pipeline import run_analyses
    from summarize.render.output import check_writable

    o.check_force(force, output)
    if output is not None:
        check_writable(output, force=force)  # refuse before minutes of work, not after
    started = time.perf_counter()
    doc = read_article(article, max_chars=max_chars, timeout=timeout)
    read_seconds = time.perf_counter() - started
    from summarize.cli.stages import stage_progress
    from summarize.report import SECTIONS

    chosen = tuple(n for n in SECTIONS if n in settings.analyses)
    report = run_analyses(doc, Context(settings=settings), on_stage=stage_progress(doc, chosen))
    report.provenance.timings = {"read": read_seconds, **report.provenance.timings}
    return report


@app.command("report")
@handle_errors
def report_command(
    article: o.Article = "-",
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    allow_pickle: o.AllowPickle = False,
    analyses: o.Analyses = None,
    method: o.Method = o.SummaryMethod.extractive,
    model: o.Model = None,
    encoder: o.Encoder = None,
    sentences: o.Sentences = None,
    words: o.Words = None,
    ratio: o.Ratio = None,
    strict: o.Strict = False,
    sentiment_backend: o.SentimentBackendOpt = None,
    sentiment_model: o.SentimentModel = None,
    lexicon: o.Lexicon = None,
    lexicon_only: o.LexiconOnly = None,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = 15.0,
) -> None:
    """Full report: summary, sentiment, framing and readability."""
    o.apply_allow_pickle(allow_pickle)
    from summarize.settings import parse_analyses

    chosen = parse_analyses(analyses) if analyses else None
    settings = o.build_settings(
        analyses=chosen,
        method=method,
        model=model,
        encoder=encoder,
        sentences=sentences,
        words=words,
        ratio=ratio,
        strict=strict,
        sentiment_backend=sentiment_backend,
        sentiment_model=sentiment_model,
        lexicon=lexicon,
        lexicon_only=lexicon_only,
    )
    report = _analyze(article, settings, max_chars, timeout, output, force)
    _emit(report, fmt, output, force, chosen)


@app.command("summary")
@handle_errors
def summary_command(
    article: o.Article = "-",
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    allow_pickle: o.AllowPickle = False,
    method: o.Method = o.SummaryMethod.extractive,
    model: o.Model = None,
    encoder: o.Encoder = None,
    sentences: o.Sentences = None,
    words: o.Words = None,
    ratio: o.Ratio = None,
    strict: o.Strict = False,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = 15.0,
) -> None:
    """Summary only, each sentence traced to the article sentences that support it."""
    o.apply_allow_pickle(allow_pickle)
    settings = o.build_settings(
        analyses=("summary",),
        method=method,
        model=model,
        encoder=encoder,
        sentences=sentences,
        words=words,
        ratio=ratio,
        strict=strict,
    )
    _emit(
        _analyze(article, settings, max_chars, timeout, output, force),
        fmt,
        output,
        force,
        ("summary",),
        single="summary",
    )


@app.command("sentiment")
@handle_errors
def sentiment_command(
    article: o.Article = "-",
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    sentiment_backend: o.SentimentBackendOpt = None,
    sentiment_model: o.SentimentModel = None,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = 15.0,
) -> None:
    """Sentiment of the article, each sentence and each named actor, with the words behind it."""
    settings = o.build_settings(
        analyses=("sentiment",), sentiment_backend=sentiment_backend, sentiment_model=sentiment_model
    )
    _emit(
        _analyze(article, settings, max_chars, timeout, output, force),
        fmt,
        output,
        force,
        ("sentiment",),
        single="sentiment",
    )


@app.command("framing")
@handle_errors
def framing_command(
    article: o.Article = "-",
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    lexicon: o.Lexicon = None,
    lexicon_only: o.LexiconOnly = None,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = 15.0,
) -> None:
    """Loaded words and phrases, highlighted and explained, with densities per category."""
    settings = o.build_settings(analyses=("framing",), lexicon=lexicon, lexicon_only=lexicon_only)
    _emit(
        _analyze(article, settings, max_chars, timeout, output, force),
        fmt,
        output,
        force,
        ("framing",),
        single="framing",
    )


@app.command("readability")
@handle_errors
def readability_command(
    article: o.Article = "-",
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = 15.0,
) -> None:
    """Readability indices, consensus grade, reading time (no model needed)."""
    from dataclasses import replace

    settings = replace(o.build_settings(analyses=("readability",)), count_model_tokens=False)
    _emit(
        _analyze(article, settings, max_chars, timeout, output, force),
        fmt,
        output,
        force,
        ("readability",),
        single="readability",
    )


@app.command("tokens")
@handle_errors
def tokens_command(
    article: o.Article = "-",
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    model: o.Model = None,
    encoder: o.Encoder = None,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = 15.0,
) -> None:
    """Numbered sentences, word count and model token counts, with context-length warnings."""
    from summarize.cli.tokens_cmd import run_tokens

    o.check_force(force, output)
    run_tokens(
        article,
        fmt=fmt,
        output=output,
        force=force,
        model=model,
        encoder=encoder or o.DEFAULT_ENCODER,
        max_chars=max_chars,
        timeout=timeout,
    )


def _register_optional() -> None:
    """Commands that live in their own modules (each module is light to import)."""
    import importlib

    for module_name, attr, kind, name in (
        ("summarize.cli.models_cmd", "models_app", "typer", "models"),
        ("summarize.cli.compare_cmd", "compare_command", "command", "compare"),
        ("summarize.cli.batch_cmd", "batch_command", "command", "batch"),
    ):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        target = getattr(module, attr)
        if kind == "typer":
            app.add_typer(target, name=name)
        else:
            app.command(name)(handle_errors(target))


_register_optional()

_COMMANDS = {
    "report",
    "summary",
    "sentiment",
    "framing",
    "readability",
    "tokens",
    "models",
    "compare",
    "batch",
}


def main() -> None:
    """Console entry point: `summarize ARTICLE` means `summarize report ARTICLE`."""
    args = sys.argv[1:]
    if not args and sys.stdin is not None and not sys.stdin.isatty():
        args = ["report", "-"]  # `cat article.txt | summarize`
    if args and args[0] not in _COMMANDS and args[0] not in {"--help", "-h", "--version"}:
        args = ["report", *args]
    from typer._click.exceptions import ClickException  # typer bundles its own click

    from summarize.cli.pipes import flush_stdout

    try:
        code = app(args=args, prog_name="summarize", standalone_mode=False)
    except ClickException as exc:
        code = _show_usage_error(exc)
    except typer.Abort:
        typer.echo("interrupted", err=True)
        code = 130
    finally:
        flush_stdout()  # a reader that closed the pipe early is not an error
    sys.exit(code if isinstance(code, int) else 0)


# typer validates values with pydantic, whose messages start "Value error, " (or "Assertion
# failed, "): that is the library speaking, not advice for the user.
_VALIDATOR_PREFIX = re.compile(r"\b(?:Value error|Assertion failed), ")


def _show_usage_error(exc: Any) -> int:
    """Show click's usage error without the validator's prefix; its exit code (2)."""
    exc.message = _VALIDATOR_PREFIX.sub("", str(exc.message))
    exc.show()
    return int(exc.exit_code)

"""The `summarize` command line. Thin: parse, build Settings, run the pipeline, render."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from summarize import __version__
from summarize.cli import options as o
from summarize.cli.emit import emit as _emit
from summarize.cli.errors import handle_errors

if TYPE_CHECKING:
    from summarize.report import Report
    from summarize.settings import Settings


def _name_arguments_without_types() -> None:
    """typer's help prints every argument as "NAME <str>": a named argument needs no type name."""
    from typer.core import TyperArgument

    typed = TyperArgument.display_type

    def display_type(self: TyperArgument, ctx) -> str:  # type: ignore[no-untyped-def]
        return "" if self.metavar else typed(self, ctx)

    TyperArgument.display_type = display_type  # type: ignore[method-assign,assignment]


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


def _analyze(article: str, settings: Settings, output: Path | None, force: bool) -> Report:
    import time

    from summarize.cli.stages import stage_progress
    from summarize.inputs.read import read_article
    from summarize.pipeline import analyze
    from summarize.render.output import check_writable
    from summarize.sections import SECTIONS

    o.check_force(force, output)
    if output is not None:
        check_writable(output, force=force)  # refuse before minutes of work, not after
    started = time.perf_counter()
    limits = settings.input
    doc = read_article(article, max_chars=limits.max_chars, timeout=limits.url_timeout)
    read_seconds = time.perf_counter() - started
    chosen = tuple(n for n in SECTIONS if n in settings.analyses)
    report = analyze(doc, settings, on_stage=stage_progress(doc, chosen))
    report.provenance.timings = {"read": read_seconds, **report.provenance.timings}
    return report


@dataclass(frozen=True, slots=True)
class AnalysisCommand:
    """A command that runs analyses on one article: its name, help, options and what it runs."""

    name: str
    help: str
    options: tuple[str, ...]  # names in o.OPTIONS, in the order `--help` lists them
    analyses: tuple[str, ...] | None = None  # None: every analysis, or those of --analyses
    single: bool = False  # print only this command's section (JSON: the section alone)
    count_model_tokens: bool = True


_HEAD = ("article", "fmt", "output", "force")
_SUMMARY = ("method", "model", "encoder", "sentences", "words", "ratio", "strict")
_SENTIMENT = ("sentiment_backend", "sentiment_model")
_FRAMING = ("lexicon", "lexicon_only")
_INPUT = ("max_chars", "timeout")

ANALYSIS_COMMANDS = (
    AnalysisCommand(
        "report", "Full report: summary, sentiment, framing and readability.",
        (*_HEAD, "allow_pickle", "analyses", *_SUMMARY, *_SENTIMENT, *_FRAMING, *_INPUT),
    ),
    AnalysisCommand(
        "summary", "Summary only, each sentence traced to the article sentences that support it.",
        (*_HEAD, "allow_pickle", *_SUMMARY, *_INPUT), ("summary",), single=True,
    ),
    AnalysisCommand(
        "sentiment",
        "Sentiment of the article, each sentence and each named actor, with the words behind it.",
        (*_HEAD, *_SENTIMENT, *_INPUT), ("sentiment",), single=True,
    ),
    AnalysisCommand(
        "framing", "Loaded words and phrases, highlighted and explained, with densities per category.",
        (*_HEAD, *_FRAMING, *_INPUT), ("framing",), single=True,
    ),
    AnalysisCommand(
        "readability", "Readability indices, consensus grade, reading time (no model needed).",
        (*_HEAD, *_INPUT), ("readability",), single=True, count_model_tokens=False,
    ),
)


def run_analysis_command(command: AnalysisCommand, values: dict[str, Any]) -> None:
    """Parse, build Settings, run the pipeline, render: the body of every analysis command."""
    from dataclasses import fields, replace

    from summarize.settings import parse_analyses

    if values.get("allow_pickle"):
        o.apply_allow_pickle(True)
    chosen = parse_analyses(values["analyses"]) if values.get("analyses") else command.analyses
    names = {f.name for f in fields(o.AnalysisOptions)}
    options = o.AnalysisOptions(**{k: v for k, v in values.items() if k in names})
    settings = o.build_settings(options, chosen)
    if not command.count_model_tokens:
        settings = replace(settings, count_model_tokens=False)
    output, force = values["output"], values["force"]
    report = _analyze(values["article"], settings, output, force)
    if command.single:
        _emit(report, values["fmt"], output, force, chosen, single=command.name)
    else:
        _emit(report, values["fmt"], output, force, chosen)


def _register_analysis_command(command: AnalysisCommand) -> None:
    """A typer command whose parameters are ``command.options``, taken from ``o.OPTIONS``."""
    import inspect

    def callback(**values: Any) -> None:
        run_analysis_command(command, values)

    parameters = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=o.OPTIONS[name][0],
                          default=o.OPTIONS[name][1])
        for name in command.options
    ]
    callback.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    callback.__annotations__ = {p.name: p.annotation for p in parameters}
    callback.__name__ = f"{command.name}_command"
    callback.__doc__ = command.help
    app.command(command.name)(handle_errors(callback))


for _command in ANALYSIS_COMMANDS:
    _register_analysis_command(_command)


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
    timeout: o.Timeout = o.DEFAULT_URL_TIMEOUT,
) -> None:
    """Numbered sentences, word count and model token counts, with context-length warnings."""
    from summarize.cli.tokens_cmd import run_tokens
    from summarize.inputs.settings import InputSettings
    from summarize.settings import DEFAULT_ENCODER

    o.check_force(force, output)
    run_tokens(
        article,
        fmt=fmt,
        output=output,
        force=force,
        model=model,
        encoder=encoder or DEFAULT_ENCODER,
        limits=InputSettings(max_chars=max_chars, url_timeout=timeout),
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

"""`summarize compare A B`: the framing of two articles side by side."""

from __future__ import annotations

from typing import Annotated

import typer

from summarize.cli import options as o


def compare_command(
    article_a: Annotated[str, typer.Argument(
        metavar="ARTICLE_A",
        help="First article: path, URL or - for stdin.",
    )],
    article_b: Annotated[str, typer.Argument(metavar="ARTICLE_B", help="Second article: path or URL.")],
    fmt: o.Format = o.OutputFormat.text,
    output: o.Output = None,
    force: o.Force = False,
    lexicon: o.Lexicon = None,
    lexicon_only: o.LexiconOnly = None,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
    timeout: o.Timeout = o.DEFAULT_URL_TIMEOUT,
) -> None:
    """Compare the framing of two articles: categories, densities, terms only one uses, actors."""
    from dataclasses import replace

    from summarize.cli.emit import emit
    from summarize.compare import compare_reports
    from summarize.context import Context
    from summarize.errors import UsageError
    from summarize.inputs.read import read_article
    from summarize.pipeline import run_analyses

    if article_a == "-" and article_b == "-":
        raise UsageError("only one of the two articles can come from stdin (-)")
    o.check_force(force, output)
    if output is not None:
        from summarize.render.output import check_writable

        check_writable(output, force=force)  # refuse before the work, not after
    options = o.AnalysisOptions(lexicon=lexicon, lexicon_only=lexicon_only, max_chars=max_chars,
                                timeout=timeout)
    settings = replace(o.build_settings(options, ("framing",)), count_model_tokens=False)
    limits = settings.input
    ctx = Context(settings=settings)  # one context: the encoder and heads load once
    reports = [
        run_analyses(read_article(a, max_chars=limits.max_chars, timeout=limits.url_timeout), ctx)
        for a in (article_a, article_b)
    ]
    emit(compare_reports(*reports), fmt, output, force)

"""`summarize compare A B`: the framing of two articles side by side."""

from __future__ import annotations

import io
import sys
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
    import json
    from dataclasses import replace

    from summarize.compare import compare_reports, render_compare_markdown, render_compare_terminal
    from summarize.context import Context
    from summarize.errors import UsageError
    from summarize.inputs.read import read_article
    from summarize.jsonable import to_jsonable
    from summarize.pipeline import run_analyses
    from summarize.render.output import write_output

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
    cmp = compare_reports(*reports)
    if fmt is o.OutputFormat.json:
        text = json.dumps(to_jsonable(cmp), ensure_ascii=False, indent=2) + "\n"
    elif fmt is o.OutputFormat.markdown:
        text = render_compare_markdown(cmp)
    elif fmt is o.OutputFormat.html:
        from summarize.render.html import render_compare_html

        text = render_compare_html(cmp)
    else:
        from rich.console import Console

        if output is None:
            from summarize.cli.pipes import stdout_console

            stdout_console().print(render_compare_terminal(cmp))
            return
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(render_compare_terminal(cmp))
        text = console.export_text()
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_output(text, output, force=force)
        typer.echo(f"wrote {output}", err=True)

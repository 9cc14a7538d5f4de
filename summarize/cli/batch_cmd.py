"""`summarize batch INPUT... --out RESULTS`: score many articles, resumably."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from summarize.cli import options as o
from summarize.errors import ExitCode

if TYPE_CHECKING:
    from summarize.batch.items import FolderFiles
    from summarize.batch.runner import BatchStats, Progress

# summarize.batch.runner.DEFAULT_RECYCLE_AFTER, repeated so `--help` does not import the engine
DEFAULT_RECYCLE_AFTER = 1000
# summarize.batch.writers' default rows per Parquet part file, repeated for the same reason.
DEFAULT_ROW_GROUP_ROWS = 1000


class Engine(StrEnum):
    local = "local"
    ray = "ray"


def batch_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders (searched recursively for .txt/.md/.html), globs, files, "
            "JSONL and CSV files (one article per line/row).",
            metavar="INPUT",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o",
            metavar="RESULTS",
            help="RESULTS: .jsonl (full reports), .csv or .parquet (a folder of part files) "
            "with one flat row per article. Rerunning skips the ids already there.",
            show_default=False,
        ),
    ],
    analyses: o.Analyses = None,
    id_field: Annotated[
        str, typer.Option("--id-field", metavar="FIELD", help="JSONL/CSV field holding the id.")
    ] = "id",
    text_field: Annotated[
        str, typer.Option("--text-field", metavar="FIELD", help="JSONL/CSV field holding the text.")
    ] = "text",
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-j", min=0, metavar="N",
            help="Worker processes (default: one per core; 0: none).",
        ),
    ] = None,
    recycle_after: Annotated[
        int,
        typer.Option(
            "--recycle-after", min=0, metavar="N",
            help="Replace the worker processes after this many articles, keeping memory flat "
            "on long runs (0: never).",
        ),
    ] = DEFAULT_RECYCLE_AFTER,
    batch_size: Annotated[
        int, typer.Option(
            "--batch-size", min=1, metavar="N", help="Articles whose sentences are encoded together."
        )
    ] = 32,
    engine: Annotated[
        Engine, typer.Option(
            "--engine", metavar="local|ray", help="local (process pool) or ray (Ray Data).",
            case_sensitive=False,
        )
    ] = Engine.local,
    ray_address: Annotated[
        str | None,
        typer.Option(
            "--ray-address", metavar="ADDRESS",
            help="Ray cluster to join (default: start a local Ray instance).",
        ),
    ] = None,
    keep_duplicates: Annotated[
        bool, typer.Option("--keep-duplicates", help="Analyse repeated texts again instead of "
                           "recording them as duplicates of the first.")
    ] = False,
    retry_errors: Annotated[
        bool, typer.Option("--retry-errors", help="Rerun ids whose record in RESULTS is an error.")
    ] = False,
    row_group_rows: Annotated[
        int, typer.Option("--row-group-rows", min=1, metavar="N", help="Parquet: rows per part file.")
    ] = DEFAULT_ROW_GROUP_ROWS,
    all_files: Annotated[
        bool, typer.Option("--all-files", help="Folders: also take README, LICENSE, CHANGELOG and "
                           "similar files, which are left out as not articles by default.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no closing summary (a stop "
                           "signal is still answered on stderr).")
    ] = False,
    method: o.Method = o.SummaryMethod.extractive,
    model: o.Model = None,
    encoder: o.Encoder = "minilm",
    sentences: o.Sentences = None,
    words: o.Words = None,
    ratio: o.Ratio = None,
    strict: o.Strict = False,
    sentiment_backend: o.SentimentBackendOpt = None,
    sentiment_model: o.SentimentModel = None,
    lexicon: o.Lexicon = None,
    lexicon_only: o.LexiconOnly = None,
    max_chars: o.MaxChars = o.DEFAULT_MAX_CHARS,
) -> None:
    """Score many articles into one JSONL, CSV or Parquet result set; resumable, with progress."""
    from summarize.batch.items import Fields, FolderFiles, expand_inputs, iter_items
    from summarize.batch.runner import BatchOptions, default_workers
    from summarize.batch.writers import open_writer
    from summarize.settings import parse_analyses

    chosen = parse_analyses(analyses) if analyses else None
    given = o.AnalysisOptions(
        method=method, model=model, encoder=encoder, sentences=sentences, words=words, ratio=ratio,
        strict=strict, sentiment_backend=sentiment_backend, sentiment_model=sentiment_model,
        lexicon=lexicon, lexicon_only=lexicon_only, max_chars=max_chars,
    )
    settings = o.build_settings(given, chosen)
    refuse_unused_batch_options(
        engine=engine, ray_address=ray_address, workers=workers, recycle_after=recycle_after,
        out=out, row_group_rows=row_group_rows,
    )
    paths = expand_inputs(inputs)
    options = BatchOptions(
        settings=settings,
        workers=default_workers() if workers is None else workers,
        batch_articles=batch_size,
        recycle_after=recycle_after,
        dedupe=not keep_duplicates,
        retry_errors=retry_errors,
    )
    writer = open_writer(out, row_group_rows=row_group_rows)
    if writer.existing.repaired and not quiet:
        typer.echo(f"{out}: cut off a record torn by an earlier crash; it will be redone", err=True)
    folder_files = FolderFiles()
    items = iter_items(
        paths, Fields(id=id_field, text=text_field), all_files=all_files, folder_files=folder_files
    )
    progress, bar = _progress(quiet, paths, all_files)

    def run() -> BatchStats:
        if engine is Engine.ray:
            from summarize.batch.ray_engine import run_ray

            return run_ray(items, writer, options, progress, address=ray_address)
        from summarize.batch.runner import run_local

        return run_local(items, writer, options, progress)

    stats = _run_answering_stops(run, bar)
    _say_how_it_ended(stats, quiet=quiet, inputs=inputs, out=out, folder_files=folder_files)
    raise typer.Exit(code=int(stats.exit_code()))


def _progress(
    quiet: bool, paths: list[Path], all_files: bool
) -> tuple[Progress, AbstractContextManager[Any]]:
    """The progress the runner reports to, and the context that shows it (a bar on a terminal)."""
    from summarize.batch.progress import PlainProgress

    if quiet or not sys.stderr.isatty():
        return PlainProgress(), nullcontext()
    from summarize.batch.items import count_items
    from summarize.batch.progress import RichProgress

    bar = RichProgress(total=count_items(paths, all_files=all_files))
    return bar, bar


def _run_answering_stops(run: Callable[[], BatchStats], bar: AbstractContextManager[Any]) -> BatchStats:
    """Run the batch; the runner answers stop signals while it runs and then puts this handler back,
    so a Ctrl-C that comes after it has finished stopping (while the summary prints or the process
    exits) ends the process at once with the stop's code, not by the signal."""
    from summarize.batch.runner import StopOnInterrupt, exit_at_once

    previous = {sig: signal.signal(sig, exit_at_once) for sig in StopOnInterrupt.SIGNALS}
    stats = None
    try:
        with bar:
            stats = run()
    finally:
        for sig, handler in previous.items():
            if stats is not None and stats.interrupted:
                # Stopped, and RESULTS is closed: the process only prints and exits now. At
                # exit Python resets its handlers to the default, and a Ctrl-C then kills the
                # process by the signal (exit -2); an ignored signal stays ignored.
                signal.signal(sig, signal.SIG_IGN)
            else:
                signal.signal(sig, handler)
    return stats


def _say_how_it_ended(
    stats: BatchStats, *, quiet: bool, inputs: list[str], out: Path, folder_files: FolderFiles
) -> None:
    if not quiet:
        typer.echo(closing_summary(stats, out, folder_files), err=True)
    if stats.skipped_errors and not stats.interrupted:
        # Said even with --quiet: the exit code is not 0 for errors this run did not retry.
        more = " ..." if stats.skipped_errors > len(stats.skipped_error_ids) else ""
        typer.echo(
            f"{stats.skipped_errors} of the skipped ids are errors from an earlier run "
            f"({', '.join(stats.skipped_error_ids)}{more}); "
            f"to redo them: {retry_command(inputs, out)}",
            err=True,
        )


def refuse_unused_batch_options(
    *,
    engine: Engine,
    ray_address: str | None,
    workers: int | None,
    recycle_after: int,
    out: Path,
    row_group_rows: int,
) -> None:
    """A batch option that would change nothing in this run is an error that says what to do instead."""
    from summarize.errors import UsageError

    if ray_address and engine is not Engine.ray:
        raise UsageError(f"--ray-address {ray_address} is read only by the Ray engine; add --engine ray")
    if recycle_after != DEFAULT_RECYCLE_AFTER:
        if engine is Engine.ray:
            raise UsageError(
                "--recycle-after replaces the local engine's worker processes; Ray manages its own "
                "workers: drop --recycle-after or use --engine local"
            )
        if workers == 0:
            raise UsageError(
                "--recycle-after replaces worker processes, and -j 0 runs without any: "
                "drop --recycle-after or give -j 1 or more"
            )
    if row_group_rows != DEFAULT_ROW_GROUP_ROWS and out.suffix.lower() != ".parquet":
        raise UsageError(
            f"--row-group-rows sets the rows of Parquet part files, and {out} is not .parquet: "
            "drop --row-group-rows or write RESULTS.parquet"
        )


def retry_command(inputs: list[str], out: Path) -> str:
    """This command again with --retry-errors (as typed, when run from a shell)."""
    import shlex

    args = sys.argv[1:]
    if not args or args[0] != "batch":  # not from the command line (e.g. a test runner)
        args = ["batch", *inputs, "--out", str(out)]
    return shlex.join(["summarize", *args, "--retry-errors"])


def closing_summary(stats: BatchStats, out: Path, folder_files: FolderFiles | None = None) -> str:
    rate = stats.done / stats.seconds if stats.seconds > 0 else 0.0
    parts = [f"{stats.ok} ok", f"{stats.duplicates} duplicates", f"{stats.errors} errors"]
    line = (
        f"batch: {stats.done} articles in {stats.seconds:.1f} s ({rate:.1f}/s): "
        f"{', '.join(parts)}"
    )
    if stats.retried_errors:
        line += (
            f"; {len(stats.retried_errors)} earlier errors retried (their message names "
            "--text-field or --max-chars, which this run may have changed)"
        )
    if stats.skipped:
        line += f"; {stats.skipped} skipped (already in {out})"
    if stats.duplicate_ids:
        shown = ", ".join(stats.duplicate_ids[:3]) + (" ..." if len(stats.duplicate_ids) > 3 else "")
        line += f"; {len(stats.duplicate_ids)} repeated ids ignored ({shown})"
    if folder_files is not None and (folder_files.taken or folder_files.skipped):
        line += f"; from folders: {folder_files.taken} files taken"
        if folder_files.skipped:
            shown = ", ".join(folder_files.skipped[:5]) + (" ..." if len(folder_files.skipped) > 5 else "")
            line += (
                f", {len(folder_files.skipped)} left out as not articles ({shown}; --all-files takes them)"
            )
    if stats.interrupted:
        how = "stopped by SIGTERM" if stats.exit_code() is ExitCode.TERMINATED else "interrupted"
        line += f"; {how} (rerun the same command to resume)"
    elif stats.late_signal is not None:
        line += "; the stop signal came after the last article: nothing left to do"
    return line + f" -> {out}"

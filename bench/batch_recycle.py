"""Worker replacement (`summarize batch --recycle-after`): its cost, and the memory it saves.

The same corpus (the 100 SummEval articles repeated, ``--keep-duplicates``, all four
analyses, extractive summary) runs twice in one invocation with 2 workers: once keeping
the workers for the whole run (``--recycle-after 0``, the baseline) and once replacing them
every ``--recycle`` articles. Reported: wall time, articles/s and their ratio, seconds lost
per replacement, the peak of the summed RSS of the batch process and its workers, and that
peak in each tenth of the run (a creeping heap rises tenth by tenth; replaced workers do not).

Run: .venv/bin/python bench/batch_recycle.py [--articles 2000] [--recycle 500]
Writes bench/results/batch_recycle.json and .md.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from batch_throughput import (
    ANALYSES,
    SUMMARIZE,
    corpus_label,
    count_records,
    run_measured,
    save_results,
    write_corpus,
)
from evaldata import summeval_articles_or_skip


def recycle_run(corpus: Path, out: Path, recycle_after: int, articles: int) -> dict:
    cmd = [SUMMARIZE, "batch", str(corpus), "--out", str(out), "-j", "2", "--keep-duplicates",
           "-q", "--recycle-after", str(recycle_after)]
    run = run_measured(cmd)
    entry = {
        "recycle_after": recycle_after,
        "replacements": replacements(articles, recycle_after),
        "seconds": round(run["seconds"], 1),
        "articles_per_second": round(articles / run["seconds"], 3),
        "cpu_seconds_per_article": round(run["cpu_seconds"] / articles, 3),
        "peak_mb": run["peak_mb"],
        "peak_mb_by_tenth": run["peak_mb_by_tenth"],
        "exit_code": run["returncode"],
        "load_average": run["load_average"],
        **count_records(out),
    }
    print("run", entry, flush=True)
    return entry


def replacements(articles: int, recycle_after: int, batch_articles: int = 32) -> int:
    """How often the runner replaces the pool: at the first round boundary at or past
    ``recycle_after`` analysed articles, and never once nothing is left to do."""
    if not recycle_after:
        return 0
    per_pool = -(-recycle_after // batch_articles) * batch_articles
    return (articles - 1) // per_pool


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--recycle", type=int, default=500, help="articles per worker pool")
    args = parser.parse_args()
    articles = summeval_articles_or_skip()
    if articles is None:
        return 0
    work = Path(tempfile.mkdtemp(prefix="batch-recycle-", dir="/tmp"))
    corpus = write_corpus(articles, args.articles, work / "corpus.jsonl")
    kept = recycle_run(corpus, work / "kept.jsonl", 0, args.articles)
    replaced = recycle_run(corpus, work / "replaced.jsonl", args.recycle, args.articles)
    result = {
        "corpus": corpus_label(args.articles, articles),
        "analyses": ANALYSES,
        "cpus": os.cpu_count(), "workers": 2, "runs": [kept, replaced],
        "rate_ratio": round(replaced["articles_per_second"] / kept["articles_per_second"], 3),
        "seconds_per_replacement": round(
            (replaced["seconds"] - kept["seconds"]) / max(replaced["replacements"], 1), 1
        ),
        "peak_ratio": round(replaced["peak_mb"] / kept["peak_mb"], 3),
        "last_tenth_peak_ratio": round(
            replaced["peak_mb_by_tenth"][-1] / kept["peak_mb_by_tenth"][-1], 3
        ),
    }
    save_results("batch_recycle", result, render_markdown(result))
    return 0


def render_markdown(result: dict) -> str:
    lines = [
        "# Worker replacement (`--recycle-after`)",
        "",
        f"{result['corpus']}; analyses: {result['analyses']}; {result['workers']} workers; "
        f"{result['cpus']} CPUs (shared machine).",
        "",
        "| workers | replacements | seconds | articles/s | CPU s/article | peak MB "
        "| peak MB in each tenth of the run | load avg |",
        "|---|---:|---:|---:|---:|---:|---|---:|",
    ]
    for run in result["runs"]:
        label = (f"replaced every {run['recycle_after']:,} articles" if run["recycle_after"]
                 else "kept for the whole run")
        tenths = ", ".join(f"{p:,.0f}" for p in run["peak_mb_by_tenth"])
        lines.append(
            f"| {label} | {run['replacements']} | {run['seconds']} | {run['articles_per_second']} "
            f"| {run['cpu_seconds_per_article']} | {run['peak_mb']:,.0f} | {tenths} "
            f"| {run['load_average']} |"
        )
    lines += [
        "",
        f"Throughput with replacement / without: {result['rate_ratio']} "
        f"({result['seconds_per_replacement']} s per replacement). Peak: {result['peak_ratio']} "
        f"of the baseline's; in the last tenth of the run: {result['last_tenth_peak_ratio']}.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

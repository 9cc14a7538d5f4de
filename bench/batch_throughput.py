"""Batch throughput and peak memory: `summarize batch` against a naive loop, same run.

Corpus: the 100 SummEval articles repeated (ids art<k>-<copy>), written to a JSONL file
under /tmp (eval text never enters the project). Analyses: all four, extractive summary
(no abstractive model). Duplicates are NOT deduplicated (--keep-duplicates), so every
article is really analysed; with deduplication a repeated corpus would be trivially fast.

- naive: one process, ``summarize.analyze(text, settings)`` per article, the models
  loaded once; its rate is measured after a warm-up article (steady state, so the
  baseline is not charged for loading the model). It runs twice, before and after the
  batch runs, and its rate is the mean of the two (the machine is shared: the load
  changes during a run);
- batch: the CLI (`summarize batch ... -j N --keep-duplicates -q`) in a subprocess,
  timed end to end (process start, imports, worker spawn and model load included).

CPU seconds (all processes of a run, from getrusage) are reported next to wall time:
on a loaded machine CPU seconds per article are the steadier figure.
Peak memory: the sum of the RSS of the process and its children, sampled every 0.1 s.
The large run (default 10,000 articles) measures whether memory stays flat, with the
CLI's default worker replacement (``--recycle-after``); it reports the peak in each tenth
of the run, and stops at a time budget and reports how far it got.

Baseline commit in the same run (--baseline-src, a pristine checkout of it, run with this
venv on PYTHONPATH): its `summarize batch` runs right before this checkout's for each worker
count, and the table gives both and the ratios. Memory per worker: the largest RSS of a
single process of the tree (sampled every 0.1 s).

Run: .venv/bin/python bench/batch_throughput.py [--articles 300] [--naive 60]
     [--big 10000] [--big-budget 300] [--baseline-src /tmp/base-d172daa | --baseline d172daa]
     [--also 2a502b6]
Without --baseline-src the baseline commit (default d172daa) is checked out into /tmp.
Writes bench/results/batch_throughput.json and .md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from evaldata import summeval_articles_or_skip

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable
SUMMARIZE = str(Path(PYTHON).parent / "summarize")


ANALYSES = "summary (extractive), sentiment, framing, readability"


def corpus_label(count: int, articles: list[str]) -> str:
    return f"{count} SummEval articles ({len(articles)} distinct, repeated)"


BASELINE_COMMIT = "d172daa"  # issue 15's "today's main"


def checkout(commit: str) -> Path:
    """A pristine copy of ``commit`` under /tmp (``git archive``; reused when already there)."""
    folder = Path(tempfile.gettempdir()) / f"summarize-{commit}"
    if not (folder / "summarize").is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def write_corpus(articles: list[str], count: int, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(count):
            k, copy = i % len(articles), i // len(articles)
            handle.write(json.dumps({"id": f"art{k}-{copy}", "text": articles[k]}) + "\n")
    return path


def tree_rss(pid: int) -> tuple[int, int]:
    """(summed RSS of the process tree, largest RSS of one process in it)."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    total = largest = 0
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            rss = p.memory_info().rss
            total += rss
            largest = max(largest, rss)
    return total, largest


def run_measured(
    cmd: list[str],
    budget: float | None = None,
    src: Path | None = None,
    env_extra: dict[str, str] | None = None,
) -> dict:
    """Run ``cmd``; wall seconds, peak tree RSS (MB), stdout, and whether the budget stopped it.

    ``src``: a baseline checkout, put first on PYTHONPATH (the pool workers inherit it).
    ``env_extra``: more environment (e.g. SUMMARIZE_ENCODER_RUNTIME for one side).
    """
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    cpu_start = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {k: v for k, v in os.environ.items() if k != "SUMMARIZE_ENCODER_RUNTIME"}  # each side says
    env.update(env_extra or {})
    if src:
        env["PYTHONPATH"] = str(src)
    # Not from this checkout's folder: `python -c` puts the working folder first on sys.path.
    cwd = src or ROOT
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=cwd, env=env)
    samples: list[tuple[float, int]] = []  # (seconds since start, tree RSS)
    largest: list[int] = [0]  # the largest single process seen
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            total, one = tree_rss(proc.pid)
            samples.append((time.perf_counter() - started, total))
            largest[0] = max(largest[0], one)
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stopped = False
    try:
        out, err = proc.communicate(timeout=budget)
    except subprocess.TimeoutExpired:
        stopped = True
        proc.send_signal(2)  # Ctrl-C: the batch stops cleanly and keeps finished records
        out, err = proc.communicate()
    stop.set()
    sampler.join()
    cpu_end = resource.getrusage(resource.RUSAGE_CHILDREN)  # includes the pool workers (reaped)
    cpu = (cpu_end.ru_utime - cpu_start.ru_utime) + (cpu_end.ru_stime - cpu_start.ru_stime)
    peak = max((rss for _, rss in samples), default=0)
    return {
        "cpu_seconds": round(cpu, 1),
        "load_average": f"{load_start:.1f}-{os.getloadavg()[0]:.1f}",  # the machine is shared
        "seconds": time.perf_counter() - started,
        "peak_mb": round(peak / 2**20, 1),
        "peak_process_mb": round(largest[0] / 2**20, 1),
        "returncode": proc.returncode,
        "stdout": out,
        "stderr": err[-2000:],
        "stopped_by_budget": stopped,
        "peak_mb_by_tenth": peaks_by_tenth(samples),
    }


def peaks_by_tenth(samples: list[tuple[float, int]]) -> list[float]:
    """Peak tree RSS (MB) in each tenth of the run's wall time: flat, or creeping?"""
    if not samples:
        return []
    end = samples[-1][0] or 1.0
    peaks = [0] * 10
    for seconds, rss in samples:
        tenth = min(9, int(10 * seconds / end))
        peaks[tenth] = max(peaks[tenth], rss)
    return [round(p / 2**20, 1) for p in peaks]


NAIVE = """
import json, sys, time
from summarize import analyze
from summarize.settings import Settings
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")][: int(sys.argv[2]) + 1]
settings = Settings()
t = time.perf_counter(); analyze(rows[0]["text"], settings); warm = time.perf_counter() - t
t = time.perf_counter(); c = time.process_time()
for row in rows[1:]:
    analyze(row["text"], settings)
print(json.dumps({"warmup_seconds": warm, "articles": len(rows) - 1, "seconds": time.perf_counter() - t,
                  "cpu_seconds": time.process_time() - c}))
"""


LAUNCH = "import sys; from summarize.cli.app import main; sys.argv = ['summarize', *sys.argv[1:]]; main()"


def batch_cmd(corpus: Path, out: Path, workers: int, baseline: bool = False) -> list[str]:
    # A baseline checkout is imported through PYTHONPATH, so it is launched through python -c.
    launcher = [PYTHON, "-c", LAUNCH] if baseline else [SUMMARIZE]
    return [*launcher, "batch", str(corpus), "--out", str(out), "-j", str(workers), "--keep-duplicates", "-q"]


def count_records(path: Path) -> dict[str, int]:
    counts = {"ok": 0, "error": 0}
    errors: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if "error" in record:
                counts["error"] += 1
                errors.append(record["error"])
            else:
                counts["ok"] += 1
    if errors:
        counts["first_error"] = errors[0]  # type: ignore[assignment]
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--naive", type=int, default=60, help="articles in each naive loop")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--big", type=int, default=10000, help="0 to skip the memory run")
    parser.add_argument("--big-budget", type=float, default=300.0, help="seconds")
    parser.add_argument("--baseline-src", type=Path, help="a checkout of the baseline commit")
    parser.add_argument(
        "--baseline", default=BASELINE_COMMIT, help="without --baseline-src: the commit checked out into /tmp"
    )
    parser.add_argument("--also", action="append", default=[], help="another commit to run (e.g. main)")
    parser.add_argument(
        "--onnx", action="store_true", help="also this checkout with SUMMARIZE_ENCODER_RUNTIME=onnx"
    )
    parser.add_argument(
        "--runtime", action="append", default=[],
        help="also this checkout with SUMMARIZE_ENCODER_RUNTIME set to this (numpy, openvino...)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="interleaved rounds of every side; medians reported"
    )
    args = parser.parse_args()
    args.baseline_src = args.baseline_src or checkout(args.baseline)
    articles = summeval_articles_or_skip()
    if articles is None:
        return 0
    work = Path(tempfile.mkdtemp(prefix="batch-bench-", dir="/tmp"))
    corpus = write_corpus(articles, args.articles, work / "corpus.jsonl")
    result: dict = {"corpus": corpus_label(args.articles, articles), "analyses": ANALYSES,
                    "cpus": os.cpu_count(), "naive_runs": [], "batch": []}

    def naive_run() -> dict:
        naive = run_measured([PYTHON, "-c", NAIVE, str(corpus), str(args.naive)])
        if naive["returncode"] != 0:
            raise SystemExit(naive["stderr"])
        figures = json.loads(naive["stdout"].strip().splitlines()[-1])
        entry = {"articles": figures["articles"], "seconds": round(figures["seconds"], 2),
                 "warmup_seconds": round(figures["warmup_seconds"], 2),
                 "articles_per_second": round(figures["articles"] / figures["seconds"], 3),
                 "cpu_seconds_per_article": round(figures["cpu_seconds"] / figures["articles"], 3),
                 "peak_mb": naive["peak_mb"], "load_average": naive["load_average"]}
        print("naive", entry, flush=True)
        return entry

    # Naive, the batch runs, naive again: the baseline brackets the runs it is compared with.
    result["naive_runs"].append(naive_run())
    sides: list[tuple[str, Path | None, dict[str, str]]] = [("baseline", args.baseline_src.resolve(), {})]
    sides += [(f"checkout {commit}", checkout(commit), {}) for commit in args.also]
    sides.append(("new", None, {}))
    for runtime in [*args.runtime, *(["onnx"] if args.onnx else [])]:
        label = f"new, SUMMARIZE_ENCODER_RUNTIME={runtime}"
        sides.append((label, None, {"SUMMARIZE_ENCODER_RUNTIME": runtime}))
    result["baseline_src"] = str(args.baseline_src) if args.baseline_src else None
    # Rounds interleave the sides, so a drift in the machine's load hits every side alike.
    worker_counts = [int(w) for w in args.workers.split(",")]
    plan = [(w, side) for _ in range(args.rounds) for w in worker_counts for side in sides]
    for round_index, (workers, (side, src, env_extra)) in enumerate(plan):
        out = work / f"out-{round_index}-{side.replace(' ', '-').replace(',', '')}-{workers}.jsonl"
        cmd = batch_cmd(corpus, out, workers, baseline=src is not None)
        run = run_measured(cmd, src=src, env_extra=env_extra)
        entry = {"side": side, "workers": workers, "round": round_index // (len(worker_counts) * len(sides)),
                 "articles": args.articles, "seconds": round(run["seconds"], 2),
                 "articles_per_second": round(args.articles / run["seconds"], 3),
                 "cpu_seconds_per_article": round(run["cpu_seconds"] / args.articles, 3),
                 "peak_mb": run["peak_mb"], "peak_process_mb": run["peak_process_mb"],
                 "exit_code": run["returncode"], "load_average": run["load_average"],
                 **count_records(out)}
        result["batch"].append(entry)
        print("batch", entry, flush=True)
    result["naive_runs"].append(naive_run())
    runs = result["naive_runs"]
    naive_rate = sum(r["articles_per_second"] for r in runs) / len(runs)
    naive_cpu = sum(r["cpu_seconds_per_article"] for r in runs) / len(runs)
    result["naive"] = {"articles_per_second": round(naive_rate, 3),
                       "cpu_seconds_per_article": round(naive_cpu, 3),
                       "peak_mb": max(r["peak_mb"] for r in runs)}
    for entry in result["batch"]:
        entry["speedup_vs_naive"] = round(entry["articles_per_second"] / naive_rate, 2)
        entry["cpu_per_article_vs_naive"] = round(entry["cpu_seconds_per_article"] / naive_cpu, 2)
        base = next(
            (b for b in result["batch"] if b["side"] == "baseline" and b["workers"] == entry["workers"]
             and b["round"] == entry["round"]),
            None,
        )
        if base is not None and entry["side"] != "baseline":
            rate = entry["articles_per_second"] / base["articles_per_second"]
            entry["speedup_vs_baseline"] = round(rate, 2)
            entry["cpu_per_article_baseline_over_new"] = round(
                base["cpu_seconds_per_article"] / entry["cpu_seconds_per_article"], 2
            )

    if args.rounds > 1:
        result["medians"] = medians_by_side(result["batch"], args.rounds)
        for m in result["medians"]:
            print("median", m, flush=True)

    if args.big:
        big = write_corpus(articles, args.big, work / "big.jsonl")
        out = work / "out-big.jsonl"
        run = run_measured(batch_cmd(big, out, 2), budget=args.big_budget)
        done = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
        small_peak = next(
            (b["peak_mb"] for b in result["batch"] if b["workers"] == 2 and b["side"] == "new"), None
        )
        result["memory"] = {
            "articles_requested": args.big, "articles_done": done,
            "stopped_by_budget": run["stopped_by_budget"], "seconds": round(run["seconds"], 1),
            "articles_per_second": round(done / run["seconds"], 3),
            "peak_mb": run["peak_mb"], "peak_mb_by_tenth": run["peak_mb_by_tenth"],
            "small_run_articles": args.articles, "small_run_peak_mb": small_peak,
            "peak_ratio": round(run["peak_mb"] / small_peak, 3) if small_peak else None,
        }
        print("memory", result["memory"], flush=True)

    save_results("batch_throughput", result, render_markdown(result))
    return 0


def medians_by_side(batch: list[dict], rounds: int) -> list[dict]:
    """Median seconds, articles/s and CPU s/article of each side and worker count over the rounds,
    with the median-over-median ratios to the baseline."""
    keys = list(dict.fromkeys((b["side"], b["workers"]) for b in batch))
    rows = []
    for side, workers in keys:
        runs = [b for b in batch if b["side"] == side and b["workers"] == workers]
        rows.append({
            "side": side, "workers": workers, "rounds": len(runs),
            "seconds": statistics.median(r["seconds"] for r in runs),
            "articles_per_second": round(statistics.median(r["articles_per_second"] for r in runs), 3),
            "cpu_seconds_per_article": round(
                statistics.median(r["cpu_seconds_per_article"] for r in runs), 3
            ),
            "largest_process_mb": max(r["peak_process_mb"] for r in runs),
            "all_ok": all(r["exit_code"] == 0 and r.get("error", 0) == 0 for r in runs),
        })
    for row in rows:
        base = next((b for b in rows if b["side"] == "baseline" and b["workers"] == row["workers"]), None)
        if base is not None and row is not base:
            row["rate_vs_baseline"] = round(row["articles_per_second"] / base["articles_per_second"], 2)
            row["cpu_baseline_over_side"] = round(
                base["cpu_seconds_per_article"] / row["cpu_seconds_per_article"], 2
            )
    return rows


def save_results(name: str, result: dict, markdown: str) -> None:
    """Write bench/results/<name>.json and .md."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / f"{name}.md").write_text(markdown)
    print(f"wrote {RESULTS / name}.json and .md")


def render_markdown(result: dict) -> str:
    naive = result["naive"]
    lines = [
        "# Batch throughput",
        "",
        f"{result['corpus']}; analyses: {result['analyses']}; {result['cpus']} CPUs (shared machine).",
        "",
        "| run | articles | seconds | articles/s | vs naive | CPU s/article | CPU vs naive | peak MB "
        "| largest process MB | vs baseline (articles/s) | load avg |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for i, r in enumerate(result["naive_runs"]):
        lines.append(
            f"| naive loop {'before' if i == 0 else 'after'} (steady state) | {r['articles']} | "
            f"{r['seconds']} | {r['articles_per_second']} | | {r['cpu_seconds_per_article']} | | "
            f"{r['peak_mb']} | | | {r['load_average']} |"
        )
    lines.append(
        f"| naive loop, mean | | | {naive['articles_per_second']} | 1.00 | "
        f"{naive['cpu_seconds_per_article']} | 1.00 | {naive['peak_mb']} | | | |"
    )
    for b in result["batch"]:
        lines.append(
            f"| {b.get('side', 'new')}: batch, {b['workers']} worker(s), end to end | {b['articles']} | "
            f"{b['seconds']} | {b['articles_per_second']} | {b['speedup_vs_naive']} | "
            f"{b['cpu_seconds_per_article']} | {b['cpu_per_article_vs_naive']} | {b['peak_mb']} | "
            f"{b.get('peak_process_mb', '')} | {b.get('speedup_vs_baseline', '')} | {b.get('load_average')} |"
        )
    medians = result.get("medians")
    if medians:
        lines += [
            "",
            f"Medians over {medians[0]['rounds']} interleaved rounds:",
            "",
            "| side | workers | articles/s | CPU s/article | largest process MB | articles/s vs baseline "
            "| baseline CPU / side CPU | all records ok |",
            "|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        lines += [
            f"| {m['side']} | {m['workers']} | {m['articles_per_second']} | {m['cpu_seconds_per_article']} | "
            f"{m['largest_process_mb']} | {m.get('rate_vs_baseline', '')} | "
            f"{m.get('cpu_baseline_over_side', '')} | {m['all_ok']} |"
            for m in medians
        ]
    memory = result.get("memory")
    if memory:
        lines += [
            "",
            f"Memory: {memory['articles_done']} of {memory['articles_requested']} articles "
            f"({'stopped at the time budget' if memory['stopped_by_budget'] else 'complete'}, "
            f"{memory['seconds']} s, 2 workers): peak {memory['peak_mb']} MB against "
            f"{memory['small_run_peak_mb']} MB for the {memory['small_run_articles']}-article run "
            f"(ratio {memory['peak_ratio']}); {memory['articles_per_second']} articles/s.",
            "",
            "Peak MB in each tenth of the large run: "
            + ", ".join(f"{p:,.0f}" for p in memory["peak_mb_by_tenth"]) + ".",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

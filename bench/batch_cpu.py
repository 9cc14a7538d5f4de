"""Batch worker CPU per article: a baseline commit against this checkout, in the same run.

What a `summarize batch` worker does per chunk (``batch.work.analyse_chunk``: the chunk's
encoder pass, then every default analysis of each article), timed by the worker process's
own CPU time. On a shared machine the whole batch's wall time follows the other load;
the worker's CPU seconds per article are the steadier figure (``batch_throughput.py``
measures the whole CLI run, wall and memory, when the machine is quiet).

Sides, each in its own process with one thread (as a batch worker): the baseline checkout
(``--baseline-src``, put first on PYTHONPATH), this checkout, and this checkout with
``SUMMARIZE_ENCODER_RUNTIME=onnx`` (when ONNX Runtime is installed). Each process analyses
one warm-up chunk (model loads, not counted: a worker loads once per 1,000 articles), then
``--articles`` SummEval articles in chunks of 32 (the CLI's default), timed. The sides
alternate for ``--rounds`` rounds; medians are reported with each side's CPU ratio to the
baseline. Articles per second on 2 cores if nothing else ran: 2 / (CPU s per article).

Run: .venv/bin/python bench/batch_cpu.py [--baseline-src /tmp/base-d172daa | --baseline d172daa]
     [--articles 64] [--rounds 3] [--also-src /tmp/another-checkout ...] [--also 2a502b6 ...]
Without --baseline-src the baseline commit (default d172daa) is checked out into /tmp.
Writes bench/results/batch_cpu.{json,md}.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from batch_throughput import BASELINE_COMMIT, checkout, save_results
from evaldata import summeval_file

ROOT = Path(__file__).resolve().parent.parent
CHUNK = 32

# Run in each side's process: only the batch worker API both commits share.
WORKER = """
import json, os, resource, sys, time
from summarize.batch.items import BatchItem
from summarize.batch.work import WorkerConfig, analyse_chunk, prepare
from summarize.settings import Settings
path, count, chunk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, encoding="utf-8") as handle:
    texts = [json.loads(line)["article"] for line in handle if line.strip()]
try:  # input limits in the settings (since issue 17) or beside them (older commits)
    from summarize.inputs.settings import InputSettings
    config = WorkerConfig(settings=Settings(input=InputSettings(max_chars=2_000_000)))
except ImportError:
    config = WorkerConfig(settings=Settings(), max_chars=2_000_000)
def items(lo, hi):
    made = [BatchItem(id=f"a{i}", input=f"a{i}", text=texts[i % len(texts)]) for i in range(lo, hi)]
    return [prepare(item, config) for item in made]
analyse_chunk(items(0, 4), config)
prepared = items(4, 4 + count)
started, wall = time.process_time(), time.perf_counter()
for lo in range(0, count, chunk):
    analyse_chunk(prepared[lo : lo + chunk], config)
cpu, wall = time.process_time() - started, time.perf_counter() - wall
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"cpu_per_article": cpu / count, "wall_per_article": wall / count, "peak_mb": peak}))
"""


def run_side(src: Path, env_extra: dict[str, str], data: Path, count: int) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if k != "SUMMARIZE_ENCODER_RUNTIME"}
    env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONPATH=str(src))
    env.update(env_extra)
    out = subprocess.run(
        [sys.executable, "-c", WORKER, str(data), str(count), str(CHUNK)],
        cwd=src, env=env, capture_output=True, text=True, check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, help="a checkout of the baseline commit")
    parser.add_argument(
        "--baseline", default=BASELINE_COMMIT, help="without --baseline-src: the commit checked out into /tmp"
    )
    parser.add_argument("--also", action="append", default=[], help="another commit, checked out into /tmp")
    parser.add_argument(
        "--also-src", type=Path, action="append", default=[], help="another checkout to run (e.g. main)"
    )
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    args.baseline_src = args.baseline_src or checkout(args.baseline)
    args.also_src += [checkout(commit) for commit in args.also]
    data = summeval_file()
    if data is None:
        print("skipped: no SummEval data (set SUMMARIZE_EVAL_DIR)")
        return 0
    sides: dict[str, tuple[Path, dict[str, str]]] = {
        "baseline": (args.baseline_src.resolve(), {}),
        **{f"checkout {src}": (src.resolve(), {}) for src in args.also_src},
        "new (numpy runtime)": (ROOT, {}),
    }
    if importlib.util.find_spec("onnxruntime") is not None:
        sides["new, SUMMARIZE_ENCODER_RUNTIME=onnx"] = (ROOT, {"SUMMARIZE_ENCODER_RUNTIME": "onnx"})
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
    load = [os.getloadavg()[0]]
    for round_ in range(args.rounds):
        for name, (src, extra) in sides.items():
            runs[name].append(run_side(src, extra, data, args.articles))
            print(f"round {round_ + 1} {name}: {runs[name][-1]}", flush=True)
    load.append(os.getloadavg()[0])
    base = statistics.median(r["cpu_per_article"] for r in runs["baseline"])
    rows = []
    for name, results in runs.items():
        cpu = statistics.median(r["cpu_per_article"] for r in results)
        wall = statistics.median(r["wall_per_article"] for r in results)
        rows.append(
            {
                "side": name,
                "cpu_per_article": round(cpu, 4),
                "cpu_runs": [round(r["cpu_per_article"], 4) for r in results],
                "cpu_ratio_to_baseline": round(base / cpu, 2),
                "articles_per_second_2_cores_cpu_bound": round(2 / cpu, 2),
                "wall_per_article_contended": round(wall, 4),
                "peak_mb": round(max(r["peak_mb"] for r in results), 1),
            }
        )
    report = {
        "baseline_src": str(args.baseline_src),
        "articles": args.articles,
        "rounds": args.rounds,
        "load_average": f"{load[0]:.1f}-{load[1]:.1f}",
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "rows": rows,
    }
    save_results("batch_cpu", report, markdown(report))
    print(markdown(report))
    return 0


def markdown(r: dict) -> str:
    lines = [
        "# Batch worker CPU per article, baseline and new in the same run",
        "",
        f"{r['articles']} SummEval articles per run in chunks of {CHUNK}, one thread per process, "
        f"{r['rounds']} interleaved rounds (medians); baseline: `{r['baseline_src']}`; "
        f"load average {r['load_average']} on 2 cores (wall figures are contended).",
        "",
        "| side | CPU s/article | runs | CPU ratio to baseline | art/s on 2 cores if CPU-bound "
        "| wall s/article (contended) | peak MB |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for row in r["rows"]:
        lines.append(
            f"| {row['side']} | {row['cpu_per_article']} | {', '.join(map(str, row['cpu_runs']))} "
            f"| {row['cpu_ratio_to_baseline']}x | {row['articles_per_second_2_cores_cpu_bound']} "
            f"| {row['wall_per_article_contended']} | {row['peak_mb']} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

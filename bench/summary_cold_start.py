"""Cold start of `summarize summary ARTICLE`: whole processes, now against the encoder-loading baseline.

The default extractive scorer is a lead-position rule (centrality weight 0,
``models/summary_scorer/README.md``), so the summary no longer loads MiniLM. The baseline,
run in the same session and alternated with it, is the same command preceded by what the
summary did before: load the encoder and embed the article's sentences
(``ctx.sentence_embeddings``). Each run is a fresh process; we record wall time, CPU time
(user + system), peak RSS and whether torch/transformers were imported.

Usage: .venv/bin/python bench/summary_cold_start.py [ARTICLE] [--repeats 3]
Writes bench/results/summary_cold_start.{json,md}. Default article: the seed demo article
(../shared/seed/belarus-china-article.txt), else samples/01-harborview-transit-vote.txt.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seed" / "belarus-china-article.txt"
RESULTS = ROOT / "bench" / "results"

# Runs the CLI in this process and reports its own resource use on the last stderr line.
PROBE = """
import json, resource, sys, time
started = time.perf_counter()
article = {article!r}
if {baseline!r}:
    from summarize.context import Context
    from summarize.inputs.read import read_article
    from summarize.settings import Settings
    Context(settings=Settings()).sentence_embeddings(read_article(article), "summary")
from summarize.cli.app import main
sys.argv = ["summarize", "summary", article, "-f", "json"]
try:
    main()
except SystemExit:
    pass
usage = resource.getrusage(resource.RUSAGE_SELF)
heavy = sorted(m for m in ("torch", "transformers") if m in sys.modules)
print(json.dumps({{"inside_s": time.perf_counter() - started, "cpu_s": usage.ru_utime + usage.ru_stime,
                   "peak_rss_mb": usage.ru_maxrss / 1024, "heavy": heavy}}), file=sys.stderr)
"""


def run_once(article: Path, *, baseline: bool) -> dict:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(article=str(article), baseline=baseline)],
        capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - started
    stats = json.loads(result.stderr.strip().splitlines()[-1])
    summary = json.loads(result.stdout)
    return {"wall_s": wall, **stats, "sentences": [s["text"] for s in summary["sentences"]]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("article", nargs="?", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    fallback = ROOT / "samples" / "01-harborview-transit-vote.txt"
    article = args.article or (SEED if SEED.is_file() else fallback)
    runs: dict[str, list[dict]] = {"now": [], "baseline": []}
    for _ in range(args.repeats):  # alternated, so machine load hits both alike
        runs["baseline"].append(run_once(article, baseline=True))
        runs["now"].append(run_once(article, baseline=False))
    assert runs["now"][0]["sentences"] == runs["baseline"][0]["sentences"], "same summary expected"
    rows = {}
    for name, items in runs.items():
        rows[name] = {key: statistics.median(r[key] for r in items)
                      for key in ("wall_s", "cpu_s", "peak_rss_mb")}
        rows[name]["heavy_imports"] = items[0]["heavy"]
    ratio = {key: rows["baseline"][key] / rows["now"][key] for key in ("wall_s", "cpu_s", "peak_rss_mb")}
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    result = {"article": article.name, "repeats": args.repeats, "median": rows,
              "baseline_over_now": ratio, "load_average": load}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "summary_cold_start.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        f"# `summarize summary {article.name}` cold start (median of {args.repeats}, whole processes)",
        "",
        "| run | wall s | CPU s | peak RSS MB | torch/transformers imported |",
        "|---|---|---|---|---|",
    ]
    for name, label in (("baseline", "baseline: encoder loaded + sentences embedded (before)"),
                        ("now", "now: lead-position rule, no encoder")):
        r = rows[name]
        lines.append(f"| {label} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['peak_rss_mb']:.0f} | "
                     f"{', '.join(r['heavy_imports']) or 'no'} |")
    lines += ["", f"baseline / now: wall {ratio['wall_s']:.1f}x, CPU {ratio['cpu_s']:.1f}x, "
                  f"peak RSS {ratio['peak_rss_mb']:.1f}x; load average {' '.join(load)} (2 shared cores)"]
    (RESULTS / "summary_cold_start.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

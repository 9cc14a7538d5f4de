"""Cold starts: whole `summarize` processes on the seed article, this checkout against a baseline.

Each command (`report`, `summary`, `sentiment`, `readability`, default settings, JSON to
/dev/null) runs as a fresh process, ``--runs`` times (default 5) for each side, the two sides
interleaved (new, baseline, new, ...) so a change in the shared machine's load hits both.
Per run: wall time, CPU time (user + system, from wait4) and peak RSS of the process.
Reported: medians, and the baseline/new ratios.

The baseline is a pristine checkout of an older commit run with this venv on PYTHONPATH:
    git worktree add /tmp/base-d172daa d172daa
    .venv/bin/python bench/cold_start.py --baseline-src /tmp/base-d172daa
    git worktree remove /tmp/base-d172daa
Without --baseline-src only this checkout is measured. The seed article is
../shared/seed/belarus-china-article.txt from the project root (or --article); it is read, never copied.

Writes bench/results/cold_start.json and .md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SEED = ROOT.parent / "shared" / "seed" / "belarus-china-article.txt"
COMMANDS = ("report", "summary", "sentiment", "readability")
LAUNCH = "import sys; from summarize.cli.app import main; sys.argv = ['summarize', *sys.argv[1:]]; main()"


def run_once(src: Path, command: str, article: Path) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(src))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", LAUNCH, command, str(article), "-f", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd="/tmp",
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(f"{src}: summarize {command} failed: {process.stderr.read().decode()[-500:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}


def which_package(src: Path) -> str:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", "import summarize; print(summarize.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        cwd="/tmp",
        check=True,
    )
    return out.stdout.strip()


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    return {key: round(statistics.median(r[key] for r in runs), 3) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline-src", type=Path, help="a checkout of the baseline commit")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warm", type=int, default=1, help="uncounted runs first (page cache)")
    parser.add_argument("--article", type=Path, default=SEED)
    parser.add_argument("--commands", nargs="*", default=list(COMMANDS))
    args = parser.parse_args()
    if not args.article.is_file():
        print(f"skipped: no seed article at {args.article}")
        return
    sides = {"new": ROOT}
    if args.baseline_src:
        sides["baseline"] = args.baseline_src.resolve()
    packages = {name: which_package(src) for name, src in sides.items()}
    for name, src in sides.items():
        assert packages[name].startswith(str(src)), f"{name} imports {packages[name]}, not {src}"
    load_before = os.getloadavg()
    results: dict[str, dict[str, object]] = {}
    for command in args.commands:
        for _ in range(args.warm):  # warm the page cache (weights, wheels): not counted
            for src in sides.values():
                run_once(src, command, args.article)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in sides}
        for _ in range(args.runs):
            for name, src in sides.items():
                runs[name].append(run_once(src, command, args.article))
        results[command] = {name: {"median": medians(r), "runs": r} for name, r in runs.items()}
        line = f"{command:12s}" + "".join(
            f"  {name}: {m['wall_s']:.2f} s wall, {m['cpu_s']:.2f} s CPU, {m['peak_rss_mb']:.0f} MB"
            for name, m in ((n, results[command][n]["median"]) for n in sides)  # type: ignore[index]
        )
        print(line, flush=True)
        save(args, sides, load_before, results)  # after each command: a long run keeps what it measured


def save(args: argparse.Namespace, sides: dict[str, Path], load_before: tuple, results: dict) -> None:
    payload = {
        "article": str(args.article),
        "runs_per_side": args.runs,
        "sides": {name: str(src) for name, src in sides.items()},
        "load_average_before_after": [load_before, os.getloadavg()],
        "cpu_count": os.cpu_count(),
        "results": results,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cold_start.json").write_text(json.dumps(payload, indent=2) + "\n")
    (RESULTS / "cold_start.md").write_text(markdown(payload, list(sides)))


def markdown(payload: dict, sides: list[str]) -> str:
    lines = [
        f"Cold starts on the seed article, medians of {payload['runs_per_side']} interleaved runs "
        f"(load average before/after: {payload['load_average_before_after'][0][0]:.1f} / "
        f"{payload['load_average_before_after'][1][0]:.1f} on {payload['cpu_count']} cores).",
        "",
        "| command | "
        + " | ".join(f"{s} wall s | {s} CPU s | {s} peak MB" for s in sides)
        + (" | wall ratio | CPU ratio |" if "baseline" in sides else ""),
        "|---|" + "---:|" * (3 * len(sides) + (2 if "baseline" in sides else 0)),
    ]
    for command, result in payload["results"].items():
        cells = []
        for side in sides:
            m = result[side]["median"]
            cells += [f"{m['wall_s']:.2f}", f"{m['cpu_s']:.2f}", f"{m['peak_rss_mb']:.0f}"]
        if "baseline" in sides:
            new, base = result["new"]["median"], result["baseline"]["median"]
            cells += [f"{base['wall_s'] / new['wall_s']:.1f}x", f"{base['cpu_s'] / new['cpu_s']:.1f}x"]
        lines.append(f"| `summarize {command}` | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()

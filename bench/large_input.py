"""Time and memory of `summarize report` per stage on long synthetic inputs, to set the input limit.

The text is the project's own sample articles (samples/*.txt, headlines dropped) concatenated
up to each size. Each size runs `summarize report` as a fresh process (JSON to a file) and reads
its per-stage progress lines (stage seconds, peak RSS so far). Reported: seconds and CPU seconds
per MB, peak RSS, and the stage that grows fastest, with the smallest size as the baseline of
the same run (a linear pipeline keeps seconds per MB flat).

Usage: .venv/bin/python bench/large_input.py [MB ...]   (default: 0.1 0.25 0.5)
Writes bench/results/large_input.{json,md}.
"""

from __future__ import annotations

import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
STAGE = re.compile(r"\] (\w+) done in ([\d.]+) s · peak memory ([\d,]+) MB")


def synthetic_text(chars: int) -> str:
    bodies = [p.read_text(encoding="utf-8").split("\n", 1)[1].strip()
              for p in sorted((ROOT / "samples").glob("*.txt"))]
    parts: list[str] = []
    size = 0
    while size < chars:
        body = bodies[len(parts) % len(bodies)]
        parts.append(body)
        size += len(body) + 2
    return "\n\n".join(parts)[:chars]


def run(megabytes: float, folder: Path) -> dict:
    chars = int(megabytes * 1_000_000)
    article = folder / f"long-{chars}.txt"
    article.write_text(synthetic_text(chars), encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "summarize", "report", str(article), "-f", "json", "-o",
         str(folder / f"long-{chars}.json"), "--force", "--max-chars", str(chars)],
        capture_output=True, text=True, check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stages = {m[1]: {"seconds": float(m[2]), "peak_rss_mb": float(m[3].replace(",", ""))}
              for m in STAGE.finditer(result.stderr)}
    peak = max((s["peak_rss_mb"] for s in stages.values()), default=None)
    return {"megabytes": megabytes, "wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak,
            "wall_s_per_mb": wall / megabytes, "cpu_s_per_mb": cpu / megabytes, "stages": stages}


def write_results(rows: list[dict], load: list[str]) -> list[str]:
    """bench/results/large_input.{json,md} from the rows so far (the smallest size is the baseline)."""
    base = rows[0]
    for row in rows:
        row["cpu_per_mb_vs_smallest"] = row["cpu_s_per_mb"] / base["cpu_s_per_mb"]
        row["stage_growth_vs_smallest"] = {
            name: (stage["seconds"] / row["megabytes"])
            / (base["stages"][name]["seconds"] / base["megabytes"])
            for name, stage in row["stages"].items()
            if base["stages"].get(name, {}).get("seconds")
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    payload = {"rows": rows, "load_average": load}
    (RESULTS / "large_input.json").write_text(json.dumps(payload, indent=2) + "\n")
    names = list(rows[-1]["stages"])
    lines = [
        "# `summarize report` on long inputs (samples/ concatenated; one process per size)",
        "",
        "| MB | wall s | CPU s | CPU s per MB (× smallest) | peak RSS MB | "
        + " | ".join(f"{n} s" for n in names) + " |",
        "|---" * (5 + len(names)) + "|",
    ]
    for row in rows:
        cells = [f"{row['megabytes']:g}", f"{row['wall_s']:.0f}", f"{row['cpu_s']:.0f}",
                 f"{row['cpu_s_per_mb']:.0f} ({row['cpu_per_mb_vs_smallest']:.1f}x)",
                 f"{row['peak_rss_mb']:,.0f}"]
        cells += [f"{row['stages'].get(n, {}).get('seconds', float('nan')):.1f}" for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", f"Stage columns are wall seconds. Load average {' '.join(load)} (2 shared cores): "
                  "wall times are noisy, CPU less so."]
    (RESULTS / "large_input.md").write_text("\n".join(lines) + "\n")
    return lines


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [0.1, 0.25, 0.5]
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    rows: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sorted(sizes):
            rows.append(run(mb, Path(tmp)))
            print(json.dumps(rows[-1]), flush=True)
            lines = write_results(rows, load)  # after every size: a long run stopped early keeps its rows
    print("\n".join(lines))


if __name__ == "__main__":
    main()

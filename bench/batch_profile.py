"""Where a batch worker's CPU goes, stage by stage, on SummEval articles.

What ``summarize batch`` does to an article, in one process and one thread (as a worker):
read and split it (``prepare``, in a worker), the pickles that carry it to the batch process
and back, the chunk's encoder pass and the analyses (``analyse_chunk``), the pickle of the
finished records to the batch process, and the batch process writing them (JSONL, fsynced).

Each stage's CPU time is measured by wrapping its functions with a timer that charges a
stage only for the time not spent in an inner stage (so VADER inside sentiment counts as
VADER, the actors found for sentiment as entities). A cProfile run (CPU time) of the same work
comes first, its top lines by own time (cProfile's overhead inflates pure-Python stages, so
the stage table comes from the timed run, the profile only says which functions).

Run: .venv/bin/python bench/batch_profile.py [--articles 64] [--runtime numpy|onnx] [--label NAME]
     (another commit's code: PYTHONPATH=/tmp/summarize-<commit> with --label <commit>)
Writes bench/results/batch_profile[_LABEL].{json,md}.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pickle
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("OMP_NUM_THREADS", "1")  # as a batch worker (before numpy/ORT load)
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

from batch_throughput import save_results
from evaldata import summeval_articles_or_skip

CHUNK = 32

# stage -> functions charged to it ("module:attribute" or "module:Class.method"), innermost wins.
STAGES: dict[str, tuple[str, ...]] = {
    "read + sentence split (worker)": ("summarize.batch.work:read_item",),
    "encoder: forward pass": (
        "summarize.backends.bert_numpy:NumpyBert.forward",
        "summarize.backends.bert_onnx:OrtBert.forward",
    ),
    "encoder: tokenize, pack, pool, copy states": (
        "summarize.backends.bert_numpy:NumpySentenceEncoder.encode_states",
        "summarize.encoder_pass:fill",
    ),
    "entities (actors)": ("summarize.entities.recognize:find_actors",),
    "VADER": (
        "summarize.sentiment.vader_backend:compound_scores",
        "summarize.sentiment.vader_backend:word_valences",
    ),
    "sentiment (head, pooled occlusion, actors; without VADER)": ("summarize.sentiment.analysis:run",),
    "framing: lexicon, patterns, quotes": ("summarize.framing.detect:detect_spans",),
    "framing: heads": ("summarize.framing.scoring:score_with_heads",),
    "framing (rest)": ("summarize.framing.analysis:run",),
    "readability": ("summarize.readability.analysis:run",),
    "summary": ("summarize.summary.analysis:run",),
    "report assembly (pipeline)": ("summarize.pipeline:run_analyses",),
    "report to dict": ("summarize.report:Report.to_dict",),
    "record: JSON line + flat row": ("summarize.batch.records:finish",),
}


class StageClock:
    """CPU seconds per stage, each charged only for time outside its inner stages."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.stack: list[list[Any]] = []  # [stage, started, inner seconds]

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.stack.append([stage, time.process_time(), 0.0])
            try:
                return fn(*args, **kwargs)
            finally:
                name, started, inner = self.stack.pop()
                spent = time.process_time() - started
                self.seconds[name] = self.seconds.get(name, 0.0) + spent - inner
                if self.stack:
                    self.stack[-1][2] += spent

        timed.__wrapped__ = fn  # type: ignore[attr-defined]
        return timed


def install(clock: StageClock) -> None:
    """Wrap every stage function where it is defined and wherever a module imported it by name."""
    import importlib

    for stage, targets in STAGES.items():
        for target in targets:
            module_name, attr = target.split(":")
            try:
                module = importlib.import_module(module_name)
            except ImportError:
                continue
            if "." in attr:
                owner_name, method = attr.split(".")
                owner = getattr(module, owner_name)
                setattr(owner, method, clock.wrap(stage, getattr(owner, method)))
                continue
            original = getattr(module, attr)
            timed = clock.wrap(stage, original)
            for name, loaded in list(sys.modules.items()):
                if name.startswith("summarize") and getattr(loaded, attr, None) is original:
                    setattr(loaded, attr, timed)


def make_items(texts: list[str], lo: int, hi: int) -> list[Any]:
    from summarize.batch.items import BatchItem

    return [BatchItem(id=f"a{i}", input=f"a{i}", text=texts[i % len(texts)]) for i in range(lo, hi)]


def worker_config() -> Any:
    from summarize.batch.work import WorkerConfig
    from summarize.inputs.settings import InputSettings
    from summarize.settings import Settings

    return WorkerConfig(settings=Settings(input=InputSettings(max_chars=2_000_000)))


def run_batch_work(texts: list[str], count: int) -> dict[str, float]:
    """The work of ``count`` articles as the batch does it; CPU of the IPC and writing stages."""
    from summarize.batch.work import analyse_chunk, prepare
    from summarize.batch.writers import JsonlWriter

    config = worker_config()
    extra: dict[str, float] = {}

    def charge(stage: str, started: float) -> None:
        extra[stage] = extra.get(stage, 0.0) + time.process_time() - started

    with tempfile.TemporaryDirectory() as tmp:
        writer = JsonlWriter(Path(tmp) / "out.jsonl")
        for lo in range(0, count, CHUNK):
            prepared = [
                prepare(item, config) for item in make_items(texts, 4 + lo, 4 + min(count, lo + CHUNK))
            ]
            started = time.process_time()  # worker -> batch process -> worker, as the runner sends them
            prepared = [pickle.loads(pickle.dumps(p)) for p in prepared]
            prepared = pickle.loads(pickle.dumps(prepared))
            charge("IPC: prepared articles to the batch process and back (pickle)", started)
            finished = analyse_chunk(prepared, config)
            started = time.process_time()
            finished = pickle.loads(pickle.dumps(finished))
            charge("IPC: finished records to the batch process (pickle)", started)
            started = time.process_time()
            for record in finished:
                writer.write(record)
            charge("batch process: writing JSONL (fsync per record)", started)
        writer.close()
    return extra


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument(
        "--runtime", choices=("numpy", "onnx"), default=None, help="SUMMARIZE_ENCODER_RUNTIME"
    )
    parser.add_argument("--label", default="", help="suffix of the results files")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    if args.runtime:
        os.environ["SUMMARIZE_ENCODER_RUNTIME"] = args.runtime
    texts = summeval_articles_or_skip()
    if texts is None:
        return 0
    from summarize.batch.work import analyse_chunk, prepare

    config = worker_config()
    analyse_chunk([prepare(item, config) for item in make_items(texts, 0, 4)], config)  # loads, not counted

    profiler = cProfile.Profile(time.process_time)  # CPU time: waits for the cores are not charged
    profiler.enable()
    run_batch_work(texts, args.articles)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.top)
    top = [line for line in out.getvalue().splitlines() if line.strip()]
    top = top[next(i for i, line in enumerate(top) if "ncalls" in line) :]

    clock = StageClock()
    install(clock)
    started = time.process_time()
    extra = run_batch_work(texts, args.articles)
    total = time.process_time() - started
    stages = {**clock.seconds, **extra}

    n = args.articles
    rows = [
        {"stage": name, "cpu_per_article": round(sec / n, 4), "share": round(sec / total, 3)}
        for name, sec in sorted(stages.items(), key=lambda kv: -kv[1])
    ]
    other = total - sum(stages.values())
    rows.append(
        {
            "stage": "other (untimed glue)",
            "cpu_per_article": round(other / n, 4),
            "share": round(other / total, 3),
        }
    )
    import summarize

    report = {
        "code": str(Path(summarize.__file__).parent.parent),
        "articles": n,
        "runtime": os.environ.get("SUMMARIZE_ENCODER_RUNTIME", "default"),
        "cpu_per_article": round(total / n, 4),
        "load_average": round(os.getloadavg()[0], 1),
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "stages": rows,
        "cprofile_top_by_own_time": [line.replace(str(Path(sys.prefix)), ".venv") for line in top],
    }
    name = "batch_profile" + (f"_{args.label}" if args.label else "")
    save_results(name, report, markdown(report))
    print(markdown(report))
    return 0


def markdown(r: dict[str, Any]) -> str:
    lines = [
        "# Where a batch worker's CPU goes",
        "",
        f"`bench/batch_profile.py` on the code in `{r['code']}`: {r['articles']} SummEval articles in "
        f"chunks of {CHUNK}, one process, "
        f"one thread, encoder runtime `{r['runtime']}`; load average {r['load_average']} on 2 cores "
        f"({r['finished']}). Total **{r['cpu_per_article']} CPU s/article**.",
        "",
        "| stage | CPU s/article | share |",
        "|---|---:|---:|",
    ]
    lines += [f"| {s['stage']} | {s['cpu_per_article']} | {s['share']:.1%} |" for s in r["stages"]]
    lines += [
        "",
        "cProfile of the same work, top functions by own time (cProfile inflates pure Python):",
        "",
        "```",
    ]
    lines += r["cprofile_top_by_own_time"]
    lines += ["```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

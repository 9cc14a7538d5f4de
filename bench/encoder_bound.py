"""How fast can a batch run be? The encoder's arithmetic against this CPU's measured peak.

The batch runner and a naive loop must do the same encoder arithmetic to give the same
reports: the sentence embeddings (with the framing word head's token vectors, one pass) and
the sentiment occlusion variants. This script counts that arithmetic on SummEval articles,
measures one core's bf16 matrix-multiply peak, and times both paths on the same articles:

- tokens and FLOPs per article (linear layers from the model config; attention from each
  forward pass's real sequence length);
- encoder seconds per article in the naive loop (`analyze()` one article at a time) and in
  the batch path (`analyse_chunk`: the encoder work of a chunk batched across its articles),
  and the GFLOP/s each reaches;
- the rest (splitting, VADER, framing rules, entities, readability, the report) per article;
- the bound: with perfect scaling over the machine's cores, a batch run can be at most
  ``cores * naive_cpu / (flops / peak + rest)`` times the naive loop (one core).

One torch thread throughout (what the batch workers and the naive loop's small calls use).
Run: .venv/bin/python bench/encoder_bound.py [--articles 32]
Writes bench/results/encoder_bound.json and .md. Skips cleanly without ../shared/eval.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from evaldata import summeval_articles_or_skip

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"


def matmul_peak_gflops() -> float:
    """One thread, bf16, the encoder's own matrix shapes: the best rate of a few sizes."""
    import torch

    best = 0.0
    for m in (256, 1024, 4096):
        for out_features in (384, 1536):
            a = torch.randn(m, 384, dtype=torch.bfloat16)
            w = torch.randn(out_features, 384, dtype=torch.bfloat16)
            torch.nn.functional.linear(a, w)
            reps = max(5, 400_000 // m)
            started = time.process_time()  # CPU time: robust to other jobs sharing the core
            for _ in range(reps):
                torch.nn.functional.linear(a, w)
            seconds = (time.process_time() - started) / reps
            best = max(best, 2 * m * 384 * out_features / seconds / 1e9)
    return best


class ForwardMeter:
    """Wraps the encoder's forward: counts tokens and FLOPs, times the calls."""

    def __init__(self, model: object) -> None:
        config = model.config  # type: ignore[attr-defined]
        self.hidden = int(config.hidden_size)
        self.intermediate = int(config.intermediate_size)
        self.layers = int(config.num_hidden_layers)
        self.model = model
        self.inner = model.forward  # type: ignore[attr-defined]
        self.reset()

    def reset(self) -> None:
        self.tokens = 0
        self.flops = 0.0
        self.seconds = 0.0
        self.calls = 0

    def flops_for(self, batch: int, length: int) -> float:
        h, i = self.hidden, self.intermediate
        linear = 2 * (4 * h * h + 2 * h * i)  # Q, K, V, output projection, two feed-forward
        attention = 2 * 2 * length * h  # scores and the weighted sum
        return float(batch * length * self.layers * (linear + attention))

    def __call__(self, *args: object, **kwargs: object) -> object:
        ids = kwargs.get("input_ids", args[0] if args else None)
        batch, length = ids.shape  # type: ignore[union-attr]
        started = time.process_time()
        out = self.inner(*args, **kwargs)
        self.seconds += time.process_time() - started
        self.tokens += batch * length
        self.flops += self.flops_for(batch, length)
        self.calls += 1
        return out


def floor_encoder_for(run: dict, peak_gflops: float) -> float:
    """Seconds per article the encoder would take if every FLOP ran at the matmul peak."""
    return run["gflop_per_article"] / peak_gflops


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=32)
    args = parser.parse_args()
    articles = summeval_articles_or_skip()
    if articles is None:
        return 0
    import torch

    torch.set_num_threads(1)
    from dataclasses import replace

    from summarize import analyze
    from summarize.backends.encoder import load_encoder
    from summarize.batch.items import BatchItem
    from summarize.batch.work import WorkerConfig, analyse_chunk, prepare
    from summarize.inputs.settings import InputSettings
    from summarize.settings import Settings

    texts = articles[1 : args.articles + 1]
    settings = Settings()
    analyze(articles[0], settings)  # load the models, warm up
    auto_model = load_encoder(settings.encoder).model.auto_model
    meter = ForwardMeter(auto_model)
    auto_model.forward = meter  # instance attribute: nn.Module.__call__ finds it

    peak = matmul_peak_gflops()
    runs = {}
    for name in ("naive", "batch", "naive_again"):
        meter.reset()
        started = time.process_time()
        if name.startswith("naive"):
            for text in texts:
                analyze(text, settings)
        else:
            config = WorkerConfig(settings=replace(settings, input=InputSettings(max_chars=10_000_000)))
            items = [BatchItem(id=str(k), input=f"summeval:{k}", text=t) for k, t in enumerate(texts)]
            analyse_chunk([prepare(item, config) for item in items], config)
        total = time.process_time() - started
        n = len(texts)
        runs[name] = {
            "cpu_seconds_per_article": round(total / n, 4),
            "encoder_seconds_per_article": round(meter.seconds / n, 4),
            "rest_seconds_per_article": round((total - meter.seconds) / n, 4),
            "forward_calls_per_article": round(meter.calls / n, 1),
            "tokens_per_article": round(meter.tokens / n, 1),
            "gflop_per_article": round(meter.flops / n / 1e9, 2),
            "encoder_gflops": round(meter.flops / meter.seconds / 1e9, 1),
        }
        print(name, runs[name], flush=True)

    naive_cpu = sum(runs[k]["cpu_seconds_per_article"] for k in ("naive", "naive_again")) / 2
    batch = runs["batch"]
    floor_total = floor_encoder_for(batch, peak) + batch["rest_seconds_per_article"]
    floor_encoder = floor_encoder_for(batch, peak)
    cores = os.cpu_count() or 1
    result = {
        "articles": len(texts),
        "cores": cores,
        "matmul_peak_gflops_one_thread_bf16": round(peak, 1),
        "runs": runs,
        "naive_cpu_seconds_per_article": round(naive_cpu, 4),
        "encoder_floor_seconds_per_article": round(floor_encoder, 4),
        "batch_encoder_share_of_peak": round(batch["encoder_gflops"] / peak, 3),
        "bound_speedup_vs_naive": round(cores * naive_cpu / floor_total, 2),
        "measured_path_speedup_vs_naive": round(cores * naive_cpu / batch["cpu_seconds_per_article"], 2),
    }
    # What 3x would take: the encoder seconds left once the rest is paid, as a share of the peak.
    encoder_budget = cores * naive_cpu / 3 - batch["rest_seconds_per_article"]
    result["encoder_share_of_peak_needed_for_3x"] = (
        round(floor_encoder / encoder_budget, 3) if encoder_budget > 0 else None
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "encoder_bound.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "encoder_bound.md").write_text(render(result))
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=2))
    return 0


def render(result: dict) -> str:
    runs = result["runs"]
    naive_share = runs["naive"]["encoder_gflops"] / result["matmul_peak_gflops_one_thread_bf16"]
    lines = [
        "# The encoder's arithmetic against this CPU's peak",
        "",
        f"{result['articles']} SummEval articles, all four analyses (extractive summary), one torch thread, "
        "bf16. One core's measured bf16 matmul peak: "
        f"**{result['matmul_peak_gflops_one_thread_bf16']} GFLOP/s**.",
        "",
        "| path | CPU s/article | encoder s | rest s | forward calls | tokens | GFLOP | encoder GFLOP/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, r in runs.items():
        cells = [name.replace("_", " ")] + [
            str(r[key])
            for key in (
                "cpu_seconds_per_article",
                "encoder_seconds_per_article",
                "rest_seconds_per_article",
                "forward_calls_per_article",
                "tokens_per_article",
                "gflop_per_article",
                "encoder_gflops",
            )
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        f"- The batch path's encoder runs at {result['batch_encoder_share_of_peak']:.0%} of the matmul peak, "
        f"the naive loop's at {naive_share:.0%} "
        "(attention, GELU and layer norm are not matmuls, so 100% is out of reach).",
        "- 3x the naive loop on these cores would need the whole encoder (attention, GELU, norms "
        f"included) at {result['encoder_share_of_peak_needed_for_3x']:.0%} of the matmul peak, with nothing "
        "spent on process start, reading or writing.",
        f"- Floor for the encoder at peak: {result['encoder_floor_seconds_per_article']} s/article; "
        f"with the rest as measured, {result['cores']} cores can run at most "
        f"**{result['bound_speedup_vs_naive']}x** the naive loop "
        f"(the batch path as measured here: {result['measured_path_speedup_vs_naive']}x, before process "
        "start, reading and writing).",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

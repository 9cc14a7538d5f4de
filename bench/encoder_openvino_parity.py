"""Issue 15's bars for the OpenVINO encoder runtime (bf16 products on this CPU) against numpy.

OpenVINO is the batch default on a CPU with bfloat16 matrix units (``encoder.encoder_runtime``).
Same measures as bench/encoder_int8_parity.py, in one process, numpy (the reference, and the
runtime of a single article) first:
- NYT (vader_nyt, all sentences): Pearson r of the shipped sentiment head, sentence cosine;
- BABE (babe_dev): each sentence analysed with framing: accuracy, decisions unlike numpy's;
- BASIL (basil_dev, 150 articles, framing): sentence decisions unlike numpy's, mean |Δp|;
- SummEval: the extractive summary's chosen sentences, and the forward pass's process CPU
  seconds per article (each article alone, and the articles' sentences as one batch chunk),
  one thread.

Run: nice -n 10 .venv/bin/python bench/encoder_openvino_parity.py [--nyt 0] [--babe 0] [--basil 0]
     [--summeval 40]
Writes bench/results/encoder_openvino_parity.{json,md}. Skips (exit 0) without ../shared/eval
or without OpenVINO.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from encoder_int8_parity import COLUMNS as INT8_COLUMNS  # noqa: E402
from encoder_int8_parity import (  # noqa: E402
    FRAMING_LAYERS,
    Outputs,
    bars,
    compare,
    data_parser,
    load,
    read_data,
    run_all,
    runtime_table,
    single_thread,
)

RESULTS = ROOT / "bench" / "results"
RUNTIMES = ("numpy", "openvino")


def chunk_forward_seconds(model: Any, articles: list[str]) -> float:
    """Forward CPU per article with all the articles' sentences in one pass (a batch chunk)."""
    from summarize.document import build_document

    texts = [s.text for article in articles for s in build_document(article).sentences]
    model.encode_states(texts, layers=FRAMING_LAYERS)  # warm: each shape's kernels compiled once
    before = model.runner.seconds
    model.encode_states(texts, layers=FRAMING_LAYERS)
    return float(model.runner.seconds - before) / len(articles)


def verdict(row: dict[str, Any], articles: int) -> tuple[list[str], list[str]]:
    """Issue 15's bars ``row`` holds and misses (int8's, and the fp32 cosine bar), in words."""
    held, missed = bars(row, articles)
    (held if row["nyt_cosine_min"] >= 0.999 else missed).append(
        f"sentence cosine at least 0.999 (min {row['nyt_cosine_min']})"
    )
    return held, missed


def main() -> int:
    single_thread()
    from summarize.backends.encoder import openvino_has_bf16

    args = data_parser((__doc__ or "").splitlines()[0]).parse_args()
    data = read_data(args)
    if data is None:
        return 0
    try:
        import openvino  # noqa: F401
    except ImportError:
        print("skipped: OpenVINO is not installed (pip install -e .)")
        return 0
    outputs: dict[str, Outputs] = {}
    chunk: dict[str, float] = {}
    precision = ""
    for runtime in RUNTIMES:
        model = load(runtime, {})
        precision = getattr(model.runner.inner, "precision", precision)
        out = outputs[runtime] = run_all(data, model)
        chunk[runtime] = chunk_forward_seconds(model, data.summeval)
        row = compare({"numpy": outputs["numpy"], runtime: out}, data.nyt_ratings, data.babe_labels)
        print(runtime, row[runtime], flush=True)
    figures = compare(outputs, data.nyt_ratings, data.babe_labels)
    for runtime in RUNTIMES:
        figures[runtime]["chunk_forward_cpu_s_per_article"] = round(chunk[runtime], 4)
        figures[runtime]["chunk_speedup_vs_numpy"] = round(chunk["numpy"] / chunk[runtime], 2)
    held, missed = verdict(figures["openvino"], len(data.summeval))
    result = {
        "data": data.counts(),
        "openvino_precision": precision,
        "cpu_has_bf16": openvino_has_bf16(),
        "runtimes": figures,
        "held": held,
        "missed": missed,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "encoder_openvino_parity.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "encoder_openvino_parity.md").write_text(markdown(result))
    print(markdown(result))
    return 0


COLUMNS = (
    *INT8_COLUMNS,
    ("forward CPU s/article, one chunk", "chunk_forward_cpu_s_per_article"),
    ("speed-up", "chunk_speedup_vs_numpy"),
)


def markdown(result: dict[str, Any]) -> str:
    data = result["data"]
    lines = [
        "# Encoder parity: OpenVINO (the batch default on a CPU with bf16 units) against numpy",
        "",
        f"Same run: {data['nyt_sentences']} NYT sentences, {data['babe_sentences']} BABE dev sentences, "
        f"{data['basil_articles']} BASIL articles, {data['summeval_articles']} SummEval articles; one "
        f"thread. OpenVINO's inference precision here: **{result['openvino_precision']}** (CPU with "
        f"bf16 units: {result['cpu_has_bf16']}). Forward CPU: process CPU seconds of the forward pass, "
        "each article alone, and the articles' sentences as one batch chunk (as `summarize batch` runs "
        "them; the second of two runs).",
        "",
        *runtime_table(result["runtimes"], COLUMNS),
    ]
    lines += [
        "",
        "Issue 15's bars. **Held**: " + "; ".join(result["held"]) + ".",
        "",
        "**Missed**: " + ("; ".join(result["missed"]) or "none") + ".",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

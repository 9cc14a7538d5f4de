"""What must not change with the numpy encoder runtime: the default analyses' results.

Same process, same heads, the encoder on two runtimes:
- ``torch``: today's main (d172daa) path, transformers' BertModel through LightSentenceEncoder,
  bfloat16 where the CPU has it (as on this machine), else float32;
- ``numpy``: the new default (``backends/bert_numpy``), float32.
Measured:
- sentiment: Pearson r of the minilm head's scores with the NYT human ratings (vader_nyt,
  all 5,189 sentences), each runtime; the bar: within 0.005;
- framing: each BABE dev sentence analysed as a document with the bundled heads (the
  ``framing`` analysis); the share of sentences whose biased/not decision differs, and the
  accuracy of the decision against the experts' label, each runtime; the bar: within 0.005;
- summary: the extractive summary of each of the 100 SummEval articles; the bar: the same
  sentences chosen for every article.
- embeddings: cosine of the two runtimes' vectors (bf16 against fp32 on this machine).

``--runtimes numpy,onnx`` compares the numpy runtime (reference) with its forward pass on
ONNX Runtime (``SUMMARIZE_ENCODER_RUNTIME=onnx``, fp32) the same way.

Run: .venv/bin/python bench/encoder_runtime_parity.py [--babe 0] [--nyt 0] [--runtimes torch,numpy]
Writes bench/results/encoder_runtime_parity.{json,md} (another pair: ..._<a>_<b>.{json,md}).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from evaldata import eval_dir, summeval_articles  # noqa: E402

RESULTS = ROOT / "bench" / "results"
RUNTIMES = ("torch", "numpy")  # (reference, candidate), changed by --runtimes


def use_runtime(name: str) -> None:
    from summarize.backends import encoder

    os.environ["SUMMARIZE_ENCODER_RUNTIME"] = name
    encoder._CACHE.clear()


def babe_rows(limit: int) -> list[tuple[str, bool]]:
    path = eval_dir() / "babe_dev" / "babe_dev.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as handle:
        rows = [(r["text"], r["label_bias"] == "Biased") for r in csv.DictReader(handle, delimiter=";")]
    rows = [(t, b) for t, b in rows if t and t.strip()]
    return rows[:limit] if limit else rows


def main() -> int:
    import numpy as np

    from summarize.backends.encoder import load_encoder
    from summarize.context import Context
    from summarize.pipeline import analyze
    from summarize.sentiment.head import load_head
    from summarize.sentiment.vader_backend import compound_scores
    from summarize.settings import Settings
    from summarize_dev.nyt_data import load_nyt

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nyt", type=int, default=0, help="NYT sentences (0: all)")
    parser.add_argument("--babe", type=int, default=0, help="BABE sentences (0: all)")
    parser.add_argument("--summeval", type=int, default=100)
    parser.add_argument("--runtimes", default="torch,numpy", help="reference,candidate")
    args = parser.parse_args()
    global RUNTIMES
    ref, new = args.runtimes.split(",")
    RUNTIMES = (ref, new)
    result: dict[str, object] = {}

    nyt_dir = eval_dir()
    if (nyt_dir / "vader_nyt").is_dir():
        data = load_nyt(nyt_dir)
        texts = list(data.texts[: args.nyt or None])
        ratings = np.array(data.ratings[: len(texts)])
        head = load_head()
        vader = np.array(compound_scores(texts))
        vectors, pearson, seconds = {}, {}, {}
        for runtime in RUNTIMES:
            use_runtime(runtime)
            started = time.process_time()
            vectors[runtime] = load_encoder().encode(texts)
            seconds[runtime] = round(time.process_time() - started, 1)
            scores = head.predict_score(vectors[runtime], vader)
            pearson[runtime] = round(float(np.corrcoef(scores, ratings)[0, 1]), 4)
        cosine = (vectors[ref] * vectors[new]).sum(axis=1)
        result["sentiment_nyt"] = {
            "sentences": len(texts),
            "pearson_r": pearson,
            "difference": round(pearson[new] - pearson[ref], 4),
            "embedding_cosine_min": round(float(cosine.min()), 5),
            "embedding_cosine_mean": round(float(cosine.mean()), 5),
            "encode_cpu_seconds": seconds,
        }
        print("sentiment", result["sentiment_nyt"], flush=True)

    rows = babe_rows(args.babe)
    if rows:
        settings = Settings(analyses=("framing",), count_model_tokens=False)
        decisions: dict[str, list[bool]] = {}
        for runtime in RUNTIMES:
            use_runtime(runtime)
            decisions[runtime] = []
            for text, _ in rows:
                report = analyze(text, settings, context=Context(settings=settings))
                decisions[runtime].append(any(s.biased for s in report.framing.sentences))
        labels = [b for _, b in rows]
        accuracy = {
            r: round(float(np.mean([d == b for d, b in zip(decisions[r], labels, strict=True)])), 4)
            for r in RUNTIMES
        }
        differ = float(np.mean([a != b for a, b in zip(decisions[ref], decisions[new], strict=True)]))
        result["framing_babe"] = {
            "sentences": len(rows),
            "accuracy": accuracy,
            "accuracy_difference": round(accuracy[new] - accuracy[ref], 4),
            "decisions_differing_share": round(differ, 4),
        }
        print("framing", result["framing_babe"], flush=True)

    articles = summeval_articles()
    if articles:
        articles = articles[: args.summeval]
        settings = Settings(analyses=("summary",), count_model_tokens=False)
        chosen: dict[str, list[list[list[int]]]] = {}
        for runtime in RUNTIMES:
            use_runtime(runtime)
            chosen[runtime] = []
            for article in articles:
                summary = analyze(article, settings, context=Context(settings=settings)).summary
                chosen[runtime].append([s.source_sentences for s in summary.sentences])
        same = sum(a == b for a, b in zip(chosen[ref], chosen[new], strict=True))
        result["summary_summeval"] = {"articles": len(articles), "same_sentences_chosen": same}
        print("summary", result["summary_summeval"], flush=True)

    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = "encoder_runtime_parity" + ("" if RUNTIMES == ("torch", "numpy") else f"_{ref}_{new}")
    result["runtimes"] = list(RUNTIMES)
    (RESULTS / f"{stem}.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / f"{stem}.md").write_text(markdown(result))
    print((RESULTS / f"{stem}.md").read_text())
    return 0


def markdown(r: dict) -> str:
    ref, new = r.get("runtimes", RUNTIMES)
    title = {
        ("torch", "numpy"): "torch (today's main, bf16 on this CPU) against numpy (fp32)",
        ("numpy", "onnx"): "numpy (fp32) against its forward pass on ONNX Runtime (fp32)",
    }.get((ref, new), f"{ref} against {new}")
    lines = [f"# Encoder runtimes: {title}", ""]
    if "sentiment_nyt" in r:
        s = r["sentiment_nyt"]
        lines.append(
            f"- Sentiment, {s['sentences']} NYT sentences: Pearson r {ref} {s['pearson_r'][ref]}, "
            f"{new} {s['pearson_r'][new]} (difference {s['difference']:+}); embedding cosine "
            f"min {s['embedding_cosine_min']}, mean {s['embedding_cosine_mean']}."
        )
    if "framing_babe" in r:
        f = r["framing_babe"]
        lines.append(
            f"- Framing, {f['sentences']} BABE dev sentences, bundled heads: accuracy {ref} "
            f"{f['accuracy'][ref]}, {new} {f['accuracy'][new]} (difference "
            f"{f['accuracy_difference']:+}); decisions differing: {f['decisions_differing_share']:.2%}."
        )
    if "summary_summeval" in r:
        m = r["summary_summeval"]
        lines.append(
            f"- Summary, {m['articles']} SummEval articles: the same sentences chosen for "
            f"{m['same_sentences_chosen']} of {m['articles']}."
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())

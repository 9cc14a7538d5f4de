"""Sentence sentiment vs human ratings on the NYT editorial sentences (vader_nyt).

    .venv/bin/python bench/sentiment_nyt.py

Compares, in one run: VADER (compound), TextBlob (polarity), and the MiniLM ridge head
(embeddings only, and embeddings + VADER compound, the shipped configuration) under
nested grouped 5-fold CV by editorial. Reports Pearson and Spearman r against the
human means, ratios to VADER, and sentences per second. Writes
bench/results/sentiment_nyt.json. Skips cleanly if the eval data is absent.
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarize.sentiment.head import build_features  # noqa: E402
from summarize.sentiment.vader_backend import compound_scores  # noqa: E402
from summarize_dev.crossval import nested_cross_validation, pearson, spearman  # noqa: E402
from summarize_dev.nyt_data import cached_embeddings, eval_dir, load_nyt  # noqa: E402

SPEED_SAMPLE = 600  # sentences encoded fresh to time MiniLM (the rest come from the cache)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - started


def textblob_scores(texts: list[str]) -> list[float]:
    from textblob import TextBlob

    return [float(TextBlob(t).sentiment.polarity) for t in texts]


def main() -> int:
    folder = eval_dir(ROOT)
    if folder is None:
        print("skip: vader_nyt not found (../shared/eval or $SUMMARIZE_EVAL_DIR)")
        return 0
    data = load_nyt(folder)
    texts = list(data.texts)
    y = np.array(data.ratings)
    groups = np.array(data.editorials)
    n = len(texts)

    vader, vader_s = timed(compound_scores, texts)
    vader = np.array(vader)
    try:
        blob, blob_s = timed(textblob_scores, texts)
        blob = np.array(blob)
    except ImportError:
        blob, blob_s = None, None

    from summarize.backends.encoder import load_encoder

    encoder, load_s = timed(load_encoder, "minilm")
    sample = texts[:SPEED_SAMPLE]
    _, encode_s = timed(encoder.encode, sample)
    embeddings = cached_embeddings(data.texts)

    cv_emb, cv_emb_s = timed(nested_cross_validation, build_features(embeddings, None), y, groups)
    cv_both, cv_both_s = timed(nested_cross_validation, build_features(embeddings, vader), y, groups)

    def row(pred: np.ndarray, seconds: float | None, per_sentence_note: str) -> dict[str, object]:
        return {
            "pearson": round(pearson(pred, y), 4),
            "spearman": round(spearman(pred, y), 4),
            "sentences_per_second": None if not seconds else round(n / seconds, 1),
            "speed_note": per_sentence_note,
        }

    minilm_rate = SPEED_SAMPLE / encode_s  # the head itself is one dot product
    results: dict[str, object] = {
        "data": f"vader_nyt: {n} sentences, {len(set(data.editorials))} editorials, human means on -4..4",
        "protocol": "head: nested grouped 5-fold CV by editorial (inner grouped 5-fold CV picks alpha)",
        "machine": f"{platform.machine()}, shared 2 cores",
        "methods": {
            "vader": row(vader, vader_s, "compound, one process"),
            "textblob": row(blob, blob_s, "polarity") if blob is not None else None,
            "minilm_head": {
                **row(cv_emb.predictions, None, ""),
                "sentences_per_second": round(minilm_rate, 1),
                "speed_note": f"MiniLM encoding of {SPEED_SAMPLE} sentences, batch 64, CPU",
                "fold_pearson": [round(r, 4) for r in cv_emb.fold_pearson],
                "fold_alphas": list(cv_emb.fold_alphas),
            },
            "minilm_head_plus_vader (shipped)": {
                **row(cv_both.predictions, None, ""),
                "sentences_per_second": round(1 / (1 / minilm_rate + vader_s / n), 1),
                "speed_note": "MiniLM encoding + VADER",
                "fold_pearson": [round(r, 4) for r in cv_both.fold_pearson],
                "fold_alphas": list(cv_both.fold_alphas),
            },
        },
        "encoder_load_seconds": round(load_s, 2),
        "cv_seconds": round(cv_emb_s + cv_both_s, 1),
    }
    base = pearson(vader, y)
    shipped = pearson(cv_both.predictions, y)
    results["vs_vader"] = {
        "pearson_gain": round(shipped - base, 4),
        "pearson_ratio": round(shipped / base, 3),
        "target_gain": 0.12,
        "target_met": bool(shipped - base >= 0.12),
    }
    out = ROOT / "bench" / "results" / "sentiment_nyt.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Train the MiniLM sentiment head on the human-rated NYT editorial sentences.

    .venv/bin/python models/sentiment_head/train.py

Data: ../shared/eval/vader_nyt (or $SUMMARIZE_EVAL_DIR/vader_nyt), 5,190 sentences from
500 editorials, each rated by 20 people on -4..4. Features: the all-MiniLM-L6-v2
embedding (384, unit length) plus VADER's compound score. Model: ridge regression on
standardised features. Alpha is chosen by grouped (by editorial) 5-fold CV; the score
reported is nested: each outer fold chooses alpha on its own training editorials.
Writes head.npz (float32, no pickle) and metrics.json next to this script.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarize.sentiment.head import SentimentHead, build_features, fit_ridge, save_head  # noqa: E402
from summarize.sentiment.vader_backend import compound_scores  # noqa: E402
from summarize_dev.crossval import (  # noqa: E402
    ALPHAS,
    choose_alpha,
    nested_cross_validation,
    pearson,
    spearman,
)
from summarize_dev.nyt_data import cached_embeddings, eval_dir, load_nyt  # noqa: E402

OUTPUT_SCALE = 2.0  # rating points: tanh(rating / 2) puts a rating of +2 at 0.76
ENCODER = "sentence-transformers/all-MiniLM-L6-v2"


def main() -> int:
    folder = eval_dir(ROOT)
    if folder is None:
        print("vader_nyt not found (../shared/eval or $SUMMARIZE_EVAL_DIR); nothing trained")
        return 0
    data = load_nyt(folder)
    started = time.perf_counter()
    embeddings = cached_embeddings(data.texts)
    vader = np.array(compound_scores(list(data.texts)))
    features = build_features(embeddings, vader)
    ratings = np.array(data.ratings)
    groups = np.array(data.editorials)
    print(f"{len(ratings)} sentences, {len(set(data.editorials))} editorials; features {features.shape}")

    cv = nested_cross_validation(features, ratings, groups)
    alpha = choose_alpha(features, ratings, groups)
    coef, intercept, mean, scale = fit_ridge(features, ratings, alpha)
    head = SentimentHead(
        coef=coef,
        intercept=intercept,
        feature_mean=mean,
        feature_scale=scale,
        uses_vader=True,
        output_scale=OUTPUT_SCALE,
        alpha=alpha,
        encoder=ENCODER,
    )
    out = Path(__file__).resolve().parent
    save_head(head, out / "head.npz")
    metrics = {
        "data": (
            f"vader_nyt (Hutto & Gilbert 2014): {len(ratings)} NYT editorial sentences, "
            f"{len(set(data.editorials))} editorials"
        ),
        "features": "all-MiniLM-L6-v2 embedding (384) + VADER compound",
        "cv": "nested grouped 5-fold by editorial (inner grouped 5-fold picks alpha)",
        "alphas_tried": list(ALPHAS),
        "outer_fold_alphas": list(cv.fold_alphas),
        "outer_fold_pearson": [round(r, 4) for r in cv.fold_pearson],
        "pearson": round(pearson(cv.predictions, ratings), 4),
        "spearman": round(spearman(cv.predictions, ratings), 4),
        "vader_pearson": round(pearson(vader, ratings), 4),
        "final_alpha": alpha,
        "train_rows": len(ratings),
        "seconds": round(time.perf_counter() - started, 1),
    }
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")
    print(json.dumps(metrics, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Fit the actor stance head on PerSenT (author's stance toward the main person): all of persent_dev
(dev.csv, 417 people, and fixed_test.csv, Trump and Obama).

Run from the checkout root: .venv/bin/python models/actor_stance/train.py
Writes models/actor_stance/head.npz and metrics.json. The feature groups (USES) were chosen by the
grouped cross-validation in bench/actor_stance_persent.py; the ridge penalty and the neutral band are
chosen here by grouped CV on all the articles, then the head is fitted on all of them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))

import stance_cv as cv  # noqa: E402
from persent import load_dev_and_test, prepare  # noqa: E402

from summarize.sentiment.head import fit_ridge  # noqa: E402
from summarize.sentiment.stance import StanceHead, save_head  # noqa: E402

USES = ("score", "vader", "roles", "position")
HERE = Path(__file__).resolve().parent


def main() -> None:
    loaded = load_dev_and_test()
    if loaded is None:
        return
    dev, test = loaded
    articles = cv.found_articles(prepare(dev + test), len(dev))
    prepared, y, groups = articles.found, articles.y, articles.groups
    x = cv.design(prepared, USES)
    alpha, (lower, upper) = cv.fit_select(x, y, groups)
    coef, intercept, mean, scale = fit_ridge(x, y, alpha)
    from summarize.sentiment.head import load_head as load_sentence_head

    # Centre the neutral band on zero, so a positive score reads as a positive stance.
    center = (lower + upper) / 2
    head = StanceHead(
        coef,
        intercept - center,
        mean,
        scale,
        lower - center,
        upper - center,
        load_sentence_head().encoder,
        USES,
    )
    save_head(head, HERE / "head.npz")
    result = cv.cross_validate(x, y, groups)
    metrics = {
        "data": "persent_dev dev.csv + fixed_test.csv (PerSenT, Bastan et al. 2020), headline + body",
        "articles": len(prepared),
        "split": f"GroupKFold({cv.OUTER_FOLDS}) by the main person's surname, "
        f"nested {cv.INNER_FOLDS}-fold inner CV for the penalty and the neutral band",
        "features": list(USES),
        "alpha": alpha,
        "neutral_band": [round(lower - center, 4), round(upper - center, 4)],
        "centre_subtracted": round(center, 4),
        "cv_spearman": round(cv.spearman(result.scores, y), 4),
        "cv_macro_f1": round(cv.macro_f1(y, result.labels), 4),
    }
    (HERE / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2))


if __name__ == "__main__":
    main()

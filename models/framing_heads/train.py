"""Train the framing heads on BABE (babe_dev) and write sentence.npz, word.npz and metrics.json.

Run from the project root: .venv/bin/python models/framing_heads/train.py
The data is read from ../shared/eval/babe_dev (or $SUMMARIZE_EVAL_DIR); it is never copied here.
Embeddings are cached under /tmp/framing. The cross-validated scores of the same protocol come
from bench/framing_babe.py; this script fits the final heads on all of babe_dev, with the
sentence head's C and both thresholds chosen by 3-fold CV inside babe_dev.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def main() -> int:
    import numpy as np

    from summarize.framing.babe import embed_babe, read_babe
    from summarize.framing.training import (
        CACHED_LAYERS,
        NEGATIVE_SHARE,
        WORD_C,
        WORD_LAYERS,
        build_babe_data,
        train_heads,
    )

    eval_dir = Path(os.environ.get("SUMMARIZE_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    csv = eval_dir / "babe_dev" / "babe_dev.csv"
    if not csv.is_file():
        print(f"skip: {csv} not found (set SUMMARIZE_EVAL_DIR)")
        return 1
    sentences = read_babe(csv)
    data = build_babe_data(sentences, embed_babe(sentences, layers=CACHED_LAYERS))
    heads = train_heads(data, np.arange(len(sentences)), inner_folds=3, seed=0)
    heads.sentence.save(HERE / "sentence.npz")
    heads.word.save(HERE / "word.npz")
    metrics = {
        "data": "BABE babe_dev (final_labels_SG2, even-SHA half), 'No agreement' dropped",
        "sentences": len(sentences),
        "words": len(data.word_y),
        "sentence_head": {
            "C": heads.sentence_c,
            "threshold": round(heads.sentence.threshold, 4),
            "features": int(heads.sentence.coef.shape[0]),
        },
        "word_head": {
            "C": WORD_C,
            "threshold": round(heads.word.threshold, 4),
            "layers": list(WORD_LAYERS),
            "negative_share": NEGATIVE_SHARE,
            "features": int(heads.word.coef.shape[0]),
        },
        "cross_validated_scores": "see bench/results/framing_babe.json",
    }
    (HERE / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

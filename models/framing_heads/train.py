"""Train the framing heads on BABE (babe_dev) and write sentence.npz, word.npz and metrics.json;
then, on BASIL (basil_dev, needs bench/framing_basil_encode.py once), the loaded-word head,
the span head and the sentence calibrator (word_loaded.npz, span.npz, loaded_rule.json,
calibration.npz). ``--basil-only`` keeps the BABE heads.

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
sys.path.insert(0, str(ROOT))  # summarize_dev: training and evaluation code, outside the wheel


def main() -> int:
    from summarize_dev.babe import embed_babe, read_babe

    eval_dir = Path(os.environ.get("SUMMARIZE_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    csv = eval_dir / "babe_dev" / "babe_dev.csv"
    if not csv.is_file():
        print(f"skip: {csv} not found (set SUMMARIZE_EVAL_DIR)")
        return 1
    if "--basil-only" not in sys.argv:
        train_babe(read_babe, embed_babe, csv)
    return train_basil()


def train_basil() -> int:
    """The BASIL-fitted parts, every choice made on out-of-fold scores grouped by event."""
    import numpy as np

    sys.path.insert(0, str(HERE))
    import basil_fit as bf
    from basil import basil_folder, read_basil

    from summarize.framing.heads import save_rule
    from summarize.framing.span_head import SPAN_FEATURES

    folder = basil_folder()
    if folder is None:
        print("skip: no basil_dev under ../shared/eval")
        return 1
    data = bf.build_basil_data(read_basil(folder))
    babe_x, babe_y = bf.babe_word_rows()
    babe_p = bf.babe_sentence_probabilities(data)
    rule = bf.fit_all(data, babe_x, babe_y, np.arange(len(data.articles)), babe_p, folds=5)
    rule.word.save(HERE / "word_loaded.npz")
    rule.span.save(HERE / "span.npz")
    rule.calibration.save(HERE / "calibration.npz")
    save_rule(HERE / "loaded_rule.json", rule.lexicon_gate)
    metrics_path = HERE / "metrics.json"
    metrics = json.loads(metrics_path.read_text(encoding="utf-8"))
    metrics["basil"] = {
        "data": "BASIL basil_dev (150 articles, 50 events), expert lexical-bias spans",
        "loaded_word_head": {
            "C": bf.WORD_C,
            "negative_share": bf.NEGATIVE_SHARE,
            "candidate_threshold": round(rule.word.threshold, 4),
            "candidate_quantile": bf.CANDIDATE_QUANTILE,
            "trained_on": "eligible words of all of babe_dev and all of basil_dev",
        },
        "lexicon_gate": rule.lexicon_gate,
        "span_head": {
            "features": list(SPAN_FEATURES),
            "threshold": round(rule.span.threshold, 4),
            "trained_on": "the candidates of all of basil_dev (out-of-fold word probabilities)",
        },
        "calibration": {
            "features": list(bf.CALIBRATION_FEATURES),
            "threshold": round(rule.calibration.threshold, 4),
            "flag_rate_band": list(bf.FLAG_RATE),
        },
        "choices": "5 grouped folds over events (out-of-fold word probabilities), see basil_fit.py",
        "cross_validated_scores": "see bench/results/framing_basil.json",
    }
    metrics_path.write_text(json.dumps(metrics, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(metrics["basil"], indent=2))
    return 0


def train_babe(read_babe, embed_babe, csv: Path) -> None:
    import numpy as np

    from summarize_dev.framing_training import (
        CACHED_LAYERS,
        NEGATIVE_SHARE,
        WORD_C,
        WORD_LAYERS,
        build_babe_data,
        train_heads,
    )

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


if __name__ == "__main__":
    sys.exit(main())

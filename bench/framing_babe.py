"""Framing against expert annotations: BABE (babe_dev), cross-validated inside the file.

Sentence level: accuracy and macro-F1 of the `biased` decision. Word level:
precision and recall of our spans against the words the experts marked, over
all sentences (spans in neutral sentences count against precision; marked
words no token matches count against recall).

Baselines in the same run: "always biased", and "any word of the Recasens et al.
(2013) bias lexicon" (read from ../shared/eval at run time, lemmatised crudely).

Run: .venv/bin/python bench/framing_babe.py   (first run encodes BABE: ~3 min on 2 cores;
embeddings are cached under /tmp/framing). Writes bench/results/framing_babe.{json,md}.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # summarize_dev: training and evaluation code, outside the wheel
RESULTS = ROOT / "bench" / "results"
FOLDS = 5
SEEDS = (0,)


def eval_dir() -> Path | None:
    folder = Path(os.environ.get("SUMMARIZE_EVAL_DIR") or ROOT.parent / "shared" / "eval")
    return folder if (folder / "babe_dev" / "babe_dev.csv").is_file() else None


def crude_lemmas(word: str) -> set[str]:
    """The word and the stems its regular endings suggest (the Recasens lexicon is lemmas)."""
    w = word.lower()
    out = {w}
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.add(w[: -len(suffix)] + repl)
    return out


def read_recasens(folder: Path) -> set[str]:
    path = folder / "bias_lexicons_reference" / "bias-lexicon.txt"
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(line.lower())
    return words


def sentence_metrics(y: np.ndarray, pred: np.ndarray) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "accuracy": round(float(accuracy_score(y, pred)), 4),
        "macro_f1": round(float(f1_score(y, pred, average="macro")), 4),
        "f1_biased": round(float(f1_score(y, pred)), 4),
    }


def word_metrics(gold: np.ndarray, pred: np.ndarray, missed: int) -> dict[str, float]:
    tp = int((gold & pred).sum())
    precision = tp / max(1, int(pred.sum()))
    recall = tp / max(1, int(gold.sum()) + missed)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "predicted_words": int(pred.sum()),
    }


def main() -> int:
    import numpy as np

    folder = eval_dir()
    if folder is None:
        print("skip: ../shared/eval/babe_dev not found (set SUMMARIZE_EVAL_DIR)")
        return 0
    from summarize_dev.babe import embed_babe, read_babe, word_spans
    from summarize_dev.framing_training import CACHED_LAYERS, build_babe_data, cross_validate

    started = time.perf_counter()
    sentences = read_babe(folder / "babe_dev" / "babe_dev.csv")
    embeddings = embed_babe(sentences, layers=CACHED_LAYERS)
    data = build_babe_data(sentences, embeddings)
    prepared = time.perf_counter() - started
    y, gold, missed = data.y, data.word_y, int(data.missed.sum())

    # Baselines.
    recasens = read_recasens(folder)
    recasens_word = np.concatenate(
        [
            np.array([bool(crude_lemmas(s.text[a:b]) & recasens) for a, b in word_spans(s.text)], dtype=bool)
            for s in sentences
        ]
    )
    recasens_sentence = np.zeros(len(y), dtype=bool)
    np.logical_or.at(recasens_sentence, data.word_sentence, recasens_word)
    lexicon_sentence = np.zeros(len(y), dtype=bool)
    np.logical_or.at(lexicon_sentence, data.word_sentence, data.lexicon_word)
    baselines = {
        "always_biased": {"sentence": sentence_metrics(y, np.ones(len(y), dtype=bool))},
        "recasens_any_word": {
            "sentence": sentence_metrics(y, recasens_sentence),
            "word": word_metrics(gold, recasens_word, missed),
        },
        "our_lexicons_any_span": {
            "sentence": sentence_metrics(y, lexicon_sentence),
            "word": word_metrics(gold, data.lexicon_word, missed),
        },
    }

    # Ours: the heads, cross-validated (outer folds report, inner folds choose).
    runs = []
    for seed in SEEDS:
        cv = cross_validate(data, folds=FOLDS, seed=seed)
        per_fold = [
            sentence_metrics(y[cv.fold_of_sentence == k], cv.sentence_pred[cv.fold_of_sentence == k])
            for k in range(FOLDS)
        ]
        runs.append(
            {
                "seed": seed,
                "sentence": sentence_metrics(y, cv.sentence_pred),
                "sentence_fold_accuracy": [f["accuracy"] for f in per_fold],
                "word_head": word_metrics(gold, cv.word_pred, missed),
                "all_spans": word_metrics(gold, cv.word_pred | data.lexicon_word, missed),
            }
        )
    mean = {
        "sentence": {
            k: round(float(np.mean([r["sentence"][k] for r in runs])), 4) for k in runs[0]["sentence"]
        },
        "word_head": {
            k: round(float(np.mean([r["word_head"][k] for r in runs])), 4)
            for k in ("precision", "recall", "f1")
        },
        "all_spans": {
            k: round(float(np.mean([r["all_spans"][k] for r in runs])), 4)
            for k in ("precision", "recall", "f1")
        },
    }
    always = baselines["always_biased"]["sentence"]
    recasens_words = baselines["recasens_any_word"]["word"]
    ratios = {
        "accuracy_vs_always_biased": round(mean["sentence"]["accuracy"] / always["accuracy"], 3),
        "macro_f1_vs_always_biased": round(mean["sentence"]["macro_f1"] / always["macro_f1"], 3),
        "word_precision_vs_recasens": round(mean["word_head"]["precision"] / recasens_words["precision"], 3),
        "word_recall_vs_recasens": round(mean["word_head"]["recall"] / recasens_words["recall"], 3),
    }
    targets = {
        "sentence_accuracy>=0.76": mean["sentence"]["accuracy"] >= 0.76,
        "sentence_macro_f1>=0.76": mean["sentence"]["macro_f1"] >= 0.76,
        "word_recall>=0.40_at_precision>=0.25": mean["word_head"]["recall"] >= 0.40
        and mean["word_head"]["precision"] >= 0.25,
    }
    result = {
        "data": {
            "file": "babe_dev/babe_dev.csv",
            "sentences": len(y),
            "biased": int(y.sum()),
            "words": len(gold),
            "marked_words": int(gold.sum()) + missed,
            "marked_words_without_token": missed,
        },
        "protocol": f"{FOLDS}-fold stratified outer CV x seeds {list(SEEDS)}; inside each outer training "
        "part, 3 inner folds give out-of-fold word probabilities for the sentence head, "
        "the sentence head's C and both thresholds",
        "baselines": baselines,
        "heads": {"mean_over_seeds": mean, "runs": runs},
        "ratios": ratios,
        "targets_met": targets,
        "seconds": {"prepare": round(prepared, 1), "total": round(time.perf_counter() - started, 1)},
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "framing_babe.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "framing_babe.md").write_text(markdown(result), encoding="utf-8")
    print(markdown(result))
    return 0


def markdown(r: dict) -> str:
    b, m = r["baselines"], r["heads"]["mean_over_seeds"]
    rows = [
        ("always biased", b["always_biased"]["sentence"], None),
        ("Recasens lexicon, any word", b["recasens_any_word"]["sentence"], b["recasens_any_word"]["word"]),
        (
            "our lexicons, any span",
            b["our_lexicons_any_span"]["sentence"],
            b["our_lexicons_any_span"]["word"],
        ),
        ("heads (CV), word-head spans", m["sentence"], m["word_head"]),
        ("heads (CV), all spans (lexicon + head)", m["sentence"], m["all_spans"]),
    ]
    out = [
        "# Framing on BABE (babe_dev), cross-validated",
        "",
        f"{r['data']['sentences']} sentences ({r['data']['biased']} biased), {r['data']['words']} words, "
        f"{r['data']['marked_words']} marked. {r['protocol']}.",
        "",
        "| method | accuracy | macro-F1 | F1 biased | word precision | word recall |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, s, w in rows:
        wp = f"{w['precision']:.3f}" if w else "–"
        wr = f"{w['recall']:.3f}" if w else "–"
        f1b = f"{s['f1_biased']:.3f}" if "f1_biased" in s else "–"
        out.append(f"| {name} | {s['accuracy']:.3f} | {s['macro_f1']:.3f} | {f1b} | {wp} | {wr} |")
    out += [
        "",
        "Ratios: " + ", ".join(f"{k} {v}" for k, v in r["ratios"].items()),
        "",
        "Targets: " + ", ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in r["targets_met"].items()),
        "",
    ]
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())

"""Train the extractive sentence scorer on SummEval (100 CNN/DailyMail articles, 11 references each).

    .venv/bin/python models/summary_scorer/train.py            # writes models/summary_scorer/scorer.npz
    SUMMARIZE_EVAL_DIR=/path/to/eval .venv/bin/python models/summary_scorer/train.py

Label: a sentence is positive when it belongs to the greedy ROUGE oracle of the original
reference or of a crowd reference (the mean over the 11 references is the target weight).
Model: L2 logistic regression over ``summarize.summary.features.FEATURE_NAMES``.
Selection: greedy MMR at the runtime's default length (3 sentences on these articles).

Honest numbers: nested 5-fold cross-validation by article. The inner folds choose the
regularisation C and the MMR redundancy; the outer folds report ROUGE on held-out articles,
next to Lead-3 on the same articles. The final weights are fit on all 100 articles with the
setting that the (non-nested) 5-fold CV prefers. Embeddings are cached under /tmp/summary/.
"""

from __future__ import annotations

import json
import os
import sys
from itertools import product
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from summarize.document import build_document  # noqa: E402
from summarize.summary.features import sentence_features  # noqa: E402
from summarize.summary.length import resolve_length  # noqa: E402
from summarize.summary.scorer import save_scorer  # noqa: E402
from summarize.summary.selection import select_sentences  # noqa: E402

CACHE = Path(os.environ.get("SUMMARY_CACHE", "/tmp/summary"))
C_GRID = (0.03, 0.1, 0.3, 1.0)
REDUNDANCY_GRID = (0.0, 0.2, 0.4, 0.6)
SEED = 13


def eval_dir() -> Path | None:
    path = Path(os.environ.get("SUMMARIZE_EVAL_DIR", ROOT.parent / "shared" / "eval"))
    return path if (path / "summeval" / "summeval_merged.jsonl").is_file() else None


def load_articles(folder: Path) -> list[dict]:
    lines = (folder / "summeval" / "summeval_merged.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def article_sentences(rows: list[dict]) -> list[list[str]]:
    return [[s.text for s in build_document(r["article"]).sentences] for r in rows]


def embeddings(rows: list[dict], sentences: list[list[str]]) -> list[np.ndarray]:
    """MiniLM embeddings per article, cached by doc id."""
    CACHE.mkdir(parents=True, exist_ok=True)
    file = CACHE / "summeval_sentence_embeddings.npz"
    keys = [r["doc_id"] for r in rows]
    if file.is_file():
        with np.load(file, allow_pickle=False) as data:
            if all(k in data for k in keys):
                cached = [data[k] for k in keys]
                if all(len(c) == len(s) for c, s in zip(cached, sentences, strict=True)):
                    return cached
    from summarize.backends.encoder import load_encoder

    encoder = load_encoder("minilm")
    vectors = [encoder.encode(s) for s in sentences]
    np.savez(file, **dict(zip(keys, vectors, strict=True)))
    return vectors


def oracle(sentences: list[str], reference: str, scorer, limit: int = 4) -> set[int]:
    """Greedy ROUGE-1+2 oracle: add the sentence that most improves the summary's F1."""
    chosen: list[int] = []
    best = 0.0
    while len(chosen) < limit:
        gains = []
        for i in range(len(sentences)):
            if i in chosen:
                continue
            text = "\n".join(sentences[j] for j in sorted([*chosen, i]))
            s = scorer.score(reference, text)
            gains.append((s["rouge1"].fmeasure + s["rouge2"].fmeasure, i))
        if not gains:
            break
        value, index = max(gains)
        if value <= best:
            break
        best = value
        chosen.append(index)
    return set(chosen)


def labels(rows: list[dict], sentences: list[list[str]]) -> list[np.ndarray]:
    file = CACHE / "summeval_oracle_labels.npz"
    keys = [r["doc_id"] for r in rows]
    if file.is_file():
        with np.load(file, allow_pickle=False) as data:
            if all(k in data for k in keys):
                return [data[k] for k in keys]
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    out = []
    for row, sents in zip(rows, sentences, strict=True):
        weight = np.zeros(len(sents))
        for reference in row["references"]:
            for i in oracle(sents, reference, scorer):
                weight[i] += 1.0 / len(row["references"])
        out.append(weight)
    np.savez(file, **dict(zip(keys, out, strict=True)))
    return out


def fit(features: list[np.ndarray], targets: list[np.ndarray], c: float):
    """Logistic regression on soft labels: each sentence appears as a positive with weight y
    and as a negative with weight 1 - y."""
    from sklearn.linear_model import LogisticRegression

    x = np.concatenate(features)
    y = np.concatenate(targets)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    model = LogisticRegression(C=c, max_iter=2000)
    model.fit(
        np.concatenate([xs, xs]),
        np.concatenate([np.ones(len(y)), np.zeros(len(y))]),
        sample_weight=np.concatenate([y, 1.0 - y]) + 1e-6,
    )
    return mean, scale, model.coef_[0], float(model.intercept_[0])


def summaries(params, features, embeddings_, sentences, redundancy: float) -> list[str]:
    mean, scale, coef, intercept = params
    out = []
    for f, e, s in zip(features, embeddings_, sentences, strict=True):
        scores = 1 / (1 + np.exp(-(((f - mean) / scale) @ coef + intercept)))
        counts = [len(t.split()) for t in s]
        picked = select_sentences(scores, e @ e.T, counts, resolve_length(len(s)), redundancy=redundancy)
        out.append("\n".join(s[i] for i in picked))
    return out


def rouge(predictions: list[str], references: list[str]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for p, r in zip(predictions, references, strict=True):
        for k, v in scorer.score(r.replace(" . ", " .\n"), p).items():
            totals[k] += v.fmeasure
    return {k: 100 * v / len(predictions) for k, v in totals.items()}


def folds(n: int, k: int = 5, seed: int = SEED) -> list[np.ndarray]:
    order = np.random.default_rng(seed).permutation(n)
    return [order[i::k] for i in range(k)]


def cross_validate(idx, features, targets, embeddings_, sentences, references, c, redundancy):
    """Mean ROUGE-1+2 over inner folds of ``idx`` for one setting."""
    total = 0.0
    for held in folds(len(idx), seed=SEED + 1):
        test = idx[held]
        train = np.setdiff1d(idx, test)
        params = fit([features[i] for i in train], [targets[i] for i in train], c)
        preds = summaries(params, [features[i] for i in test], [embeddings_[i] for i in test],
                          [sentences[i] for i in test], redundancy)
        r = rouge(preds, [references[i] for i in test])
        total += r["rouge1"] + r["rouge2"]
    return total


def main() -> int:
    folder = eval_dir()
    if folder is None:
        print("SummEval not found (../shared/eval/summeval or SUMMARIZE_EVAL_DIR); nothing to train")
        return 0
    rows = load_articles(folder)
    sentences = article_sentences(rows)
    emb = embeddings(rows, sentences)
    targets = labels(rows, sentences)
    features = [sentence_features(s, e) for s, e in zip(sentences, emb, strict=True)]
    references = [r["reference"] for r in rows]
    grid = list(product(C_GRID, REDUNDANCY_GRID))
    everything = np.arange(len(rows))

    # Nested CV: the outer folds never see the setting chosen for them.
    outer_preds: dict[int, str] = {}
    for held in folds(len(rows)):
        train = np.setdiff1d(everything, held)
        c, redundancy = max(grid, key=lambda g: cross_validate(
            train, features, targets, emb, sentences, references, *g))
        params = fit([features[i] for i in train], [targets[i] for i in train], c)
        preds = summaries(params, [features[i] for i in held], [emb[i] for i in held],
                          [sentences[i] for i in held], redundancy)
        outer_preds.update(zip(held.tolist(), preds, strict=True))
        print(f"outer fold: chose C={c} redundancy={redundancy}")
    nested = rouge([outer_preds[i] for i in range(len(rows))], references)
    lead3 = rouge(["\n".join(s[:3]) for s in sentences], references)

    c, redundancy = max(grid, key=lambda g: cross_validate(
        everything, features, targets, emb, sentences, references, *g))
    mean, scale, coef, intercept = fit(features, targets, c)
    out = Path(__file__).resolve().parent / "scorer.npz"
    save_scorer(out, mean=mean, scale=scale, coef=coef, intercept=intercept, redundancy=redundancy)
    result = {
        "articles": len(rows),
        "chosen": {"C": c, "redundancy": redundancy},
        "nested_cv_rouge": nested,
        "lead3_rouge": lead3,
    }
    print(json.dumps(result, indent=2))
    (Path(__file__).resolve().parent / "training_result.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

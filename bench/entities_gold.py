"""Actor recognition against the hand-labelled gold actors of the samples and the seed article.

Scores ``summarize.entities.find_actors`` (actor-level precision, recall, F1, kind accuracy, splits)
against tests/entities/gold_actors.yaml, side by side with the baseline computed in the same run:
the recognizer as it was at commit BASELINE_COMMIT (read with ``git show``, imported from a
temporary copy), before the fixes described in docs/sentiment.md ("Actor recognition").

The seed article is read from ../shared/seed (or $SUMMARIZE_EVAL_DIR/../seed) and skipped with a
message when absent; its text is never copied.

Run: .venv/bin/python bench/entities_gold.py [--show] [--show-heldout] -> bench/results/entities_gold.json
"""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from entities_evaluate import GoldArticle, Score, add_scores, load_gold, score_actors

from summarize.document import Document, build_document
from summarize.entities import find_actors
from summarize.entities.actors import Actor

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "entities" / "gold_actors.yaml"
RESULTS = ROOT / "bench" / "results" / "entities_gold.json"
BASELINE_COMMIT = "01882fa"  # the recognizer before this work (also the HEAD it started from)
BASELINE_FILES = ("actors", "gazetteer", "recognize")
REPEATS = 20  # timing: each article recognised this many times

Recognizer = Callable[[Document], list[Actor]]


def shared_dir() -> Path:
    env = os.environ.get("SUMMARIZE_EVAL_DIR")
    return Path(env).resolve().parent if env else ROOT.parent / "shared"


def article_text(article: GoldArticle) -> str | None:
    path = (shared_dir() if article.shared else ROOT) / article.file
    return path.read_text(encoding="utf-8") if path.is_file() else None


def baseline_recognizer(cache: Path = Path("/tmp/entities")) -> Recognizer | None:
    """``find_actors`` as of BASELINE_COMMIT, or None when git cannot show it."""
    package = f"entities_baseline_{BASELINE_COMMIT}"
    folder = cache / package
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name in BASELINE_FILES:
            source = subprocess.run(
                ["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:summarize/entities/{name}.py"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (folder / f"{name}.py").write_text(source.replace("summarize.entities.", f"{package}."))
        (folder / "__init__.py").write_text("")
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"baseline skipped: cannot read commit {BASELINE_COMMIT} ({exc})", file=sys.stderr)
        return None
    sys.path.insert(0, str(cache))
    module: ModuleType = importlib.import_module(f"{package}.recognize")
    recognizer: Recognizer = module.find_actors
    return recognizer


def evaluate(recognizer: Recognizer, docs: list[tuple[GoldArticle, Document]]) -> tuple[Score, dict, float]:
    per_article: dict[str, dict] = {}
    scores = []
    for article, doc in docs:
        score = score_actors(recognizer(doc), article.actors, article.optional)
        scores.append(score)
        per_article[article.file] = {
            **rates(score),
            "false_positives": list(score.spurious),
            "missed": list(score.missed),
            "wrong_kind": [
                f"{m.gold}: {m.predicted_kind} (gold {m.gold_kind})"
                for m in score.matches
                if m.predicted_kind != m.gold_kind
            ],
        }
    start = time.perf_counter()
    for _ in range(REPEATS):
        for _, doc in docs:
            recognizer(doc)
    ms_per_article = (time.perf_counter() - start) * 1000 / (REPEATS * len(docs))
    return add_scores(scores), per_article, ms_per_article


def rates(score: Score) -> dict:
    return {
        "precision": round(score.precision, 3),
        "recall": round(score.recall, 3),
        "f1": round(score.f1, 3),
        "kind_accuracy": round(score.kind_accuracy, 3),
        "true_positives": score.true_positives,
        "false_positives": score.false_positives,
        "false_negatives": score.false_negatives,
        "splits": score.splits,
        "merged_aliases": score.merged,
    }


def summary(score: Score, ms: float) -> dict:
    kinds = sorted(score.gold_by_kind)
    return {
        **rates(score),
        "recall_by_kind": {k: round(score.recall_of(k), 3) for k in kinds},
        "gold_by_kind": {k: score.gold_by_kind[k] for k in kinds},
        "ms_per_article": round(ms, 2),
    }


def main(argv: list[str]) -> int:
    docs: dict[str, list[tuple[GoldArticle, Document]]] = {"dev": [], "heldout": []}
    for article in load_gold(str(GOLD)):
        text = article_text(article)
        if text is None:
            print(f"skipped {article.file}: not found (shared data absent?)", file=sys.stderr)
            continue
        docs["heldout" if article.heldout else "dev"].append((article, build_document(text)))
    systems: dict[str, Recognizer] = {}
    baseline = baseline_recognizer()
    if baseline is not None:
        systems["baseline"] = baseline
    systems["current"] = find_actors
    results: dict[str, dict] = {}
    for label, recognizer in systems.items():
        results[label] = {}
        for split, split_docs in docs.items():
            total, per_article, ms = evaluate(recognizer, split_docs)
            results[label][split] = {"overall": summary(total, ms), "articles": per_article}
    report: dict = {
        "gold": str(GOLD.relative_to(ROOT)),
        "baseline": f"summarize/entities at commit {BASELINE_COMMIT}, before the fixes",
        "splits": {
            "dev": "the 7 samples and the seed article: labelled first, used to find and check the fixes",
            "heldout": "2 short articles written and labelled before any fix, not inspected while tuning",
        },
        "articles": {split: [a.file for a, _ in d] for split, d in docs.items()},
        "gold_actors": {split: sum(len(a.actors) for a, _ in d) for split, d in docs.items()},
        "matching": "actor level: a predicted actor matches the gold actor whose name/aliases contain its "
        "name (else an alias); a second match of the same gold actor is a split and a false positive; "
        "predicted actors named by an optional name are ignored",
        "systems": results,
    }
    if baseline is not None:
        report["ratios_current_over_baseline"] = {
            split: {
                k: round(now[k] / base[k], 3) if base[k] else None
                for k in ("precision", "recall", "f1", "kind_accuracy", "ms_per_article")
                for base, now in [
                    (results["baseline"][split]["overall"], results["current"][split]["overall"])
                ]
            }
            for split in docs
        }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"{'system':<10} {'split':<8} {'P':>6} {'R':>6} {'F1':>6} {'kind':>6} "
        f"{'splits':>6} {'merged':>6} {'ms/art':>7}"
    )
    for label, by_split in results.items():
        for split, result in by_split.items():
            o = result["overall"]
            print(
                f"{label:<10} {split:<8} {o['precision']:>6.3f} {o['recall']:>6.3f} {o['f1']:>6.3f} "
                f"{o['kind_accuracy']:>6.3f} {o['splits']:>6} {o['merged_aliases']:>6} "
                f"{o['ms_per_article']:>7.2f}"
            )
    shown = [s for s in ("dev", "heldout") if f"--show-{s}" in argv or (s == "dev" and "--show" in argv)]
    for label, by_split in results.items():
        for split in shown:
            print(f"\n## {label} / {split}")
            for name, art in by_split[split]["articles"].items():
                print(f"  {name}: F1 {art['f1']}  FP {art['false_positives']}")
                print(f"      missed {art['missed']}  wrong kind {art['wrong_kind']}")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

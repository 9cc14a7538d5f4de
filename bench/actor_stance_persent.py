"""The writer's stance toward the article's main person, on PerSenT dev, cross-validated by person.

For every article of ``persent_dev/dev.csv`` (headline + body): is the main person found as one
actor (today's recognizer and the one at BASELINE_COMMIT, same run); then, over the articles where
the person is found, the Spearman correlation of a score with the author's stance (-1/0/1) and the
macro-F1 of its labels, every row under the same nested GroupKFold by person (the neutral band of a
baseline score is also chosen on the training folds only):

- stance head: ridge over the mean of the mention-sentence rows (minilm sentence score, VADER,
  role) + article-wide features, the penalty and band chosen inside each training part; the
  feature sets compared are listed (the shipped head uses the best one);
- document score (minilm backend), VADER mean over the sentences that mention the person,
  the old actor score (mean minilm score of those sentences), and the majority class.

Error records: every article of dev.csv and fixed_test.csv goes through ``find_actors`` and the role
and stance path; a crash is counted, never skipped. fixed_test is used for nothing else.

Run: .venv/bin/python bench/actor_stance_persent.py -> bench/results/actor_stance_persent.{json,md}
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
import traceback
from pathlib import Path

import numpy as np
import stance_cv as cv
from persent import load_persent, main_person_actors, prepare

from summarize.document import build_document
from summarize.entities import find_actors
from summarize.sentiment.stance import SentenceInput, load_head, mention_roles

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
BASELINE_COMMIT = "d172daa"  # the recognizer before issue 18
FEATURE_SETS = (
    ("score", "vader", "roles", "global"),
    ("score", "roles", "global"),
    ("score", "vader", "global"),
    ("embedding", "score", "vader", "roles", "global"),
)


def baseline_found_as_one(articles: list) -> float | None:
    import entities_gold

    entities_gold.BASELINE_COMMIT = BASELINE_COMMIT
    entities_gold.BASELINE_FILES = ("actors", "cues", "gazetteer", "given_names", "recognize")
    recognizer = entities_gold.baseline_recognizer(Path("/tmp/entities-persent"))
    if recognizer is None:
        return None
    ok = 0
    for article in articles:
        # The old recognizer crashes on some articles: counted as not found.
        with contextlib.suppress(Exception):
            ok += len(main_person_actors(recognizer(build_document(article.text)), article.person)) == 1
    return ok / len(articles)


def error_records(files: tuple[str, ...]) -> tuple[int, int, list[str]]:
    """(articles, errors, first messages): find_actors, roles and the stance head on every actor."""
    head = load_head()
    total, errors, messages = 0, 0, []
    for name in files:
        for article in load_persent(name) or []:
            total += 1
            try:
                doc = build_document(article.text)
                for actor in find_actors(doc):
                    roles = mention_roles(doc, actor)
                    inputs = [SentenceInput(i, None, 0.0, 0.0, roles[i]) for i in actor.sentences]
                    head.score(inputs, 0.0, len(doc.sentences))
            except Exception:  # an error record is what this counts
                errors += 1
                messages.append(f"{name} {article.index}: {traceback.format_exc().splitlines()[-1]}")
    return total, errors, messages[:5]


def row(name: str, result: cv.CvResult, y: np.ndarray, spearman: bool = True) -> dict:
    return {
        "method": name,
        "spearman": round(cv.spearman(result.scores, y), 4) if spearman else None,
        "macro_f1": round(cv.macro_f1(y, result.labels), 4),
        "bands": [[round(a, 3), round(b, 3)] for a, b in result.bands],
        **({"alphas": result.alphas} if result.alphas else {}),
    }


def main() -> None:
    articles = load_persent()
    if articles is None:
        print("skipped: no persent_dev data (set SUMMARIZE_EVAL_DIR)")
        return
    start = time.process_time()
    prepared = prepare(articles)
    one = sum(p.found_as_one for p in prepared) / len(prepared)
    strict = sum(
        len(main_person_actors(find_actors(build_document(a.text)), a.person, loose=False)) == 1
        for a in articles
    ) / len(articles)
    found = [p for p in prepared if p.sentences]
    y = np.array([p.article.label for p in found], dtype=float)
    groups = cv.groups_of(found)

    rows = []
    for uses in FEATURE_SETS:
        rows.append(
            row("stance head: " + "+".join(uses), cv.cross_validate(cv.design(found, uses), y, groups), y)
        )
    baselines = {
        "document score (minilm)": np.array([p.document_score for p in found]),
        "VADER on the sentences that mention the person": np.array([p.vader_mean for p in found]),
        "old actor score (mean minilm score of those sentences)": np.array(
            [np.mean([s.score for s in p.sentences]) for p in found]
        ),
    }
    for name, values in baselines.items():
        rows.append(row(name, cv.cross_validate_score(values, y, groups), y))
    majority = cv.CvResult(np.ones(len(y)), np.ones(len(y), dtype=int), [], [])
    rows.append(row("majority class (positive)", majority, y, spearman=False))

    total, errors, messages = error_records(("dev.csv", "fixed_test.csv"))
    results = {
        "data": "persent_dev/dev.csv, headline + body; fixed_test.csv only for error records",
        "articles": len(prepared),
        "main_person_found": len(found),
        "main_person_as_one_actor": round(one, 4),
        "main_person_as_one_actor_strict_match": round(strict, 4),
        "main_person_as_one_actor_baseline": _round(baseline_found_as_one(articles)),
        "baseline_commit": BASELINE_COMMIT,
        "split": f"GroupKFold({cv.OUTER_FOLDS}) by the main person's surname; nested {cv.INNER_FOLDS}-fold "
        "inner CV for the ridge penalty and the neutral band",
        "label_counts": {str(k): int((y == k).sum()) for k in (-1, 0, 1)},
        "rows": rows,
        "error_records": {"articles": total, "errors": errors, "first": messages},
        "cpu_seconds": round(time.process_time() - start, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "actor_stance_persent.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "actor_stance_persent.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def markdown(results: dict) -> str:
    lines = [
        "# Stance toward the main person (PerSenT dev, cross-validated by person)",
        "",
        f"{results['articles']} articles; main person found in {results['main_person_found']}, "
        f"as one actor in {results['main_person_as_one_actor']:.1%} "
        f"({results['main_person_as_one_actor_strict_match']:.1%} without matching one-word or truncated "
        "targets to the name written in full) "
        f"(recognizer at {results['baseline_commit']}: {results['main_person_as_one_actor_baseline']:.1%}). "
        f"Labels of the found articles (-1/0/1): {results['label_counts']}.",
        "",
        f"Split: {results['split']}.",
        "",
        "| method | Spearman | macro-F1 |",
        "|---|---:|---:|",
    ]
    for r in results["rows"]:
        rho = "n/a" if r["spearman"] is None else f"{r['spearman']:.3f}"
        lines.append(f"| {r['method']} | {rho} | {r['macro_f1']:.3f} |")
    err = results["error_records"]
    lines += ["", f"Error records: {err['errors']} of {err['articles']} articles (dev + fixed_test).", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()

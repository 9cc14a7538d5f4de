"""The writer's stance toward the article's main person, on PerSenT, cross-validated by person.

For every article of ``persent_dev`` (dev.csv: 578 articles about 417 people; fixed_test.csv: 827
articles about Trump and Obama; headline + body): is the main person found as one actor (today's
recognizer, and on dev the one at BASELINE_COMMIT, same run); then, over the articles where the
person is found, the Spearman correlation of a score with the author's stance (-1/0/1) and the
macro-F1 of its labels, every row under the same nested GroupKFold by person over all articles (the
neutral band of a baseline score is also chosen on the training folds only). Figures are given on
all articles and on the dev and fixed_test subsets of the same out-of-fold scores, each with a 95%
bootstrap interval over people, and the shipped head's gain over the document score with a paired
interval:

- stance head: ridge over the mean of the mention-sentence rows (minilm sentence score, VADER,
  role) + article-wide features, the penalty and band chosen inside each training part; the
  feature sets compared are listed;
- the directions tried and not shipped (``stance_tried.py``: writer's voice vs quoted speech,
  target-aware pooling of the last layer fitted on the paragraph labels), and the
  fine-tuned last block's figures from ``actor_stance_tuned_block.py`` when its results exist;
- document score (minilm backend), VADER mean over the sentences that mention the person,
  the old actor score (mean minilm score of those sentences), and the majority class.

Error records: every article goes through ``find_actors`` and the role and stance path; a crash is
counted, never skipped.

Run: .venv/bin/python bench/actor_stance_persent.py -> bench/results/actor_stance_persent.{json,md}
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import numpy as np
import stance_cv as cv
from persent import load_dev_and_test, load_persent, main_person_actors, prepare
from stance_tried import tried_results

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
    ("score", "vader", "roles"),
    ("score", "vader", "roles", "position"),
    ("embedding", "score", "vader", "roles", "global"),
)
SHIPPED = ("score", "vader", "roles", "position")
PREVIOUS = ("score", "vader", "roles")  # the head shipped before the position group
DOCUMENT = "document score (minilm)"


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


def _interval(metric: Callable[..., float], columns: tuple, groups: np.ndarray) -> list[float]:
    return [round(v, 3) for v in cv.bootstrap_interval(metric, columns, groups)]


def _subset_figures(result: cv.CvResult, y: np.ndarray, groups: np.ndarray, spearman: bool) -> dict:
    rho = cv.spearman(result.scores, y) if spearman else None
    return {
        "spearman": None if rho is None else round(rho, 4),
        "spearman_interval": _interval(cv.spearman, (result.scores, y), groups) if spearman else None,
        "macro_f1": round(cv.macro_f1(y, result.labels), 4),
        "macro_f1_interval": _interval(cv.macro_f1, (y, result.labels), groups),
    }


def row(name: str, result: cv.CvResult, y: np.ndarray, subsets: dict, spearman: bool = True) -> dict:
    """The method's figures on every subset (all, dev, fixed_test), each with a 95% interval over people."""
    out: dict = {"method": name}
    for subset, (mask, groups) in subsets.items():
        part = cv.CvResult(result.scores[mask], result.labels[mask], [], [])
        out[subset] = _subset_figures(part, y[mask], groups, spearman)
    out["bands"] = [[round(a, 3), round(b, 3)] for a, b in result.bands]
    if result.alphas:
        out["alphas"] = result.alphas
    return out


def gain_over(
    result: cv.CvResult, base: cv.CvResult, y: np.ndarray, mask: np.ndarray, groups: np.ndarray
) -> dict:
    """The head's figures minus another score's (the document score, the previous head), on the same
    articles, with paired intervals."""

    def rho_gain(a: np.ndarray, b: np.ndarray, gold: np.ndarray) -> float:
        return cv.spearman(a, gold) - cv.spearman(b, gold)

    def f1_gain(a: np.ndarray, b: np.ndarray, gold: np.ndarray) -> float:
        return cv.macro_f1(gold, a) - cv.macro_f1(gold, b)

    scores = (result.scores[mask], base.scores[mask], y[mask])
    labels = (result.labels[mask], base.labels[mask], y[mask])
    return {
        "spearman": round(rho_gain(*scores), 4),
        "spearman_interval": _interval(rho_gain, scores, groups),
        "macro_f1": round(f1_gain(*labels), 4),
        "macro_f1_interval": _interval(f1_gain, labels, groups),
    }


def method_results(found: list, y: np.ndarray, groups: np.ndarray) -> dict[str, cv.CvResult]:
    """Out-of-fold scores and labels of every head variant and baseline, under the same folds."""
    results_by_name: dict[str, cv.CvResult] = {}
    for uses in FEATURE_SETS:
        results_by_name["stance head: " + "+".join(uses)] = cv.cross_validate(
            cv.design(found, uses), y, groups
        )
    results_by_name.update(tried_results(found, cv.design(found, PREVIOUS), y, groups))
    baselines = {
        DOCUMENT: np.array([p.document_score for p in found]),
        "VADER on the sentences that mention the person": np.array([p.vader_mean for p in found]),
        "old actor score (mean minilm score of those sentences)": np.array(
            [np.mean([s.score for s in p.sentences]) for p in found]
        ),
    }
    for name, values in baselines.items():
        results_by_name[name] = cv.cross_validate_score(values, y, groups)
    return results_by_name


def main() -> None:
    loaded = load_dev_and_test()
    if loaded is None:
        return
    dev, test = loaded
    start = time.process_time()
    prepared = prepare(dev + test)
    one_dev = sum(p.found_as_one for p in prepared[: len(dev)]) / len(dev)
    one_all = sum(p.found_as_one for p in prepared) / len(prepared)
    strict = sum(
        len(main_person_actors(find_actors(build_document(a.text)), a.person, loose=False)) == 1 for a in dev
    ) / len(dev)
    articles = cv.found_articles(prepared, len(dev))
    found, y, groups = articles.found, articles.y, articles.groups
    is_dev, subsets = articles.is_dev, articles.subsets

    results_by_name = method_results(found, y, groups)
    rows = [row(name, result, y, subsets) for name, result in results_by_name.items()]
    majority = cv.CvResult(np.ones(len(y)), np.ones(len(y), dtype=int), [], [])
    rows.append(row("majority class (positive)", majority, y, subsets, spearman=False))
    shipped = results_by_name["stance head: " + "+".join(SHIPPED)]
    gains = {
        subset: gain_over(shipped, results_by_name[DOCUMENT], y, mask, g)
        for subset, (mask, g) in subsets.items()
    }
    previous = results_by_name["stance head: " + "+".join(PREVIOUS)]
    over_previous = {
        subset: gain_over(shipped, previous, y, mask, g) for subset, (mask, g) in subsets.items()
    }

    total, errors, messages = error_records(("dev.csv", "fixed_test.csv"))
    results = {
        "data": "persent_dev: dev.csv (578 articles, 417 people) + fixed_test.csv "
        "(827 articles: Trump, Obama); headline + body",
        "articles": len(prepared),
        "main_person_found": len(found),
        "main_person_found_dev": int(is_dev.sum()),
        "main_person_as_one_actor": round(one_all, 4),
        "main_person_as_one_actor_dev": round(one_dev, 4),
        "main_person_as_one_actor_dev_strict_match": round(strict, 4),
        "main_person_as_one_actor_dev_baseline": _round(baseline_found_as_one(dev)),
        "baseline_commit": BASELINE_COMMIT,
        "split": f"GroupKFold({cv.OUTER_FOLDS}) by the main person's surname over all found articles; nested "
        f"{cv.INNER_FOLDS}-fold inner CV for the ridge penalty and the neutral band; the dev and fixed_test "
        "figures are subsets of the same out-of-fold scores; intervals: 95% bootstrap over people",
        "label_counts": {str(k): int((y == k).sum()) for k in (-1, 0, 1)},
        "shipped": "+".join(SHIPPED),
        "rows": rows,
        "shipped_minus_document": gains,
        "previous": "+".join(PREVIOUS),
        "shipped_minus_previous": over_previous,
        "error_records": {"articles": total, "errors": errors, "first": messages},
        "tuned_block": _tuned_block(),
        "cpu_seconds": round(time.process_time() - start, 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "actor_stance_persent.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (RESULTS / "actor_stance_persent.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


def _tuned_block() -> dict | None:
    """The fine-tuned last block's figures (bench/actor_stance_tuned_block.py, its own run), if measured."""
    path = RESULTS / "actor_stance_tuned_block.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _tuned_lines(tuned: dict | None) -> list[str]:
    if tuned is None:
        return []
    lines = [
        "",
        f"Fine-tuned last block (bench/actor_stance_tuned_block.py, {tuned['epochs']} epochs, its own run, "
        "same outer folds; epoch and band chosen on held-out training people; no intervals):",
        "",
        "| method | Spearman, all | macro-F1, all | Spearman, dev | macro-F1, dev | Spearman, fixed_test "
        "| macro-F1, fixed_test |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, figures in tuned["rows"].items():
        subsets = ("all", "dev", "fixed_test")
        cells = [f"{figures[s][k]:.3f}" for s in subsets for k in ("spearman", "macro_f1")]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    histories = "; ".join(" -> ".join(f"{h:.3f}" for h in f["history"]) for f in tuned["folds"])
    lines.append(
        "\nValidation Spearman per fold, untuned start then each epoch: "
        f"{histories}. The untuned start is the old actor score; a fold keeps its best (a fold that "
        "keeps a tuned block scores on another scale than the others, which lowers the pooled figures)."
    )
    return lines


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def rows_table(rows: list[dict]) -> list[str]:
    """The Markdown table of the stance benches: each method's Spearman and macro-F1 on all, dev
    and fixed_test, with their intervals."""
    lines = [
        "| method | Spearman, all | macro-F1, all | Spearman, dev | macro-F1, dev | Spearman, fixed_test "
        "| macro-F1, fixed_test |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        cells = [_cell(r[s], k) for s in ("all", "dev", "fixed_test") for k in ("spearman", "macro_f1")]
        lines.append(f"| {r['method']} | " + " | ".join(cells) + " |")
    return lines


def _cell(figures: dict, key: str) -> str:
    if figures[key] is None:
        return "n/a"
    low, high = figures[key + "_interval"]
    return f"{figures[key]:.3f} [{low:.2f}, {high:.2f}]"


def markdown(results: dict) -> str:
    lines = [
        "# Stance toward the main person (PerSenT, cross-validated by person)",
        "",
        f"Data: {results['data']}. {results['articles']} articles; main person found in "
        f"{results['main_person_found']} ({results['main_person_found_dev']} of dev), as one actor in "
        f"{results['main_person_as_one_actor']:.1%} of all and "
        f"{results['main_person_as_one_actor_dev']:.1%} of dev "
        f"({results['main_person_as_one_actor_dev_strict_match']:.1%} of dev without matching one-word or "
        "truncated targets to the name written in full; recognizer at "
        f"{results['baseline_commit']}: {results['main_person_as_one_actor_dev_baseline']:.1%} of dev). "
        f"Labels of the found articles (-1/0/1): {results['label_counts']}.",
        "",
        f"Split: {results['split']}. Shipped head: {results['shipped']}.",
        "",
        *rows_table(results["rows"]),
    ]
    lines += ["", "Shipped head minus the document score (same articles, paired intervals over people):", ""]
    for subset, gain in results["shipped_minus_document"].items():
        lines.append(f"- {subset}: Spearman {_cell(gain, 'spearman')}, macro-F1 {_cell(gain, 'macro_f1')}")
    title = f"Shipped head minus the previous head ({results['previous']}), paired intervals over people:"
    lines += ["", title, ""]
    for subset, gain in results["shipped_minus_previous"].items():
        lines.append(f"- {subset}: Spearman {_cell(gain, 'spearman')}, macro-F1 {_cell(gain, 'macro_f1')}")
    err = results["error_records"]
    lines += ["", f"Error records: {err['errors']} of {err['articles']} articles (dev + fixed_test)."]
    lines += [*_tuned_lines(results.get("tuned_block")), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()

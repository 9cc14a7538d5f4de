"""The stance bench's CV helpers (bench/stance_cv.py): the fast macro-F1 and the interval over people."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))  # evaluation-only code lives with the benches

import stance_cv as cv  # noqa: E402


def test_macro_f1_matches_sklearn_including_classes_never_predicted() -> None:
    rng = np.random.default_rng(3)
    for k in range(100):
        gold = rng.integers(-1, 2, 40)
        labels = np.ones(40, dtype=int) if k % 4 == 0 else rng.integers(-1, 2, 40)
        if k % 7 == 0:
            gold[gold == -1] = 0  # a class absent from the gold labels
        expected = f1_score(gold, labels, labels=[-1, 0, 1], average="macro", zero_division=0)
        assert abs(cv.macro_f1(gold, labels) - expected) < 1e-12


def test_bootstrap_interval_brackets_the_figure_and_resamples_people_whole() -> None:
    rng = np.random.default_rng(0)
    gold = rng.integers(-1, 2, 300).astype(float)
    scores = gold + rng.normal(0, 1.0, 300)
    groups = np.repeat(np.arange(60), 5)
    low, high = cv.bootstrap_interval(cv.spearman, (scores, gold), groups, rounds=300)
    assert low < cv.spearman(scores, gold) < high
    # One person per article gives the article bootstrap; whole people of identical articles give a
    # wider interval than pretending their copies are independent.
    copies = np.repeat(np.arange(30), 10)
    same_s, same_g = np.repeat(scores[:30], 10), np.repeat(gold[:30], 10)
    by_person = cv.bootstrap_interval(cv.spearman, (same_s, same_g), copies, rounds=300)
    by_article = cv.bootstrap_interval(cv.spearman, (same_s, same_g), np.arange(300), rounds=300)
    assert by_person[1] - by_person[0] > 2 * (by_article[1] - by_article[0])


def test_stacked_cv_builds_the_extra_column_from_training_people_only() -> None:
    import stance_tried

    rng = np.random.default_rng(1)
    groups = np.repeat(np.array([f"p{k}" for k in range(40)]), 4)
    y = rng.integers(-1, 2, len(groups)).astype(float)
    x = np.c_[y + rng.normal(0, 1.0, len(y)), rng.normal(0, 1.0, len(y))]
    calls = []

    def stage1(tr: np.ndarray, te: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple:
        calls.append((tr, te))
        assert not set(groups[tr]) & set(groups[te])  # no person on both sides
        return x[tr, 0], x[te, 0]

    result = stance_tried.cross_validate_stacked(x, y, groups, stage1)
    assert len(calls) == cv.OUTER_FOLDS
    assert sorted(np.concatenate([te for _, te in calls])) == list(range(len(y)))
    assert cv.spearman(result.scores, y) > 0.3

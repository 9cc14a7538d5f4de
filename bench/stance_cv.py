"""Grouped, nested cross-validation of the actor stance head on PerSenT (shared by the bench and training).

Outer folds: GroupKFold by the main person's surname, so a person is never in both train and test.
Inside each outer training part, an inner GroupKFold picks the ridge penalty (by Spearman) and the
neutral band (the two thresholds that maximise macro-F1 on the inner out-of-fold scores); the head is
then fitted on the whole training part and scores the held-out people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from persent import Prepared, person_group
from scipy.stats import spearmanr
from sklearn.model_selection import GroupKFold

from summarize.sentiment.head import fit_ridge
from summarize.sentiment.stance import actor_features

ALPHAS = (1.0, 10.0, 100.0, 1000.0, 3000.0, 10000.0, 30000.0)
OUTER_FOLDS = 5
INNER_FOLDS = 4
_GRID = np.round(np.arange(-0.6, 0.81, 0.025), 3)


@dataclass(frozen=True)
class CvResult:
    scores: np.ndarray  # out-of-fold score per article
    labels: np.ndarray  # out-of-fold label per article (-1, 0, 1)
    alphas: list[float]  # chosen per outer fold
    bands: list[tuple[float, float]]


@dataclass(frozen=True)
class FoundArticles:
    """The prepared articles whose main person is found, with what every stance bench scores them by."""

    found: list[Prepared]
    y: np.ndarray  # the author's stance, -1/0/1
    groups: np.ndarray  # person_group of each article (the CV's groups)
    is_dev: np.ndarray  # bool: from dev.csv (else fixed_test.csv)

    @property
    def subsets(self) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """ "all", "dev", "fixed_test": (mask over ``found``, the groups under it)."""
        everything = np.ones(len(self.y), dtype=bool)
        return {
            "all": (everything, self.groups),
            "dev": (self.is_dev, self.groups[self.is_dev]),
            "fixed_test": (~self.is_dev, self.groups[~self.is_dev]),
        }


def found_articles(prepared: list[Prepared], n_dev: int) -> FoundArticles:
    """``prepared`` (dev.csv's ``n_dev`` articles first) narrowed to those whose main person is found."""
    found = [p for p in prepared if p.sentences]
    is_dev = np.array([k < n_dev for k, p in enumerate(prepared) if p.sentences], dtype=bool)
    y = np.array([p.article.label for p in found], dtype=float)
    return FoundArticles(found, y, groups_of(found), is_dev)


def design(prepared: list[Prepared], uses: tuple[str, ...]) -> np.ndarray:
    return np.stack([actor_features(uses, p.sentences, p.document_score, p.n_sentences) for p in prepared])


def to_labels(scores: np.ndarray, lower: float, upper: float) -> np.ndarray:
    return np.where(scores >= upper, 1, np.where(scores <= lower, -1, 0))


def macro_f1(gold: np.ndarray, labels: np.ndarray) -> float:
    """Macro-F1 over the three labels (-1, 0, 1); a class never predicted nor present scores 0
    (sklearn's f1_score with zero_division=0, without its per-call overhead: the band search calls
    this ~800 times per fit)."""
    f1s = []
    for k in (-1, 0, 1):
        tp = float(np.sum((labels == k) & (gold == k)))
        denom = float(np.sum(labels == k) + np.sum(gold == k))
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s))


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    if np.std(a) == 0 or np.std(b) == 0:
        return 0.0
    return float(spearmanr(a, b).statistic)


def best_band(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """The (lower, upper) thresholds with the best macro-F1 (ties: the narrower band)."""
    grid = np.quantile(scores, np.linspace(0.0, 1.0, 41))
    best, band = -1.0, (float(grid[0]), float(grid[-1]))
    for i, lo in enumerate(grid):
        for hi in grid[i:]:
            f1 = macro_f1(gold, to_labels(scores, lo, hi))
            if f1 > best + 1e-9:
                best, band = f1, (float(lo), float(hi))
    return band


def _predict(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, alpha: float) -> np.ndarray:
    coef, intercept, mean, scale = fit_ridge(x_train, y_train, alpha)
    return ((x_test - mean) / scale) @ coef + intercept


def fit_select(x: np.ndarray, y: np.ndarray, groups: np.ndarray) -> tuple[float, tuple[float, float]]:
    """Penalty and neutral band chosen by grouped CV inside (x, y)."""
    inner = GroupKFold(n_splits=INNER_FOLDS)
    oof = {a: np.zeros(len(y)) for a in ALPHAS}
    for tr, te in inner.split(x, y, groups):
        for a in ALPHAS:
            oof[a][te] = _predict(x[tr], y[tr], x[te], a)
    alpha = max(ALPHAS, key=lambda a: spearman(oof[a], y))
    return alpha, best_band(np.clip(oof[alpha], -1, 1), y)


def _with_extra(tr: np.ndarray, x: np.ndarray, y: np.ndarray, extra: tuple | None) -> tuple:
    if extra is None:
        return x[tr], y[tr]
    ex, ey, owner = extra
    keep = np.isin(owner, tr)
    return np.vstack([x[tr], ex[keep]]), np.concatenate([y[tr], ey[keep]])


def cross_validate(x: np.ndarray, y: np.ndarray, groups: np.ndarray, extra: tuple | None = None) -> CvResult:
    scores, labels = np.zeros(len(y)), np.zeros(len(y), dtype=int)
    alphas, bands = [], []
    for tr, te in GroupKFold(n_splits=OUTER_FOLDS).split(x, y, groups):
        alpha, band = fit_select(x[tr], y[tr], groups[tr])
        xt, yt = _with_extra(tr, x, y, extra)
        scores[te] = np.clip(_predict(xt, yt, x[te], alpha), -1, 1)
        labels[te] = to_labels(scores[te], *band)
        alphas.append(alpha)
        bands.append(band)
    return CvResult(scores, labels, alphas, bands)


def cross_validate_score(values: np.ndarray, y: np.ndarray, groups: np.ndarray) -> CvResult:
    """A fixed score (a baseline): only its neutral band is chosen, on the training folds."""
    labels = np.zeros(len(y), dtype=int)
    bands = []
    for tr, te in GroupKFold(n_splits=OUTER_FOLDS).split(values, y, groups):
        band = best_band(values[tr], y[tr])
        labels[te] = to_labels(values[te], *band)
        bands.append(band)
    return CvResult(values, labels, [], bands)


def groups_of(prepared: list[Prepared]) -> np.ndarray:
    return np.array([person_group(p.article.person) for p in prepared])


def bootstrap_interval(
    metric: Callable[..., float],
    columns: tuple[np.ndarray, ...],
    groups: np.ndarray,
    rounds: int = 1000,
    seed: int = 0,
) -> tuple[float, float]:
    """95% interval of ``metric(*columns)`` over people resampled with replacement (a person's
    articles move together, as the unseen people of a new test set would)."""
    rng = np.random.default_rng(seed)
    people = np.unique(groups)
    rows_of = {g: np.flatnonzero(groups == g) for g in people}
    values = []
    for _ in range(rounds):
        pick = np.concatenate([rows_of[g] for g in rng.choice(people, size=len(people))])
        values.append(metric(*(c[pick] for c in columns)))
    low, high = np.percentile(values, [2.5, 97.5])
    return float(low), float(high)

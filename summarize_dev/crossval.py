"""Grouped (by editorial) cross-validation for the ridge head, with nested alpha choice.

Used by ``models/sentiment_head/train.py`` and ``bench/sentiment_nyt.py`` so both report
the same honest number: the outer folds never see the data that chose alpha.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.sentiment.head import fit_ridge

if TYPE_CHECKING:
    import numpy as np

ALPHAS: tuple[float, ...] = (1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0, 3000.0)


@dataclass(frozen=True)
class CrossValidation:
    predictions: np.ndarray  # out-of-fold prediction for every row
    fold_alphas: tuple[float, ...]  # alpha picked by the inner CV of each outer fold
    fold_pearson: tuple[float, ...]


def grouped_folds(groups: np.ndarray, k: int = 5, seed: int = 13) -> list[np.ndarray]:
    """Test-row indices of ``k`` folds; every group lands in exactly one fold."""
    import numpy as np

    unique = np.unique(groups)
    rng = np.random.default_rng(seed)
    rng.shuffle(unique)
    return [np.flatnonzero(np.isin(groups, part)) for part in np.array_split(unique, k)]


def pearson(a: np.ndarray, b: np.ndarray) -> float:
    import numpy as np

    return float(np.corrcoef(a, b)[0, 1])


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def choose_alpha(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, alphas: tuple[float, ...] = ALPHAS
) -> float:
    """The alpha with the best pooled out-of-fold Pearson r under grouped 5-fold CV."""
    import numpy as np

    best_alpha, best_r = alphas[0], -np.inf
    folds = grouped_folds(groups, 5, seed=29)
    for alpha in alphas:
        pred = np.zeros_like(y)
        for test in folds:
            train = np.setdiff1d(np.arange(len(y)), test)
            coef, intercept, mean, scale = fit_ridge(x[train], y[train], alpha)
            pred[test] = ((x[test] - mean) / scale) @ coef + intercept
        r = pearson(pred, y)
        if r > best_r:
            best_alpha, best_r = alpha, r
    return best_alpha


def nested_cross_validation(x: np.ndarray, y: np.ndarray, groups: np.ndarray, k: int = 5) -> CrossValidation:
    import numpy as np

    predictions = np.zeros_like(y, dtype=np.float64)
    alphas: list[float] = []
    rs: list[float] = []
    for test in grouped_folds(groups, k):
        train = np.setdiff1d(np.arange(len(y)), test)
        alpha = choose_alpha(x[train], y[train], groups[train])
        coef, intercept, mean, scale = fit_ridge(x[train], y[train], alpha)
        predictions[test] = ((x[test] - mean) / scale) @ coef + intercept
        alphas.append(alpha)
        rs.append(pearson(predictions[test], y[test]))
    return CrossValidation(predictions, tuple(alphas), tuple(rs))

"""The trained sentence scorer (``models/summary_scorer/``): a logistic model over
``features.FEATURE_NAMES``. Kilobytes of numpy, no pickle; see its model card."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from summarize.errors import ModelError
from summarize.resources import models_dir
from summarize.summary.features import FEATURE_NAMES

SCORER_NAME = "summary-scorer"
SCORER_FILE = "summary_scorer/scorer.npz"


@dataclass(frozen=True)
class SentenceScorer:
    feature_names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    redundancy: float  # MMR penalty chosen by cross-validation with the weights
    path: str

    def score(self, features: np.ndarray) -> np.ndarray:
        """Probability-like salience in 0..1, one per row of ``features``."""
        if features.shape[0] == 0:
            return np.zeros(0)
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


def save_scorer(
    path: Path,
    *,
    mean: np.ndarray,
    scale: np.ndarray,
    coef: np.ndarray,
    intercept: float,
    redundancy: float,
) -> None:
    np.savez(
        path,
        feature_names=np.array(FEATURE_NAMES),
        mean=mean.astype(np.float64),
        scale=scale.astype(np.float64),
        coef=coef.astype(np.float64),
        intercept=np.array([intercept], dtype=np.float64),
        redundancy=np.array([redundancy], dtype=np.float64),
    )


@cache
def load_scorer(path: str | None = None) -> SentenceScorer:
    file = Path(path) if path else models_dir() / SCORER_FILE
    if not file.is_file():
        raise ModelError(
            f"{file}: the summary scorer is missing; run: python models/summary_scorer/train.py"
        )
    with np.load(file, allow_pickle=False) as data:
        names = tuple(str(n) for n in data["feature_names"])
        if names != FEATURE_NAMES:
            raise ModelError(
                f"{file}: trained on features {names[:3]}…, this code computes others; "
                "retrain with python models/summary_scorer/train.py"
            )
        return SentenceScorer(
            feature_names=names,
            mean=data["mean"],
            scale=data["scale"],
            coef=data["coef"],
            intercept=float(data["intercept"][0]),
            redundancy=float(data["redundancy"][0]),
            path=str(file),
        )

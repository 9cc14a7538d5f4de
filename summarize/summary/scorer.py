"""The sentence scorer (``models/summary_scorer/``): a linear salience over
``features.FEATURE_NAMES`` plus the selection settings chosen with it. Kilobytes of
numpy, no pickle; see its model card for how each number was chosen.

Salience is in "lead-prior units": the trained file gives ``log_position`` the weight -1,
so a penalty of 0.3 moves a sentence back about one place among the first few.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from summarize.errors import ModelError
from summarize.resources import models_dir
from summarize.summary.features import EMBEDDING_FEATURES, FEATURE_NAMES

SCORER_NAME = "summary-scorer"
SCORER_FILE = "summary_scorer/scorer.npz"
FORMAT_VERSION = 2  # 1 was a logistic model with per-feature scaling


# A scorer weighing only these is a rule on position (and quotes and length), not a model.
_POSITION_AND_TEXT_RULE = frozenset({
    "position_frac", "inverse_position", "is_first", "in_first_three", "paragraph_first",
    "log_position", "has_quote", "log_words", "is_short", "is_long",
})
LEAD_RULE = "lead-position rule"


@dataclass(frozen=True)
class SentenceScorer:
    feature_names: tuple[str, ...]
    coef: np.ndarray  # one weight per feature name
    redundancy: float  # MMR penalty, in salience units per unit of cosine similarity
    # The default length stops adding sentences once about this many words per requested
    # sentence are chosen (ROUGE F1 punishes summaries far longer than the references).
    words_per_sentence: float | None
    path: str

    def score(self, features: np.ndarray) -> np.ndarray:
        """Salience, one per row of ``features`` (higher is better; only the order and the
        gaps matter, against ``redundancy``)."""
        if features.shape[0] == 0:
            return np.zeros(0)
        salience: np.ndarray = features @ self.coef
        return salience

    @property
    def weighted_features(self) -> frozenset[str]:
        """The features with a non-zero weight: the only ones worth computing."""
        return frozenset(n for n, w in zip(self.feature_names, self.coef, strict=True) if w != 0)

    @property
    def uses_embeddings(self) -> bool:
        """Whether selection reads sentence embeddings (a weighted centrality feature, or MMR)."""
        return bool(self.weighted_features & EMBEDDING_FEATURES) or self.redundancy > 0

    def describe(self) -> str:
        """What the scorer is, in words, from its weights (the shipped one is a lead-position rule)."""
        if not self.uses_embeddings and self.weighted_features <= _POSITION_AND_TEXT_RULE:
            return LEAD_RULE
        return "trained salience over sentence embeddings and position"


def save_scorer(
    path: Path, *, coef: np.ndarray, redundancy: float, words_per_sentence: float | None
) -> None:
    np.savez(
        path,
        format_version=np.array([FORMAT_VERSION]),
        feature_names=np.array(FEATURE_NAMES),
        coef=np.asarray(coef, dtype=np.float64),
        redundancy=np.array([redundancy], dtype=np.float64),
        # NaN stores "no word stop" without a pickled None.
        words_per_sentence=np.array(
            [np.nan if words_per_sentence is None else words_per_sentence], dtype=np.float64
        ),
    )


def _retrain(file: Path, why: str) -> ModelError:
    return ModelError(f"{file}: {why}; retrain with python models/summary_scorer/train.py")


@cache
def load_scorer(path: str | None = None) -> SentenceScorer:
    file = Path(path) if path else models_dir() / SCORER_FILE
    if not file.is_file():
        raise ModelError(
            f"{file}: the summary scorer is missing; run: python models/summary_scorer/train.py"
        )
    with np.load(file, allow_pickle=False) as data:
        if "format_version" not in data or int(data["format_version"][0]) != FORMAT_VERSION:
            raise _retrain(file, "an older scorer format")
        names = tuple(str(n) for n in data["feature_names"])
        if names != FEATURE_NAMES:
            raise _retrain(file, f"trained on features {names[:3]}…, this code computes others")
        words = float(data["words_per_sentence"][0])
        return SentenceScorer(
            feature_names=names,
            coef=data["coef"],
            redundancy=float(data["redundancy"][0]),
            words_per_sentence=None if np.isnan(words) else words,
            path=str(file),
        )
